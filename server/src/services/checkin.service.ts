import type { Checkin } from '../../../core/checkins/checkin';
import { DEFAULT_TIME_ZONE, isSameLocalDay, localDate } from '../../../core/checkins/local-date';
import { DomainError } from '../../../core/errors/domain-error';
import type { ImportCheckin } from '../../../core/privacy/import-parse';
import type { RiskAssessment } from '../../../core/safety/risk';
import type { RegionCode } from '../../../core/safety/help-lines';
import { safetyResponse, type SafetyResponse } from '../../../core/safety/safety-response';
import { storedRiskLevel } from '../../../core/safety/stored-risk';
import type { AccessPolicy, Actor } from '../policies/access.policy';
import type { CheckinRepository, StoredCheckin } from '../repositories/checkin.repository';
import { newId } from './auth/tokens';
import type { Clock } from './clock';
import { inlineRiskChecker, type RiskChecker } from './safety/risk-checker';
import { isUnreadableText, type FieldLocation, type TextVault } from './privacy/text-vault';

export type { Checkin };

export interface CheckinInput {
  mood: number;
  closeness: number;
  stress: number;
  note?: string | null;
  timeZone?: string;
}

export class CheckinService {
  constructor(
    private readonly checkins: CheckinRepository,
    private readonly vault: TextVault,
    private readonly policy: AccessPolicy,
    private readonly clock: Clock,
    private readonly risk: RiskChecker = inlineRiskChecker,
  ) {}

  async create(
    actor: Actor,
    input: CheckinInput,
    region: RegionCode,
  ): Promise<{ checkin: Checkin; safety: SafetyResponse }> {
    const now = this.clock.now();
    const id = newId();
    const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
    const note = emptyToNull(input.note);
    const safety = safetyResponse(await this.risk.assess(note ?? ''), region);
    const stored: StoredCheckin = {
      id,
      ownerId: actor.userId,
      mood: input.mood,
      closeness: input.closeness,
      stress: input.stress,
      noteCiphertext:
        note === null ? null : await this.vault.seal(location(actor.userId, id), note),
      riskLevel: storedRiskLevel(safety),
      timeZone,
      localDate: localDate(now, timeZone),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await this.checkins.insert(stored);
    return { checkin: toCheckin(stored, note), safety };
  }

  /** A check-in can be changed on the day it was made, in the person's own time zone. */
  async update(
    actor: Actor,
    id: string,
    input: CheckinInput,
    region: RegionCode,
  ): Promise<{ checkin: Checkin; safety: SafetyResponse }> {
    const stored = await this.policy.requireRecord(actor, 'update', 'checkin', () =>
      this.checkins.findById(id),
    );
    const now = this.clock.now();
    if (!isSameLocalDay(new Date(stored.createdAt), now, stored.timeZone)) {
      throw new DomainError(
        'checkin_locked',
        'A check-in can only be changed on the day you made it. You can make a new one for today.',
      );
    }
    const note = input.note === undefined ? await this.openNote(stored) : emptyToNull(input.note);
    const safety = safetyResponse(await this.risk.assess(note ?? ''), region);
    const updated: StoredCheckin = {
      ...stored,
      mood: input.mood,
      closeness: input.closeness,
      stress: input.stress,
      noteCiphertext:
        note === null ? null : await this.vault.seal(location(stored.ownerId, id), note),
      riskLevel: storedRiskLevel(safety),
      updatedAt: now.toISOString(),
    };
    await this.checkins.update(updated);
    return { checkin: toCheckin(updated, note), safety };
  }

  /**
   * A check-in brought in from an export (ImportService), sealed for the actor under a new id
   * with its own day, zone and times kept; the note passes the risk check like any note. It is
   * not saved here: the import saves everything together, in one transaction.
   */
  async sealForImport(
    actor: Actor,
    item: ImportCheckin,
  ): Promise<{ stored: StoredCheckin; risk: RiskAssessment }> {
    await this.policy.requireCollection(actor, 'create', 'checkin', actor.userId);
    const id = newId();
    const note = emptyToNull(item.note);
    const risk = await this.risk.assess(note ?? '');
    return {
      stored: {
        id,
        ownerId: actor.userId,
        mood: item.mood,
        closeness: item.closeness,
        stress: item.stress,
        noteCiphertext:
          note === null ? null : await this.vault.seal(location(actor.userId, id), note),
        riskLevel: storedRiskLevel(risk),
        timeZone: item.timeZone,
        localDate: item.date,
        createdAt: item.createdAt,
        updatedAt: item.updatedAt,
      },
      risk,
    };
  }

  /** The owner's check-ins between two calendar days (YYYY-MM-DD, inclusive), oldest first. */
  async list(
    actor: Actor,
    options: { ownerId?: string; from?: string; to?: string } = {},
  ): Promise<Checkin[]> {
    const ownerId = options.ownerId ?? actor.userId;
    await this.policy.requireCollection(actor, 'read', 'checkin', ownerId);
    const stored = await this.checkins.listByOwner(ownerId, options.from, options.to);
    return Promise.all(
      stored.map(async (checkin) => {
        // A damaged note never hides the other check-ins: the ratings still show.
        try {
          return toCheckin(checkin, await this.openNote(checkin));
        } catch (error) {
          if (!isUnreadableText(error)) throw error;
          return { ...toCheckin(checkin, null), unreadable: true };
        }
      }),
    );
  }

  async get(actor: Actor, id: string): Promise<Checkin> {
    const stored = await this.policy.requireRecord(actor, 'read', 'checkin', () =>
      this.checkins.findById(id),
    );
    return toCheckin(stored, await this.openNote(stored));
  }

  private async openNote(stored: StoredCheckin): Promise<string | null> {
    return stored.noteCiphertext === null
      ? null
      : this.vault.open(location(stored.ownerId, stored.id), stored.noteCiphertext);
  }
}

function location(ownerId: string, recordId: string): FieldLocation {
  return { table: 'checkins', column: 'note_ciphertext', recordId, ownerId };
}

function emptyToNull(note: string | null | undefined): string | null {
  return note === undefined || note === null || note.trim() === '' ? null : note;
}

function toCheckin(stored: StoredCheckin, note: string | null): Checkin {
  return {
    id: stored.id,
    mood: stored.mood,
    closeness: stored.closeness,
    stress: stored.stress,
    note,
    date: stored.localDate,
    timeZone: stored.timeZone,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
}
