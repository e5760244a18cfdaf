import { isMessageKey } from '../i18n/translate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersAt, SAFETY } from '../../tests/factories/closeness-check.factory';
import {
  CURRENT_CLOSENESS_CHECK,
  SCORED_SUBSCALE_IDS,
  type ScoredSubscaleId,
} from '../assessment/closeness-check.definition';
import {
  describeChange,
  type ChangeLabel,
  type PsychometricsReport,
} from '../assessment/psychometrics';
import { scoreClosenessCheck } from '../assessment/scoring';
import {
  CARE_LEVELS,
  SELF_HELP_REASON,
  STEPPED_CARE_RULES,
  levelRank,
  recommendCare,
  steppedCareTable,
  type ChangeSinceStart,
  type SteppedCareInput,
  type SteppedCareRuleId,
} from './stepped-care';
import { renderPlanMessage } from './plan-messages';

/** A reason as the person reads it (en-GB). */
const say = (reason: Parameters<typeof renderPlanMessage>[0] | undefined): string =>
  reason === undefined ? '' : renderPlanMessage(reason);

type Levels = Partial<Record<ScoredSubscaleId, number>>;

/** A scored Check where each subscale sits at a difficulty of 1–5 (2 unless given). */
function checkAt(levels: Levels, safety: Record<string, number> = {}) {
  const all = Object.fromEntries(SCORED_SUBSCALE_IDS.map((id) => [id, levels[id] ?? 2]));
  return scoreClosenessCheck(answersAt(all, safety));
}

/** A retake's change since the first Check: every subscale `fallback` unless given. */
function change(
  labels: Partial<Record<ScoredSubscaleId, ChangeLabel>> = {},
  fallback: ChangeLabel = 'no-reliable-change',
): ChangeSinceStart {
  return Object.fromEntries(
    SCORED_SUBSCALE_IDS.map((id) => [id, { label: labels[id] ?? fallback }]),
  ) as ChangeSinceStart;
}

function input(
  levels: Levels,
  options: Partial<SteppedCareInput> & { safety?: Record<string, number> } = {},
): SteppedCareInput {
  return {
    check: checkAt(levels, options.safety),
    retakes: options.retakes ?? [],
    ...(options.writing ? { writing: options.writing } : {}),
  };
}

/** Signs at "some" (3 → index 50): not marked, but not low either. */
const SIGNS_SOME: Levels = { avoidance: 3, trust: 3, sharing: 3, anxiety: 3 };

/**
 * One example per rule, in which that rule and no other matches. The test below fails if a
 * rule is added to the table without an example here.
 */
const RULE_EXAMPLES: Record<SteppedCareRuleId, SteppedCareInput> = {
  'crisis-answer': input({}, { safety: { 'safety-self-harm': SAFETY.yes } }),
  'crisis-in-writing': input({}, { writing: { crisis: true, safeguarding: false } }),
  'partner-safety': input({}, { safety: { 'safety-partner-control': SAFETY.yes } }),
  'safeguarding-in-writing': input({}, { writing: { crisis: false, safeguarding: true } }),
  'most-signs-marked': input({ avoidance: 4, trust: 4, sharing: 5 }),
  'two-signs-marked': input({ trust: 4, anxiety: 5 }),
  'early-hurt-marked': input({ 'relational-trauma': 4 }),
  'reliable-worsening': input(SIGNS_SOME, {
    retakes: [change({ sharing: 'reliable-deterioration' })],
  }),
  'no-reliable-improvement': input(SIGNS_SOME, { retakes: [change(), change()] }),
};

const EXPECTED_LEVELS: Record<SteppedCareRuleId, string> = {
  'crisis-answer': 'urgent',
  'crisis-in-writing': 'urgent',
  'partner-safety': 'professional',
  'safeguarding-in-writing': 'professional',
  'most-signs-marked': 'professional',
  'two-signs-marked': 'guided',
  'early-hurt-marked': 'guided',
  'reliable-worsening': 'professional',
  'no-reliable-improvement': 'professional',
};

