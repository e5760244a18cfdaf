import {
  entryTexts,
  validateEntryValues,
  type EntryValues,
} from '../../../core/exercise-entries/entry-values';
import { DomainError } from '../../../core/errors/domain-error';
import type { ImportExerciseEntry } from '../../../core/privacy/import-parse';
import { t } from '../../../core/i18n/translate';
import {
  exerciseById,
  exerciseSummaries,
  type Exercise,
  type ExerciseSummary,
} from '../../../core/exercises/catalogue';
import {
  EXERCISE_VERSIONS,
  type ExerciseVersions,
} from '../../../core/exercises/catalogue.versions';
import type { RegionCode } from '../../../core/safety/help-lines';
import type { RiskAssessment } from '../../../core/safety/risk';
import { safetyResponse, type SafetyResponse } from '../../../core/safety/safety-response';
import { storedRiskLevel } from '../../../core/safety/stored-risk';
import { notFound, type AccessPolicy, type Actor } from '../policies/access.policy';
import type {
  EntryStatus,
  ExerciseEntryRepository,
  StoredExerciseEntry,
} from '../repositories/exercise-entry.repository';
import { newId } from './auth/tokens';
import type { Clock } from './clock';
import { inlineRiskChecker, type RiskChecker } from './safety/risk-checker';
import { isUnreadableText, type FieldLocation, type TextVault } from './privacy/text-vault';

/** How a finished exercise felt, 0–10 each; either may be left out. */
export interface EntryFeeling {
  distress: number | null;
  helpful: number | null;
}

export interface ExerciseEntry {
  id: string;
  exerciseId: string;
  /** The version of the exercise's fields the entry was made with (core/exercises). */
  exerciseVersion: number;
  /** Counted up on every save: a save names the revision it was based on. */
  revision: number;
  status: EntryStatus;
  values: EntryValues;
  feeling: EntryFeeling | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  /** Set when the stored values failed their integrity check; the values are then empty. */
  unreadable?: true;
}

export interface SavedExerciseEntry {
  entry: ExerciseEntry;
  safety: SafetyResponse;
}

export interface CompleteInput {
  values?: unknown;
  distress?: number;
  helpful?: number;
  /** The revision the device's copy was based on; a stale one is `entry_changed_elsewhere`. */
  baseRevision?: number;
}

/** Stable code of a save based on an older revision than the one stored (409). */
export const ENTRY_CHANGED_ELSEWHERE = 'entry_changed_elsewhere';

/** A completed go at an exercise, with how it felt: what the planner reads. */
export interface FinishedExercise {
  exerciseId: string;
  completedAt: string;
  feeling: EntryFeeling | null;
}

/** An entry begun and not yet completed: when, without what was written. */
export interface ExerciseDraft {
  exerciseId: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * The exercise library and the person's entries. Values are checked against the library
 * (core/exercise-entries), encrypted with the owner's key before they reach the repository,
 * and every text passes the risk check, which never blocks the save.
 */
export class ExerciseService {
  constructor(
    private readonly entries: ExerciseEntryRepository,
    private readonly vault: TextVault,
    private readonly policy: AccessPolicy,
    private readonly clock: Clock,
    /** Told about stored values that failed their integrity check: an incident, not a bug. */
    private readonly reportError: (error: unknown) => void = () => undefined,
    private readonly risk: RiskChecker = inlineRiskChecker,
    /** Every version of every exercise: an entry is checked against its own version's fields. */
    private readonly versions: ExerciseVersions = EXERCISE_VERSIONS,
  ) {}

  /**
   * The risk check of everything the person wrote, joined. It runs before the save so its level
   * is stored with the entry (the plan reads it), and it never blocks the save.
   */
  private async assess(exercise: Exercise, values: EntryValues): Promise<RiskAssessment> {
    return this.risk.assess(entryTexts(exercise, values).join('\n'));
  }

  summaries(): ExerciseSummary[] {
    return exerciseSummaries();
  }

  /** One exercise, whole; an unknown id throws `exercise_not_found`. */
  exercise(id: string): Exercise {
    return exerciseById(id);
  }

