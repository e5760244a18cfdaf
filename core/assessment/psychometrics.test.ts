import { describe, expect, it } from 'vitest';
import {
  CURRENT_CLOSENESS_CHECK,
  SCORED_SUBSCALE_IDS,
  type ScoredSubscaleId,
} from './closeness-check.definition';
import {
  computePsychometrics,
  criticalDifference,
  cronbachAlpha,
  describeChange,
  isReliableChange,
  RELIABILITY_MIN_RESPONSES,
  reliableChangeIndex,
  sampleStandardDeviation,
  standardErrorOfMeasurement,
  subscaleMatrix,
  type PsychometricsReport,
  type ScoredSnapshot,
  type SubscalePsychometrics,
} from './psychometrics';

const definition = CURRENT_CLOSENESS_CHECK;

// ——— An independent toolkit, written apart from the code under test ———

/** mulberry32: a small seeded PRNG, so every simulated sample is the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw by Box–Muller. */
function normal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Alpha by the covariance-matrix formula, α = k/(k − 1) · (1 − trace(C) / ΣᵢΣⱼ Cᵢⱼ), where C is
 * the item covariance matrix. The code under test uses item variances and the variance of the
 * row totals instead; the two agree only if both are right.
 */
function alphaFromCovarianceMatrix(matrix: number[][]): number {
  const n = matrix.length;
  const k = matrix[0]!.length;
  const means = Array.from({ length: k }, (_, j) => matrix.reduce((s, row) => s + row[j]!, 0) / n);
  let trace = 0;
  let total = 0;
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j < k; j += 1) {
      let cov = 0;
      for (const row of matrix) cov += (row[i]! - means[i]!) * (row[j]! - means[j]!);
      cov /= n - 1;
      total += cov;
      if (i === j) trace += cov;
    }
  }
  return (k / (k - 1)) * (1 - trace / total);
}

/** Classical test theory: each item = true score + its own error. */
function simulate(
  seed: number,
  respondents: number,
  trueVariance: number,
  errorVariances: number[],
): number[][] {
  const random = mulberry32(seed);
  const rows: number[][] = [];
  for (let r = 0; r < respondents; r += 1) {
    const trueScore = Math.sqrt(trueVariance) * normal(random);
    rows.push(errorVariances.map((variance) => trueScore + Math.sqrt(variance) * normal(random)));
  }
  return rows;
}

/**
 * Simulated Closeness Check answers: one latent level of difficulty per person, each item a
 * noisy reading of it cut into the 1–5 scale; a reverse-keyed item is answered mirrored, as a
 * real person would. `missing` is the chance that a respondent skips one random item.
 */
function simulateAnswers(seed: number, respondents: number, missing = 0) {
  const random = mulberry32(seed);
  const cut = (x: number) => (x < -1.2 ? 1 : x < -0.4 ? 2 : x < 0.4 ? 3 : x < 1.2 ? 4 : 5);
  return Array.from({ length: respondents }, () => {
    const level = normal(random);
    const answers: Record<string, number> = {};
    for (const item of definition.items) {
      const value = cut(0.8 * level + 0.6 * normal(random));
      answers[item.id] = item.reverse ? 6 - value : value;
    }
    if (random() < missing) {
      const skipped = definition.items[Math.floor(random() * definition.items.length)]!;
      delete answers[skipped.id];
    }
    return answers;
  });
}

/** The independent reverse-keyed matrix of one subscale, complete respondents only. */
function keyedMatrixIndependently(responses: Record<string, number>[], id: ScoredSubscaleId) {
  const items = definition.items.filter((item) => item.subscale === id);
  return responses
    .filter((answers) => items.every((item) => item.id in answers))
    .map((answers) =>
      items.map((item) => (item.reverse ? 6 - answers[item.id]! : answers[item.id]!)),
    );
}

function sampleSd(values: number[]): number {
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}

// ——— Alpha ———