describe('the stepped-care table', () => {
  it('has an example and an expected level for every rule, and nothing more', () => {
    const ids = STEPPED_CARE_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(RULE_EXAMPLES).sort()).toEqual([...ids].sort());
    expect(steppedCareTable()).toEqual(ids.map((id) => ({ id, level: EXPECTED_LEVELS[id] })));
  });

  it('has words for every level in the interface text', () => {
    for (const level of CARE_LEVELS) {
      expect(isMessageKey(`plan.level.${level}.title`), level).toBe(true);
      expect(isMessageKey(`plan.level.${level}.text`), level).toBe(true);
    }
  });
});

describe('each rule on its own', () => {
  it.each(STEPPED_CARE_RULES.map((rule) => [rule.id] as const))('%s', (id) => {
    const recommendation = recommendCare(RULE_EXAMPLES[id]);
    expect(recommendation.rules).toEqual([id]);
    expect(recommendation.level).toBe(EXPECTED_LEVELS[id]);
    expect(recommendation.reasons).toHaveLength(1);
    expect(recommendation.reasons[0]).not.toBe(SELF_HELP_REASON);
  });
});

describe('crisis-answer', () => {
  it('makes the level urgent and names Get help now and the safety plan', () => {
    const { level, reasons } = recommendCare(RULE_EXAMPLES['crisis-answer']);
    expect(level).toBe('urgent');
    expect(say(reasons[0])).toMatch(/Get help now/);
    expect(say(reasons[0])).toMatch(/safety plan/);
  });

  it('does not fire for "I would rather not say"', () => {
    expect(
      recommendCare(input({}, { safety: { 'safety-self-harm': SAFETY.ratherNotSay } })).rules,
    ).toEqual([]);
  });
});

describe('partner-safety', () => {
  it.each(['safety-partner-fear', 'safety-partner-control'])(
    'fires for a yes to %s',
    (question) => {
      expect(recommendCare(input({}, { safety: { [question]: SAFETY.yes } })).rules).toEqual([
        'partner-safety',
      ]);
    },
  );

  it('says that partner, hard-talk and fear-testing exercises are left out', () => {
    expect(say(recommendCare(RULE_EXAMPLES['partner-safety']).reasons[0])).toMatch(
      /leaves out exercises to do with a partner or about saying hard things to someone, and ones that test your fears/,
    );
  });
});

describe('crisis-in-writing', () => {
  it('makes the level urgent, kindly and without quoting what was written', () => {
    const { level, reasons } = recommendCare(RULE_EXAMPLES['crisis-in-writing']);
    expect(level).toBe('urgent');
    expect(say(reasons[0])).toBe(
      'Something you wrote recently sounded like things may be very hard for you right now. You deserve support with that straight away, so Get help now and your safety plan come first.',
    );
  });

  it('does not repeat itself when the Check already said so', () => {
    const both = input(
      {},
      {
        safety: { 'safety-self-harm': SAFETY.yes },
        writing: { crisis: true, safeguarding: false },
      },
    );
    expect(recommendCare(both).rules).toEqual(['crisis-answer']);
  });

  it('does not fire without a flag', () => {
    expect(
      recommendCare(input({}, { writing: { crisis: false, safeguarding: false } })).rules,
    ).toEqual([]);
  });
});

describe('safeguarding-in-writing', () => {
  it('puts specialist help first and says what is left out, never blaming', () => {
    const { level, reasons } = recommendCare(RULE_EXAMPLES['safeguarding-in-writing']);
    expect(level).toBe('professional');
    expect(say(reasons[0])).toMatch(/^Something you wrote recently sounded like someone may be/);
    expect(say(reasons[0])).toMatch(/never your fault/);
    expect(say(reasons[0])).toMatch(/leaves out exercises to do with a partner/);
  });

  it('together with a crisis flag in writing, is urgent with both reasons', () => {
    const both = input({}, { writing: { crisis: true, safeguarding: true } });
    const recommendation = recommendCare(both);
    expect(recommendation.level).toBe('urgent');
    expect(recommendation.rules).toEqual(['crisis-in-writing', 'safeguarding-in-writing']);
  });
});

