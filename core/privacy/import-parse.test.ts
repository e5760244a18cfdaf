import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_CLOSENESS_CHECK } from '../assessment/closeness-check.definition';
import { DomainError } from '../errors/domain-error';
import { IMPORT_FOREIGN, IMPORT_INVALID, parseImport } from './import-parse';

const definition = CURRENT_CLOSENESS_CHECK;
const answers = Object.fromEntries(definition.items.slice(0, 3).map((item) => [item.id, 2]));

/** A small export in the shape the server writes. */
function sample(): Record<string, any> {
  return {
    format: 'closer-export',
    version: 1,
    exportedAt: '2027-02-01T10:00:00.000Z',
    tables: {
      users: [{ id: 'u1', email: null, username: 'sam', created_at: 'x', updated_at: 'x' }],
      sessions: [],
      consents: [],
      checkins: [
        {
          id: 'c1',
          mood: 4,
          closeness: 6,
          stress: 2,
          note: 'Tea with Ana ☕',
          date: '2027-01-31',
          timeZone: 'Europe/London',
          createdAt: '2027-01-31T20:00:00.000Z',
          updatedAt: '2027-01-31T20:00:00.000Z',
        },
        {
          id: 'c2',
          mood: 0,
          closeness: 10,
          stress: 10,
          note: null,
          date: '2027-02-01',
          timeZone: 'Asia/Tokyo',
          createdAt: '2027-01-31T21:00:00.000Z',
          updatedAt: '2027-01-31T21:00:00.000Z',
        },
      ],
      journal_entries: [
        {
          id: 'j1',
          text: 'A walk.',
          mood: null,
          tags: ['sea'],
          createdAt: '2027-01-30T08:00:00.000Z',
          updatedAt: '2027-01-30T08:00:00.000Z',
        },
        {
          id: 'j2',
          text: '',
          mood: null,
          tags: [],
          createdAt: 'x',
          updatedAt: 'x',
          unreadable: true,
        },
      ],
      safety_plans: [
        {
          sections: { warningSigns: ['Not sleeping'], copingAlone: [] },
          updatedAt: '2027-01-29T08:00:00.000Z',
        },
      ],
      closeness_check_responses: [
        {
          id: 'r1',
          version: definition.version,
          createdAt: '2027-01-28T08:00:00.000Z',
          answers,
          scores: {},
          index: null,
          bands: {},
          closenessFear: {},
          safety: { level: 'none', flags: [] },
          researchContributed: false,
        },
      ],
      closeness_check_drafts: [],
      research_pool_queue: [],
      exercise_entries: [],
      plan_weeks: [],
      plan_preferences: [{ minutesPerWeek: 45, avoidExercises: [], avoidTopics: [] }],
      grants: [],
      access_log: [],
      access_log_heads: [],
      audit_events: [],
    },
    grantsReceived: [],
  };
}

function problem(input: unknown): { code: string; message: string } {
  try {
    parseImport(input);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('parsed without a problem');
}

describe('parseImport', () => {
  it('reads an export into what is imported, leaving rows marked unreadable out', () => {
    const parsed = parseImport(sample());
    expect(parsed.checkins.map((row) => row.id)).toEqual(['c1', 'c2']);
    expect(parsed.checkins[0]?.note).toBe('Tea with Ana ☕');
    expect(parsed.journal).toHaveLength(1);
    expect(parsed.unreadable).toEqual({ journal_entries: 1 });
    expect(parsed.safetyPlan?.sections.warningSigns).toEqual(['Not sleeping']);
    expect(parsed.safetyPlan?.sections.professionals).toEqual([]);
    expect(parsed.closenessCheckResponses[0]?.answers).toEqual(answers);
    expect(parsed.planPreferences).toEqual({
      minutesPerWeek: 45,
      avoidExercises: [],
      avoidTopics: [],
    });
  });

  it('names the first problem with its path', () => {
    const file = sample();
    file.tables.checkins[1].mood = 11;
    expect(problem(file)).toEqual({
      code: IMPORT_INVALID,
      message: expect.stringContaining('tables.checkins[1].mood'),
    });
    const extra = sample();
    extra.tables.journal_entries[0].secret = 1;
    expect(problem(extra).message).toContain('tables.journal_entries[0].secret');
    const missing = sample();
    delete missing.tables.checkins[0].timeZone;
    expect(problem(missing).message).toContain('tables.checkins[0].timeZone is missing');
    const section = sample();
    section.tables.reminders_of_another_app = [];
    expect(problem(section).message).toContain('tables.reminders_of_another_app');
    const answer = sample();
    answer.tables.closeness_check_responses[0].answers[definition.items[0]!.id] = 9;
    expect(problem(answer).message).toContain(
      `tables.closeness_check_responses[0].answers.${definition.items[0]!.id}`,
    );
    const day = sample();
    day.tables.checkins[0].date = '2027-02-30';
    expect(problem(day).message).toContain('tables.checkins[0].date');
    const twice = sample();
    twice.tables.checkins[1].id = 'c1';
    expect(problem(twice).message).toContain('tables.checkins[1].id');
    expect(problem({ ...sample(), version: 2 }).message).toContain('version');
  });

  it('tells a foreign file from a damaged export', () => {
    expect(problem({ resourceType: 'Bundle', type: 'collection', entry: [] }).code).toBe(
      IMPORT_FOREIGN,
    );
    expect(problem({ notes: [] }).code).toBe(IMPORT_FOREIGN);
    expect(problem([1, 2]).code).toBe(IMPORT_FOREIGN);
    expect(problem('closer-export').code).toBe(IMPORT_FOREIGN);
    expect(problem({ ...sample(), format: 'other' }).code).toBe(IMPORT_FOREIGN);
  });

  it('throws nothing but import_invalid or import_foreign, whatever the input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const code = problem(value).code;
        expect([IMPORT_INVALID, IMPORT_FOREIGN]).toContain(code);
      }),
      { numRuns: 300 },
    );
  });

  it('throws nothing but import_invalid for an export with any one value replaced', () => {
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
      else if (value && typeof value === 'object')
        for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    };
    walk(sample(), []);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths.filter((path) => path.length > 1)),
        fc.jsonValue(),
        (path, replacement) => {
          const file = sample();
          let parent: any = file;
          for (const key of path.slice(0, -1)) parent = parent[key];
          parent[path[path.length - 1]!] = replacement;
          try {
            parseImport(file);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).code).toBe(IMPORT_INVALID);
            expect((error as DomainError).message).toMatch(/^This file cannot be imported: \S/);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
