import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import {
  earliestReportDate,
  excerptOf,
  REPORT_FROM_IN_FUTURE,
  REPORT_FROM_INVALID,
  REPORT_FROM_TOO_EARLY,
  reportCheckins,
  reportChecks,
  reportStart,
  reportStepsPerWeek,
  weeksOf,
} from './session-report';

const codeOf = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
};

describe('reportStart', () => {
  const today = '2027-03-20';

  it('defaults to the day of the last report marked printed, else four weeks ago', () => {
    expect(reportStart({ requested: undefined, today, lastReportDate: null })).toBe('2027-02-20');
    expect(reportStart({ requested: undefined, today, lastReportDate: '2027-03-02' })).toBe(
      '2027-03-02',
    );
    // A mark from a clock that was ahead, or from long ago, still gives a valid start.
    expect(reportStart({ requested: undefined, today, lastReportDate: '2027-04-01' })).toBe(today);
    expect(reportStart({ requested: undefined, today, lastReportDate: '2019-01-01' })).toBe(
      '2022-03-20',
    );
  });

  it('takes a chosen day from five years ago up to today, and nothing else', () => {
    expect(reportStart({ requested: today, today, lastReportDate: null })).toBe(today);
    expect(reportStart({ requested: '2022-03-20', today, lastReportDate: null })).toBe(
      '2022-03-20',
    );
    const start = (requested: string) => () =>
      reportStart({ requested, today, lastReportDate: '2027-03-01' });
    expect(codeOf(start('2027-03-21'))).toBe(REPORT_FROM_IN_FUTURE);
    expect(codeOf(start('2022-03-19'))).toBe(REPORT_FROM_TOO_EARLY);
    for (const bad of [
      '',
      'yesterday',
      '2027-02-29',
      '2027-3-1',
      '2027-03-01T00:00',
      ' 2027-03-01',
    ])
      expect(codeOf(start(bad)), bad).toBe(REPORT_FROM_INVALID);
  });

  it('five years back from 29 February is 28 February', () => {
    expect(earliestReportDate('2028-02-29')).toBe('2023-02-28');
  });

  it('answers a day in range or throws a DomainError with a stable code, for any input', () => {
    const codes = new Set([REPORT_FROM_INVALID, REPORT_FROM_IN_FUTURE, REPORT_FROM_TOO_EARLY]);
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.oneof(fc.string(), day), day, (requested, todayIs) => {
        try {
          const from = reportStart({ requested, today: todayIs, lastReportDate: null });
          expect(from).toBe(requested);
          expect(from <= todayIs && from >= earliestReportDate(todayIs)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect(codes.has((error as DomainError).code)).toBe(true);
        }
      }),
    );
  });
});

describe('reportCheckins', () => {
  it('uses daily values, never counts a missed day, and groups by ISO week', () => {
    const figures = reportCheckins(
      [
        { date: '2027-03-07', mood: 0, closeness: 0, stress: 10 },
        { date: '2027-03-08', mood: 4, closeness: 3, stress: 8 },
        { date: '2027-03-08', mood: 6, closeness: 5, stress: 6 },
        { date: '2027-03-16', mood: 8, closeness: 7, stress: 3 },
        { date: 'not a day', mood: 1, closeness: 1, stress: 1 },
      ],
      { from: '2027-03-08', to: '2027-03-20' },
    );
    expect(figures.count).toBe(3);
    expect(figures.days).toBe(2);
    expect(figures.measures.closeness).toEqual({ first: 4, last: 7, average: 5.5 });
    expect(figures.weeks).toEqual([
      { week: '2027-W10', days: 1, mood: 5, closeness: 4, stress: 7 },
      { week: '2027-W11', days: 1, mood: 8, closeness: 7, stress: 3 },
    ]);
  });

  it('an empty period has no figures and no blame: nulls, not zeros', () => {
    const figures = reportCheckins([], { from: '2027-03-08', to: '2027-03-09' });
    expect(figures.measures).toEqual({ mood: null, closeness: null, stress: null });
    expect(figures.weeks).toEqual([
      { week: '2027-W10', days: 0, mood: null, closeness: null, stress: null },
    ]);
  });
});

describe('reportChecks', () => {
  const check = (id: string, createdAt: string, sharing: number) => ({
    id,
    createdAt,
    version: 1,
    scores: { sharing } as never,
    index: { sharing: (sharing - 1) * 25 } as never,
  });
  const period = { from: '2027-03-08', to: '2027-03-20', timeZone: 'Europe/London' };

  it('measures from the last Check before the period, never calling change reliable without figures', () => {
    const result = reportChecks(
      [
        check('c', '2027-03-19T10:00:00Z', 2),
        check('b', '2027-03-10T10:00:00Z', 3),
        check('a', '2027-03-01T10:00:00Z', 4),
      ],
      period,
      null,
    );
    expect(result.count).toBe(2);
    expect(result.first?.id).toBe('a');
    expect(result.latest?.id).toBe('c');
    expect(result.firstBeforePeriod).toBe(true);
    expect(result.changes?.sharing).toMatchObject({
      before: 4,
      after: 2,
      reliable: false,
      label: 'not-assessed',
    });
  });

  it('one Check in the period and none before: no change to tell', () => {
    const result = reportChecks([check('b', '2027-03-10T10:00:00Z', 3)], period, null);
    expect(result).toMatchObject({ count: 1, firstBeforePeriod: false, changes: null });
    expect(reportChecks([check('a', '2027-03-01T10:00:00Z', 4)], period, null).latest).toBeNull();
  });
});

describe('helpers', () => {
  it('weeksOf lists each ISO week the period touches', () => {
    expect(weeksOf({ from: '2027-03-07', to: '2027-03-15' })).toEqual([
      '2027-W09',
      '2027-W10',
      '2027-W11',
    ]);
  });

  it('excerptOf flattens and cuts at a word', () => {
    expect(excerptOf('  two\n\nlines ')).toBe('two lines');
    expect(excerptOf('one two three four', 10)).toBe('one two…');
  });
});

describe('reportStepsPerWeek', () => {
  it('counts only steps done on a day of the period, even in a week that began before it', () => {
    // Wednesday 10 March 2027 starts the period; its week began on Monday 8 March.
    const period = { from: '2027-03-10', to: '2027-03-20', timeZone: 'Europe/London' };
    const plans = [{ week: '2027-W10', exerciseIds: ['thought-record', 'thought-record'] }];
    const weeks = reportStepsPerWeek(
      plans,
      [
        { exerciseId: 'thought-record', completedAt: '2027-03-11T10:00:00.000Z' },
        { exerciseId: 'thought-record', completedAt: '2027-03-09T10:00:00.000Z' },
        // Just before midnight in London on the 9th: still the day before.
        { exerciseId: 'thought-record', completedAt: '2027-03-09T23:59:00.000Z' },
      ],
      period,
    );
    expect(weeks[0]).toMatchObject({ week: '2027-W10', completed: 1 });
  });
});
