import {
  CURRENT_CLOSENESS_CHECK,
  SCORED_SUBSCALE_IDS,
  type ClosenessCheckDefinition,
  type ScoredSubscaleId,
} from '../../core/assessment/closeness-check.definition';

const definition = CURRENT_CLOSENESS_CHECK;

/** The safety answers' codes (see the definition's options). */
export const SAFETY = { no: 0, yes: 1, ratherNotSay: 2 } as const;

/**
 * A complete set of answers in which every scored item shows `difficulty` (1–5, before
 * reverse-keying) and every safety question is answered "No", unless `overrides` say otherwise.
 */
export function answersAt(
  difficulty: number | Partial<Record<ScoredSubscaleId, number>>,
  overrides: Record<string, number> = {},
): Record<string, number> {
  const levelOf = (subscale: ScoredSubscaleId) =>
    typeof difficulty === 'number' ? difficulty : (difficulty[subscale] ?? 3);
  const answers: Record<string, number> = {};
  for (const item of definition.items) {
    const level = levelOf(item.subscale);
    answers[item.id] = item.reverse ? definition.scale.min + definition.scale.max - level : level;
  }
  for (const question of definition.safetyQuestions) answers[question.id] = SAFETY.no;
  return { ...answers, ...overrides };
}

/** Only the first `count` scored items, in the order shown: a Check stopped part way. */
export function partialAnswers(count: number, difficulty = 4): Record<string, number> {
  const full = answersAt(difficulty);
  return Object.fromEntries(
    definition.items.slice(0, count).map((item) => [item.id, full[item.id] as number]),
  );
}

/** A small seeded random source (mulberry32), so simulated data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function normal(random: () => number): number {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * Simulated respondents: each has one true level per subscale, and each item is that level
 * plus noise, rounded onto the 1–5 scale (then reverse-keyed as the item asks). Answers hold
 * the scored items only, as a research copy does.
 */
export function simulatedRespondents(
  count: number,
  seed: number,
  checkDefinition: ClosenessCheckDefinition = definition,
): Record<string, number>[] {
  const random = seededRandom(seed);
  const { min, max } = checkDefinition.scale;
  return Array.from({ length: count }, () => {
    const trait = Object.fromEntries(
      SCORED_SUBSCALE_IDS.map((id) => [id, 3 + 1.1 * normal(random)]),
    ) as Record<ScoredSubscaleId, number>;
    const answers: Record<string, number> = {};
    for (const item of checkDefinition.items) {
      const level = Math.min(
        max,
        Math.max(min, Math.round(trait[item.subscale] + 0.7 * normal(random))),
      );
      answers[item.id] = item.reverse ? min + max - level : level;
    }
    return answers;
  });
}
