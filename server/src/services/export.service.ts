import {
  CLOSENESS_CHECK_VERSIONS,
  SCORED_SUBSCALE_IDS,
} from '../../../core/assessment/closeness-check.definition';
import { DomainError } from '../../../core/errors/domain-error';
import { toFhirBundle, type FhirBundle } from '../../../core/export/fhir';
import type { CsvKind } from '../../../core/privacy/export-kinds';
import type { Actor } from '../policies/access.policy';
import {
  PERSONAL_TABLES,
  type PersonalDataRepository,
  type PersonalTable,
} from '../repositories/personal-data.repository';
import type { CheckinService } from './checkin.service';
import type { ClosenessCheckService } from './closeness-check.service';
import type { Clock } from './clock';
import type { ExerciseService } from './exercise.service';
import type { JournalService } from './journal.service';
import type { PlanService } from './plan.service';
import type { SafetyPlanService } from './safety-plan.service';

export const EXPORT_FORMAT = 'closer-export';
export const EXPORT_VERSION = 1;

export interface PersonalExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** One section per table that holds the person's data, free text decrypted. */
  tables: Record<PersonalTable, unknown[]>;
  /** Access other people have given this person to their records. */
  grantsReceived: unknown[];
}

/** Columns never exported: secrets that would only help someone who stole the file. */
const SECRET_COLUMNS: Partial<Record<PersonalTable, string[]>> = {
  users: ['password_hash'],
  sessions: ['id', 'csrf_token'],
  // Only a hash, but of the secret in the calendar link: nothing the person needs to keep.
  reminder_feeds: ['token_hash'],
};

/** CSV kinds a person can download, one file each: the list the web app offers too. */
export { CSV_KINDS, type CsvKind } from '../../../core/privacy/export-kinds';

/**
 * Everything Closer holds about a person, as they can read it. Tables with encrypted text
 * are exported through their services (decrypted); the rest as stored, less secrets.
 */
export class ExportService {
  constructor(
    private readonly data: PersonalDataRepository,
    private readonly journal: JournalService,
    private readonly checkins: CheckinService,
    private readonly safetyPlans: SafetyPlanService,
    private readonly clock: Clock,
    private readonly closenessCheck: ClosenessCheckService,
    private readonly exercises: ExerciseService,
    private readonly plan: PlanService,
  ) {}

