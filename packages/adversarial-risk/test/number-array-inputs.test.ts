import { describe, expect, it } from 'vitest';
import { dualNorm, lqNorm, ridgeTheory, ridgeTheoryPath } from '../src/index.js';

// Beyond the linear risks (tested in linear-risk tests): norms and the theory curves take
// `number[]` as well as `Float64Array`, with the same results.
describe('number[] vectors in adversarial-risk', () => {
  it('dualNorm and lqNorm', () => {
    expect(dualNorm([1, -2], 'linf')).toBe(3);
    expect(dualNorm([3, -4])).toBe(dualNorm(Float64Array.of(3, -4)));
    expect(lqNorm([3, -4], 2)).toBe(5);
    expect(() => dualNorm([1, Number.NaN])).toThrow(/^theta: /);
  });

  it('ridgeTheory and ridgeTheoryPath take eigenvalues and θ* as number[]', () => {
    const eigenvalues = [1, 1, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02];
    const thetaStar = [1, 0, 0, 0, 0, 0, 0, 0];
    const model = { sigma2: 0.25, n: 4 };
    const plain = ridgeTheory({ ...model, eigenvalues, thetaStar, lambda: 0.1 });
    const typed = ridgeTheory({
      ...model,
      eigenvalues: Float64Array.from(eigenvalues),
      thetaStar: Float64Array.from(thetaStar),
      lambda: 0.1,
    });
    expect([plain.risk, plain.normSquared, plain.kappa]).toEqual([
      typed.risk,
      typed.normSquared,
      typed.kappa,
    ]);
    expect(ridgeTheoryPath({ ...model, eigenvalues, thetaStar, lambdas: [0.1] }).risk[0]).toBe(typed.risk);
    expect(() => ridgeTheory({ ...model, eigenvalues, thetaStar: [1], lambda: 0.1 })).toThrow(/^thetaStar: /);
  });
});
