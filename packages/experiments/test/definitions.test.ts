import { describe, expect, it } from 'vitest';
import {
  defaultConfig,
  type E1Config,
  type E1Summary,
  type E2Config,
  type E2Summary,
  e1MinNorm,
  e1Theory,
  e2Ridge,
  e2TheoryPoint,
  experiments,
  getExperiment,
  runExperiment,
  theoryCompromise,
  theoryLambdaGrid,
} from '../src/index.js';
import { runCells } from '../src/node/index.js';
import reference from './fixtures/theory-section7.json' with { type: 'json' };

const relativeError = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('e1 theory (Theory §7 reference numbers, absolute α = 0.1)', () => {
  const config = { ...(defaultConfig(e1MinNorm.schema) as E1Config), alphaAbsolute: 0.1 };

  it.each(reference.e1.minNorm)('min-norm at n = $n: R, ‖θ̂₀‖² and harm ratio', (point) => {
    const theory = e1Theory(config, point.n);
    expect(theory.p).toBe(Math.ceil(point.n ** 1.5) + 5);
    if (point.risk !== null) expect(relativeError(theory.risk, point.risk)).toBeLessThan(0.05);
    if (point.norm2 !== null) expect(relativeError(theory.norm2, point.norm2)).toBeLessThan(0.05);
    if (point.harmAbsolute !== null)
      expect(relativeError(theory.harmAbsolute, point.harmAbsolute)).toBeLessThan(0.05);
  });
});

describe('e2 theory', () => {
  const config = defaultConfig(e2Ridge.schema) as E2Config;

  it('contrast (the reference design), absolute α = 0.1: the best R_α falls ≈ 0.135 (n = 50) → 0.027 (n = 25 600)', () => {
    const at = (n: number) => e2TheoryPoint({ ...config, alphaAbsolute: 0.1 }, 'contrast', n).bestHarm * 0.01;
    expect(relativeError(at(50), reference.e2.absolute.bestAdvRisk[0])).toBeLessThan(0.05);
    expect(relativeError(at(25600), reference.e2.absolute.bestAdvRisk[1])).toBeLessThan(0.05);
  });

  it('trade-off design: G grows and both prices grow with n; the contrast’s G grows far more slowly', () => {
    const trade = [100, 1600, 25600].map((n) => e2TheoryPoint(config, 'trade-off', n));
    for (let k = 1; k < trade.length; k++) {
      const [before, after] = [trade[k - 1], trade[k]] as [(typeof trade)[0], (typeof trade)[0]];
      expect(after.value).toBeGreaterThan(before.value);
      expect(after.priceOfRobustness).toBeGreaterThan(before.priceOfRobustness);
      expect(after.priceOfAccuracy).toBeGreaterThan(before.priceOfAccuracy);
    }
    const contrast = [100, 25600].map((n) => e2TheoryPoint(config, 'contrast', n));
    const growth = (points: { value: number }[]) =>
      (points.at(-1) as { value: number }).value / (points[0] as { value: number }).value;
    expect(growth(trade)).toBeGreaterThan(2);
    expect(growth(contrast)).toBeLessThan(1.5);
  });
});

describe('the harm/rescue map against its asymptotics', () => {
  // Balancing R/min R against the harm ratio in the deterministic equivalents gives the
  // growth exponent of G: (a − 1)/4 with the signal at 1 when the tail's variance term
  // dominates R (b = 1); c/4 + 1/8 with all of ‖θ*‖ on weak spikes at n^(−c), c < 5/14;
  // 0 once the weak signal is negligible (c ≥ 1/2) or the spikes' own variance σ²s/n
  // dominates R (b = 1.5).
  const lambdas = theoryLambdaGrid(1500);
  const exponent = (a: number, b: number, c: number, w: number) => {
    const design = { a, b, c, w, strongSpikes: 5, weakSpikes: 5, sigma: 0.5, thetaNorm: 1 };
    const g1 = theoryCompromise(design, 1e10, 0.5, lambdas).value;
    const g2 = theoryCompromise(design, 1e12, 0.5, lambdas).value;
    return Math.log(g2 / g1) / Math.log(100);
  };
  it.each([
    [1.5, 1, 0, 0, 0.125],
    [1.5, 1, 0.25, 1, 0.1875],
    [1.5, 1, 0.75, 1, 0],
    [1.5, 1.5, 0, 0, 0],
  ])('a = %s, b = %s, c = %s, w = %s: exponent ≈ %s', (a, b, c, w, predicted) => {
    expect(Math.abs(exponent(a, b, c, w) - predicted)).toBeLessThan(0.015);
  });
});

