import { createRng } from '@benignlab/data';
import { Matrix } from '@benignlab/linalg';
import { minNorm, ridge } from '@benignlab/linear-models';
import { describe, expect, it } from 'vitest';
import { adversarialRisk, harmRatio, RiskError, ridgePathRisks, standardRisk } from '../src/index.js';

describe('ridgePathRisks', () => {
  const n = 12;
  const p = 30;
  const rng = createRng(4);
  const eigenvalues = Float64Array.from({ length: p }, (_, j) => 1 / (j + 1));
  const X = new Matrix(n, p, rng.fillNormal(new Float64Array(n * p)));
  for (let i = 0; i < n; i++)
    for (let j = 0; j < p; j++) X.data[i * p + j] *= Math.sqrt(eigenvalues[j] as number);
  const thetaStar = new Float64Array(p);
  thetaStar[0] = 1;
  const y = Float64Array.from({ length: n }, (_, i) => (X.data[i * p] as number) + 0.3 * rng.normal());
  const lambdas = [0, 1e-3, 1e-1];
  const options = {
    thetaStar: Array.from(thetaStar),
    covariance: { eigenvalues },
    alpha: 0.05,
    budget: 'relative' as const,
  };

  it('equals the per-λ risks of the separately fitted models, for every norm', () => {
    const risks = ridgePathRisks(X, y, lambdas, { ...options, norms: ['l2', 'linf'] });
    lambdas.forEach((lambda, k) => {
      const theta = lambda === 0 ? minNorm(X, y).coef : ridge(X, y, lambda).coef;
      const scale = Math.max(1, risks.standardRisk[k] as number);
      expect(
        Math.abs((risks.standardRisk[k] as number) - standardRisk(theta, thetaStar, { eigenvalues })),
      ).toBeLessThan(1e-10 * scale);
      for (const norm of ['l2', 'linf'] as const) {
        const single = { alpha: 0.05, budget: 'relative' as const, norm };
        const expected = adversarialRisk(theta, thetaStar, { eigenvalues }, single);
        expect(risks.adversarialRisk[norm]?.[k]).toBeCloseTo(expected, 8);
        expect(risks.harmRatio[norm]?.[k]).toBeCloseTo(
          harmRatio(theta, thetaStar, { eigenvalues }, single),
          8,
        );
      }
    });
    expect(risks.coefficients.shape).toEqual([3, p]);
  });

  it('defaults to ℓ2 and names bad options', () => {
    expect(Object.keys(ridgePathRisks(X, y, [0.1], options).adversarialRisk)).toEqual(['l2']);
    expect(() => ridgePathRisks(X, y, [0.1], { ...options, norms: [] })).toThrow(RiskError);
    expect(() => ridgePathRisks(X, y, [0.1], { ...options, extra: 1 } as never)).toThrow(/extra/);
  });
});
