import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDayNumber, dayNumberOf } from '../checkins/calendar-day';
import { checkinTrends, roundToTenth, type CheckinRatings } from './checkin-trends';

function checkin(date: string, mood: number, closeness = mood, stress = mood): CheckinRatings {
  return { date, mood, closeness, stress };
}

describe('checkinTrends', () => {
  it('gives one point per day, oldest first, with the mean of a day that has several check-ins', () => {
    const trends = checkinTrends([
      checkin('2027-01-03', 6),
      checkin('2027-01-01', 4),
      checkin('2027-01-03', 7),
    ]);
    expect(trends.mood.map((point) => [point.date, point.value])).toEqual([
      ['2027-01-01', 4],
      ['2027-01-03', 6.5],
    ]);
  });

  it('averages over the day and the six before it, leaving out days without a check-in', () => {
    const trends = checkinTrends([
      checkin('2027-01-01', 2),
      checkin('2027-01-04', 4),
      checkin('2027-01-07', 9),
      // 8 January: 1 January has left the window.
      checkin('2027-01-08', 5),
    ]);
    expect(trends.mood.map((point) => point.average)).toEqual([2, 3, 5, 6]);
  });

  it('never counts a missed day as zero', () => {
    const trends = checkinTrends([checkin('2027-03-01', 8), checkin('2027-03-07', 8)]);
    expect(trends.mood.at(-1)?.average).toBe(8);
  });

  it('keeps the three measures apart', () => {
    const trends = checkinTrends([checkin('2027-01-01', 1, 5, 9)]);
    expect([trends.mood[0]?.value, trends.closeness[0]?.value, trends.stress[0]?.value]).toEqual([
      1, 5, 9,
    ]);
  });

  it('limits the points to a range but counts earlier days towards the first averages', () => {
    const trends = checkinTrends(
      [checkin('2027-01-01', 2), checkin('2027-01-02', 4), checkin('2027-01-20', 6)],
      { from: '2027-01-02', to: '2027-01-10' },
    );
    expect(trends.mood).toEqual([{ date: '2027-01-02', value: 4, average: 3 }]);
  });

  it('ignores a check-in whose date is not a real day rather than failing', () => {
    const trends = checkinTrends([checkin('2027-02-30', 3), checkin('2027-02-01', 5)]);
    expect(trends.mood.map((point) => point.date)).toEqual(['2027-02-01']);
  });

  it('rounds to one decimal place, halves away from zero', () => {
    expect(roundToTenth(4.25)).toBe(4.3);
    expect(roundToTenth((4.1 + 4.0) / 2)).toBe(4.1);
    expect(roundToTenth(10 / 3)).toBe(3.3);
  });

  it('agrees with a plain recomputation for any history (property)', () => {
    const day = fc.integer({ min: dayNumberOf('2026-01-01')!, max: dayNumberOf('2026-03-31')! });
    const rating = fc.integer({ min: 0, max: 10 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ day, mood: rating, closeness: rating, stress: rating }), {
          maxLength: 60,
        }),
        (rows) => {
          const checkins = rows.map((row) => ({ ...row, date: dateOfDayNumber(row.day) }));
          const trends = checkinTrends(checkins);
          const days = [...new Set(rows.map((row) => row.day))].sort((a, b) => a - b);
          expect(trends.stress.map((point) => point.date)).toEqual(days.map(dateOfDayNumber));
          days.forEach((today, index) => {
            const meanOf = (d: number) => {
              const same = rows.filter((row) => row.day === d);
              return same.reduce((total, row) => total + row.stress, 0) / same.length;
            };
            const window = days.filter((d) => d > today - 7 && d <= today);
            const expected = window.reduce((total, d) => total + meanOf(d), 0) / window.length;
            const point = trends.stress[index]!;
            expect(point.value).toBe(roundToTenth(meanOf(today)));
            expect(Math.abs(point.average - expected)).toBeLessThanOrEqual(0.05 + 1e-9);
            expect(point.average).toBeGreaterThanOrEqual(0);
            expect(point.average).toBeLessThanOrEqual(10);
          });
        },
      ),
    );
  });
});
