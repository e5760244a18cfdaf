/**
 * Reads a Closer JSON export (format `closer-export`, version 1) that a person wants to bring
 * into an account, and checks ALL of it before anything is written: every section must be
 * one Closer knows, and every row must have exactly the shape the export writes. The first
 * problem throws a DomainError `import_invalid` whose message names where it is, like
 * `tables.checkins[3].mood`; a file that is not a Closer export at all (a FHIR bundle,
 * another app's file) throws `import_foreign`. Nothing else is ever thrown, whatever the input.
 *
 * What is imported, and what is only checked (docs/decisions/0013): the person's own health
 * records are imported; account-level sections (the account itself, sessions, consents,
 * grants, the access log, audit events) and the research queue are checked to be lists of
 * rows and left out, because the new account has its own.
 */
import { CLOSENESS_CHECK_VERSIONS } from '../assessment/closeness-check.definition';
import { validateAnswers, type Answers } from '../assessment/scoring';
import { isTimeZone } from '../checkins/local-date';
import { DomainError } from '../errors/domain-error';
import { validateEntryValues, type EntryValues } from '../exercise-entries/entry-values';
import { isExerciseId, type ExerciseId } from '../exercises/catalogue';
import { EXERCISE_TOPICS, type ExerciseTopic } from '../exercises/catalogue.model';
import { EXERCISE_VERSIONS, type ExerciseVersions } from '../exercises/catalogue.versions';
import type { WeeklyPlan } from '../plan/planner';
import { ISO_WEEK, readStoredWeek } from '../plan/stored-plan';
import {
  SAFETY_PLAN_MAX_ITEM_LENGTH,
  SAFETY_PLAN_MAX_ITEMS,
  SAFETY_PLAN_SECTIONS,
  emptySafetyPlan,
  type SafetyPlanSections,
} from '../safety/safety-plan';

export const IMPORT_INVALID = 'import_invalid';
export const IMPORT_FOREIGN = 'import_foreign';
export const IMPORT_FORMAT = 'closer-export';
export const IMPORT_VERSIONS: readonly number[] = [1];

/** The same limits the API sets on each save, so an import holds nothing a save would refuse. */
const LIMITS = {
  id: 64,
  checkinNote: 5_000,
  journalText: 100_000,
  tag: 50,
  tags: 20,
  rating: { min: 0, max: 10 },
  minutesPerWeek: 1_000,
  /** More rows in one section than any person could have made. */
  rows: 200_000,
  /**
   * Levels of nesting anywhere in the file. An export nests about a dozen deep (a plan's
   * reasons nest at most MAX_REASON_DEPTH inside a week); anything much deeper is not one.
   */
  depth: 100,
} as const;