describe("Cronbach's alpha", () => {
  it('matches small hand-worked matrices', () => {
    // Two items moving together: item variances 5/3 each, covariance 1, total variance
    // 5/3 + 5/3 + 2 = 16/3 → α = 2 · (1 − (10/3)/(16/3)) = 2 · 6/16 = 0.75.
    expect(
      cronbachAlpha([
        [1, 2],
        [2, 1],
        [3, 4],
        [4, 3],
      ]),
    ).toBeCloseTo(0.75, 12);
    // Identical items: α = 2 · (1 − 2/4) = 1.
    expect(
      cronbachAlpha([
        [1, 1],
        [2, 2],
        [3, 3],
      ]),
    ).toBeCloseTo(1, 12);
    // Uncorrelated items: variances 1/3 each, totals 2, 3, 3, 4 have variance 2/3 → α = 0.
    expect(
      cronbachAlpha([
        [1, 1],
        [2, 1],
        [1, 2],
        [2, 2],
      ]),
    ).toBeCloseTo(0, 12);
  });

  it('returns a negative alpha as it is, and null when it is undefined', () => {
    // Items moving against each other: variances 1 and 1, covariance −0.5 → total 1 →
    // α = 2 · (1 − 2/1) = −2.
    expect(
      cronbachAlpha([
        [1, 2],
        [2, 3],
        [3, 1],
      ]),
    ).toBeCloseTo(-2, 12);
    // Totals that never vary.
    expect(
      cronbachAlpha([
        [1, 3],
        [2, 2],
        [3, 1],
      ]),
    ).toBeNull();
    expect(cronbachAlpha([[1, 2]])).toBeNull();
    expect(cronbachAlpha([[1], [2], [3]])).toBeNull();
    expect(cronbachAlpha([])).toBeNull();
  });

  it.each([
    // parallel items: α = kρ / (1 + (k − 1)ρ), ρ = true variance / item variance
    { name: '5 parallel items, ρ = 0.4', trueVariance: 0.4, errors: [0.6, 0.6, 0.6, 0.6, 0.6] },
    { name: '3 parallel items, ρ = 0.25', trueVariance: 0.25, errors: [0.75, 0.75, 0.75] },
    // tau-equivalent items (equal true parts, unequal errors): α is still the reliability
    // of the total, k²σ²_T / (k²σ²_T + Σσ²_E)
    { name: '4 tau-equivalent items', trueVariance: 1, errors: [0.5, 1, 1.5, 2] },
  ])(
    'lands on the known reliability of simulated respondents ($name), and matches the covariance formula',
    ({ trueVariance, errors }) => {
      const k = errors.length;
      const theoretical =
        (k * k * trueVariance) / (k * k * trueVariance + errors.reduce((a, b) => a + b, 0));
      const matrix = simulate(20260101 + k, 20_000, trueVariance, errors);
      const alpha = cronbachAlpha(matrix) as number;
      expect(alpha).toBeCloseTo(alphaFromCovarianceMatrix(matrix), 9);
      expect(Math.abs(alpha - theoretical)).toBeLessThan(0.01);
    },
  );

  it('agrees with the parallel-items formula written the other way', () => {
    // For parallel items the two forms of the theory agree: 5 · 0.4 / (1 + 4 · 0.4) = 2/2.6.
    const rho = 0.4;
    const k = 5;
    const spearmanBrown = (k * rho) / (1 + (k - 1) * rho);
    expect(spearmanBrown).toBeCloseTo((k * k * rho) / (k * k * rho + k * (1 - rho)), 12);
    expect(spearmanBrown).toBeCloseTo(0.769, 3);
  });
});

