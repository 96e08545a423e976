import { describe, expect, it } from 'vitest';
import {
  defaultConfig,
  ExperimentError,
  e1Theory,
  getExperiment,
  meanSe,
  runExperiment,
} from '../src/index.js';

describe('the sampler key', () => {
  it('defaults to spectral for e1/e2 and gram for e3/e4, and is recorded in every row', async () => {
    expect(defaultConfig(getExperiment('e1').schema).sampler).toBe('spectral');
    expect(defaultConfig(getExperiment('e2').schema).sampler).toBe('spectral');
    expect(defaultConfig(getExperiment('e3').schema).sampler).toBe('gram');
    expect(defaultConfig(getExperiment('e4').schema).sampler).toBe('gram');
    expect(Math.max(...(defaultConfig(getExperiment('e1').schema).ns as number[]))).toBeGreaterThanOrEqual(
      12800,
    );
    expect(Math.max(...(defaultConfig(getExperiment('e2').schema).ns as number[]))).toBeGreaterThanOrEqual(
      12800,
    );
    expect(Math.max(...(defaultConfig(getExperiment('e3').schema).ns as number[]))).toBeGreaterThanOrEqual(
      3200,
    );
    expect(Math.max(...(defaultConfig(getExperiment('e4').schema).ns as number[]))).toBeGreaterThanOrEqual(
      3200,
    );
    for (const sampler of ['spectral', 'dense']) {
      const { result } = await runExperiment(getExperiment('e1'), {
        seed: 1,
        overrides: { ns: [30, 60], replicates: 1, sampler },
      });
      expect(result.config.sampler).toBe(sampler);
      for (const row of result.rows) expect(row.sampler).toBe(sampler);
    }
  });

  it('refuses the dense sampler beyond the n it can hold, naming the key', async () => {
    await expect(
      runExperiment(getExperiment('e1'), { overrides: { ns: [100, 12800], sampler: 'dense' } }),
    ).rejects.toThrow(ExperimentError);
    await expect(
      runExperiment(getExperiment('e4'), { overrides: { ns: [100, 5000], sampler: 'dense' } }),
    ).rejects.toThrow(/e4\.ns/);
  });

  it('e1 spectral: at n = 3200 (p = 181 025) the simulated means agree with the deterministic equivalents', async () => {
    const { result } = await runExperiment(getExperiment('e1'), {
      seed: 7,
      overrides: { ns: [1600, 3200], replicates: 12 },
    });
    const theory = e1Theory(result.config as never, 3200);
    for (const name of ['risk', 'norm2'] as const) {
      const values = result.rows.filter((r) => r.n === 3200).map((r) => r[name] as number);
      const { mean, se } = meanSe(values);
      // Within 4 s.e. or 5 % (the deterministic equivalent's own O(1/√n) bias).
      const gap = Math.abs(mean - theory[name]);
      expect(gap <= 4 * se || gap <= 0.05 * theory[name], `${name}: ${mean} ± ${se} vs ${theory[name]}`).toBe(
        true,
      );
    }
  });

  it('e3 gram and dense agree in distribution at small n (R and E‖∇f̂‖²)', async () => {
    const overrides = { ns: [40, 80], replicates: 24, layers: 'first', testSize: 60, pgdTestSize: 0 };
    const runs = await Promise.all(
      ['gram', 'dense'].map((sampler) =>
        runExperiment(getExperiment('e3'), { seed: 5, overrides: { ...overrides, sampler } }),
      ),
    );
    for (const n of [40, 80]) {
      for (const name of ['risk', 'gradNorm2']) {
        const [a, b] = runs.map(({ result }) =>
          meanSe(result.rows.filter((r) => r.n === n).map((r) => r[name] as number)),
        );
        const z =
          Math.abs((a?.mean as number) - (b?.mean as number)) / Math.hypot(a?.se as number, b?.se as number);
        expect(z, `${name} at n = ${n}: ${a?.mean} vs ${b?.mean}`).toBeLessThan(4);
      }
    }
  });

  it('e4 gram (one eigendecomposition per draw for the λ path) and dense agree in distribution at small n', async () => {
    const overrides = { ns: [40, 80], replicates: 16, testSize: 60, lambdaCount: 3 };
    const runs = await Promise.all(
      ['gram', 'dense'].map((sampler) =>
        runExperiment(getExperiment('e4'), { seed: 6, overrides: { ...overrides, sampler } }),
      ),
    );
    const lambdas = [...new Set(runs[0]?.result.rows.map((r) => r.lambda as number))];
    expect(lambdas.length).toBe(4);
    for (const n of [40, 80]) {
      for (const lambda of lambdas) {
        for (const name of ['risk', 'gradNorm2', 'advRiskFirstOrder']) {
          const [a, b] = runs.map(({ result }) =>
            meanSe(result.rows.filter((r) => r.n === n && r.lambda === lambda).map((r) => r[name] as number)),
          );
          const z =
            Math.abs((a?.mean as number) - (b?.mean as number)) /
            Math.hypot(a?.se as number, b?.se as number);
          expect(z, `${name} at n = ${n}, λ = ${lambda}: ${a?.mean} vs ${b?.mean}`).toBeLessThan(4.5);
        }
      }
    }
  });
});