export interface ImportCheckin {
  id: string;
  mood: number;
  closeness: number;
  stress: number;
  note: string | null;
  date: string;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

export interface ImportJournalEntry {
  id: string;
  text: string;
  mood: number | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ImportSafetyPlan {
  sections: SafetyPlanSections;
  updatedAt: string;
}

export interface ImportResponse {
  id: string;
  version: number;
  createdAt: string;
  answers: Answers;
}

export interface ImportDraft {
  version: number;
  answers: Answers;
  updatedAt: string;
}

export interface ImportExerciseEntry {
  id: string;
  exerciseId: ExerciseId;
  exerciseVersion: number;
  revision: number;
  status: 'draft' | 'completed';
  values: EntryValues;
  feeling: { distress: number | null; helpful: number | null } | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

export interface ImportPlanWeek {
  week: string;
  /** The Check the plan was made from (an id in the file), when the export says. */
  checkId: string | null;
  /** Rebuilt from the fields a plan has, each checked (core/plan/stored-plan). */
  plan: WeeklyPlan;
}

export interface ImportPlanPreferences {
  minutesPerWeek: number;
  avoidExercises: ExerciseId[];
  avoidTopics: ExerciseTopic[];
}

/** A whole export, checked: only what is imported, in the shapes the services save. */
export interface ParsedImport {
  exportedAt: string;
  checkins: ImportCheckin[];
  journal: ImportJournalEntry[];
  safetyPlan: ImportSafetyPlan | null;
  closenessCheckResponses: ImportResponse[];
  closenessCheckDraft: ImportDraft | null;
  exerciseEntries: ImportExerciseEntry[];
  planWeeks: ImportPlanWeek[];
  planPreferences: ImportPlanPreferences | null;
  /** Rows the export itself marked unreadable (damaged where they came from): left out. */
  unreadable: Partial<Record<ImportedSection, number>>;
}

/** The sections whose rows are imported. */
export const IMPORTED_SECTIONS = [
  'checkins',
  'journal_entries',
  'safety_plans',
  'closeness_check_responses',
  'closeness_check_drafts',
  'exercise_entries',
  'plan_weeks',
  'plan_preferences',
] as const;
export type ImportedSection = (typeof IMPORTED_SECTIONS)[number];

/**
 * Sections checked and left out, and why: each belongs to the account or to a choice the
 * new account makes for itself.
 */
export const ACCOUNT_SECTIONS = {
  users: 'the account itself: the new account has its own sign-in',
  sessions: 'sign-ins on the old server',
  consents: 'consent is given again, by the new account, to this server',
  grants: 'access given to people on the old server, whose accounts are not here',
  access_log: 'reads that happened on the old server',
  access_log_heads: 'the old access log’s tamper check',
  audit_events: 'security events of the old server',
  research_pool_queue: 'research is a choice the new account makes for itself',
  reminder_settings:
    'reminders are set up again on the new server, whose email and time may differ',
  reminder_feeds: 'a calendar address is a secret of the old server',
  reminder_deliveries: 'reminders the old server sent',
  progress_versions: 'a counter the old server kept to know when to work progress out again',
  session_reports:
    'when a session report was last printed on the old server; the new account chooses its own start',
} as const;

const KNOWN_SECTIONS: ReadonlySet<string> = new Set([
  ...IMPORTED_SECTIONS,
  ...Object.keys(ACCOUNT_SECTIONS),
]);

function invalid(path: string, problem: string): never {
  throw new DomainError(IMPORT_INVALID, `This file cannot be imported: ${path} ${problem}.`, {
    path,
  });
}

function foreign(why: string): never {
  throw new DomainError(
    IMPORT_FOREIGN,
    `This is not a Closer export (${why}). Choose the file from “Download everything in one file (JSON)”.`,
  );
}

type Row = Record<string, unknown>;

const isRecord = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function record(value: unknown, path: string): Row {
  if (!isRecord(value)) invalid(path, 'must be an object');
  return value;
}

/** Exactly these keys: `required` must be there, `optional` may be, nothing else. */
function keys(
  row: Row,
  path: string,
  required: readonly string[],
  optional: readonly string[] = [],
) {
  for (const key of required) if (!Object.hasOwn(row, key)) invalid(`${path}.${key}`, 'is missing');
  const allowed = new Set([...required, ...optional]);
  for (const key of Object.keys(row))
    if (!allowed.has(key))
      invalid(`${path}.${shown(key)}`, 'is not something a Closer export holds');
}

function shown(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return /^[A-Za-z_$][\w$-]*$/.test(short) ? short : JSON.stringify(short);
}

function array(value: unknown, path: string, max: number = LIMITS.rows): unknown[] {
  if (!Array.isArray(value)) invalid(path, 'must be a list');
  if (value.length > max) invalid(path, `has more than ${max} rows`);
  return value;
}

function string(value: unknown, path: string, max: number, min = 0): string {
  if (typeof value !== 'string') invalid(path, 'must be text');
  if (value.length < min) invalid(path, 'must not be empty');
  if (value.length > max) invalid(path, `must be at most ${max} characters`);
  return value;
}

function id(value: unknown, path: string): string {
  return string(value, path, LIMITS.id, 1);
}

function integer(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    invalid(path, `must be a whole number from ${min} to ${max}`);
  return value;
}

function nullable<T>(value: unknown, path: string, read: (value: unknown, path: string) => T) {
  return value === null ? null : read(value, path);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** A moment as the export writes it (ISO 8601 with a zone), answered in UTC as stored. */
function instant(value: unknown, path: string): string {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value)))
    invalid(path, 'must be a date and time like 2026-01-31T09:30:00.000Z');
  return new Date(value).toISOString();
}

function calendarDay(value: unknown, path: string): string {
  const time = typeof value === 'string' ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(time) ||
    new Date(time).toISOString().slice(0, 10) !== value
  )
    invalid(path, 'must be a day like 2026-01-31');
  return value;
}