  async create(
    actor: Actor,
    exerciseId: string,
    input: unknown,
    region: RegionCode,
  ): Promise<SavedExerciseEntry> {
    const exercise = this.versions.current(exerciseId);
    const values = validateEntryValues(exercise, input);
    await this.policy.requireCollection(actor, 'create', 'exercise-entry', actor.userId);
    const assessment = await this.assess(exercise, values);
    const id = newId();
    const now = this.clock.now().toISOString();
    const stored: StoredExerciseEntry = {
      id,
      ownerId: actor.userId,
      exerciseId: exercise.id,
      exerciseVersion: exercise.version,
      revision: 1,
      status: 'draft',
      valuesCiphertext: await this.sealValues(actor.userId, id, values),
      feelingCiphertext: null,
      riskLevel: storedRiskLevel(assessment),
      createdAt: now,
      updatedAt: now,
      completedAt: null,
    };
    await this.entries.insert(stored);
    return {
      entry: view(stored, values, null),
      safety: safetyResponse(assessment, region),
    };
  }

  /**
   * Replaces the saved values: the autosave, called as the person types. The values are
   * checked against the fields of the entry's own version of the exercise. With
   * `baseRevision`, the revision the device's copy grew from, a save based on an older copy
   * than the one stored is refused with `entry_changed_elsewhere` (409) and the stored entry,
   * so the device can merge instead of overwriting words written elsewhere. Without it (older
   * app versions, scripts) the save is based on the revision just read.
   */
  async update(
    actor: Actor,
    exerciseId: string,
    id: string,
    input: unknown,
    region: RegionCode,
    baseRevision?: number,
  ): Promise<SavedExerciseEntry> {
    const stored = await this.load(actor, 'update', this.versions.current(exerciseId), id);
    const exercise = this.versions.at(stored.exerciseId, stored.exerciseVersion);
    if (baseRevision !== undefined && baseRevision !== stored.revision) {
      throw await this.changedElsewhere(stored);
    }
    const values = validateEntryValues(exercise, input);
    const assessment = await this.assess(exercise, values);
    const updated: StoredExerciseEntry = {
      ...stored,
      valuesCiphertext: await this.sealValues(stored.ownerId, id, values),
      riskLevel: storedRiskLevel(assessment),
      updatedAt: this.clock.now().toISOString(),
      revision: stored.revision + 1,
    };
    if (baseRevision === undefined) {
      // No base revision: the caller asked for "the latest wins" (older app versions,
      // scripts). The values are written whatever the stored revision, which counts on.
      const now = await this.entries.overwriteValues(updated);
      if (now === null) throw notFound();
      return {
        entry: view(
          { ...updated, revision: now.revision },
          values,
          await this.openFeelingOrNull(now),
        ),
        safety: safetyResponse(assessment, region),
      };
    }
    await this.saved(updated, await this.entries.updateValues(updated, stored.revision));
    return {
      entry: view(updated, values, await this.openFeelingOrNull(updated)),
      safety: safetyResponse(assessment, region),
    };
  }

  /**
   * Marks the entry completed, optionally with its last values and how it felt. An entry whose
   * stored values are damaged is not completed as saved (`entry_unreadable`, 409): nothing that
   * cannot be read is passed off as finished work. Completing it with new values replaces them;
   * completing it again without ratings keeps the ratings it has.
   */
  async complete(
    actor: Actor,
    exerciseId: string,
    id: string,
    input: CompleteInput,
    region: RegionCode,
  ): Promise<SavedExerciseEntry> {
    const stored = await this.load(actor, 'update', this.versions.current(exerciseId), id);
    const exercise = this.versions.at(stored.exerciseId, stored.exerciseVersion);
    if (input.baseRevision !== undefined && input.baseRevision !== stored.revision) {
      throw await this.changedElsewhere(stored);
    }
    const values =
      input.values === undefined
        ? await this.openValuesToComplete(stored)
        : validateEntryValues(exercise, input.values);
    // Completing again without ratings (to save a last edit) keeps how it felt: the plan's pace
    // and what it finds helpful are read from it.
    const keepsFeeling = input.distress === undefined && input.helpful === undefined;
    const feeling: EntryFeeling | null = keepsFeeling
      ? await this.openFeelingOrNull(stored)
      : { distress: input.distress ?? null, helpful: input.helpful ?? null };
    const assessment = await this.assess(exercise, values);
    const now = this.clock.now().toISOString();
    const updated: StoredExerciseEntry = {
      ...stored,
      status: 'completed',
      riskLevel: storedRiskLevel(assessment),
      valuesCiphertext:
        input.values === undefined
          ? stored.valuesCiphertext
          : await this.sealValues(stored.ownerId, id, values),
      feelingCiphertext: keepsFeeling
        ? stored.feelingCiphertext
        : await this.vault.seal(feelingLocation(stored.ownerId, id), JSON.stringify(feeling)),
      updatedAt: now,
      completedAt: stored.completedAt ?? now,
      revision: stored.revision + 1,
    };
    await this.saved(updated, await this.entries.complete(updated, stored.revision));
    return {
      entry: view(updated, values, feeling),
      safety: safetyResponse(assessment, region),
    };
  }