describe('marked signs', () => {
  it('needs the marked band: signs at "some" do not count', () => {
    expect(recommendCare(input(SIGNS_SOME)).rules).toEqual([]);
  });

  it('names the marked signs in the reason', () => {
    const reason = say(recommendCare(RULE_EXAMPLES['two-signs-marked']).reasons[0]);
    expect(reason).toMatch(/finding it hard to trust/);
    expect(reason).toMatch(/feeling anxious in close moments/);
  });

  it('uses only the "most signs" rule for three or four marked signs', () => {
    expect(recommendCare(input({ avoidance: 5, trust: 5, sharing: 5, anxiety: 5 })).rules).toEqual([
      'most-signs-marked',
    ]);
  });

  it('does not count marked roots as signs', () => {
    expect(recommendCare(input({ trust: 4, 'self-esteem': 5, coping: 5 })).rules).toEqual([]);
  });
});

describe('early-hurt-marked', () => {
  it('fires for a marked childhood root too, and names it', () => {
    const recommendation = recommendCare(input({ childhood: 5 }));
    expect(recommendation.rules).toEqual(['early-hurt-marked']);
    expect(say(recommendation.reasons[0])).toMatch(/what you learned growing up/);
  });

  it('does not fire for the other roots', () => {
    expect(recommendCare(input({ 'self-esteem': 5, coping: 5 })).rules).toEqual([]);
  });
});

describe('change over time', () => {
  it('needs two retakes before "no reliable improvement" steps care up', () => {
    expect(recommendCare(input(SIGNS_SOME, { retakes: [change()] })).rules).toEqual([]);
  });

  it('never reads change that was not assessed as "no improvement"', () => {
    const retakes = [change({}, 'not-assessed'), change({}, 'not-assessed')];
    expect(recommendCare(input(SIGNS_SOME, { retakes })).rules).toEqual([]);
  });

  it('does not fire when a sign has reliably improved since the start', () => {
    const retakes = [change(), change({ anxiety: 'reliable-improvement' })];
    expect(recommendCare(input(SIGNS_SOME, { retakes })).rules).toEqual([]);
  });

  it('looks at the latest retake: an improvement that did not last does not count', () => {
    const retakes = [change({ anxiety: 'reliable-improvement' }), change()];
    expect(recommendCare(input(SIGNS_SOME, { retakes })).rules).toEqual([
      'no-reliable-improvement',
    ]);
  });

  it('does not step up a person whose signs are all low', () => {
    expect(recommendCare(input({}, { retakes: [change(), change()] })).rules).toEqual([]);
  });

  it('counts only signs: a reliably improved root does not stop the rule', () => {
    const retakes = [change(), change({ coping: 'reliable-improvement' })];
    expect(recommendCare(input(SIGNS_SOME, { retakes })).rules).toEqual([
      'no-reliable-improvement',
    ]);
  });

  it('reads worsening from the latest retake only', () => {
    const retakes = [change({ trust: 'reliable-deterioration' }), change({}, 'not-assessed')];
    expect(recommendCare(input(SIGNS_SOME, { retakes })).rules).toEqual([]);
  });

  it('takes the output of describeChange as it is', () => {
    const definition = CURRENT_CLOSENESS_CHECK;
    const stats = { n: 500, alpha: 0.8, sd: 0.8, status: 'ok' as const };
    const psychometrics: PsychometricsReport = {
      instrument: definition.id,
      version: definition.version,
      minimumResponses: 100,
      subscales: Object.fromEntries(
        SCORED_SUBSCALE_IDS.map((id) => [id, stats]),
      ) as PsychometricsReport['subscales'],
    };
    const first = checkAt(SIGNS_SOME);
    const same = describeChange(first, checkAt(SIGNS_SOME), psychometrics);
    const better = describeChange(first, checkAt({}), psychometrics);
    expect(better.avoidance.label).toBe('reliable-improvement');
    expect(recommendCare({ check: first, retakes: [same, same] }).rules).toEqual([
      'no-reliable-improvement',
    ]);
    expect(recommendCare({ check: checkAt({}), retakes: [same, better] }).rules).toEqual([]);
  });
});

