import { spikedTailDesign } from '@benignlab/data';
import { Matrix } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import {
  dualNorm,
  LinearModelError,
  perturbationDualNorm,
  ridgePath,
  spectralRidgePath,
} from '../src/index.js';

// The names renamed for consistency (see the README's Names) keep working, with the
// same values as the new names.
describe('deprecated aliases equal the new names', () => {
  const X = Matrix.fromRows([
    [1, 0, 2, 1],
    [0, 1, 1, 0],
    [1, 1, 0, 3],
  ]);
  const y = Float64Array.of(1, 2, 3);
  const path = ridgePath(X, y, { thetaStar: [1, 0, 0, 0], covariance: { eigenvalues: [1, 1, 1, 1] } });

  it('ridgePath: norm2 → normSquared (method, summary, sweep), and it is the squared norm', () => {
    for (const lambda of [0, 0.1, 2]) {
      const coef = path.coef(lambda);
      let squares = 0;
      for (const c of coef) squares += c * c;
      expect(path.normSquared(lambda)).toBeCloseTo(squares, 12);
      expect(path.norm2(lambda)).toBe(path.normSquared(lambda));
      const summary = path.summary(lambda);
      expect(summary.norm2).toBe(summary.normSquared);
      expect(summary.normSquared).toBe(path.normSquared(lambda));
    }
    const sweep = path.sweep([0, 0.1, 2]);
    expect(sweep.norm2).toEqual(sweep.normSquared);
    expect(Array.from(sweep.normSquared)).toEqual([0, 0.1, 2].map((l) => path.normSquared(l)));
  });

  it('spectral fits: norm2 → normSquared, tailNorm2 → tailNormSquared', () => {
    const design = spikedTailDesign({
      spikeVariances: [4],
      tailVariance: 0.01,
      tailDimension: 50,
      thetaStar: [1],
      sigma: 0.5,
    });
    for (const fit of spectralRidgePath(design.spectralSample(20, 7), design, [0, 0.05])) {
      expect(fit.norm2).toBe(fit.normSquared);
      expect(fit.tailNorm2).toBe(fit.tailNormSquared);
      expect(fit.normSquared).toBeCloseTo(fit.tailNormSquared + (fit.spikeCoef[0] as number) ** 2, 12);
    }
  });

  it('dualNorm → perturbationDualNorm: same values and the same errors', () => {
    for (const norm of ['l2', 'linf'] as const) {
      expect(dualNorm(Float64Array.of(3, -4), norm)).toBe(perturbationDualNorm(Float64Array.of(3, -4), norm));
    }
    expect(perturbationDualNorm([3, -4], 'l2')).toBe(5);
    expect(perturbationDualNorm([3, -4], 'linf')).toBe(7);
    expect(() => dualNorm(Float64Array.of(1), 'l1' as never)).toThrow(LinearModelError);
  });
});