  /**
   * One entry. A damaged entry is answered as the list shows it, marked unreadable with no
   * values, and reported as an integrity incident: the person can still see that it exists
   * (and delete it), and no damaged data is ever shown.
   */
  async get(actor: Actor, exerciseId: string, id: string): Promise<ExerciseEntry> {
    const exercise = exerciseById(exerciseId);
    return this.openForList(await this.load(actor, 'read', exercise, id));
  }

  /** The owner's entries of one exercise, newest first, drafts and completed. */
  async list(actor: Actor, exerciseId: string): Promise<ExerciseEntry[]> {
    const exercise = exerciseById(exerciseId);
    await this.policy.requireCollection(actor, 'read', 'exercise-entry', actor.userId);
    const stored = await this.entries.listByOwner(actor.userId, exercise.id);
    return Promise.all(stored.map((entry) => this.openForList(entry)));
  }

  async delete(actor: Actor, exerciseId: string, id: string): Promise<void> {
    const exercise = exerciseById(exerciseId);
    const stored = await this.load(actor, 'delete', exercise, id);
    await this.entries.delete(stored.ownerId, stored.id);
  }

  /**
   * An entry brought in from an export (ImportService), sealed for the actor under a new id,
   * with its exercise version, revision, status and times kept; its values are checked
   * against that version's fields again and its texts pass the risk check. Not saved here:
   * the import saves everything together, in one transaction.
   */
  async sealForImport(
    actor: Actor,
    item: ImportExerciseEntry,
  ): Promise<{ stored: StoredExerciseEntry; risk: RiskAssessment }> {
    await this.policy.requireCollection(actor, 'create', 'exercise-entry', actor.userId);
    const exercise = this.versions.at(item.exerciseId, item.exerciseVersion);
    const values = validateEntryValues(exercise, item.values);
    const id = newId();
    const risk = await this.assess(exercise, values);
    return {
      stored: {
        id,
        ownerId: actor.userId,
        exerciseId: exercise.id,
        exerciseVersion: exercise.version,
        revision: item.revision,
        status: item.status,
        valuesCiphertext: await this.sealValues(actor.userId, id, values),
        feelingCiphertext:
          item.feeling === null
            ? null
            : await this.vault.seal(
                feelingLocation(actor.userId, id),
                JSON.stringify(item.feeling),
              ),
        createdAt: item.createdAt,
        updatedAt: item.updatedAt,
        riskLevel: storedRiskLevel(risk),
        completedAt: item.completedAt,
      },
      risk,
    };
  }

  /** Every entry of the owner, decrypted, newest first: for export. */
  async all(actor: Actor): Promise<ExerciseEntry[]> {
    await this.policy.requireCollection(actor, 'read', 'exercise-entry', actor.userId, 'exported');
    const stored = await this.entries.listByOwner(actor.userId);
    return Promise.all(stored.map((entry) => this.openForList(entry)));
  }

  /**
   * The owner's completed entries, oldest first, with how they felt: what the planner needs.
   * Only the feelings are decrypted; what the person wrote is not opened.
   */
  async finished(actor: Actor): Promise<FinishedExercise[]> {
    await this.policy.requireCollection(actor, 'read', 'exercise-entry', actor.userId);
    const stored = await this.entries.listCompleted(actor.userId);
    const finished: FinishedExercise[] = [];
    for (const entry of stored) {
      if (entry.completedAt === null) continue;
      let feeling: EntryFeeling | null = null;
      try {
        feeling = await this.openFeeling(entry);
      } catch (error) {
        // A damaged feeling only loses the pace one data point; the step still counts.
        if (!isUnreadableText(error)) throw error;
        this.reportError(error);
      }
      finished.push({ exerciseId: entry.exerciseId, completedAt: entry.completedAt, feeling });
    }
    return finished;
  }

  /** The owner's drafts, oldest first, with nothing decrypted: what the plan counts as started. */
  async drafts(actor: Actor): Promise<ExerciseDraft[]> {
    await this.policy.requireCollection(actor, 'read', 'exercise-entry', actor.userId);
    const stored = await this.entries.listDrafts(actor.userId);
    return stored.map((entry) => ({
      exerciseId: entry.exerciseId,
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
    }));
  }

