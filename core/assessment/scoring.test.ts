import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import {
  CURRENT_CLOSENESS_CHECK,
  SCORED_SUBSCALE_IDS,
  SIGN_IDS,
  type ClosenessCheckDefinition,
  type ScoredSubscaleId,
} from './closeness-check.definition';
import {
  assessSafetyAnswers,
  bandForIndex,
  closenessCheckVersion,
  completionOf,
  partnerQuestionsCleared,
  scoreClosenessCheck,
  scoreResponse,
  validateAnswers,
  type Answers,
} from './scoring';

const definition = CURRENT_CLOSENESS_CHECK;
const { items, safetyQuestions } = definition;
const itemsOf = (id: ScoredSubscaleId) => items.filter((item) => item.subscale === id);

/** Answers in which every item of every subscale shows this much difficulty (1–5). */
function allAt(difficulty: number): Record<string, number> {
  return Object.fromEntries(
    items.map((item) => [item.id, item.reverse ? 6 - difficulty : difficulty]),
  );
}

/** Raw answers to one subscale's items, in the definition's order. */
function subscaleAnswers(id: ScoredSubscaleId, values: readonly number[]): Record<string, number> {
  return Object.fromEntries(
    itemsOf(id)
      .slice(0, values.length)
      .map((item, index) => [item.id, values[index] as number]),
  );
}

