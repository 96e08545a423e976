import { createRng } from '@benignlab/data';
import { Matrix, matvec } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { LinearModelError, r2Score, ridge, ridgeCV } from '../src/index.js';

function problem(n: number, p: number, seed: number) {
  const rng = createRng(seed);
  const X = new Matrix(n, p, rng.fillNormal(new Float64Array(n * p)));
  const y = rng.fillNormal(new Float64Array(n));
  return { X, y };
}

function withoutRow(X: Matrix, y: Float64Array, drop: number) {
  const keep = Array.from({ length: X.rows }, (_, i) => i).filter((i) => i !== drop);
  return {
    X: Matrix.fromRows(keep.map((i) => Array.from(X.row(i)))),
    y: Float64Array.from(keep, (i) => y[i] as number),
  };
}

/** Leave-one-out MSE by n actual refits with the same penalty nλ (ridge's λ' = nλ/(n − 1)). */
function looByRefits(X: Matrix, y: Float64Array, lambda: number): number {
  const n = X.rows;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const rest = withoutRow(X, y, i);
    const model = ridge(rest.X, rest.y, (n * lambda) / (n - 1));
    const prediction = matvec(Matrix.fromRows([Array.from(X.row(i))]), model.coef)[0] as number;
    total += ((y[i] as number) - prediction) ** 2;
  }
  return total / n;
}

/** GCV with the hat matrix built column by column from ridge fits of the unit vectors. */
function gcvDirect(X: Matrix, y: Float64Array, lambda: number): number {
  const n = X.rows;
  const fitted = matvec(X, ridge(X, y, lambda).coef);
  let trace = 0;
  for (let j = 0; j < n; j++) {
    const unit = new Float64Array(n);
    unit[j] = 1;
    trace += matvec(X, ridge(X, unit, lambda).coef)[j] as number;
  }
  let rss = 0;
  for (let i = 0; i < n; i++) rss += ((y[i] as number) - (fitted[i] as number)) ** 2;
  return rss / n / (1 - trace / n) ** 2;
}

describe('ridgeCV', () => {
  const lambdas = [1e-3, 1e-2, 0.1, 1];
  for (const [n, p] of [
    [10, 25],
    [14, 4],
  ] as const) {
    it(`leave-one-out equals n refits (n = ${n}, p = ${p})`, () => {
      const { X, y } = problem(n, p, n + p);
      const cv = ridgeCV(X, y, lambdas);
      lambdas.forEach((lambda, k) => {
        expect(cv.scores[k]).toBeCloseTo(looByRefits(X, y, lambda), 10);
      });
      const best = cv.scores.indexOf(Math.min(...cv.scores));
      expect(cv.bestIndex).toBe(best);
      expect(cv.bestLambda).toBe(lambdas[best]);
    });

    it(`GCV equals its definition from the hat matrix (n = ${n}, p = ${p})`, () => {
      const { X, y } = problem(n, p, 3 * n + p);
      const cv = ridgeCV(X, Array.from(y), lambdas, { criterion: 'gcv' });
      lambdas.forEach((lambda, k) => {
        expect(cv.scores[k]).toBeCloseTo(gcvDirect(X, y, lambda), 10);
      });
    });
  }

  it('rejects λ ≤ 0, an empty grid and an unknown criterion', () => {
    const { X, y } = problem(6, 3, 1);
    expect(() => ridgeCV(X, y, [0.1, 0])).toThrow(/lambdas\[1\]: is 0; expected a finite λ > 0/);
    expect(() => ridgeCV(X, y, [])).toThrow(LinearModelError);
    expect(() => ridgeCV(X, y, [1], { criterion: 'kfold' as never })).toThrow(/expected 'loo' or 'gcv'/);
  });
});

describe('r2Score', () => {
  it('follows scikit-learn', () => {
    expect(r2Score([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(r2Score([1, 2, 3], [2, 2, 2])).toBe(0);
    // sklearn.metrics.r2_score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) = 0.9486081370449679
    expect(r2Score(Float64Array.of(3, -0.5, 2, 7), [2.5, 0, 2, 8])).toBeCloseTo(0.9486081370449679, 14);
    expect(r2Score([2, 2], [2, 2])).toBe(1);
    expect(r2Score([2, 2], [2, 3])).toBe(0);
    expect(() => r2Score([1, 2], [1])).toThrow(/yPredicted: has length 1, expected 2/);
  });
});