const tinyE1 = { ns: [50, 100, 200], replicates: 3, theoryNs: [50, 200, 800, 3200], largeN: 200 };

describe('e1 at tiny sizes', () => {
  it('writes one tidy row per (n, seed) with exact risks, and reaches the paper’s conclusions', async () => {
    const { result } = await runExperiment(getExperiment('e1'), { seed: 5, overrides: tinyE1 });
    expect(result.rows).toHaveLength(9);
    for (const row of result.rows) {
      expect(row.advRiskRelative as number).toBeGreaterThan(row.risk as number);
    }
    const summary = result.summary as E1Summary;
    expect(summary.slopes.risk).toBeLessThan(0);
    expect(summary.slopes.norm2).toBeGreaterThan(0);
    expect(summary.absoluteSlopes.harmRatio).toBeGreaterThan(0);
    expect(summary.verdicts.length).toBeGreaterThanOrEqual(4);
    for (const v of summary.verdicts) {
      expect(v.evidence.length).toBeGreaterThan(10);
      expect(typeof v.supported).toBe('boolean');
    }
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('gives the same rows through the pool’s in-thread path as through runExperiment', async () => {
    const { result } = await runExperiment(e1MinNorm as never, { seed: 9, overrides: tinyE1 });
    const { planExperiment } = await import('../src/index.js');
    const plan = planExperiment(e1MinNorm as never, { seed: 9, overrides: tinyE1 });
    const outcomes = await runCells(
      plan.cells.map((cell) => ({ experimentId: 'e1', config: plan.config, cell })),
      { inThread: true },
    ).outcomes;
    expect(JSON.stringify(outcomes.flatMap((o) => o.rows))).toBe(JSON.stringify(result.rows));
  });
});

describe('e2 at tiny sizes', () => {
  it('sweeps λ per draw for both designs and finds the best compromise and prices from the rows', async () => {
    const overrides = { ns: [40, 80], replicates: 2, lambdaCount: 7, theoryNs: [40, 400, 4000], largeN: 400 };
    const { result } = await runExperiment(e2Ridge as never, { seed: 5, overrides });
    expect(result.rows).toHaveLength(2 * 2 * 2 * 8);
    const summary = result.summary as E2Summary;
    expect(summary.simulated).toHaveLength(4);
    expect(summary.theory).toHaveLength(6);
    for (const t of summary.simulated) {
      expect(t.priceOfRobustness).toBeGreaterThanOrEqual(1);
      expect(t.priceOfAccuracy).toBeGreaterThanOrEqual(1);
      expect(t.value).toBeGreaterThanOrEqual(1);
    }
  });

  it('the spectral and the dense sampler agree in distribution (mean R and harm ratio over draws)', async () => {
    const base = {
      ns: [60, 70],
      replicates: 24,
      lambdaCount: 3,
      theoryNs: [60, 600, 6000],
      largeN: 600,
      contrast: false,
    };
    const mean = async (sampler: string, column: string) => {
      const { result } = await runExperiment(e2Ridge as never, { seed: 2, overrides: { ...base, sampler } });
      const rows = result.rows.filter((r) => r.lambda === 0 && r.n === 60);
      const values = rows.map((r) => r[column] as number);
      const m = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1));
      return { m, se: sd / Math.sqrt(values.length) };
    };
    for (const column of ['risk', 'harm']) {
      const spectral = await mean('spectral', column);
      const dense = await mean('dense', column);
      expect(Math.abs(spectral.m - dense.m)).toBeLessThan(4 * Math.hypot(spectral.se, dense.se));
    }
  }, 120_000);
});

describe('figure specs', () => {
  it('every experiment draws log-scaled figures with legends from a small result', async () => {
    const { result } = await runExperiment(getExperiment('e1'), { seed: 5, overrides: tinyE1 });
    const [main, harm] = getExperiment('e1').figures(result);
    expect(main?.id).toBe('e1');
    expect(harm?.id).toBe('harm');
    expect(main?.options.x).toMatchObject({ type: 'log' });
    expect(main?.options.y).toMatchObject({ type: 'log' });
    expect(main?.options.marks?.length).toBeGreaterThan(8);
    expect(main?.caption).toMatch(/relative budget/);
  });

  it('every experiment has a title, a claim and tables', () => {
    for (const experiment of experiments) {
      expect(experiment.title.length).toBeGreaterThan(5);
      expect(experiment.shows.length).toBeGreaterThan(20);
    }
  });
});