/**
 * Refuses a file nested deeper than `max` anywhere, before anything reads it further: a
 * value nested thousands deep would otherwise break whatever later walks it. Walked with a
 * list, not recursion, so the walk itself cannot run out of stack.
 */
function depthWithin(input: unknown, max: number): void {
  interface Place {
    value: unknown;
    depth: number;
    key: string | number;
    parent: Place | null;
  }
  const pathOf = (place: Place): string => {
    let path = '';
    for (let at: Place | null = place; at?.parent; at = at.parent)
      path =
        typeof at.key === 'number'
          ? `[${at.key}]${path}`
          : `${at.parent.parent ? '.' : ''}${shown(at.key)}${path}`;
    return path;
  };
  const pending: Place[] = [{ value: input, depth: 0, key: '', parent: null }];
  for (let place = pending.pop(); place !== undefined; place = pending.pop()) {
    const parent = place;
    const { value, depth } = parent;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= max) invalid(pathOf(parent), `nests deeper than ${max} levels`);
    if (Array.isArray(value))
      value.forEach((item, index) =>
        pending.push({ value: item, depth: depth + 1, key: index, parent }),
      );
    else
      for (const [key, item] of Object.entries(value))
        pending.push({ value: item, depth: depth + 1, key, parent });
  }
}

function unreadableMark(row: Row, path: string): boolean {
  if (row.unreadable === undefined) return false;
  if (row.unreadable !== true) invalid(`${path}.unreadable`, 'must be true when it is there');
  return true;
}

/** Reads a section's rows, counting and leaving out those the export marked unreadable. */
function rows<T>(
  tables: Row,
  section: ImportedSection,
  unreadable: ParsedImport['unreadable'],
  read: (row: Row, path: string) => T | null,
  options: { max?: number; key?: (row: T) => string; keyName?: string } = {},
): T[] {
  const path = `tables.${section}`;
  if (!Object.hasOwn(tables, section)) return [];
  const parsedRows: T[] = [];
  const seen = new Set<string>();
  array(tables[section], path, options.max).forEach((value, index) => {
    const rowPath = `${path}[${index}]`;
    const parsed = read(record(value, rowPath), rowPath);
    if (parsed === null) {
      unreadable[section] = (unreadable[section] ?? 0) + 1;
      return;
    }
    if (options.key) {
      const key = options.key(parsed);
      if (seen.has(key))
        invalid(`${rowPath}.${options.keyName ?? 'id'}`, 'repeats that of an earlier row');
      seen.add(key);
    }
    parsedRows.push(parsed);
  });
  return parsedRows;
}

function answers(value: unknown, version: number, path: string): Answers {
  try {
    return validateAnswers(value, CLOSENESS_CHECK_VERSIONS[version]);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const item = error.details?.item;
    invalid(typeof item === 'string' ? `${path}.${shown(item)}` : path, 'is not a valid answer');
  }
}

function checkVersion(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Object.hasOwn(CLOSENESS_CHECK_VERSIONS, value))
    invalid(path, 'is not a published version of the Closeness Check');
  return value;
}

const rating = (value: unknown, path: string) =>
  integer(value, path, LIMITS.rating.min, LIMITS.rating.max);

