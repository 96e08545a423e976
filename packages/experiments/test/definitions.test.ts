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
  e2TheoryTradeoffs,
  experiments,
  getExperiment,
  runExperiment,
} from '../src/index.js';
import { runCells } from '../src/node/index.js';
import reference from './fixtures/theory-section7.json' with { type: 'json' };

const relativeError = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('e1 theory (THEORY.md §7 reference numbers)', () => {
  const config = defaultConfig(e1MinNorm.schema) as E1Config;

  it.each(reference.e1.minNorm)('min-norm at n = $n: R, ‖θ̂₀‖² and harm ratio', (point) => {
    const theory = e1Theory(config, point.n);
    expect(theory.p).toBe(Math.ceil(point.n ** 1.5) + 5);
    if (point.risk !== null) expect(relativeError(theory.risk, point.risk)).toBeLessThan(0.05);
    if (point.norm2 !== null) expect(relativeError(theory.norm2, point.norm2)).toBeLessThan(0.05);
    if (point.harmAbsolute !== null)
      expect(relativeError(theory.harmAbsolute, point.harmAbsolute)).toBeLessThan(0.05);
  });
});

describe('e2 theory (THEORY.md §7 reference numbers)', () => {
  const config = defaultConfig(e2Ridge.schema) as E2Config;

  it('relative budget: R_α at the λ best for R grows ≈ 0.20 → 3.1; min-norm R_α 0.31 → 17', () => {
    const [first] = e2TheoryTradeoffs(config, 100);
    const [last] = e2TheoryTradeoffs(config, 25600);
    const ref = reference.e2.relative;
    expect(relativeError(first.advRiskAtBestStandard, ref.advRiskAtBestStandard[0])).toBeLessThan(0.1);
    expect(relativeError(last.advRiskAtBestStandard, ref.advRiskAtBestStandard[1])).toBeLessThan(0.15);
    expect(last.riskAtBestAdversarial).toBeGreaterThan(ref.riskAtBestAdversarialRange[0]);
    expect(last.riskAtBestAdversarial).toBeLessThan(ref.riskAtBestAdversarialRange[1]);
    const minNorm = e1Theory({ ...(defaultConfig(e1MinNorm.schema) as E1Config) }, 25600);
    expect(relativeError(minNorm.advRiskRelative, ref.minNormAdvRisk[1])).toBeLessThan(0.05);
  });

  it('absolute budget: the best R_α falls ≈ 0.135 (n = 50) → 0.027 (n = 25 600)', () => {
    const [, first] = e2TheoryTradeoffs(config, 50);
    const [, last] = e2TheoryTradeoffs(config, 25600);
    expect(relativeError(first.advRiskAtBestAdversarial, reference.e2.absolute.bestAdvRisk[0])).toBeLessThan(
      0.05,
    );
    expect(relativeError(last.advRiskAtBestAdversarial, reference.e2.absolute.bestAdvRisk[1])).toBeLessThan(
      0.05,
    );
  });
});

const tinyE1 = { ns: [50, 100, 200], replicates: 3, theoryNs: [50, 200, 800, 3200], largeN: 200 };

describe('e1 at tiny sizes', () => {
  it('writes one tidy row per (n, seed) with exact risks, and reaches the paper’s conclusions', async () => {
    const { result } = await runExperiment(getExperiment('e1'), { seed: 5, overrides: tinyE1 });
    expect(result.rows).toHaveLength(9);
    for (const row of result.rows) {
      expect(row.trainResidualMax as number).toBeLessThan(1e-8);
      expect(row.advRiskRelative as number).toBeGreaterThan(row.risk as number);
      expect(row.p).toBe(Math.ceil((row.n as number) ** 1.5) + 5);
    }
    const summary = result.summary as E1Summary;
    expect(summary.slopes.risk).toBeLessThan(0);
    expect(summary.slopes.norm2).toBeGreaterThan(0);
    expect(summary.slopes.advRisk).toBeGreaterThan(0);
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
  it('sweeps λ per draw and finds the trade-off from the rows', async () => {
    const overrides = { ns: [40, 80], replicates: 2, lambdaCount: 7, theoryNs: [40, 400, 4000] };
    const { result } = await runExperiment(e2Ridge as never, { seed: 5, overrides });
    expect(result.rows).toHaveLength(2 * 2 * 7);
    const summary = result.summary as E2Summary;
    expect(summary.simulatedTradeoffs).toHaveLength(4);
    expect(summary.theoryTradeoffs).toHaveLength(6);
    for (const t of summary.simulatedTradeoffs) {
      expect(t.priceOfRobustness).toBeGreaterThanOrEqual(1);
      expect(t.priceOfAccuracy).toBeGreaterThanOrEqual(1);
    }
  });
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