  /**
   * Checks that a conditional save is the one stored. If another save got there first (two
   * devices at the same moment), this one changed nothing, and the stored entry is answered
   * as a conflict like a stale `baseRevision`.
   */
  private async saved(
    attempted: StoredExerciseEntry,
    now: StoredExerciseEntry | null,
  ): Promise<void> {
    if (now === null) throw notFound();
    if (isStoredAs(attempted, now)) return;
    throw await this.changedElsewhere(now);
  }

  /** The conflict answer: the entry as stored now, whole, so the device can merge with it. */
  private async changedElsewhere(stored: StoredExerciseEntry): Promise<DomainError> {
    return new DomainError(ENTRY_CHANGED_ELSEWHERE, t('exercise.error.changedElsewhere'), {
      entry: await this.openForList(stored),
    });
  }

  /** Someone else's entry, or one of another exercise, is "not found" like a missing one. */
  private async load(
    actor: Actor,
    action: 'read' | 'update' | 'delete',
    exercise: Exercise,
    id: string,
  ): Promise<StoredExerciseEntry> {
    const stored = await this.policy.requireRecord(actor, action, 'exercise-entry', () =>
      this.entries.findById(id),
    );
    if (stored.exerciseId !== exercise.id) throw notFound();
    return stored;
  }

  private async sealValues(ownerId: string, id: string, values: EntryValues): Promise<string> {
    return this.vault.seal(valuesLocation(ownerId, id), JSON.stringify(values));
  }

  private async openValues(stored: StoredExerciseEntry): Promise<EntryValues> {
    return JSON.parse(
      await this.vault.open(valuesLocation(stored.ownerId, stored.id), stored.valuesCiphertext),
    ) as EntryValues;
  }

  private async openValuesToComplete(stored: StoredExerciseEntry): Promise<EntryValues> {
    try {
      return await this.openValues(stored);
    } catch (error) {
      if (!isUnreadableText(error)) throw error;
      this.reportError(error);
      throw new DomainError('entry_unreadable', t('api.entry_unreadable'));
    }
  }

  /** The feeling, or none when it is damaged (reported): autosave must not fail on it. */
  private async openFeelingOrNull(stored: StoredExerciseEntry): Promise<EntryFeeling | null> {
    try {
      return await this.openFeeling(stored);
    } catch (error) {
      if (!isUnreadableText(error)) throw error;
      this.reportError(error);
      return null;
    }
  }

  private async openFeeling(stored: StoredExerciseEntry): Promise<EntryFeeling | null> {
    if (stored.feelingCiphertext === null) return null;
    return JSON.parse(
      await this.vault.open(feelingLocation(stored.ownerId, stored.id), stored.feelingCiphertext),
    ) as EntryFeeling;
  }

  private async open(stored: StoredExerciseEntry): Promise<ExerciseEntry> {
    return view(stored, await this.openValues(stored), await this.openFeeling(stored));
  }

  /** Like `open`, but a damaged entry is marked unreadable instead of failing the whole list. */
  private async openForList(stored: StoredExerciseEntry): Promise<ExerciseEntry> {
    try {
      return await this.open(stored);
    } catch (error) {
      if (!isUnreadableText(error)) throw error;
      this.reportError(error);
      return { ...view(stored, {}, null), unreadable: true };
    }
  }
}

/** Integrity failures of stored values, as opposed to bugs. */
function view(
  stored: StoredExerciseEntry,
  values: EntryValues,
  feeling: EntryFeeling | null,
): ExerciseEntry {
  return {
    id: stored.id,
    exerciseId: stored.exerciseId,
    exerciseVersion: stored.exerciseVersion,
    revision: stored.revision,
    status: stored.status,
    values,
    feeling,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    completedAt: stored.completedAt,
  };
}

function valuesLocation(ownerId: string, recordId: string): FieldLocation {
  return { table: 'exercise_entries', column: 'values_ciphertext', recordId, ownerId };
}

function feelingLocation(ownerId: string, recordId: string): FieldLocation {
  return { table: 'exercise_entries', column: 'feeling_ciphertext', recordId, ownerId };
}

/** Whether the row read back after a conditional write is the one that write made. */
function isStoredAs(attempted: StoredExerciseEntry, now: StoredExerciseEntry): boolean {
  return (
    now.revision === attempted.revision &&
    now.valuesCiphertext === attempted.valuesCiphertext &&
    now.feelingCiphertext === attempted.feelingCiphertext
  );
}
