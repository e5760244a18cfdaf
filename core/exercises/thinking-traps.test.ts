import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  suggestThinkingTraps,
  THINKING_TRAP_IDS,
  THINKING_TRAPS,
  thinkingTrap,
  type ThinkingTrapId,
  type ThinkingTrapSuggestion,
} from './thinking-traps';
import {
  THINKING_TRAP_HELD_OUT_PHRASES,
  THINKING_TRAP_PHRASES,
  type ThinkingTrapPhrase,
} from './thinking-traps.phrases';

interface TrapCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

interface Figures {
  phrases: number;
  perTrap: Record<ThinkingTrapId, TrapCounts>;
  microPrecision: number;
  microRecall: number;
  misses: string[];
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);
const precisionOf = (c: TrapCounts): number =>
  ratio(c.truePositives, c.truePositives + c.falsePositives);
const recallOf = (c: TrapCounts): number =>
  ratio(c.truePositives, c.truePositives + c.falseNegatives);

/** Every suggested trap counts: the thought record shows them all, and the person chooses. */
function evaluate(phrases: readonly ThinkingTrapPhrase[]): Figures {
  const perTrap = Object.fromEntries(
    THINKING_TRAP_IDS.map((id) => [id, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]),
  ) as Record<ThinkingTrapId, TrapCounts>;
  const misses: string[] = [];
  for (const phrase of phrases) {
    const suggested = new Set(suggestThinkingTraps(phrase.text).map((s) => s.trap));
    const expected = new Set(phrase.traps);
    for (const id of THINKING_TRAP_IDS) {
      if (suggested.has(id) && expected.has(id)) perTrap[id].truePositives += 1;
      else if (suggested.has(id)) perTrap[id].falsePositives += 1;
      else if (expected.has(id)) perTrap[id].falseNegatives += 1;
    }
    const extra = [...suggested].filter((id) => !expected.has(id));
    const missing = [...expected].filter((id) => !suggested.has(id));
    if (extra.length > 0 || missing.length > 0) {
      const change = [...extra.map((id) => `+${id}`), ...missing.map((id) => `-${id}`)];
      misses.push(`${change.join(' ')}: ${phrase.text}`);
    }
  }
  const total = Object.values(perTrap).reduce(
    (sum, c) => ({
      truePositives: sum.truePositives + c.truePositives,
      falsePositives: sum.falsePositives + c.falsePositives,
      falseNegatives: sum.falseNegatives + c.falseNegatives,
    }),
    { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
  );
  return {
    phrases: phrases.length,
    perTrap,
    microPrecision: precisionOf(total),
    microRecall: recallOf(total),
    misses,
  };
}

const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;

function report(title: string, figures: Figures): string {
  const lines = [
    `${title}: ${figures.phrases} labelled thoughts`,
    `${'trap'.padEnd(24)}${'expected'.padStart(9)}${'suggested'.padStart(10)}${'precision'.padStart(11)}${'recall'.padStart(9)}`,
  ];
  for (const id of THINKING_TRAP_IDS) {
    const c = figures.perTrap[id];
    lines.push(
      `${id.padEnd(24)}${String(c.truePositives + c.falseNegatives).padStart(9)}${String(c.truePositives + c.falsePositives).padStart(10)}${percent(precisionOf(c)).padStart(11)}${percent(recallOf(c)).padStart(9)}`,
    );
  }
  lines.push(
    `micro precision ${percent(figures.microPrecision)}, micro recall ${percent(figures.microRecall)}`,
  );
  if (figures.misses.length > 0) {
    lines.push('differences (+ suggested but not labelled, - labelled but not suggested):');
    lines.push(...figures.misses.map((miss) => `  ${miss}`));
  }
  return lines.join('\n');
}

describe('suggestThinkingTraps on the labelled thoughts', () => {
  const tuned = evaluate(THINKING_TRAP_PHRASES);
  const heldOut = evaluate(THINKING_TRAP_HELD_OUT_PHRASES);

  it('prints precision and recall per trap, for the tuning set and the held-out set', () => {
    console.log(report('Thinking traps, tuning set', tuned));
    console.log(report('Thinking traps, held-out set (never used to tune)', heldOut));
  });

  it('has a fair test set: 200+ thoughts, every trap well covered, pairs and balanced ones', () => {
    const all = [...THINKING_TRAP_PHRASES, ...THINKING_TRAP_HELD_OUT_PHRASES];
    expect(all.length).toBeGreaterThanOrEqual(200);
    expect(THINKING_TRAP_HELD_OUT_PHRASES.length).toBeGreaterThanOrEqual(40);
    expect(all.filter((phrase) => phrase.traps.length === 0).length).toBeGreaterThanOrEqual(20);
    expect(all.filter((phrase) => phrase.traps.length >= 2).length).toBeGreaterThanOrEqual(20);
    for (const id of THINKING_TRAP_IDS) {
      expect(THINKING_TRAP_PHRASES.filter((p) => p.traps.includes(id)).length).toBeGreaterThan(12);
      expect(
        THINKING_TRAP_HELD_OUT_PHRASES.filter((p) => p.traps.includes(id)).length,
      ).toBeGreaterThan(2);
    }
    const texts = all.map((phrase) => phrase.text.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('meets its floors on the tuning set: micro precision and recall at least 90 %', () => {
    expect(tuned.microPrecision).toBeGreaterThanOrEqual(0.9);
    expect(tuned.microRecall).toBeGreaterThanOrEqual(0.9);
  });

  it('finds at least 80 % of each trap in the tuning set, at least 80 % precise', () => {
    for (const id of THINKING_TRAP_IDS) {
      expect({ id, recall: recallOf(tuned.perTrap[id]) }).toEqual({
        id,
        recall: expect.toSatisfy((value: number) => value >= 0.8),
      });
      expect({ id, precision: precisionOf(tuned.perTrap[id]) }).toEqual({
        id,
        precision: expect.toSatisfy((value: number) => value >= 0.8),
      });
    }
  });

  it('holds a lower floor on the held-out set: micro precision 80 %, micro recall 70 %', () => {
    // Three to eight thoughts per trap: too few for per-trap floors, so only the totals.
    expect(heldOut.microPrecision).toBeGreaterThanOrEqual(0.8);
    expect(heldOut.microRecall).toBeGreaterThanOrEqual(0.7);
  });

  it('suggests nothing for most balanced thoughts', () => {
    const balanced = [...THINKING_TRAP_PHRASES, ...THINKING_TRAP_HELD_OUT_PHRASES].filter(
      (phrase) => phrase.traps.length === 0,
    );
    const quiet = balanced.filter((phrase) => suggestThinkingTraps(phrase.text).length === 0);
    expect(quiet.length / balanced.length).toBeGreaterThanOrEqual(0.85);
  });
});

describe('the trap catalogue', () => {
  it('lists the eleven traps once each, in the order of the ids', () => {
    expect(THINKING_TRAPS.map((trap) => trap.id)).toEqual([...THINKING_TRAP_IDS]);
    expect(THINKING_TRAP_IDS).toHaveLength(11);
  });

  it('gives each a short name, one kind sentence and one gentle question', () => {
    for (const trap of THINKING_TRAPS) {
      expect(trap.name.split(' ').length).toBeLessThanOrEqual(5);
      expect(trap.usualName.length).toBeGreaterThan(0);
      expect(trap.explanation).toMatch(/^[A-Z][^.?!]*[^.?!]\.$/);
      expect(trap.explanation.split(' ').length).toBeLessThanOrEqual(22);
      expect(trap.question).toMatch(/\?$/);
      expect(trap.question.split(' ').length).toBeLessThanOrEqual(22);
    }
  });

  it('speaks plainly: no blaming words, British spelling', () => {
    const text = THINKING_TRAPS.flatMap((t) => [t.name, t.explanation, t.question]).join(' ');
    expect(text).not.toMatch(
      /\b(?:irrational|distorted|distortion|wrong with you|faulty|disorder)\b/i,
    );
    expect(text).not.toMatch(/\b(?:catastrophizing|labeling|judgment|behavior|color)\b/i);
  });

  it('finds an entry by id', () => {
    expect(thinkingTrap('mind-reading').name).toBe('Mind reading');
    expect(() => thinkingTrap('guessing' as ThinkingTrapId)).toThrow();
  });
});

const trapsOf = (text: string): ThinkingTrapId[] => suggestThinkingTraps(text).map((s) => s.trap);
const wordsFor = (text: string, trap: ThinkingTrapId): string[] =>
  suggestThinkingTraps(text)
    .find((s) => s.trap === trap)
    ?.words.map((w) => w.text) ?? [];

describe('suggestThinkingTraps: one clear example of each trap', () => {
  it.each<[ThinkingTrapId, string]>([
    ['all-or-nothing', 'If it is not perfect, the whole evening is ruined.'],
    ['overgeneralising', 'Everyone I get close to ends up hurting me.'],
    ['mental-filter', 'We laughed all night, but all I can think about is my clumsy goodbye.'],
    ['discounting-positives', 'She said it was lovely but she was just being kind.'],
    ['mind-reading', 'He didn’t text back so he’s lost interest.'],
    ['fortune-telling', 'If I tell her how I feel she’ll leave.'],
    ['catastrophising', 'If he ends it, that would be the end of the world.'],
    ['emotional-reasoning', 'I feel rejected so I must have been rejected.'],
    ['should-statements', 'I should be over this by now.'],
    ['labelling', 'I’m unlovable.'],
    ['personalising', 'It’s my fault we argued.'],
  ])('suggests %s first', (trap, text) => {
    expect(trapsOf(text)[0]).toBe(trap);
  });

  it('suggests two traps when a thought holds two', () => {
    expect(trapsOf('Nobody will ever love me.')).toEqual(
      expect.arrayContaining(['fortune-telling', 'overgeneralising']),
    );
    expect(trapsOf('I feel like a failure, so I am one.')).toEqual(
      expect.arrayContaining(['emotional-reasoning', 'labelling']),
    );
  });

  it('suggests nothing for a calm, balanced thought', () => {
    expect(suggestThinkingTraps('He hasn’t replied yet; he might be busy.')).toEqual([]);
    expect(suggestThinkingTraps('We argued, and we both played a part in it.')).toEqual([]);
  });
});

describe('suggestThinkingTraps: negation', () => {
  it('does not read "not always" as a rule', () => {
    expect(trapsOf('I’m not always wrong.')).toEqual([]);
    expect(trapsOf('He doesn’t always text back, and that’s fine.')).toEqual([]);
    expect(trapsOf('I’m always wrong.')).toEqual(
      expect.arrayContaining(['all-or-nothing', 'overgeneralising']),
    );
  });

  it('lets a denial undo the words it denies', () => {
    expect(trapsOf('It wouldn’t be the end of the world.')).toEqual([]);
    expect(trapsOf('It’s not my fault the train was late.')).toEqual([]);
    expect(trapsOf('I’m not a failure; I’m learning.')).toEqual([]);
    expect(trapsOf('I don’t have to be perfect to be loved.')).toEqual([]);
    expect(trapsOf('Not everyone I meet will hurt me.')).toEqual([]);
    expect(trapsOf('I don’t think she’ll leave.')).toEqual([]);
  });

  it('keeps a negation that is part of the thought', () => {
    expect(trapsOf('If it isn’t perfect, it’s a failure.')).toContain('all-or-nothing');
    expect(trapsOf('He doesn’t care about me any more.')).toContain('mind-reading');
    expect(trapsOf('This relationship won’t last.')).toContain('fortune-telling');
    expect(trapsOf('I shouldn’t feel so scared.')).toContain('should-statements');
    expect(trapsOf('I don’t feel attractive, so nobody could find me attractive.')).toContain(
      'emotional-reasoning',
    );
  });

  it('does not reach across a comma or an "and"', () => {
    expect(trapsOf('I’m not sure, but she’ll leave.')).toContain('fortune-telling');
    expect(trapsOf('I’m not good enough and she will leave me.')).toContain('fortune-telling');
  });
});

describe('suggestThinkingTraps: the way people type', () => {
  it('reads straight and curly apostrophes alike', () => {
    expect(trapsOf("If I tell her how I feel she'll leave.")).toEqual(
      trapsOf('If I tell her how I feel she’ll leave.'),
    );
    expect(trapsOf("He didn't text back so he's lost interest.")).toEqual(['mind-reading']);
  });

  it('ignores case', () => {
    expect(trapsOf('I’M SUCH AN IDIOT')).toEqual(['labelling']);
    expect(trapsOf('EVERYONE ALWAYS LEAVES')).toContain('overgeneralising');
  });

  it('mends missing apostrophes, text-speak and common slips', () => {
    expect(trapsOf('i shud be over it by now')).toEqual(['should-statements']);
    expect(trapsOf('hes lost intrest in me')).toEqual(['mind-reading']);
    expect(trapsOf('nobody evr stays')).toEqual(['overgeneralising']);
    expect(trapsOf('its all my fault')).toEqual(['personalising']);
    expect(trapsOf('im unloveable')).toEqual(['labelling']);
    expect(trapsOf('shes gonna dump me')).toEqual(['fortune-telling']);
    expect(trapsOf('ill never find anyone')).toEqual(['fortune-telling']);
    expect(trapsOf('she wont stay')).toEqual(['fortune-telling']);
  });

  it('reads stretched words and accents', () => {
    expect(trapsOf('I neverrr get anything right')).toContain('overgeneralising');
    expect(trapsOf('Everyone álways leaves me')).toContain('overgeneralising');
  });

  it('does not take "ill" for "I will" when it means unwell', () => {
    expect(trapsOf('I felt ill before the date.')).toEqual([]);
  });
});

/** The shape every answer must have, whatever the input. */
function expectWellFormed(text: string, suggestions: ThinkingTrapSuggestion[]): void {
  const seen = new Set<ThinkingTrapId>();
  let previous = Number.POSITIVE_INFINITY;
  for (const suggestion of suggestions) {
    expect(THINKING_TRAP_IDS).toContain(suggestion.trap);
    expect(seen.has(suggestion.trap)).toBe(false);
    seen.add(suggestion.trap);
    expect(suggestion.confidence).toBeGreaterThanOrEqual(0.5);
    expect(suggestion.confidence).toBeLessThanOrEqual(1);
    expect(suggestion.confidence).toBeLessThanOrEqual(previous);
    previous = suggestion.confidence;
    expect(suggestion.words.length).toBeGreaterThan(0);
    let end = 0;
    for (const words of suggestion.words) {
      expect(words.text.length).toBeGreaterThan(0);
      expect(text.slice(words.start, words.end)).toBe(words.text);
      expect(words.start).toBeGreaterThanOrEqual(end);
      end = words.end;
    }
  }
}

describe('suggestThinkingTraps: the words it quotes', () => {
  it('quotes exactly the words that suggested the trap', () => {
    expect(wordsFor('He didn’t text back so he’s lost interest.', 'mind-reading')).toEqual([
      'lost interest',
    ]);
    expect(wordsFor('If I tell her how I feel she’ll leave.', 'fortune-telling')).toEqual([
      'she’ll leave',
    ]);
    expect(wordsFor('I should be over this by now.', 'should-statements')).toEqual([
      'should',
      'by now',
    ]);
    expect(wordsFor('It’s my fault we argued.', 'personalising')).toEqual(['my fault']);
  });

  it('gives offsets that find the same words in the text, for every labelled thought', () => {
    for (const phrase of [...THINKING_TRAP_PHRASES, ...THINKING_TRAP_HELD_OUT_PHRASES]) {
      expectWellFormed(phrase.text, suggestThinkingTraps(phrase.text));
    }
  });

  it('keeps offsets exact around letters that change length when lower-cased', () => {
    const text = 'İİİ Ǆ ﬁ — I’m ALWAYS the one who ruins everything.';
    const suggestions = suggestThinkingTraps(text);
    expectWellFormed(text, suggestions);
    expect(wordsFor(text, 'overgeneralising')).toEqual(['ALWAYS']);
  });
});

describe('suggestThinkingTraps: empty and huge texts', () => {
  it('answers an empty list for empty or blank text', () => {
    expect(suggestThinkingTraps('')).toEqual([]);
    expect(suggestThinkingTraps('   \n\t  ')).toEqual([]);
    expect(suggestThinkingTraps('…!?')).toEqual([]);
  });

  it('copes with a long text and keeps the quoted words few', () => {
    const text = 'He didn’t text back so he’s lost interest. '.repeat(1_200);
    const suggestions = suggestThinkingTraps(text);
    expectWellFormed(text, suggestions);
    expect(suggestions[0]?.trap).toBe('mind-reading');
    for (const suggestion of suggestions) expect(suggestion.words.length).toBeLessThanOrEqual(8);
  });

  it('takes well under a millisecond for a 300-character thought', () => {
    const text =
      'He didn’t text back so he’s lost interest, and if I tell him how I feel he’ll leave. I should be over this by now; everyone I get close to ends up hurting me and it’s my fault. I’m unlovable, and I feel rejected so I must have been rejected. She said it was lovely, but she was only being kind to me.';
    expect(text.length).toBeGreaterThanOrEqual(290);
    for (let i = 0; i < 200; i += 1) suggestThinkingTraps(`${text} ${i}`);
    const runs = 500;
    const started = performance.now();
    for (let i = 0; i < runs; i += 1) suggestThinkingTraps(`${text} ${i}`);
    const perThought = (performance.now() - started) / runs;
    console.log(
      `suggestThinkingTraps: ${(perThought * 1000).toFixed(0)} µs per 300-character thought`,
    );
    expect(perThought).toBeLessThan(1);
  });
});

describe('suggestThinkingTraps: properties', () => {
  // Any Unicode (control characters, lone surrogates, combining marks, emoji), and texts
  // built from the words and marks the rules care about.
  const anyText = (maxLength: number) =>
    fc.oneof(
      fc.string({ unit: 'binary', maxLength }),
      fc.string({ unit: 'grapheme', maxLength }),
      fc
        .array(
          fc.constantFrom(
            'I',
            'I’m',
            "she'll",
            'not',
            'always',
            'never',
            'everyone',
            'nobody',
            'feel',
            'so',
            'must',
            'should',
            'my',
            'fault',
            'a',
            'failure',
            'perfect',
            'if',
            'what',
            'will',
            'leave',
            'İ',
            'ﬁ',
            '\u0301',
            '\u200b',
            '\ud800',
            '\u{1f494}',
            ',',
            '.',
            '’',
            "'",
            '%',
            '100',
            ' ',
            '\n',
          ),
          { maxLength: Math.ceil(maxLength / 3) },
        )
        .map((parts) => parts.join(' ')),
      fc
        .array(fc.constantFrom('a', 'l', 'w', 'y', 's', "'", '’', ' ', 'e', 'v', 'r', 'n'), {
          maxLength,
        })
        .map((chars) => chars.join('')),
    );

  it('never throws, and every quoted word sits at its stated offset', () => {
    fc.assert(
      fc.property(anyText(600), (text) => {
        expectWellFormed(text, suggestThinkingTraps(text));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on texts of up to 50 KB', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', minLength: 40_000, maxLength: 50_000 }),
          fc
            .array(
              fc.constantFrom('I always ', 'feel ', 'so ', 'not ', 'she’ll leave', ', ', '. '),
              {
                minLength: 5_000,
                maxLength: 8_000,
              },
            )
            .map((parts) => parts.join('')),
        ),
        (text) => {
          expectWellFormed(text, suggestThinkingTraps(text));
        },
      ),
      { numRuns: 6 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(anyText(400), (text) => {
        expect(suggestThinkingTraps(text)).toEqual(suggestThinkingTraps(text));
      }),
      { numRuns: 200 },
    );
  });

  it('depends only on the text: the same answer before and after other texts are read', () => {
    const text = 'I’m always wrong, and she’ll leave.';
    const before = suggestThinkingTraps(text);
    for (const phrase of THINKING_TRAP_PHRASES) suggestThinkingTraps(phrase.text);
    expect(suggestThinkingTraps(text)).toEqual(before);
  });
});