  async exportAll(actor: Actor): Promise<PersonalExport> {
    const tables: Partial<Record<PersonalTable, unknown[]>> = {};
    for (const table of PERSONAL_TABLES) {
      tables[table] = await this.section(actor, table);
    }
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: this.clock.now().toISOString(),
      tables: tables as Record<PersonalTable, unknown[]>,
      grantsReceived: await this.data.grantsReceived(actor.userId),
    };
  }

  /**
   * The person's Closeness Checks and check-ins as a FHIR R4 `Bundle` (core/export/fhir), for
   * other health software. Read through the services like the JSON export, so the answers and
   * notes are decrypted; a damaged response or note is left out (a damaged note's ratings
   * still go), as nothing unreadable is passed off as data.
   */
  async exportFhir(actor: Actor): Promise<FhirBundle> {
    const responses = await this.closenessCheck.exportResponses(actor);
    const checkins = await this.checkins.list(actor);
    return toFhirBundle({
      personId: actor.userId,
      exportedAt: this.clock.now().toISOString(),
      definitions: CLOSENESS_CHECK_VERSIONS,
      responses: responses
        .filter((response) => !response.unreadable)
        .map(({ id, version, createdAt, answers, scores }) => ({
          id,
          version,
          createdAt,
          answers,
          scores,
        })),
      checkins: checkins.map(({ id, createdAt, mood, closeness, stress, note }) => ({
        id,
        createdAt,
        mood,
        closeness,
        stress,
        note,
      })),
    });
  }

  /** One kind as CSV (RFC 4180), with a header row. */
  async exportCsv(actor: Actor, kind: CsvKind): Promise<string> {
    switch (kind) {
      case 'checkins':
        return toCsv(
          ['date', 'mood', 'closeness', 'stress', 'note', 'timeZone', 'createdAt', 'updatedAt'],
          (await this.checkins.list(actor)).map((c) => [
            c.date,
            c.mood,
            c.closeness,
            c.stress,
            c.note ?? '',
            c.timeZone,
            c.createdAt,
            c.updatedAt,
          ]),
        );
      case 'journal':
        return toCsv(
          ['createdAt', 'updatedAt', 'mood', 'tags', 'text'],
          (await this.journal.all(actor)).map((e) => [
            e.createdAt,
            e.updatedAt,
            e.mood ?? '',
            e.tags.join('; '),
            e.text,
          ]),
        );
      case 'safety-plan': {
        const plan = await this.safetyPlans.get(actor);
        return toCsv(
          ['section', 'item'],
          Object.entries(plan.sections).flatMap(([section, items]) =>
            items.map((item) => [section, item]),
          ),
        );
      }
      case 'closeness-check':
        return this.closenessCheckCsv(actor);
      case 'exercises':
        // One row per field answered: exercises differ too much for one column per field.
        return toCsv(
          [
            'entryId',
            'exerciseId',
            'status',
            'createdAt',
            'updatedAt',
            'completedAt',
            'distress',
            'helpful',
            'step',
            'field',
            'value',
          ],
          (await this.exercises.all(actor)).flatMap((entry) => {
            const common: Cell[] = [
              entry.id,
              entry.exerciseId,
              entry.unreadable ? `${entry.status} (unreadable)` : entry.status,
              entry.createdAt,
              entry.updatedAt,
              entry.completedAt ?? '',
              entry.feeling?.distress ?? '',
              entry.feeling?.helpful ?? '',
            ];
            const cells = Object.entries(entry.values).flatMap(([step, fields]) =>
              Object.entries(fields).map(([field, value]) => [
                ...common,
                step,
                field,
                typeof value === 'string' || typeof value === 'number'
                  ? value
                  : JSON.stringify(value),
              ]),
            );
            return cells.length > 0 ? cells : [[...common, '', '', '']];
          }),
        );
      case 'consents':
        return toCsv(
          ['kind', 'version', 'given_at', 'withdrawn_at'],
          (await this.data.rows('consents', actor.userId)).map(
            (row) => [row.kind, row.version, row.given_at, row.withdrawn_at ?? ''] as Cell[],
          ),
        );
      case 'access-log':
        return toCsv(
          ['sequence', 'at', 'actor_id', 'record_type', 'record_id', 'action', 'reason'],
          (await this.data.rows('access_log', actor.userId)).map(
            (row) =>
              [
                row.sequence,
                row.at,
                row.actor_id,
                row.record_type,
                row.record_id,
                row.action,
                row.reason,
              ] as Cell[],
          ),
        );
    }
  }

  /**
   * One row per saved Check, then the draft if there is one: scores per subscale, then each
   * answer in a column of its own (every question of every published version).
   */
  private async closenessCheckCsv(actor: Actor): Promise<string> {
    const questions = allClosenessCheckQuestions();
    const responses = await this.closenessCheck.exportResponses(actor);
    const draft = await this.closenessCheck.getDraft(actor);
    const answerCells = (answers: Readonly<Record<string, number>>) =>
      questions.map((id) => (Object.hasOwn(answers, id) ? answers[id] : ''));
    return toCsv(
      [
        'kind',
        'id',
        'at',
        'version',
        'closenessFearIndex',
        ...SCORED_SUBSCALE_IDS.map((id) => `score:${id}`),
        'safetyLevel',
        ...questions,
      ],
      [
        ...responses.map((response) => [
          response.unreadable ? 'response (unreadable)' : 'response',
          response.id,
          response.createdAt,
          response.version,
          response.closenessFear.index,
          ...SCORED_SUBSCALE_IDS.map((id) => response.scores[id]),
          response.safety.level,
          ...answerCells(response.answers),
        ]),
        ...(draft
          ? [
              [
                'draft',
                '',
                draft.updatedAt,
                draft.version,
                '',
                ...SCORED_SUBSCALE_IDS.map(() => ''),
                '',
                ...answerCells(draft.answers),
              ],
            ]
          : []),
      ],
    );
  }

  private async section(actor: Actor, table: PersonalTable): Promise<unknown[]> {
    switch (table) {
      case 'closeness_check_responses':
        return this.closenessCheck.exportResponses(actor);
      case 'closeness_check_drafts': {
        const draft = await this.closenessCheck.getDraft(actor);
        return draft
          ? [{ version: draft.version, answers: draft.answers, updatedAt: draft.updatedAt }]
          : [];
      }
      case 'research_pool_queue':
        // Which responses wait to join the research pool; their encrypted copies are the
        // same answers as the responses themselves, so only the link is exported.
        return (await this.data.rows(table, actor.userId)).map((row) => ({
          id: row.id,
          responseId: row.response_id,
          version: row.version,
        }));
      case 'journal_entries':
        return this.journal.all(actor);
      case 'exercise_entries':
        return this.exercises.all(actor);
      case 'plan_weeks':
        return this.plan.exportWeeks(actor);
      case 'plan_preferences':
        // Damaged preferences leave as `{ unreadable: true }`, never as the usual ones.
        return this.plan.exportPreferences(actor);
      case 'checkins':
        return this.checkins.list(actor);
      case 'safety_plans': {
        // Everything else still leaves with the person if the plan's stored copy is damaged.
        try {
          const plan = await this.safetyPlans.get(actor);
          return plan.updatedAt === null ? [] : [plan];
        } catch (error) {
          if (
            !(error instanceof DomainError) ||
            !['ciphertext_invalid', 'person_key_invalid'].includes(error.code)
          )
            throw error;
          return [{ unreadable: true }];
        }
      }
      default: {
        const hidden = new Set(SECRET_COLUMNS[table] ?? []);
        const rows = await this.data.rows(table, actor.userId);
        return rows.map((row) =>
          Object.fromEntries(Object.entries(row).filter(([column]) => !hidden.has(column))),
        );
      }
    }
  }
}

type Cell = string | number | null | undefined;

/** Every question id of every published version of the Check, first appearance first. */
function allClosenessCheckQuestions(): string[] {
  const ids = new Set<string>();
  for (const definition of Object.values(CLOSENESS_CHECK_VERSIONS)) {
    for (const item of definition.items) ids.add(item.id);
    for (const question of definition.safetyQuestions) ids.add(question.id);
  }
  return [...ids];
}

/**
 * RFC 4180 CSV. A cell that a spreadsheet would run as a formula (starting with =, +, -, @,
 * tab or carriage return) is prefixed with an apostrophe, as OWASP advises, so opening an
 * export can never execute anything.
 */
export function toCsv(header: string[], rows: Cell[][]): string {
  const line = (cells: Cell[]) => cells.map(csvCell).join(',');
  return `${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}

function csvCell(value: Cell): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