/** The error a call throws, for inspecting its code, message and details. */
function thrown(call: () => unknown): DomainError {
  try {
    call();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('subscale scores', () => {
  it('reverse-keys before averaging (reverse value = 1 + 5 − value)', () => {
    // avoidance items in order: 1 forward, 2 reverse, 3 forward, 4 reverse, 5 forward.
    expect(itemsOf('avoidance').map((item) => item.reverse)).toEqual([
      false,
      true,
      false,
      true,
      false,
    ]);
    // 4, (6 − 2 =) 4, 4, (6 − 2 =) 4, 4 → mean 4 → index (4 − 1)/4 × 100 = 75, marked.
    const result = scoreClosenessCheck(subscaleAnswers('avoidance', [4, 2, 4, 2, 4]));
    expect(result.scores.avoidance).toBe(4);
    expect(result.index.avoidance).toBe(75);
    expect(result.bands.avoidance).toBe('marked');
    // Without reverse-keying the mean would have been (4+2+4+2+4)/5 = 3.2.
  });

  it('gives the top and bottom of the scale for the most and least difficulty', () => {
    const most = scoreClosenessCheck(allAt(5));
    const least = scoreClosenessCheck(allAt(1));
    for (const id of SCORED_SUBSCALE_IDS) {
      expect(most.scores[id]).toBe(5);
      expect(most.index[id]).toBe(100);
      expect(most.bands[id]).toBe('marked');
      expect(least.scores[id]).toBe(1);
      expect(least.index[id]).toBe(0);
      expect(least.bands[id]).toBe('lower');
    }
    expect(most.closenessFear).toEqual({ index: 100, band: 'marked' });
    expect(least.closenessFear).toEqual({ index: 0, band: 'lower' });
  });

  it('does not let "strongly agree" to everything give a top score anywhere', () => {
    const agreeAll = Object.fromEntries(items.map((item) => [item.id, 5]));
    const result = scoreClosenessCheck(agreeAll);
    // A sign: 5, 1, 5, 1, 5 after keying → 17/5 = 3.4. A root: 5, 5, 1 → 11/3 ≈ 3.67.
    expect(result.scores.avoidance).toBe(3.4);
    expect(result.scores.childhood).toBe(3.67);
    for (const id of SCORED_SUBSCALE_IDS) expect(result.scores[id]).toBeLessThan(4);
  });

  it('rounds the score to 2 places and the index to a whole number', () => {
    // childhood: 2, 2, (6 − 3 =) 3 → 7/3 = 2.333… → score 2.33, index 33.33… → 33.
    const result = scoreClosenessCheck(subscaleAnswers('childhood', [2, 2, 3]));
    expect(result.scores.childhood).toBe(2.33);
    expect(result.index.childhood).toBe(33);
    expect(result.bands.childhood).toBe('lower');
  });

  it('ignores safety answers in every score', () => {
    const base = scoreClosenessCheck(allAt(3));
    const withSafety = scoreClosenessCheck({
      ...allAt(3),
      'safety-self-harm': 1,
      'safety-partner-fear': 1,
      'safety-partner-control': 2,
    });
    expect(withSafety.scores).toEqual(base.scores);
    expect(withSafety.index).toEqual(base.index);
    expect(withSafety.closenessFear).toEqual(base.closenessFear);
  });
});

describe('the 80 % rule', () => {
  it('scores a sign with 4 of 5 items (80 %) and not with 3 of 5 (60 %)', () => {
    // 4 answers: 5, (6 − 4 =) 2, 3, (6 − 4 =) 2 → 12/4 = 3.
    expect(scoreClosenessCheck(subscaleAnswers('avoidance', [5, 4, 3, 4])).scores.avoidance).toBe(
      3,
    );
    const three = scoreClosenessCheck(subscaleAnswers('avoidance', [5, 4, 3]));
    expect(three.scores.avoidance).toBeNull();
    expect(three.index.avoidance).toBeNull();
    expect(three.bands.avoidance).toBeNull();
    expect(three.subscales.avoidance).toMatchObject({ answered: 3, total: 5 });
  });

  it('needs all 3 items of a root: 2 of 3 is only 67 %', () => {
    expect(scoreClosenessCheck(subscaleAnswers('coping', [3, 3, 3])).scores.coping).toBe(3);
    expect(scoreClosenessCheck(subscaleAnswers('coping', [3, 3])).scores.coping).toBeNull();
  });

  it('counts whichever items are answered, not just the first ones', () => {
    const answers = allAt(4);
    delete answers['trust-3'];
    expect(scoreClosenessCheck(answers).scores.trust).toBe(4);
    delete answers['trust-1'];
    expect(scoreClosenessCheck(answers).scores.trust).toBeNull();
  });

  it('scores nothing for no answers, without failing', () => {
    const result = scoreClosenessCheck({});
    for (const id of SCORED_SUBSCALE_IDS) expect(result.scores[id]).toBeNull();
    expect(result.closenessFear).toEqual({ index: null, band: null });
    expect(result.highest).toEqual({ sign: null, root: null });
    expect(result.safety).toEqual({
      level: 'none',
      flags: [],
      declined: [],
      unanswered: safetyQuestions.map((question) => question.id),
    });
  });
});

describe('bands (provisional cut-offs at 37.5 and 62.5)', () => {
  it('puts a mean of exactly 2.5 in "some" and exactly 3.5 in "marked"', () => {
    // avoidance, 4 items: 2, (6 − 3 =) 3, 2, (6 − 3 =) 3 → 10/4 = 2.5 → index 37.5 → 38.
    const low = scoreClosenessCheck(subscaleAnswers('avoidance', [2, 3, 2, 3]));
    expect(low.scores.avoidance).toBe(2.5);
    expect(low.index.avoidance).toBe(38);
    expect(low.bands.avoidance).toBe('some');
    // 4, (6 − 3 =) 3, 4, (6 − 3 =) 3 → 14/4 = 3.5 → index 62.5 → 63.
    const high = scoreClosenessCheck(subscaleAnswers('avoidance', [4, 3, 4, 3]));
    expect(high.index.avoidance).toBe(63);
    expect(high.bands.avoidance).toBe('marked');
    // 2, 3, 2, 3, 2 (keyed 2, 3, 2, 3, 2) → 12/5 = 2.4 → index 35.
    const below = scoreClosenessCheck(subscaleAnswers('avoidance', [2, 3, 2, 3, 2]));
    expect(below.index.avoidance).toBe(35);
    expect(below.bands.avoidance).toBe('lower');
  });

  it('gives the same band for the rounded index as for the exact one', () => {
    const thresholds = definition.bandThresholds;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (index) => {
        expect(bandForIndex(Math.round(index), thresholds)).toBe(bandForIndex(index, thresholds));
      }),
    );
  });
});

