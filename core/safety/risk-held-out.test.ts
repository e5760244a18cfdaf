import { describe, expect, it } from 'vitest';
import { assessRisk, type RiskLevel } from './risk';
import { RISK_HELD_OUT_PHRASES } from './risk-phrases.held-out';
import { RISK_TEST_PHRASES } from './risk-phrases';

/**
 * How `assessRisk` does on phrases it was never tuned on (see risk-phrases.held-out.ts).
 * The figures are printed on every run; a miss is fixed by adding a NEW phrase to the tuning
 * set in risk-phrases.ts and changing a rule, never by editing the held-out phrases.
 */

const LEVELS: readonly RiskLevel[] = ['crisis', 'safeguarding', 'concern', 'none'];

interface Figures {
  table: Record<RiskLevel, Record<RiskLevel, number>>;
  totals: Record<RiskLevel, number>;
  recall: Record<RiskLevel, number>;
  benignFalseAlarm: number;
  benignFalseCrisis: number;
  misses: string[];
}

function evaluate(): Figures {
  const row = (): Record<RiskLevel, number> => ({
    crisis: 0,
    safeguarding: 0,
    concern: 0,
    none: 0,
  });
  const table = { crisis: row(), safeguarding: row(), concern: row(), none: row() };
  const totals = row();
  const misses: string[] = [];
  for (const phrase of RISK_HELD_OUT_PHRASES) {
    const { level } = assessRisk(phrase.text);
    table[phrase.level][level] += 1;
    totals[phrase.level] += 1;
    if (level !== phrase.level) misses.push(`${phrase.level} → ${level}: ${phrase.text}`);
  }
  const recall = row();
  for (const level of LEVELS) recall[level] = table[level][level] / Math.max(1, totals[level]);
  const benignFalseAlarm = (totals.none - table.none.none) / Math.max(1, totals.none);
  const benignFalseCrisis = table.none.crisis / Math.max(1, totals.none);
  return { table, totals, recall, benignFalseAlarm, benignFalseCrisis, misses };
}

const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;

function report(figures: Figures): string {
  const lines = [
    `Risk detection on ${RISK_HELD_OUT_PHRASES.length} held-out phrases (rows: label, columns: assessed)`,
    `${'label'.padEnd(14)}${LEVELS.map((level) => level.padStart(14)).join('')}${'recall'.padStart(10)}`,
  ];
  for (const label of LEVELS) {
    const cells = LEVELS.map((level) => String(figures.table[label][level]).padStart(14)).join('');
    lines.push(`${label.padEnd(14)}${cells}${percent(figures.recall[label]).padStart(10)}`);
  }
  lines.push(
    `crisis recall: ${figures.table.crisis.crisis}/${figures.totals.crisis} = ${percent(figures.recall.crisis)}`,
    `safeguarding recall: ${figures.table.safeguarding.safeguarding}/${figures.totals.safeguarding} = ${percent(figures.recall.safeguarding)}`,
    `concern recall: ${figures.table.concern.concern}/${figures.totals.concern} = ${percent(figures.recall.concern)}`,
    `benign false alarms (any level): ${figures.totals.none - figures.table.none.none}/${figures.totals.none} = ${percent(figures.benignFalseAlarm)}`,
    `benign false-crisis rate: ${figures.table.none.crisis}/${figures.totals.none} = ${percent(figures.benignFalseCrisis)}`,
  );
  if (figures.misses.length > 0)
    lines.push(
      `misses (${figures.misses.length}, label → assessed):`,
      ...figures.misses.map((miss) => `  ${miss}`),
    );
  return lines.join('\n');
}

describe('assessRisk on the held-out phrase set', () => {
  const figures = evaluate();

  it('prints the confusion table, recall, false-alarm rates and every miss', () => {
    console.log(report(figures));
    expect(RISK_HELD_OUT_PHRASES.length).toBeGreaterThanOrEqual(200);
    for (const level of LEVELS) expect(figures.totals[level]).toBeGreaterThanOrEqual(30);
  });

  it('shares no phrase with the tuning set', () => {
    const tuning = new Set(RISK_TEST_PHRASES.map((phrase) => phrase.text.toLowerCase()));
    const shared = RISK_HELD_OUT_PHRASES.filter((phrase) => tuning.has(phrase.text.toLowerCase()));
    expect(shared).toEqual([]);
  });

  // Floors against regression on an untuned set, not targets: each sits a few points below
  // (or a ceiling a few points above) the figure measured on the first run, which gave crisis
  // recall 43.9 %, safeguarding recall 53.1 %, concern recall 48.7 %, benign false alarms
  // 5.6 % and benign false crises 2.8 %. Raise them only after the rules improve on new
  // tuning phrases; never edit the held-out phrases or labels to make one pass.
  it('keeps crisis recall above its floor', () => {
    expect(figures.recall.crisis).toBeGreaterThanOrEqual(0.4);
  });

  it('keeps safeguarding recall above its floor', () => {
    expect(figures.recall.safeguarding).toBeGreaterThanOrEqual(0.48);
  });

  it('keeps concern recall above its floor', () => {
    expect(figures.recall.concern).toBeGreaterThanOrEqual(0.44);
  });

  it('keeps benign false alarms below their ceiling', () => {
    expect(figures.benignFalseAlarm).toBeLessThanOrEqual(0.1);
  });

  it('keeps benign false crises below their ceiling', () => {
    expect(figures.benignFalseCrisis).toBeLessThanOrEqual(0.06);
  });
});
