import * as linalg from '@benignlab/linalg';
import { describe, expect, it, vi } from 'vitest';
import { ridge, ridgePath } from '../src/index.js';
import { euclidean, gaussianDesign, gaussianVector } from './helpers.js';

// Count the decompositions ridgePath asks for: the eigenvectors (symEig) must be formed
// only when θ̂_λ or the risk is needed, and then only once.
vi.mock('@benignlab/linalg', async (importOriginal) => {
  const original = await importOriginal<typeof import('@benignlab/linalg')>();
  return {
    ...original,
    symEig: vi.fn(original.symEig),
    symEigProjections: vi.fn(original.symEigProjections),
  };
});

const LAMBDAS = Float64Array.from({ length: 200 }, (_, i) => 10 ** (-6 + (7 * i) / 199));

describe('ridgePath eigenvectors are formed lazily, once', () => {
  it.each([
    ['dual (p > n)', 15, 40],
    ['primal (p ≤ n)', 40, 12],
  ] as const)('%s', (_, n, p) => {
    const symEig = vi.mocked(linalg.symEig);
    const symEigProjections = vi.mocked(linalg.symEigProjections);
    const X = gaussianDesign(41, n, p);
    const y = gaussianVector(42, n);
    const ridgeNorms = [0, 1e-3, 1].map((lambda) => euclidean(ridge(X, y, lambda).coef));
    symEig.mockClear();
    symEigProjections.mockClear();
    const eigenvalues = Float64Array.from({ length: p }, (_, j) => 1 / (j + 1));
    const path = ridgePath(X, y, { thetaStar: gaussianVector(43, p), covariance: { eigenvalues } });
    for (const lambda of LAMBDAS) {
      path.norm2(lambda);
      path.trainingError(lambda);
    }
    expect(symEigProjections).toHaveBeenCalledTimes(1);
    expect(symEig).toHaveBeenCalledTimes(0);
    // Without θ* and Σ, summaries and sweeps are norms and training errors only.
    const normsOnly = ridgePath(X, y);
    normsOnly.sweep(LAMBDAS);
    normsOnly.summary(0.1);
    expect(symEig).toHaveBeenCalledTimes(0);

    // The cheap norms agree with the coefficients formed from the eigenvectors.
    [0, 1e-3, 1].forEach((lambda, k) => {
      const coef = path.coef(lambda);
      expect(path.norm2(lambda)).toBeCloseTo(euclidean(coef) ** 2, 9);
      expect(euclidean(coef)).toBeCloseTo(ridgeNorms[k], 9);
    });
    path.coefMatrix(LAMBDAS);
    path.model(0.5);
    path.sweep(LAMBDAS, { l1Norm: true });
    expect(symEig).toHaveBeenCalledTimes(1);
  });

  it('forms the eigenvectors for the standard risk alone (anisotropic Σ), and once', () => {
    const symEig = vi.mocked(linalg.symEig);
    symEig.mockClear();
    const X = gaussianDesign(44, 10, 30);
    const y = gaussianVector(45, 10);
    const path = ridgePath(X, y, {
      thetaStar: gaussianVector(46, 30),
      covariance: { eigenvalues: Float64Array.from({ length: 30 }, (_, j) => 1 + j / 30) },
    });
    expect(symEig).toHaveBeenCalledTimes(0);
    const { standardRisk } = path.sweep(LAMBDAS);
    expect(standardRisk?.length).toBe(LAMBDAS.length);
    expect(symEig).toHaveBeenCalledTimes(1);
    path.coef(0.1);
    expect(symEig).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['dual (p > n)', 12, 35, 1],
    ['primal (p ≤ n)', 35, 12, 1],
    ['dual, σ² = 2.5, rotated basis', 12, 35, 2.5],
    ['dual, rank-deficient X', 12, 35, 0.7],
  ] as const)('computes the risk for Σ = σ²I from the spectrum alone: %s', (name, n, p, variance) => {
    const symEig = vi.mocked(linalg.symEig);
    const X = gaussianDesign(50, n, p);
    if (name.includes('rank-deficient')) X.data.copyWithin(0, p, 2 * p);
    const y = gaussianVector(51, n);
    const thetaStar = gaussianVector(52, p);
    // Any orthonormal basis of σ²I is σ²I: a signed permutation stands in for a rotation.
    const basis = name.includes('rotated')
      ? linalg.Matrix.fromRows(
          Array.from({ length: p }, (_, i) =>
            Array.from({ length: p }, (_, j) => (j === (i + 3) % p ? (i % 2 === 0 ? 1 : -1) : 0)),
          ),
        )
      : undefined;
    const covariance = { eigenvalues: new Float64Array(p).fill(variance), basis };
    symEig.mockClear();
    const path = ridgePath(X, y, { thetaStar, covariance });
    const risks = path.sweep(LAMBDAS).standardRisk as Float64Array;
    expect(symEig).toHaveBeenCalledTimes(0);
    // Reference: σ²‖θ̂_λ − θ*‖² from the coefficients (which form the eigenvectors).
    for (const index of [0, 60, 120, 199]) {
      const coef = path.coef(LAMBDAS[index]);
      let reference = 0;
      for (let j = 0; j < p; j++) reference += variance * (coef[j] - thetaStar[j]) ** 2;
      expect(Math.abs(risks[index] - reference)).toBeLessThanOrEqual(1e-9 * Math.max(reference, 1));
    }
    expect(path.standardRisk(0)).toBeGreaterThanOrEqual(0);
  });

  it('keeps the pseudo-inverse convention with duplicated rows (rank-deficient X)', () => {
    const X = gaussianDesign(47, 12, 30);
    X.data.copyWithin(0, 30, 60);
    const y = gaussianVector(48, 12);
    const path = ridgePath(X, y);
    expect(path.rank).toBe(11);
    for (const lambda of [0, 1e-4, 0.3]) {
      expect(path.norm2(lambda)).toBeCloseTo(euclidean(path.coef(lambda)) ** 2, 8);
    }
  });
});