describe('combinations', () => {
  it('with no rule matching, recommends self-help and says so kindly', () => {
    expect(recommendCare(input({}))).toEqual({
      level: 'self-help',
      reasons: [SELF_HELP_REASON],
      rules: [],
    });
  });

  it('keeps every reason when a crisis and a partner-safety answer come together, crisis first', () => {
    const recommendation = recommendCare(
      input({}, { safety: { 'safety-self-harm': SAFETY.yes, 'safety-partner-fear': SAFETY.yes } }),
    );
    expect(recommendation.level).toBe('urgent');
    expect(recommendation.rules).toEqual(['crisis-answer', 'partner-safety']);
    expect(recommendation.reasons).toHaveLength(2);
  });

  it('lets the highest level win while every matching rule adds its reason', () => {
    const recommendation = recommendCare(
      input(
        { trust: 4, anxiety: 4, childhood: 5 },
        { safety: { 'safety-partner-fear': SAFETY.yes } },
      ),
    );
    expect(recommendation.rules).toEqual([
      'partner-safety',
      'two-signs-marked',
      'early-hurt-marked',
    ]);
    expect(recommendation.level).toBe('professional');
    expect(recommendation.reasons).toHaveLength(3);
  });

  it('steps a guided profile up to professional when two retakes bring no reliable improvement', () => {
    const levels = { trust: 4, anxiety: 4 };
    expect(recommendCare(input(levels)).level).toBe('guided');
    const later = recommendCare(input(levels, { retakes: [change(), change()] }));
    expect(later.level).toBe('professional');
    expect(later.rules).toEqual(['two-signs-marked', 'no-reliable-improvement']);
  });

  const levelArbitrary = fc.integer({ min: 1, max: 5 });
  const labelArbitrary = fc.constantFrom<ChangeLabel>(
    'not-assessed',
    'no-reliable-change',
    'reliable-improvement',
    'reliable-deterioration',
  );
  const inputArbitrary = fc
    .record({
      levels: fc.record(
        Object.fromEntries(SCORED_SUBSCALE_IDS.map((id) => [id, levelArbitrary])) as Record<
          ScoredSubscaleId,
          fc.Arbitrary<number>
        >,
      ),
      safety: fc.record({
        'safety-self-harm': fc.constantFrom(0, 1, 2),
        'safety-partner-fear': fc.constantFrom(0, 1, 2),
        'safety-partner-control': fc.constantFrom(0, 1, 2),
      }),
      retakes: fc.array(
        fc.record(
          Object.fromEntries(
            SCORED_SUBSCALE_IDS.map((id) => [id, labelArbitrary.map((label) => ({ label }))]),
          ) as Record<ScoredSubscaleId, fc.Arbitrary<{ label: ChangeLabel }>>,
        ),
        { maxLength: 4 },
      ),
    })
    .map(({ levels, safety, retakes }) => input(levels, { safety, retakes }));

  it('always picks the highest level of the matching rules, with one reason per rule', () => {
    fc.assert(
      fc.property(inputArbitrary, (generated) => {
        const recommendation = recommendCare(generated);
        const matching = STEPPED_CARE_RULES.filter((rule) => rule.when(generated));
        expect(recommendation.rules).toEqual(matching.map((rule) => rule.id));
        const highest = matching.reduce(
          (best, rule) => Math.max(best, levelRank(rule.level)),
          levelRank('self-help'),
        );
        expect(levelRank(recommendation.level)).toBe(highest);
        expect(recommendation.reasons).toHaveLength(Math.max(1, matching.length));
        expect(recommendCare(generated)).toEqual(recommendation);
      }),
    );
  });

  it('is urgent whenever a crisis answer is worrying, and at least professional for a partner-safety one', () => {
    fc.assert(
      fc.property(inputArbitrary, (generated) => {
        const { level } = recommendCare(generated);
        const flags = generated.check.safety.flags.map((flag) => flag.level);
        if (flags.includes('crisis')) expect(level).toBe('urgent');
        if (flags.includes('safeguarding'))
          expect(levelRank(level)).toBeGreaterThanOrEqual(levelRank('professional'));
        if (flags.length === 0) expect(level).not.toBe('urgent');
      }),
    );
  });
});