describe('psychometrics of the Closeness Check', () => {
  const responses = simulateAnswers(7, 1500, 0.3);
  const report = computePsychometrics(responses, definition);

  it('reports alpha and SD per subscale that match an independent computation to 3 decimals', () => {
    for (const id of SCORED_SUBSCALE_IDS) {
      const matrix = keyedMatrixIndependently(responses, id);
      const stats = report.subscales[id];
      expect(stats.status).toBe('ok');
      expect(stats.n).toBe(matrix.length);
      expect(stats.alpha).toBeCloseTo(alphaFromCovarianceMatrix(matrix), 3);
      expect(stats.alpha).toBeCloseTo(alphaFromCovarianceMatrix(matrix), 9);
      const scores = matrix.map((row) => row.reduce((a, b) => a + b, 0) / row.length);
      expect(stats.sd).toBeCloseTo(sampleSd(scores), 9);
    }
    expect(report).toMatchObject({ instrument: 'closeness-check', version: definition.version });
  });

  it('reverse-keys first: unkeyed, the same answers would look unreliable', () => {
    const items = definition.items.filter((item) => item.subscale === 'avoidance');
    const unkeyed = responses
      .filter((answers) => items.every((item) => item.id in answers))
      .map((answers) => items.map((item) => answers[item.id]!));
    expect(report.subscales.avoidance.alpha).toBeGreaterThan(0.7);
    expect(alphaFromCovarianceMatrix(unkeyed)).toBeLessThan(0.3);
  });

  it('drops respondents who skipped an item of that subscale only (listwise, per subscale)', () => {
    const [complete] = simulateAnswers(13, 1);
    const { ['trust-1']: _skipped, ...skippedTrust } = complete!;
    expect(subscaleMatrix([skippedTrust], definition, 'trust')).toEqual([]);
    expect(subscaleMatrix([skippedTrust], definition, 'avoidance')).toHaveLength(1);
    // About 30 % of the simulated respondents skipped one item somewhere.
    for (const id of SCORED_SUBSCALE_IDS) {
      expect(report.subscales[id].n).toBeLessThan(responses.length);
      expect(report.subscales[id].n).toBeGreaterThan(responses.length * 0.9);
    }
  });

  it(`needs ${RELIABILITY_MIN_RESPONSES} complete responses before it reports alpha or SD`, () => {
    expect(RELIABILITY_MIN_RESPONSES).toBe(100);
    const complete = simulateAnswers(11, 100);
    const below = computePsychometrics(complete.slice(0, 99), definition);
    const at = computePsychometrics(complete, definition);
    for (const id of SCORED_SUBSCALE_IDS) {
      expect(below.subscales[id]).toEqual({
        n: 99,
        alpha: null,
        sd: null,
        status: 'too-few-responses',
      });
      expect(at.subscales[id].n).toBe(100);
      expect(at.subscales[id].alpha).not.toBeNull();
      expect(at.subscales[id].sd).toBeGreaterThan(0);
    }
  });

  it('says "no variance" when everyone answered the same way', () => {
    const same = Object.fromEntries(definition.items.map((item) => [item.id, 3]));
    const result = computePsychometrics(Array(120).fill(same), definition);
    for (const id of SCORED_SUBSCALE_IDS) {
      expect(result.subscales[id]).toEqual({
        n: 120,
        alpha: null,
        sd: null,
        status: 'no-variance',
      });
    }
  });

  it('validates the research responses', () => {
    expect(() => computePsychometrics([{ 'avoidance-1': 9 }], definition)).toThrow(/avoidance-1/);
  });
});

// ——— Reliable change ———

