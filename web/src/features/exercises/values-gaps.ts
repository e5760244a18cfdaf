import type { FieldValue } from './exercises-api';

/** One life area of the values compass, with the gap between what matters and how it is lived. */
export interface ValuesGap {
  area: string;
  importance: number;
  living: number;
  /** How much it matters minus how much it is lived now; never below 0. */
  gap: number;
}

/**
 * The rated life areas of a values compass, biggest gap first. Only areas with a name and both
 * ratings count. Ties keep the more important area first, then the person's own order, so the
 * same answers always give the same list. A gap is never negative: living an area more than it
 * matters is not a problem to fix.
 */
export function rankValuesGaps(rows: FieldValue | undefined): ValuesGap[] {
  if (!Array.isArray(rows)) return [];
  const gaps: (ValuesGap & { order: number })[] = [];
  rows.forEach((row, order) => {
    if (typeof row !== 'object') return;
    const area = typeof row.area === 'string' ? row.area.trim() : '';
    const { importance, living } = row;
    if (area === '' || typeof importance !== 'number' || typeof living !== 'number') return;
    gaps.push({ area, importance, living, gap: Math.max(0, importance - living), order });
  });
  return gaps
    .sort((a, b) => b.gap - a.gap || b.importance - a.importance || a.order - b.order)
    .map(({ order: _order, ...gap }) => gap);
}

/** The area with the biggest gap, if any area has a gap at all. */
export function biggestGap(rows: FieldValue | undefined): ValuesGap | null {
  const first = rankValuesGaps(rows)[0];
  return first && first.gap > 0 ? first : null;
}