function checkin(row: Row, path: string): ImportCheckin | null {
  keys(
    row,
    path,
    ['id', 'mood', 'closeness', 'stress', 'note', 'date', 'timeZone', 'createdAt', 'updatedAt'],
    ['unreadable'],
  );
  if (unreadableMark(row, path)) return null;
  const timeZone = string(row.timeZone, `${path}.timeZone`, 100, 1);
  if (!isTimeZone(timeZone)) invalid(`${path}.timeZone`, 'is not a time zone');
  return {
    id: id(row.id, `${path}.id`),
    mood: rating(row.mood, `${path}.mood`),
    closeness: rating(row.closeness, `${path}.closeness`),
    stress: rating(row.stress, `${path}.stress`),
    note: nullable(row.note, `${path}.note`, (value, at) =>
      string(value, at, LIMITS.checkinNote, 1),
    ),
    date: calendarDay(row.date, `${path}.date`),
    timeZone,
    createdAt: instant(row.createdAt, `${path}.createdAt`),
    updatedAt: instant(row.updatedAt, `${path}.updatedAt`),
  };
}

function journalEntry(row: Row, path: string): ImportJournalEntry | null {
  keys(row, path, ['id', 'text', 'mood', 'tags', 'createdAt', 'updatedAt'], ['unreadable']);
  if (unreadableMark(row, path)) return null;
  return {
    id: id(row.id, `${path}.id`),
    text: string(row.text, `${path}.text`, LIMITS.journalText, 1),
    mood: nullable(row.mood, `${path}.mood`, rating),
    tags: array(row.tags, `${path}.tags`, LIMITS.tags).map((tag, index) =>
      string(tag, `${path}.tags[${index}]`, LIMITS.tag),
    ),
    createdAt: instant(row.createdAt, `${path}.createdAt`),
    updatedAt: instant(row.updatedAt, `${path}.updatedAt`),
  };
}

function safetyPlan(row: Row, path: string): ImportSafetyPlan | null {
  if (row.unreadable !== undefined) {
    keys(row, path, ['unreadable']);
    unreadableMark(row, path);
    return null;
  }
  keys(row, path, ['sections', 'updatedAt']);
  const input = record(row.sections, `${path}.sections`);
  keys(input, `${path}.sections`, [], SAFETY_PLAN_SECTIONS);
  const sections = emptySafetyPlan();
  for (const section of SAFETY_PLAN_SECTIONS) {
    if (!Object.hasOwn(input, section)) continue;
    const at = `${path}.sections.${section}`;
    sections[section] = array(input[section], at, SAFETY_PLAN_MAX_ITEMS).map((item, index) =>
      string(item, `${at}[${index}]`, SAFETY_PLAN_MAX_ITEM_LENGTH),
    );
  }
  return { sections, updatedAt: instant(row.updatedAt, `${path}.updatedAt`) };
}

/** Derived from the answers on every read: present in the file, recomputed on import. */
const DERIVED_RESPONSE_KEYS = ['scores', 'index', 'bands', 'closenessFear', 'safety'] as const;

function response(row: Row, path: string): ImportResponse | null {
  keys(
    row,
    path,
    ['id', 'version', 'createdAt', 'answers'],
    [...DERIVED_RESPONSE_KEYS, 'researchContributed', 'unreadable'],
  );
  if (unreadableMark(row, path)) return null;
  for (const key of DERIVED_RESPONSE_KEYS)
    if (Object.hasOwn(row, key) && row[key] !== null && typeof row[key] !== 'object')
      invalid(`${path}.${key}`, 'must be an object');
  if (Object.hasOwn(row, 'researchContributed') && typeof row.researchContributed !== 'boolean')
    invalid(`${path}.researchContributed`, 'must be true or false');
  const version = checkVersion(row.version, `${path}.version`);
  return {
    id: id(row.id, `${path}.id`),
    version,
    createdAt: instant(row.createdAt, `${path}.createdAt`),
    answers: answers(row.answers, version, `${path}.answers`),
  };
}

