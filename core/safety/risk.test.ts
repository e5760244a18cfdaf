import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessRisk, moreSevere, RISK_LEVEL_ORDER, type RiskLevel } from './risk';
import { RISK_TEST_PHRASES } from './risk-phrases';

const LEVELS: readonly RiskLevel[] = ['crisis', 'safeguarding', 'concern', 'none'];

interface Figures {
  table: Record<RiskLevel, Record<RiskLevel, number>>;
  totals: Record<RiskLevel, number>;
  recall: Record<RiskLevel, number>;
  benignFalseAlarm: number;
  benignFalseCrisis: number;
  crisisAsNone: string[];
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
  const crisisAsNone: string[] = [];
  const misses: string[] = [];
  for (const phrase of RISK_TEST_PHRASES) {
    const { level } = assessRisk(phrase.text);
    table[phrase.level][level] += 1;
    totals[phrase.level] += 1;
    if (level !== phrase.level) misses.push(`${phrase.level} → ${level}: ${phrase.text}`);
    if (phrase.level === 'crisis' && level === 'none') crisisAsNone.push(phrase.text);
  }
  const recall = row();
  for (const level of LEVELS) recall[level] = table[level][level] / Math.max(1, totals[level]);
  const benignFalseAlarm = (totals.none - table.none.none) / Math.max(1, totals.none);
  const benignFalseCrisis = table.none.crisis / Math.max(1, totals.none);
  return { table, totals, recall, benignFalseAlarm, benignFalseCrisis, crisisAsNone, misses };
}

const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;

function report(figures: Figures): string {
  const lines = [
    `Risk detection on ${RISK_TEST_PHRASES.length} labelled phrases (rows: label, columns: assessed)`,
    `${'label'.padEnd(14)}${LEVELS.map((level) => level.padStart(14)).join('')}${'recall'.padStart(10)}`,
  ];
  for (const label of LEVELS) {
    const cells = LEVELS.map((level) => String(figures.table[label][level]).padStart(14)).join('');
    lines.push(`${label.padEnd(14)}${cells}${percent(figures.recall[label]).padStart(10)}`);
  }
  lines.push(
    `detection (crisis recall): ${figures.table.crisis.crisis}/${figures.totals.crisis} = ${percent(figures.recall.crisis)}`,
    `safeguarding recall: ${percent(figures.recall.safeguarding)}, concern recall: ${percent(figures.recall.concern)}`,
    `false alarms on benign phrases (any level): ${figures.totals.none - figures.table.none.none}/${figures.totals.none} = ${percent(figures.benignFalseAlarm)}`,
    `benign false-crisis rate: ${figures.table.none.crisis}/${figures.totals.none} = ${percent(figures.benignFalseCrisis)}`,
  );
  if (figures.misses.length > 0)
    lines.push('misses:', ...figures.misses.map((miss) => `  ${miss}`));
  return lines.join('\n');
}

describe('assessRisk on the labelled phrase set', () => {
  const figures = evaluate();

  it('prints the confusion table, detection and false-alarm rates', () => {
    console.log(report(figures));
    expect(RISK_TEST_PHRASES.length).toBeGreaterThanOrEqual(300);
    for (const level of LEVELS) expect(figures.totals[level]).toBeGreaterThan(40);
  });

  it('finds at least 95 % of crisis phrases', () => {
    expect(figures.recall.crisis).toBeGreaterThanOrEqual(0.95);
  });

  it('never assesses a crisis phrase as none', () => {
    expect(figures.crisisAsNone).toEqual([]);
  });

  it('raises a false crisis on at most 5 % of benign phrases', () => {
    expect(figures.benignFalseCrisis).toBeLessThanOrEqual(0.05);
  });

  it('finds at least 90 % of safeguarding phrases', () => {
    expect(figures.recall.safeguarding).toBeGreaterThanOrEqual(0.9);
  });

  it('finds at least 75 % of concern phrases', () => {
    expect(figures.recall.concern).toBeGreaterThanOrEqual(0.75);
  });

  it('quotes the person’s own words: every reason’s match is a substring of the input', () => {
    for (const phrase of RISK_TEST_PHRASES) {
      const assessment = assessRisk(phrase.text);
      expect(assessment.reasons.length > 0).toBe(assessment.level !== 'none');
      for (const reason of assessment.reasons) {
        expect(reason.match.length).toBeGreaterThan(0);
        expect(phrase.text).toContain(reason.match);
      }
    }
  });
});