describe('the Reliable Change Index (Jacobson & Truax 1991)', () => {
  it('works through SD 0.5 and alpha 0.84 by hand', () => {
    // SEM = 0.5 · √(1 − 0.84) = 0.5 · √0.16 = 0.5 · 0.4 = 0.2.
    const sem = standardErrorOfMeasurement(0.5, 0.84) as number;
    expect(sem).toBeCloseTo(0.2, 12);
    // √2 · SEM = 1.41421… · 0.2 = 0.282843.
    // From 3.4 to 2.6: (2.6 − 3.4) / 0.282843 = −0.8 / 0.282843 = −2.828 → beyond −1.96.
    expect(reliableChangeIndex(3.4, 2.6, sem)).toBeCloseTo(-2.828, 3);
    expect(isReliableChange(reliableChangeIndex(3.4, 2.6, sem))).toBe(true);
    // From 2.6 to 3.0: 0.4 / 0.282843 = 1.414 → within ±1.96, not reliable.
    expect(reliableChangeIndex(2.6, 3.0, sem)).toBeCloseTo(1.414, 3);
    expect(isReliableChange(reliableChangeIndex(2.6, 3.0, sem))).toBe(false);
    // The smallest reliable change: 1.96 · 0.282843 = 0.5544.
    expect(criticalDifference(sem)).toBeCloseTo(0.5544, 4);
    // Either side of it: 0.55 / 0.282843 = 1.9445 (not reliable); 0.56 / 0.282843 = 1.9799 (reliable).
    expect(reliableChangeIndex(2, 2.55, sem)).toBeCloseTo(1.9445, 4);
    expect(isReliableChange(reliableChangeIndex(2, 2.55, sem))).toBe(false);
    expect(reliableChangeIndex(2, 2.56, sem)).toBeCloseTo(1.9799, 4);
    expect(isReliableChange(reliableChangeIndex(2, 2.56, sem))).toBe(true);
  });

  it('works through SD 0.8 and alpha 0.75 by hand', () => {
    // SEM = 0.8 · √0.25 = 0.4; √2 · SEM = 0.565685; critical difference = 1.96 · 0.565685 = 1.1087.
    const sem = standardErrorOfMeasurement(0.8, 0.75) as number;
    expect(sem).toBeCloseTo(0.4, 12);
    expect(criticalDifference(sem)).toBeCloseTo(1.1087, 4);
    // From 4.2 to 3.0: −1.2 / 0.565685 = −2.1213 → reliable.
    expect(reliableChangeIndex(4.2, 3.0, sem)).toBeCloseTo(-2.1213, 4);
    // From 4.2 to 3.2: −1.0 / 0.565685 = −1.7678 → not reliable, though the same as above at 0.84.
    expect(reliableChangeIndex(4.2, 3.2, sem)).toBeCloseTo(-1.7678, 4);
  });

  it('calls change reliable only beyond 1.96 in size: exactly 1.96 is not enough', () => {
    expect(isReliableChange(1.96)).toBe(false);
    expect(isReliableChange(-1.96)).toBe(false);
    expect(isReliableChange(1.9600001)).toBe(true);
    expect(isReliableChange(-1.9600001)).toBe(true);
    expect(isReliableChange(0)).toBe(false);
  });

  it.each([
    [0.5, 0],
    [0.5, -0.3],
    [0.5, 1],
    [0, 0.8],
    [-1, 0.8],
    [Number.NaN, 0.8],
    [0.5, Number.NaN],
  ])('gives no SEM for SD %s and reliability %s', (sd, reliability) => {
    expect(standardErrorOfMeasurement(sd, reliability)).toBeNull();
  });

  it('uses the sample SD (n − 1)', () => {
    // 1, 2, 3, 4: squares about 2.5 sum to 5; 5 / 3 → SD 1.290994.
    expect(sampleStandardDeviation([1, 2, 3, 4])).toBeCloseTo(1.290994, 6);
    expect(sampleStandardDeviation([3])).toBeNull();
  });
});

