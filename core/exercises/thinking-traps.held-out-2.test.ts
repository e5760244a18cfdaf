import { describe, expect, it } from 'vitest';
import { THINKING_TRAP_IDS, suggestThinkingTraps, type ThinkingTrapId } from './thinking-traps';
import { THINKING_TRAP_FRESH_THOUGHTS } from './thinking-traps.held-out-2';
import { THINKING_TRAP_HELD_OUT_PHRASES, THINKING_TRAP_PHRASES } from './thinking-traps.phrases';

/**
 * How `suggestThinkingTraps` does on the second held-out set (thinking-traps.held-out-2.ts),
 * written without reading the rules or the earlier phrases. A trap counts as suggested if it
 * is in the result at any confidence. The figures are printed on every run; a miss is fixed by
 * adding a NEW phrase to the tuning set and changing a rule, never by editing this set.
 */

interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

interface Figures {
  perTrap: Record<ThinkingTrapId, Counts>;
  micro: Counts;
  misses: string[];
  falseSuggestions: string[];
}

function evaluate(): Figures {
  const perTrap = Object.fromEntries(
    THINKING_TRAP_IDS.map((id) => [id, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]),
  ) as Record<ThinkingTrapId, Counts>;
  const micro: Counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  const misses: string[] = [];
  const falseSuggestions: string[] = [];
  for (const { text, traps } of THINKING_TRAP_FRESH_THOUGHTS) {
    const expected = new Set<ThinkingTrapId>(traps);
    const suggested = new Set(suggestThinkingTraps(text).map((suggestion) => suggestion.trap));
    for (const id of THINKING_TRAP_IDS) {
      const counts = perTrap[id];
      if (expected.has(id) && suggested.has(id)) {
        counts.truePositives += 1;
        micro.truePositives += 1;
      } else if (expected.has(id)) {
        counts.falseNegatives += 1;
        micro.falseNegatives += 1;
        misses.push(`${id}: ${text}`);
      } else if (suggested.has(id)) {
        counts.falsePositives += 1;
        micro.falsePositives += 1;
        falseSuggestions.push(`${id}: ${text}`);
      }
    }
  }
  return { perTrap, micro, misses, falseSuggestions };
}

const precision = (counts: Counts): number =>
  counts.truePositives / Math.max(1, counts.truePositives + counts.falsePositives);
const recall = (counts: Counts): number =>
  counts.truePositives / Math.max(1, counts.truePositives + counts.falseNegatives);
const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;

function report(figures: Figures): string {
  const lines = [
    `Thinking traps on ${THINKING_TRAP_FRESH_THOUGHTS.length} fresh held-out thoughts`,
    `${'trap'.padEnd(24)}${'labelled'.padStart(10)}${'found'.padStart(8)}${'false'.padStart(8)}${'precision'.padStart(12)}${'recall'.padStart(10)}`,
  ];
  for (const id of THINKING_TRAP_IDS) {
    const counts = figures.perTrap[id];
    lines.push(
      `${id.padEnd(24)}${String(counts.truePositives + counts.falseNegatives).padStart(10)}${String(counts.truePositives).padStart(8)}${String(counts.falsePositives).padStart(8)}${percent(precision(counts)).padStart(12)}${percent(recall(counts)).padStart(10)}`,
    );
  }
  const { micro } = figures;
  lines.push(
    `micro precision: ${micro.truePositives}/${micro.truePositives + micro.falsePositives} = ${percent(precision(micro))}`,
    `micro recall: ${micro.truePositives}/${micro.truePositives + micro.falseNegatives} = ${percent(recall(micro))}`,
    `misses (${figures.misses.length}, labelled trap not suggested):`,
    ...figures.misses.map((miss) => `  ${miss}`),
    `false suggestions (${figures.falseSuggestions.length}, suggested trap not labelled):`,
    ...figures.falseSuggestions.map((suggestion) => `  ${suggestion}`),
  );
  return lines.join('\n');
}

describe('suggestThinkingTraps on the second held-out set', () => {
  const figures = evaluate();

  it('prints precision and recall per trap, micro figures, every miss and false suggestion', () => {
    console.log(report(figures));
    expect(THINKING_TRAP_FRESH_THOUGHTS.length).toBeGreaterThanOrEqual(200);
  });

  it('has no thought twice and shares none with the earlier phrases', () => {
    // Letters and digits only, so a copy differing in case, apostrophes or stops still counts.
    const fold = (text: string): string =>
      text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const texts = THINKING_TRAP_FRESH_THOUGHTS.map((entry) => fold(entry.text));
    expect(new Set(texts).size).toBe(texts.length);
    const earlier = new Set(
      [...THINKING_TRAP_PHRASES, ...THINKING_TRAP_HELD_OUT_PHRASES].map((phrase) =>
        fold(phrase.text),
      ),
    );
    expect(texts.filter((text) => earlier.has(text))).toEqual([]);
  });

  // Regression floors on an untuned set, not targets: each sits a few points below the figure
  // measured on the first run (214 thoughts: micro precision 92.8 %, micro recall 73.6 %; per
  // trap in the comments below). Raise them only after the rules improve on NEW tuning
  // phrases; never edit these thoughts or their labels to make one pass.
  const FLOORS: Record<ThinkingTrapId, { precision: number; recall: number }> = {
    'all-or-nothing': { precision: 0.8, recall: 0.6 }, // 87.5 %, 66.7 %
    overgeneralising: { precision: 0.78, recall: 0.9 }, // 83.3 %, 95.2 %
    'mental-filter': { precision: 0.9, recall: 0.47 }, // 100 %, 52.9 %
    'discounting-positives': { precision: 0.9, recall: 0.6 }, // 100 %, 66.7 %
    'mind-reading': { precision: 0.85, recall: 0.55 }, // 92.9 %, 61.9 %
    'fortune-telling': { precision: 0.75, recall: 0.75 }, // 81.8 %, 81.8 %
    catastrophising: { precision: 0.85, recall: 0.72 }, // 93.8 %, 78.9 %
    'emotional-reasoning': { precision: 0.9, recall: 0.68 }, // 100 %, 73.7 %
    'should-statements': { precision: 0.9, recall: 0.9 }, // 100 %, 95.2 %
    labelling: { precision: 0.9, recall: 0.63 }, // 100 %, 69.2 %
    personalising: { precision: 0.85, recall: 0.58 }, // 93.3 %, 63.6 %
  };

  it('keeps micro precision and recall above their floors', () => {
    expect(precision(figures.micro)).toBeGreaterThanOrEqual(0.88);
    expect(recall(figures.micro)).toBeGreaterThanOrEqual(0.69);
  });

  it.each(THINKING_TRAP_IDS)('keeps %s precision and recall above their floors', (id) => {
    expect(precision(figures.perTrap[id])).toBeGreaterThanOrEqual(FLOORS[id].precision);
    expect(recall(figures.perTrap[id])).toBeGreaterThanOrEqual(FLOORS[id].recall);
  });
});
