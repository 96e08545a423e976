import { makeDesign } from '@benignlab/data';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultParameters,
  dimensionAt,
  ntkEffectiveLambda,
  type PlaygroundParameters,
  spikedSpectrum,
  spikedTrace,
} from '../src/playground/parameters.ts';
import { lambdaGrid, sampleSizeGrid, theoryCurves } from '../src/playground/theory-curves.ts';

const minNormAbsolute: PlaygroundParameters = { ...defaultParameters, budget: 'absolute', alpha: 0.1 };

function valueAt(
  points: { x: number; quantity: string; value: number }[],
  x: number,
  quantity: string,
): number {
  const point = points.find((p) => p.x === x && p.quantity === quantity);
  if (!point) throw new Error(`no ${quantity} at ${x}`);
  return point.value;
}

describe('the playground’s spiked design', () => {
  it('is the data package’s spikedScaled design (eigenvalues and θ*)', () => {
    for (const [n, a, b] of [
      [50, 1.5, 1],
      [120, 1.3, 0.6],
    ] as const) {
      const design = makeDesign({
        covariance: { kind: 'spikedScaled', n, a, b, s: 5 },
        thetaStar: { kind: 'spikes', norm: 1 },
        noise: { law: 'gaussian', sigma: 0.5 },
      });
      const ours = spikedSpectrum(n, a, b);
      expect(Array.from(ours.eigenvalues)).toEqual(Array.from(design.eigenvalues));
      expect(Array.from(ours.thetaStar)).toEqual(Array.from(design.thetaStar));
      expect(spikedTrace(n, a, b)).toBeCloseTo(
        design.eigenvalues.reduce((s, v) => s + v, 0),
        10,
      );
    }
  });

  it('implements the linearized NTK ridge of THEORY §5', () => {
    expect(ntkEffectiveLambda(200, 0, 'first', 6.4)).toBeCloseTo(0.032, 15);
    expect(ntkEffectiveLambda(100, 0.01, 'first', 10)).toBeCloseTo(0.1 + 0.04, 15);
    expect(ntkEffectiveLambda(100, 0.01, 'both', 10)).toBeCloseTo(((1 - 1 / Math.PI) * 10) / 100 + 0.02, 15);
  });
});

describe('theoryCurves (Theory §7 figures)', () => {
  const absolute = theoryCurves(minNormAbsolute);
  const relative = theoryCurves({ ...defaultParameters });

  it('reproduces the min-norm standard risks and norms quoted in THEORY §7', () => {
    expect(valueAt(absolute.bySampleSize, 100, 'R')).toBeCloseTo(0.047, 3);
    expect(valueAt(absolute.bySampleSize, 800, 'R')).toBeCloseTo(0.012, 3);
  });

  it('reproduces the absolute-budget harm ratios (17.9 at n = 50, the dip to 13.3 at 400)', () => {
    const ratio = (n: number) =>
      valueAt(absolute.bySampleSize, n, 'R_α') / valueAt(absolute.bySampleSize, n, 'R_α(θ*)');
    expect(ratio(50)).toBeCloseTo(17.9, 1);
    expect(ratio(400)).toBeCloseTo(13.3, 1);
    expect(ratio(12800)).toBeGreaterThan(ratio(400));
  });

  it('shows benign but harmful overfitting under the relative budget: R falls, R_α grows', () => {
    const grid = sampleSizeGrid(defaultParameters.a);
    const risks = grid.map((n) => valueAt(relative.bySampleSize, n, 'R'));
    const adversarial = grid.map((n) => valueAt(relative.bySampleSize, n, 'R_α'));
    for (let k = 1; k < grid.length; k++) {
      expect(risks[k]).toBeLessThan(risks[k - 1] as number);
      expect(adversarial[k]).toBeGreaterThan(adversarial[k - 1] as number);
    }
    expect(valueAt(relative.bySampleSize, 100, 'R_α')).toBeCloseTo(0.31, 2);
  });

  it('draws the λ sweep at the chosen n over the slider range', () => {
    expect(relative.byLambda).toHaveLength(2 * lambdaGrid().length);
    expect(relative.dimension).toBe(dimensionAt(defaultParameters.n, defaultParameters.a));
    expect(relative.modelLambda).toBe(0);
  });

  it('keeps every theory dimension under the cap and every value finite and positive', () => {
    fc.assert(
      fc.property(
        fc.record({
          n: fc.integer({ min: 50, max: 3200 }),
          a: fc.double({ min: 1.1, max: 1.8, noNaN: true }),
          b: fc.double({ min: 0.2, max: 1.5, noNaN: true }),
          sigma: fc.double({ min: 0, max: 1.5, noNaN: true }),
          alpha: fc.double({ min: 0, max: 0.3, noNaN: true }),
          lambda: fc.double({ min: 1e-6, max: 10, noNaN: true }),
          model: fc.constantFrom('min-norm' as const, 'ridge' as const, 'ntk' as const),
          budget: fc.constantFrom('absolute' as const, 'relative' as const),
          ntkLayers: fc.constantFrom('first' as const, 'both' as const),
        }),
        (params) => {
          const curves = theoryCurves(params);
          for (const point of [...curves.bySampleSize, ...curves.byLambda]) {
            expect(Number.isFinite(point.value)).toBe(true);
            expect(point.value).toBeGreaterThanOrEqual(0);
          }
          expect(curves.bySampleSize.some((point) => point.x === sampleSizeGrid(params.a)[0])).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});
