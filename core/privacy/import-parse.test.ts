import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersAt } from '../../tests/factories/closeness-check.factory';
import { CURRENT_CLOSENESS_CHECK } from '../assessment/closeness-check.definition';
import { scoreClosenessCheck } from '../assessment/scoring';
import { DomainError } from '../errors/domain-error';
import { planWeek } from '../plan/planner';
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
          answers: { ...answers },
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

  it('reads a week made by the real planner as it is, and refuses any week that is not a plan', () => {
    const plan = planWeek({
      week: '2027-W05',
      check: scoreClosenessCheck(answersAt(4)),
      preferences: { minutesPerWeek: 60 },
    });
    const withWeek = (week: unknown) => {
      const file = sample();
      file.tables.plan_weeks = [{ week: '2027-W05', checkId: 'r1', plan: week }];
      return file;
    };
    expect(parseImport(withWeek(JSON.parse(JSON.stringify(plan)))).planWeeks).toEqual([
      { week: '2027-W05', checkId: 'r1', plan },
    ]);
    const cases: [(week: any) => void, string][] = [
      [(week) => (week.padding = 'x'.repeat(1_000_000)), 'tables.plan_weeks[0].plan.padding'],
      [(week) => (week.steps[0].colour = 'red'), 'tables.plan_weeks[0].plan.steps[0].colour'],
      [(week) => (week.swappedOut = [1, 'a']), 'tables.plan_weeks[0].plan.swappedOut[0]'],
      [(week) => (week.minutes = 'many'), 'tables.plan_weeks[0].plan.minutes'],
      [
        (week) => (week.recommendation.reasons = [{ key: 'plan.care.self-help', x: 1 }]),
        'tables.plan_weeks[0].plan.recommendation.reasons[0].x',
      ],
      [(week) => (week.week = '2027-W06'), 'tables.plan_weeks[0].plan.week'],
    ];
    for (const [change, path] of cases) {
      const week = JSON.parse(JSON.stringify(plan));
      change(week);
      const refused = problem(withWeek(week));
      expect(refused.code).toBe(IMPORT_INVALID);
      expect(refused.message).toContain(`${path} `);
    }
    expect(problem(withWeek([])).message).toContain('tables.plan_weeks[0].plan must be an object');
  });

  it('refuses a file nested absurdly deep anywhere, naming where, without overflowing', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 20_000; level += 1) deep = { x: deep };
    const inPlan = sample();
    inPlan.tables.plan_weeks = [
      { week: '2027-W05', plan: { week: '2027-W05', recommendation: deep } },
    ];
    const refused = problem(inPlan);
    expect(refused.code).toBe(IMPORT_INVALID);
    expect(refused.message).toContain('tables.plan_weeks[0].plan.recommendation.x.x');
    expect(refused.message).toContain('nests deeper than 100 levels');
    let list: unknown = [];
    for (let level = 0; level < 1_000_000; level += 1) list = [list];
    const inAccount = sample();
    inAccount.tables.audit_events = [list];
    expect(problem(inAccount).message).toContain('tables.audit_events[0][0][0]');
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