describe('the overall closeness fear index', () => {
  it('is the mean of the four sign indices, each sign weighted equally', () => {
    const answers = {
      ...subscaleAnswers('avoidance', [5, 1, 5, 1, 5]), // all keyed 5 → index 100
      ...subscaleAnswers('trust', [1, 1, 5, 1, 5]), // all keyed 1 → index 0
      ...subscaleAnswers('sharing', [3, 3, 3, 3]), // 3 → 50
      ...subscaleAnswers('anxiety', [4, 4, 2, 2, 4]), // all keyed 4 → 75
    };
    // (100 + 0 + 50 + 75) / 4 = 56.25 → 56, some.
    expect(scoreClosenessCheck(answers).closenessFear).toEqual({ index: 56, band: 'some' });
  });

  it('is null when any sign has no score, however complete the others are', () => {
    const answers = allAt(4);
    delete answers['sharing-1'];
    delete answers['sharing-2'];
    const result = scoreClosenessCheck(answers);
    expect(result.scores.sharing).toBeNull();
    expect(result.closenessFear).toEqual({ index: null, band: null });
  });

  it('does not depend on the roots', () => {
    const signsOnly = Object.fromEntries(
      Object.entries(allAt(2)).filter(([id]) => SIGN_IDS.some((sign) => id.startsWith(sign))),
    );
    expect(scoreClosenessCheck(signsOnly).closenessFear).toEqual(
      scoreClosenessCheck(allAt(2)).closenessFear,
    );
  });
});

describe('the highest sign and root', () => {
  it('names the single highest sign', () => {
    const answers = { ...allAt(2), ...subscaleAnswers('sharing', [4, 2, 4, 4, 2]) };
    expect(scoreClosenessCheck(answers).highest.sign).toEqual({
      subscales: ['sharing'],
      score: 4,
      index: 75,
      band: 'marked',
    });
  });

  it('names every tied subscale, in profile order, rather than picking one at random', () => {
    const answers = {
      ...allAt(2),
      ...subscaleAnswers('anxiety', [4, 4, 2, 2, 4]),
      ...subscaleAnswers('trust', [4, 4, 2, 4, 2]),
    };
    expect(scoreClosenessCheck(answers).highest.sign?.subscales).toEqual(['trust', 'anxiety']);
    // All four roots are level: all are named.
    expect(scoreClosenessCheck(answers).highest.root?.subscales).toEqual([
      'childhood',
      'relational-trauma',
      'self-esteem',
      'coping',
    ]);
  });

  it('compares exact means across subscales with different numbers of answers', () => {
    const answers = {
      // avoidance (forward, reverse, forward, reverse): 4, 3→3, 4, 3→3 = 14/4 = 3.5.
      ...subscaleAnswers('avoidance', [4, 3, 4, 3]),
      // trust (forward, forward, reverse, forward, reverse): 4, 3, 2→4, 4, 3→3 = 18/5 = 3.6.
      ...subscaleAnswers('trust', [4, 3, 2, 4, 3]),
      // sharing (forward, reverse, forward, forward, reverse): 4, 2→4, 4, 3, 4→2 = 17/5 = 3.4.
      ...subscaleAnswers('sharing', [4, 2, 4, 3, 4]),
      // anxiety: only 3 of 5 answered, so no score, however high.
      ...subscaleAnswers('anxiety', [5, 4, 3]),
    };
    const result = scoreClosenessCheck(answers);
    expect(result.scores).toMatchObject({ avoidance: 3.5, trust: 3.6, sharing: 3.4 });
    expect(result.scores.anxiety).toBeNull();
    expect(result.highest.sign?.subscales).toEqual(['trust']);
  });

  it('says when even the highest is low, so the profile can say nothing stands out', () => {
    expect(scoreClosenessCheck(allAt(1)).highest.sign?.band).toBe('lower');
  });

  it('skips subscales without a score, and is null when none has one', () => {
    const answers = subscaleAnswers('childhood', [1, 1, 5]);
    const result = scoreClosenessCheck(answers);
    expect(result.highest.sign).toBeNull();
    expect(result.highest.root?.subscales).toEqual(['childhood']);
  });
});

