import { describe, expect, it } from 'vitest';
import { ridgeTheory, ridgeTheoryPath } from '../src/index.js';
import golden from './fixtures/theory.json';
import { expectRelative } from './helpers.js';

const model = {
  eigenvalues: Float64Array.from(golden.eigenvalues),
  thetaStar: Float64Array.from(golden.thetaStar),
  sigma2: golden.sigma2,
  n: golden.n,
};

describe('golden theory.json (1e-9 relative)', () => {
  for (const reference of golden.predictions) {
    it(`λ = ${reference.lmb}: κ, df₂, risk and ‖θ̂‖² from ridgeTheory`, () => {
      const at = ridgeTheory({ ...model, lambda: reference.lmb });
      expectRelative(at.kappa, reference.kappa, 1e-9, 'kappa');
      expectRelative(at.df2, reference.df2, 1e-9, 'df2');
      expectRelative(at.risk, reference.risk, 1e-9, 'risk');
      expectRelative(at.norm2, reference.norm2, 1e-9, 'norm2');
    });
  }

  it('the vectorized path gives the same numbers as one λ at a time, in the grid order given', () => {
    const lambdas = golden.predictions.map((r) => r.lmb).reverse();
    const path = ridgeTheoryPath({ ...model, lambdas });
    lambdas.forEach((lambda, k) => {
      const reference = golden.predictions.find((r) => r.lmb === lambda)!;
      expect(path.lambda[k]).toBe(lambda);
      expectRelative(path.kappa[k]!, reference.kappa, 1e-9, 'kappa');
      expectRelative(path.risk[k]!, reference.risk, 1e-9, 'risk');
      expectRelative(path.norm2[k]!, reference.norm2, 1e-9, 'norm2');
    });
  });

  it('predicted R_α plugs R and ‖θ̂‖² into the Gaussian closed form', () => {
    const reference = golden.predictions[0]!;
    const at = ridgeTheory({ ...model, lambda: reference.lmb });
    const alpha = 0.1;
    const expected =
      reference.risk +
      2 * Math.sqrt(2 / Math.PI) * alpha * Math.sqrt(reference.norm2) * Math.sqrt(reference.risk) +
      alpha * alpha * reference.norm2;
    expectRelative(at.adversarialRisk(alpha), expected, 1e-9, 'R_α');
    const truth = alpha * alpha * golden.thetaStar.reduce((s, t) => s + t * t, 0);
    expectRelative(at.harmRatio(alpha), expected / truth, 1e-9, 'harm ratio');
    const noisy = reference.risk + golden.sigma2;
    const expectedNoisy =
      noisy +
      2 * Math.sqrt(2 / Math.PI) * alpha * Math.sqrt(reference.norm2) * Math.sqrt(noisy) +
      alpha * alpha * reference.norm2;
    expectRelative(at.adversarialRisk(alpha, { noisyLabels: true }), expectedNoisy, 1e-9, 'noisy R_α');
  });

  it('a relative ℓ2 budget is α_rel·√tr Σ', () => {
    const at = ridgeTheory({ ...model, lambda: 0.01 });
    const trace = golden.eigenvalues.reduce((s, v) => s + v, 0);
    expectRelative(
      at.adversarialRisk(0.05, { budget: 'relative' }),
      at.adversarialRisk(0.05 * Math.sqrt(trace)),
      1e-14,
      'relative budget',
    );
  });
});
