/**
 * A time axis for charts of things that happen now and then (Checks, ladder goes): each point
 * sits at its moment, so a week and six months apart do not look the same. Positions are days
 * since 1 January 1970 (with fractions); a calendar day (YYYY-MM-DD) sits within its own day,
 * several on one day spread across it so none hides another. Pure apart from the locale.
 */
import { LOCALE } from '../../i18n';
import { spreadTicks } from './chart-geometry';

const DAY_MS = 86_400_000;
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Past this many days, the axis names months and years rather than days. */
const LONG_SPAN_DAYS = 180;

export interface TimeAxis {
  /** Where each moment sits, in the order given. */
  positions: number[];
  domain: [number, number];
  ticks: { value: number; label: string }[];
}

/** Positions, domain and up to `most` labelled ticks for moments (instants or calendar days). */
export function timeAxis(moments: readonly string[], most = 6): TimeAxis {
  const calendar = moments.length > 0 && moments.every((moment) => CALENDAR_DAY.test(moment));
  const perDay = new Map<string, number>();
  for (const moment of moments)
    if (CALENDAR_DAY.test(moment)) perDay.set(moment, (perDay.get(moment) ?? 0) + 1);
  const seen = new Map<string, number>();
  const positions = moments.map((moment) => {
    const at = Date.parse(CALENDAR_DAY.test(moment) ? `${moment}T00:00:00Z` : moment) / DAY_MS;
    if (!Number.isFinite(at)) return 0;
    if (!CALENDAR_DAY.test(moment)) return at;
    const nth = seen.get(moment) ?? 0;
    seen.set(moment, nth + 1);
    return at + (nth + 1) / ((perDay.get(moment) ?? 1) + 1);
  });
  if (positions.length === 0) return { positions, domain: [0, 1], ticks: [] };
  const first = Math.min(...positions);
  const last = Math.max(...positions);
  const long = last - first > LONG_SPAN_DAYS;
  const label = (value: number) =>
    new Date(value * DAY_MS).toLocaleDateString(LOCALE, {
      ...(long ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' }),
      // A calendar day is the person's own already; an instant is shown in this browser's zone.
      ...(calendar ? { timeZone: 'UTC' } : {}),
    });
  const ticks: TimeAxis['ticks'] = [];
  for (const value of spreadTicks(first, last, most)) {
    const text = label(value);
    if (!ticks.some((tick) => tick.label === text)) ticks.push({ value, label: text });
  }
  return { positions, domain: [first, last], ticks };
}