describe('the safety answers', () => {
  const YES = 1;
  const NO = 0;
  const RATHER_NOT_SAY = 2;
  const noToAll = {
    'safety-self-harm': NO,
    'safety-partner-fear': NO,
    'safety-partner-control': NO,
  };

  it('is none when every answer is no', () => {
    expect(assessSafetyAnswers(noToAll)).toEqual({
      level: 'none',
      flags: [],
      declined: [],
      unanswered: [],
    });
    expect(partnerQuestionsCleared(noToAll)).toBe(true);
  });

  it('is crisis for thoughts of self-harm', () => {
    const result = assessSafetyAnswers({ ...noToAll, 'safety-self-harm': YES });
    expect(result.level).toBe('crisis');
    expect(result.flags).toEqual([{ question: 'safety-self-harm', level: 'crisis' }]);
  });

  it.each(['safety-partner-fear', 'safety-partner-control'])(
    'is safeguarding for a yes to %s, and the partner gate is not cleared',
    (question) => {
      const answers = { ...noToAll, [question]: YES };
      expect(assessSafetyAnswers(answers)).toMatchObject({
        level: 'safeguarding',
        flags: [{ question, level: 'safeguarding' }],
      });
      expect(partnerQuestionsCleared(answers)).toBe(false);
    },
  );

  it('puts crisis first when both are worrying, and keeps every flag', () => {
    const result = assessSafetyAnswers({
      'safety-partner-fear': YES,
      'safety-self-harm': YES,
      'safety-partner-control': YES,
    });
    expect(result.level).toBe('crisis');
    expect(result.flags).toEqual([
      { question: 'safety-self-harm', level: 'crisis' },
      { question: 'safety-partner-fear', level: 'safeguarding' },
      { question: 'safety-partner-control', level: 'safeguarding' },
    ]);
  });

  it('sorts crisis first even when a version asks the partner question first', () => {
    const reordered: ClosenessCheckDefinition = {
      ...definition,
      safetyQuestions: [...safetyQuestions].reverse(),
    };
    const result = assessSafetyAnswers(
      { 'safety-partner-control': YES, 'safety-self-harm': YES },
      reordered,
    );
    expect(result.flags.map((flag) => flag.level)).toEqual(['crisis', 'safeguarding']);
  });

  it('raises no alarm for "I would rather not say", but lists it and never clears the gate', () => {
    const answers = { ...noToAll, 'safety-partner-fear': RATHER_NOT_SAY };
    expect(assessSafetyAnswers(answers)).toEqual({
      level: 'none',
      flags: [],
      declined: ['safety-partner-fear'],
      unanswered: [],
    });
    expect(partnerQuestionsCleared(answers)).toBe(false);
    expect(partnerQuestionsCleared({ 'safety-self-harm': NO })).toBe(false);
  });

  it('is part of the scored result', () => {
    expect(scoreClosenessCheck({ 'safety-self-harm': YES }).safety.level).toBe('crisis');
  });
});