function draft(row: Row, path: string): ImportDraft {
  keys(row, path, ['version', 'answers', 'updatedAt']);
  const version = checkVersion(row.version, `${path}.version`);
  return {
    version,
    answers: answers(row.answers, version, `${path}.answers`),
    updatedAt: instant(row.updatedAt, `${path}.updatedAt`),
  };
}

function exerciseEntry(versions: ExerciseVersions) {
  return (row: Row, path: string): ImportExerciseEntry | null => {
    keys(
      row,
      path,
      [
        'id',
        'exerciseId',
        'exerciseVersion',
        'revision',
        'status',
        'values',
        'feeling',
        'createdAt',
        'updatedAt',
        'completedAt',
      ],
      ['unreadable'],
    );
    if (unreadableMark(row, path)) return null;
    if (!isExerciseId(row.exerciseId))
      invalid(`${path}.exerciseId`, 'is not an exercise Closer has');
    const exerciseVersion = integer(row.exerciseVersion, `${path}.exerciseVersion`, 1, 10_000);
    let exercise;
    try {
      exercise = versions.at(row.exerciseId, exerciseVersion);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      invalid(`${path}.exerciseVersion`, 'is not a version of this exercise that Closer has');
    }
    let values: EntryValues;
    try {
      values = validateEntryValues(exercise, row.values);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const { step, field } = error.details ?? {};
      const where = [step, field].filter((part): part is string => typeof part === 'string');
      invalid([`${path}.values`, ...where.map(shown)].join('.'), `does not fit this exercise`);
    }
    if (row.status !== 'draft' && row.status !== 'completed')
      invalid(`${path}.status`, 'must be "draft" or "completed"');
    const feeling = nullable(row.feeling, `${path}.feeling`, (value, at) => {
      const input = record(value, at);
      keys(input, at, ['distress', 'helpful']);
      return {
        distress: nullable(input.distress, `${at}.distress`, rating),
        helpful: nullable(input.helpful, `${at}.helpful`, rating),
      };
    });
    const completedAt = nullable(row.completedAt, `${path}.completedAt`, instant);
    if ((row.status === 'completed') !== (completedAt !== null))
      invalid(`${path}.completedAt`, 'must be given exactly when the entry is completed');
    return {
      id: id(row.id, `${path}.id`),
      exerciseId: row.exerciseId,
      exerciseVersion,
      revision: integer(row.revision, `${path}.revision`, 1, 1_000_000_000),
      status: row.status,
      values,
      feeling,
      createdAt: instant(row.createdAt, `${path}.createdAt`),
      updatedAt: instant(row.updatedAt, `${path}.updatedAt`),
      completedAt,
    };
  };
}

function planWeek(row: Row, path: string): ImportPlanWeek | null {
  const week = row.week;
  if (typeof week !== 'string' || !ISO_WEEK.test(week))
    invalid(`${path}.week`, 'must be a week like 2026-W05');
  if (row.unreadable !== undefined) {
    keys(row, path, ['week', 'unreadable']);
    unreadableMark(row, path);
    return null;
  }
  keys(row, path, ['week', 'plan'], ['checkId']);
  // Read as strictly as the server reads its own stored weeks (core/plan/stored-plan), and
  // more: a field a plan does not have refuses the file, as anywhere else in it. So nothing
  // is stored that the server would later find damaged.
  const reading = readStoredWeek(row.plan, { unknownKeys: 'refuse' });
  if (reading.problem) {
    const inner = reading.problem.path === '(the plan)' ? '' : `.${reading.problem.path}`;
    invalid(`${path}.plan${inner}`, reading.problem.problem);
  }
  if (reading.plan.week !== week) invalid(`${path}.plan.week`, 'must be the same week as the row');
  return {
    week,
    checkId: Object.hasOwn(row, 'checkId') ? id(row.checkId, `${path}.checkId`) : null,
    plan: reading.plan,
  };
}

