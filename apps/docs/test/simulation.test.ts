import { describe, expect, it } from 'vitest';
import { defaultParameters, dimensionAt, type PlaygroundParameters } from '../src/playground/parameters.ts';
import { maxDesignEntries, simulate, simulatedSampleSizes } from '../src/playground/simulation.ts';
import { theoryCurves } from '../src/playground/theory-curves.ts';

const small: PlaygroundParameters = { ...defaultParameters, n: 100, a: 1.4 };

describe('the playground simulation (what the Web Worker runs)', () => {
  it('simulates the theory grid up to n, within the size bound', () => {
    const sizes = simulatedSampleSizes({ ...defaultParameters, n: 3200 });
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.length).toBeLessThanOrEqual(6);
    for (const n of sizes)
      expect(n * dimensionAt(n, defaultParameters.a)).toBeLessThanOrEqual(maxDesignEntries);
    expect(simulatedSampleSizes(small)).toEqual([50, 71, 100]);
  });

  it('reports progress after every fit and is deterministic for a seed', async () => {
    const progress: number[] = [];
    const request = { params: small, replicates: 3, seed: 7, testSize: 50 };
    const first = await simulate(request, (p) => progress.push(p.done / p.total));
    const second = await simulate(request);
    expect(progress).toHaveLength(9);
    expect(progress.at(-1)).toBe(1);
    expect(second).toEqual(first);
    expect(first.map((p) => p.quantity)).toEqual(['R', 'R_α', 'R', 'R_α', 'R', 'R_α']);
  });

  it.each(['min-norm', 'ridge'] as const)(
    'agrees with the theory curve for %s (linear, exact risks)',
    async (model) => {
      const params = { ...small, model, lambda: 0.05 };
      const points = await simulate({ params, replicates: 8, seed: 11, testSize: 50 });
      const theory = theoryCurves(params).bySampleSize;
      for (const point of points) {
        const predicted = theory.find((t) => t.x === point.x && t.quantity === point.quantity)!.value;
        // Deterministic equivalents are accurate to a few per cent at these n; allow 4 s.e. on top.
        expect(Math.abs(point.mean - predicted)).toBeLessThan(4 * point.standardError + 0.15 * predicted);
      }
    },
  );

  it('measures the NTK model with first-order adversarial risk above its standard risk', async () => {
    const params: PlaygroundParameters = { ...small, n: 50, model: 'ntk', ntkLayers: 'both', lambda: 0 };
    const points = await simulate({ params, replicates: 2, seed: 3, testSize: 40 });
    expect(points).toHaveLength(2);
    const [risk, adversarial] = points;
    expect(risk!.mean).toBeGreaterThan(0);
    expect(adversarial!.mean).toBeGreaterThan(risk!.mean);
  });
});