describe('assessRisk: examples from the issue', () => {
  it.each([
    "I'm not going to hurt myself",
    'this exam is killing me',
    'I could murder a pizza',
    'That move would be career suicide.',
    'We watched Suicide Squad last night.',
    'Coach made us do suicides at training.',
    'He beat me at Mario Kart again.',
    "I'm hopeless at parking.",
    "There's no point worrying about it.",
    'My mum will kill me when she sees my room.',
    'I hurt myself falling off my bike.',
    "My boss won't let me leave before six.",
  ])('treats %j as none', (text) => {
    expect(assessRisk(text)).toEqual({ level: 'none', reasons: [] });
  });

  it.each([
    'sucide is on my mind again',
    'i wanna kil myself',
    'wanna die',
    'dont want to live',
    'i want to diiiie',
    'I w\u200bant to k1ll mys3lf',
    'ＩＭ ＧＯＮＮＡ ＫＭＳ',
    'I want to end it all.',
    'im going to top myself',
    "I've been stockpiling my tablets.",
  ])('reads %j as crisis despite spelling or disguise', (text) => {
    expect(assessRisk(text).level).toBe('crisis');
  });

  it('softens the past and other people to concern', () => {
    expect(assessRisk('Years ago I used to cut myself.').level).toBe('concern');
    expect(assessRisk('My friend says she wants to die and I am worried.').level).toBe('concern');
  });

  it('ranks crisis over safeguarding and keeps both reasons', () => {
    const assessment = assessRisk('He hits me every night and I want to kill myself.');
    expect(assessment.level).toBe('crisis');
    expect(new Set(assessment.reasons.map((reason) => reason.level))).toEqual(
      new Set(['crisis', 'safeguarding']),
    );
  });

  it('orders levels by severity', () => {
    expect(RISK_LEVEL_ORDER).toEqual(['none', 'concern', 'safeguarding', 'crisis']);
    expect(moreSevere('safeguarding', 'crisis')).toBe('crisis');
    expect(moreSevere('concern', 'none')).toBe('concern');
  });
});

describe('assessRisk: properties', () => {
  // Any Unicode, including control characters, lone surrogates and invisible characters.
  const anyText = (maxLength: number) =>
    fc.oneof(
      fc.string({ unit: 'binary', maxLength }),
      fc.string({ unit: 'grapheme', maxLength }),
      fc.string({
        unit: fc.constantFrom(...'ki1l|*@!$ myself.,\n\u200b\u0301\u0000me'),
        maxLength,
      }),
    );

  it('never throws and always answers a known level', () => {
    fc.assert(
      fc.property(anyText(2000), (text) => {
        const assessment = assessRisk(text);
        expect(LEVELS).toContain(assessment.level);
        for (const reason of assessment.reasons) expect(text).toContain(reason.match);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on texts of up to 50 KB', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 40_000, maxLength: 50_000 }), (text) => {
        expect(() => assessRisk(text)).not.toThrow();
      }),
      { numRuns: 4 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(anyText(500), (text) => {
        expect(assessRisk(text)).toEqual(assessRisk(text));
      }),
      { numRuns: 200 },
    );
  });

  it('appending a clear crisis sentence to any text makes it crisis', () => {
    fc.assert(
      fc.property(anyText(500), (text) => {
        expect(assessRisk(`${text}\nI want to kill myself.`).level).toBe('crisis');
      }),
      { numRuns: 300 },
    );
  });

  it('assesses a 50 KB text in under 200 ms', () => {
    const sentences = RISK_TEST_PHRASES.map((phrase) => phrase.text).join(' ');
    let text = '';
    while (text.length < 50_000) text += `${sentences} `;
    text = text.slice(0, 50_000);
    assessRisk(text); // warm up the regex engine
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      assessRisk(text);
      best = Math.min(best, performance.now() - started);
    }
    expect(best).toBeLessThan(200);
  });
});