describe('invalid answers', () => {
  it('names an unknown question', () => {
    const error = thrown(() => scoreClosenessCheck({ 'avoidance-9': 3 }));
    expect(error.code).toBe('invalid_answer');
    expect(error.message).toContain('"avoidance-9"');
    expect(error.details).toEqual({ item: 'avoidance-9', reason: 'unknown_question' });
  });

  it.each([2.5, Number.NaN, Number.POSITIVE_INFINITY, '3', null, true, [3], { value: 3 }])(
    'names the item when the answer is %s, not a whole number',
    (value) => {
      const error = thrown(() => scoreClosenessCheck({ 'trust-2': value }));
      expect(error.code).toBe('invalid_answer');
      expect(error.message).toContain('"trust-2"');
      expect(error.details).toEqual({ item: 'trust-2', reason: 'not_a_whole_number' });
    },
  );

  it.each([0, 6, -1, 100])('names the item when the answer %s is off the 1–5 scale', (value) => {
    const error = thrown(() => scoreClosenessCheck({ 'coping-3': value }));
    expect(error.code).toBe('invalid_answer');
    expect(error.message).toContain('"coping-3"');
    expect(error.message).toContain('1, 2, 3, 4, 5');
    expect(error.details).toEqual({ item: 'coping-3', reason: 'out_of_range' });
  });

  it.each([3, 5, -1])('accepts only the offered codes for a safety question (not %s)', (value) => {
    const error = thrown(() => scoreClosenessCheck({ 'safety-self-harm': value }));
    expect(error.details).toEqual({ item: 'safety-self-harm', reason: 'out_of_range' });
  });

  it.each([null, undefined, 'answers', 42, [1, 2, 3]])('rejects %s as the answers', (input) => {
    const error = thrown(() => scoreClosenessCheck(input));
    expect(error.code).toBe('invalid_answer');
    expect(error.details).toEqual({ item: null, reason: 'not_an_object' });
  });

  it('treats a "__proto__" key as an unknown question, and pollutes nothing', () => {
    const input = JSON.parse('{"__proto__": {"polluted": 1}, "avoidance-1": 3}');
    expect(thrown(() => validateAnswers(input)).details).toEqual({
      item: '__proto__',
      reason: 'unknown_question',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a huge unknown key out of the message', () => {
    const error = thrown(() => scoreClosenessCheck({ ['x'.repeat(10_000)]: 1 }));
    expect(error.message.length).toBeLessThan(200);
  });

  it('returns a fresh plain copy of valid answers', () => {
    const input = { 'avoidance-1': 3, 'safety-self-harm': 0 };
    const answers = validateAnswers(input);
    expect(answers).toEqual(input);
    expect(answers).not.toBe(input);
  });
});

describe('versions', () => {
  it('records the version answered', () => {
    const result = scoreClosenessCheck(allAt(3));
    expect(result.instrument).toBe('closeness-check');
    expect(result.version).toBe(definition.version);
  });

  it('scores a stored response with the version it answered', () => {
    const stored = { version: definition.version, answers: allAt(3) };
    expect(scoreResponse(stored)).toEqual(scoreClosenessCheck(allAt(3), definition));
    expect(closenessCheckVersion(definition.version)).toBe(definition);
  });

  it.each([999, 0, '1', null, undefined, 1.5])('refuses unknown version %s', (version) => {
    const error = thrown(() => scoreResponse({ version, answers: {} }));
    expect(error.code).toBe('assessment_version_unknown');
  });

  it('validates and scores against the definition given, not the current one', () => {
    // A made-up later version that drops one item and reverses another.
    const later: ClosenessCheckDefinition = {
      ...definition,
      version: definition.version + 1,
      items: definition.items
        .filter((item) => item.id !== 'avoidance-5')
        .map((item) => (item.id === 'avoidance-1' ? { ...item, reverse: true } : item)),
    };
    const error = thrown(() => scoreClosenessCheck({ 'avoidance-5': 3 }, later));
    expect(error.message).toContain(`version ${later.version}`);
    const answers = subscaleAnswers('avoidance', [5, 5, 5, 5]);
    // Current (forward, reverse, forward, reverse): 5, 1, 5, 1 → 12/4 = 3.
    // Later (reverse, reverse, forward, reverse): 1, 1, 5, 1 → 8/4 = 2.
    expect(scoreClosenessCheck(answers).scores.avoidance).toBe(3);
    const laterResult = scoreClosenessCheck(answers, later);
    expect(laterResult.scores.avoidance).toBe(2);
    expect(laterResult.version).toBe(later.version);
  });
});

describe('completion of a draft', () => {
  it('starts at the first question', () => {
    const completion = completionOf({});
    expect(completion).toMatchObject({
      answered: 0,
      total: items.length + safetyQuestions.length,
      complete: false,
      nextQuestion: items[0]?.id,
      safety: { answered: 0, total: safetyQuestions.length },
    });
    expect(completion.bySubscale.avoidance).toEqual({ answered: 0, total: 5, scorable: false });
  });

  it('counts per subscale and resumes at the first gap', () => {
    const answers: Answers = { ...allAt(3), 'safety-self-harm': 0 };
    const { ['trust-2']: _skipped, ...draft } = answers;
    const completion = completionOf(draft);
    expect(completion.answered).toBe(items.length);
    expect(completion.bySubscale.trust).toEqual({ answered: 4, total: 5, scorable: true });
    expect(completion.nextQuestion).toBe('trust-2');
    expect(completion.complete).toBe(false);
  });

  it('is complete when every item and safety question is answered', () => {
    const completion = completionOf({
      ...allAt(3),
      'safety-self-harm': 0,
      'safety-partner-fear': 2,
      'safety-partner-control': 0,
    });
    expect(completion.complete).toBe(true);
    expect(completion.nextQuestion).toBeNull();
    expect(scoreClosenessCheck(allAt(3)).completion.nextQuestion).toBe('safety-self-harm');
  });
});

describe('properties', () => {
  const itemIds = items.map((item) => item.id);
  /** Any valid draft: a random subset of items with random values on the scale. */
  const validDraft = fc.dictionary(fc.constantFrom(...itemIds), fc.integer({ min: 1, max: 5 }), {
    maxKeys: itemIds.length,
  });

  it('keeps every score within 1–5 or null, and every index a whole number within 0–100', () => {
    fc.assert(
      fc.property(validDraft, (answers) => {
        const result = scoreClosenessCheck(answers);
        for (const id of SCORED_SUBSCALE_IDS) {
          const { score, index, band } = result.subscales[id];
          const scorable = result.completion.bySubscale[id].scorable;
          expect(score === null).toBe(!scorable);
          if (score === null) {
            expect(index).toBeNull();
            expect(band).toBeNull();
            continue;
          }
          expect(score).toBeGreaterThanOrEqual(1);
          expect(score).toBeLessThanOrEqual(5);
          expect(Number.isInteger(index)).toBe(true);
          expect(index).toBeGreaterThanOrEqual(0);
          expect(index).toBeLessThanOrEqual(100);
          expect(band).toBe(bandForIndex(index as number, definition.bandThresholds));
        }
        const overall = result.closenessFear.index;
        if (overall !== null) {
          expect(overall).toBeGreaterThanOrEqual(0);
          expect(overall).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('mirrors every score when every answer is mirrored (6 − score)', () => {
    fc.assert(
      fc.property(validDraft, (answers) => {
        const mirrored = Object.fromEntries(
          Object.entries(answers).map(([id, value]) => [id, 6 - value]),
        );
        const a = scoreClosenessCheck(answers).scores;
        const b = scoreClosenessCheck(mirrored).scores;
        for (const id of SCORED_SUBSCALE_IDS) {
          if (a[id] === null) expect(b[id]).toBeNull();
          else expect(b[id]).toBeCloseTo(6 - (a[id] as number), 10);
        }
      }),
    );
  });

  it('never lowers a score when a forward item is agreed with more strongly', () => {
    fc.assert(
      fc.property(
        validDraft,
        fc.constantFrom(...items.filter((item) => !item.reverse)),
        fc.integer({ min: 1, max: 4 }),
        (answers, item, value) => {
          const lower = scoreClosenessCheck({ ...answers, [item.id]: value }).scores[item.subscale];
          const higher = scoreClosenessCheck({ ...answers, [item.id]: value + 1 }).scores[
            item.subscale
          ];
          if (lower !== null && higher !== null) expect(higher).toBeGreaterThanOrEqual(lower);
        },
      ),
    );
  });

  it('throws nothing but a DomainError, whatever it is given', () => {
    const anyKey = fc.oneof(
      fc.constantFrom(...itemIds, ...safetyQuestions.map((question) => question.id)),
      fc.string(),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
    );
    const anyValue = fc.oneof(fc.integer({ min: -3, max: 8 }), fc.double(), fc.anything());
    fc.assert(
      fc.property(
        fc.oneof(fc.dictionary(anyKey, anyValue), fc.anything()),
        fc.constantFrom(...[1, 2, 999, '1', null]),
        (answers, version) => {
          for (const call of [
            () => scoreClosenessCheck(answers),
            () => scoreResponse({ version, answers }),
          ]) {
            try {
              call();
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
