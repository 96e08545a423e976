import { Matrix, matmul, symEig } from '@benignlab/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Covariance, LinearModelError, minNorm, ridge, ridgePath } from '../src/index.js';
import {
  difference,
  euclidean,
  gaussianDesign,
  gaussianVector,
  predictWith,
  relativeError,
} from './helpers.js';

/** (θ − θ*)ᵀ Σ (θ − θ*) computed densely, the slow way. */
function directRisk(theta: Float64Array, thetaStar: Float64Array, covariance: Covariance): number {
  const p = theta.length;
  const delta = difference(theta, thetaStar);
  const basis = covariance.basis ?? Matrix.identity(p);
  let risk = 0;
  for (let k = 0; k < p; k++) {
    let coordinate = 0;
    for (let j = 0; j < p; j++) coordinate += basis.data[j * p + k] * delta[j];
    risk += covariance.eigenvalues[k] * coordinate * coordinate;
  }
  return risk;
}

function randomBasis(seed: number, p: number): Matrix {
  const A = gaussianDesign(seed, p, p);
  return symEig(matmul(A, A, { transposeB: true })).vectors;
}

const LAMBDAS = [0, 1e-6, 1e-3, 0.1, 1, 30];

describe('ridgePath', () => {
  it.each([
    ['dual (p > n)', 12, 30],
    ['primal (p ≤ n)', 30, 9],
  ] as const)('matches ridge at every λ, %s', (_, n, p) => {
    const X = gaussianDesign(31, n, p);
    const y = gaussianVector(32, n);
    const path = ridgePath(X, y);
    expect(path.form).toBe(p > n ? 'dual' : 'primal');
    expect(path.rank).toBe(Math.min(n, p));
    for (const lambda of LAMBDAS) {
      const coef = ridge(X, y, lambda).coef;
      expect(relativeError(path.coef(lambda), coef)).toBeLessThan(1e-9);
      expect(path.norm2(lambda)).toBeCloseTo(euclidean(coef) ** 2, 9);
      const training = euclidean(difference(predictWith(X, coef), y)) ** 2 / n;
      expect(Math.abs(path.trainingError(lambda) - training)).toBeLessThan(1e-10 * (1 + training));
      expect(Array.from(path.model(lambda).predict(X))).toEqual(
        Array.from(predictWith(X, path.coef(lambda))),
      );
    }
    const grid = path.coefMatrix(LAMBDAS);
    expect(grid.shape).toEqual([LAMBDAS.length, p]);
    LAMBDAS.forEach((lambda, k) => {
      expect(relativeError(grid.row(k), path.coef(lambda))).toBeLessThan(1e-12);
    });
  });

  it('computes the standard risk and summaries for diagonal and rotated Σ (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 2, max: 20 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 1_000_000 }),
        (n, p, rotated, seed) => {
          const eigenvalues = Float64Array.from({ length: p }, (_, j) => 1 / (j + 1));
          const covariance: Covariance = rotated
            ? { eigenvalues, basis: randomBasis(seed + 5, p) }
            : { eigenvalues };
          const X = gaussianDesign(seed, n, p);
          const thetaStar = gaussianVector(seed + 1, p);
          const y = gaussianVector(seed + 2, n);
          const path = ridgePath(X, y, { thetaStar, covariance });
          for (const lambda of LAMBDAS) {
            const coef = ridge(X, y, lambda).coef;
            const expected = directRisk(coef, thetaStar, covariance);
            expect(Math.abs(path.standardRisk(lambda) - expected)).toBeLessThan(1e-9 * (1 + expected));
            const summary = path.summary(lambda, { l1Norm: true });
            expect(summary.standardRisk).toBe(path.standardRisk(lambda));
            expect(summary.norm2).toBe(path.norm2(lambda));
            const l1 = coef.reduce((s, c) => s + Math.abs(c), 0);
            expect(Math.abs((summary.l1Norm as number) - l1)).toBeLessThan(1e-9 * (1 + l1));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('sweeps a λ grid with the same numbers as single queries', () => {
    const p = 40;
    const X = gaussianDesign(41, 15, p);
    const y = gaussianVector(42, 15);
    const covariance = { eigenvalues: Float64Array.from({ length: p }, (_, j) => (j < 5 ? 1 : 0.01)) };
    const thetaStar = Float64Array.from({ length: p }, (_, j) => (j < 5 ? 1 / Math.sqrt(5) : 0));
    const path = ridgePath(X, y, { thetaStar, covariance });
    const lambdas = Float64Array.from({ length: 200 }, (_, i) => 10 ** (-6 + (7 * i) / 199));
    const sweep = path.sweep(lambdas);
    expect(sweep.l1Norm).toBeUndefined();
    for (const i of [0, 57, 199]) {
      expect(sweep.norm2[i]).toBe(path.norm2(lambdas[i] as number));
      expect(sweep.standardRisk?.[i]).toBe(path.standardRisk(lambdas[i] as number));
      expect(sweep.trainingError[i]).toBe(path.trainingError(lambdas[i] as number));
    }
    for (let i = 1; i < 200; i++) expect(sweep.norm2[i]).toBeLessThan(sweep.norm2[i - 1] as number);
  });

  it('keeps pseudo-inverse semantics for duplicated rows', () => {
    const rows = gaussianDesign(43, 5, 12).toRows();
    const X = Matrix.fromRows([...rows, rows[2] as number[]]);
    const y = Float64Array.from([...gaussianVector(44, 5), 0.7]);
    const path = ridgePath(X, y);
    expect(path.rank).toBe(5);
    expect(relativeError(path.coef(0), minNorm(X, y).coef)).toBeLessThan(1e-9);
    expect(relativeError(path.coef(0.01), ridge(X, y, 0.01).coef)).toBeLessThan(1e-9);
    expect(Number.isFinite(path.norm2(0))).toBe(true);
  });

  it('explains what is missing and rejects bad input', () => {
    const X = gaussianDesign(45, 4, 6);
    const y = gaussianVector(46, 4);
    const path = ridgePath(X, y);
    expect(() => path.standardRisk(0.1)).toThrow(LinearModelError);
    expect(() => path.standardRisk(0.1)).toThrow(/options.thetaStar: standardRisk needs both/);
    expect(path.summary(0.1).standardRisk).toBeUndefined();
    expect(() => path.norm2(-1)).toThrow(/lambda: is -1; expected λ ≥ 0/);
    expect(() => path.sweep([0.1, Number.NaN])).toThrow(/lambdas\[1\]/);
    expect(() => path.coefMatrix([-2])).toThrow(/lambdas\[0\]: is -2/);
    expect(() => ridgePath(X, y, { thetaStar: new Float64Array(5) })).toThrow(
      /options.thetaStar: has length 5/,
    );
    expect(() =>
      ridgePath(X, y, { covariance: { eigenvalues: Float64Array.of(1, 1, 1, 1, 1, -1) } }),
    ).toThrow(/options.covariance.eigenvalues: entry 5 is -1; expected finite non-negative variances/);
    expect(() =>
      ridgePath(X, y, {
        covariance: { eigenvalues: new Float64Array(6).fill(1), basis: Matrix.identity(5) },
      }),
    ).toThrow(/options.covariance.basis: is 5×5, expected 6×6/);
    expect(() => ridgePath(X, y, { sigma: 1 } as unknown as object)).toThrow(/unknown option "sigma"/);
  });
});