describe('labelling change between two Checks', () => {
  const scores = (values: Partial<Record<ScoredSubscaleId, number | null>>) =>
    Object.fromEntries(
      SCORED_SUBSCALE_IDS.map((id) => [id, values[id] === undefined ? 3 : values[id]]),
    ) as Record<ScoredSubscaleId, number | null>;
  const snapshot = (
    values: Partial<Record<ScoredSubscaleId, number | null>>,
    version = definition.version,
  ): ScoredSnapshot => ({ version, scores: scores(values) });

  const stats = (overrides: Partial<SubscalePsychometrics> = {}): SubscalePsychometrics => ({
    n: 250,
    alpha: 0.84,
    sd: 0.5,
    status: 'ok',
    ...overrides,
  });
  const reportWith = (
    overrides: Partial<Record<ScoredSubscaleId, SubscalePsychometrics>> = {},
    version = definition.version,
  ): PsychometricsReport => ({
    instrument: 'closeness-check',
    version,
    minimumResponses: RELIABILITY_MIN_RESPONSES,
    subscales: Object.fromEntries(
      SCORED_SUBSCALE_IDS.map((id) => [id, overrides[id] ?? stats()]),
    ) as Record<ScoredSubscaleId, SubscalePsychometrics>,
  });

  it('without psychometrics, shows the plain difference and never calls it reliable', () => {
    const change = describeChange(snapshot({ trust: 5 }), snapshot({ trust: 1 }));
    expect(change.trust).toEqual({
      before: 5,
      after: 1,
      difference: -4,
      direction: 'down',
      rci: null,
      criticalDifference: null,
      reliable: false,
      label: 'not-assessed',
      reason: 'no-psychometrics',
    });
    expect(change.avoidance).toMatchObject({ difference: 0, direction: 'same' });
  });

  it('with psychometrics: a reliable fall is an improvement, a reliable rise a deterioration', () => {
    // SEM 0.2 as worked above: −0.8 → RCI −2.83; +0.6 → 2.12; +0.4 → 1.41.
    const change = describeChange(
      snapshot({ avoidance: 3.4, trust: 2.0, sharing: 2.6 }),
      snapshot({ avoidance: 2.6, trust: 2.6, sharing: 3.0 }),
      reportWith(),
    );
    expect(change.avoidance).toMatchObject({
      difference: -0.8,
      direction: 'down',
      reliable: true,
      label: 'reliable-improvement',
      reason: null,
    });
    expect(change.avoidance.rci).toBeCloseTo(-2.828, 3);
    expect(change.avoidance.criticalDifference).toBeCloseTo(0.5544, 4);
    expect(change.trust).toMatchObject({
      difference: 0.6,
      direction: 'up',
      reliable: true,
      label: 'reliable-deterioration',
    });
    expect(change.trust.rci).toBeCloseTo(2.1213, 4);
    expect(change.sharing).toMatchObject({
      difference: 0.4,
      reliable: false,
      label: 'no-reliable-change',
    });
  });

  it('works on the stored 2-place scores, so float noise cannot cross the boundary', () => {
    // 3.2 − 2.6 is 0.6000000000000001 in floating point; the difference is 0.6.
    const change = describeChange(
      snapshot({ anxiety: 2.6 }),
      snapshot({ anxiety: 3.2 }),
      reportWith(),
    );
    expect(change.anxiety.difference).toBe(0.6);
  });

  it.each<[string, Partial<SubscalePsychometrics>, string]>([
    [
      'too few responses',
      { n: 40, alpha: null, sd: null, status: 'too-few-responses' },
      'too-few-responses',
    ],
    ['no variance', { alpha: null, sd: null, status: 'no-variance' }, 'no-variance'],
    ['an SD of 0', { sd: 0 }, 'no-variance'],
    ['alpha 0', { alpha: 0 }, 'alpha-not-positive'],
    ['a negative alpha', { alpha: -0.4 }, 'alpha-not-positive'],
    ['alpha 1', { alpha: 1 }, 'alpha-is-one'],
  ])('does not assess change with %s, and says why', (_name, override, reason) => {
    const change = describeChange(
      snapshot({ coping: 5 }),
      snapshot({ coping: 1 }),
      reportWith({ coping: stats(override) }),
    );
    expect(change.coping).toMatchObject({
      difference: -4,
      rci: null,
      reliable: false,
      label: 'not-assessed',
      reason,
    });
    expect(change.trust.label).toBe('no-reliable-change');
  });

  it('does not compare different versions, nor use psychometrics of another version', () => {
    expect(
      describeChange(snapshot({ trust: 5 }, 1), snapshot({ trust: 1 }, 2), reportWith({}, 2)).trust,
    ).toMatchObject({ label: 'not-assessed', reason: 'different-versions', difference: -4 });
    expect(
      describeChange(snapshot({ trust: 5 }, 1), snapshot({ trust: 1 }, 1), reportWith({}, 2)).trust,
    ).toMatchObject({ label: 'not-assessed', reason: 'psychometrics-for-another-version' });
  });

  it('has no difference when either score is missing', () => {
    const change = describeChange(snapshot({ trust: null }), snapshot({ trust: 2 }), reportWith());
    expect(change.trust).toMatchObject({
      before: null,
      after: 2,
      difference: null,
      direction: null,
      reliable: false,
      label: 'not-assessed',
      reason: 'score-missing',
    });
  });

  it('judges real simulated change with psychometrics computed from simulated data', () => {
    const research = computePsychometrics(simulateAnswers(5, 400), definition);
    const stats = research.subscales.avoidance;
    const sem = standardErrorOfMeasurement(stats.sd!, stats.alpha!)!;
    const needed = criticalDifference(sem);
    const before = snapshot({ avoidance: 4.4 });
    const small = describeChange(before, snapshot({ avoidance: 4.4 - needed / 2 }), research);
    const large = describeChange(
      before,
      snapshot({ avoidance: Math.round((4.4 - needed - 0.1) * 100) / 100 }),
      research,
    );
    expect(small.avoidance.label).toBe('no-reliable-change');
    expect(large.avoidance.label).toBe('reliable-improvement');
  });
});