function planPreferences(row: Row, path: string): ImportPlanPreferences | null {
  if (row.unreadable !== undefined) {
    keys(row, path, ['unreadable']);
    unreadableMark(row, path);
    return null;
  }
  keys(row, path, ['minutesPerWeek', 'avoidExercises', 'avoidTopics']);
  const topics: readonly string[] = EXERCISE_TOPICS;
  return {
    minutesPerWeek: integer(row.minutesPerWeek, `${path}.minutesPerWeek`, 0, LIMITS.minutesPerWeek),
    avoidExercises: array(row.avoidExercises, `${path}.avoidExercises`, 100).map((value, index) => {
      if (!isExerciseId(value))
        invalid(`${path}.avoidExercises[${index}]`, 'is not an exercise Closer has');
      return value;
    }),
    avoidTopics: array(row.avoidTopics, `${path}.avoidTopics`, 100).map((value, index) => {
      if (typeof value !== 'string' || !topics.includes(value))
        invalid(`${path}.avoidTopics[${index}]`, 'is not a topic Closer has');
      return value as ExerciseTopic;
    }),
  };
}

/**
 * Checks a whole export and answers what is imported. Throws `import_foreign` for anything
 * that is not a Closer export and `import_invalid`, naming the path, for the first problem.
 */
export function parseImport(
  input: unknown,
  versions: ExerciseVersions = EXERCISE_VERSIONS,
): ParsedImport {
  if (!isRecord(input)) foreign('it is not a JSON object');
  if (input.resourceType !== undefined) foreign('it looks like a FHIR resource');
  if (!Object.hasOwn(input, 'format')) foreign('it has no “format”');
  if (input.format !== IMPORT_FORMAT) foreign('its “format” is not closer-export');
  if (typeof input.version !== 'number' || !IMPORT_VERSIONS.includes(input.version))
    invalid('version', `must be a version this server reads (${IMPORT_VERSIONS.join(', ')})`);
  keys(input, '(the file)', ['format', 'version', 'exportedAt', 'tables'], ['grantsReceived']);
  depthWithin(input, LIMITS.depth);
  const exportedAt = instant(input.exportedAt, 'exportedAt');
  if (Object.hasOwn(input, 'grantsReceived'))
    array(input.grantsReceived, 'grantsReceived').forEach((row, index) =>
      record(row, `grantsReceived[${index}]`),
    );
  const tables = record(input.tables, 'tables');
  for (const section of Object.keys(tables))
    if (!KNOWN_SECTIONS.has(section))
      invalid(`tables.${shown(section)}`, 'is not a section Closer exports');
  for (const section of Object.keys(ACCOUNT_SECTIONS)) {
    if (!Object.hasOwn(tables, section)) continue;
    array(tables[section], `tables.${section}`, section === 'users' ? 1 : LIMITS.rows).forEach(
      (row, index) => record(row, `tables.${section}[${index}]`),
    );
  }

  const unreadable: ParsedImport['unreadable'] = {};
  const byId = { key: (row: { id: string }) => row.id };
  const checkins = rows(tables, 'checkins', unreadable, checkin, byId);
  const journal = rows(tables, 'journal_entries', unreadable, journalEntry, byId);
  const [plan = null] = rows(tables, 'safety_plans', unreadable, safetyPlan, { max: 1 });
  const responses = rows(tables, 'closeness_check_responses', unreadable, response, byId);
  const [checkDraft = null] = rows(tables, 'closeness_check_drafts', unreadable, draft, {
    max: 1,
  });
  const entries = rows(tables, 'exercise_entries', unreadable, exerciseEntry(versions), byId);
  const weeks = rows(tables, 'plan_weeks', unreadable, planWeek, {
    key: (row) => row.week,
    keyName: 'week',
  });
  const [preferences = null] = rows(tables, 'plan_preferences', unreadable, planPreferences, {
    max: 1,
  });
  return {
    exportedAt,
    checkins,
    journal,
    safetyPlan: plan,
    closenessCheckResponses: responses,
    closenessCheckDraft: checkDraft,
    exerciseEntries: entries,
    planWeeks: weeks,
    planPreferences: preferences,
    unreadable,
  };
}
