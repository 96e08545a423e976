import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cholesky, choleskySolve, gramT, LinalgError, Matrix, matmul, matvec } from '../src/index.js';
import { maxAbs, maxAbsDiff, propertyRuns, randomMatrix, randomVector } from './helpers.js';

/** A well-conditioned SPD matrix: XᵀX/rows + I/2 for a random X. */
function randomSpd(n: number, seed: number): Matrix {
  const rows = n + 3;
  const G = gramT(randomMatrix(rows, n, seed));
  for (let k = 0; k < G.data.length; k++) G.data[k] /= rows;
  for (let i = 0; i < n; i++) G.data[i * n + i] += 0.5;
  return G;
}

describe('cholesky', () => {
  it('factors a known matrix exactly', () => {
    const L = cholesky(
      Matrix.fromRows([
        [4, 2],
        [2, 5],
      ]),
    );
    expect(L.toRows()).toEqual([
      [2, 0],
      [1, 2],
    ]);
  });

  it('round trips L Lᵀ = A with L lower triangular and a positive diagonal (sizes past one panel)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 140 }), fc.integer(), (n, seed) => {
        const A = randomSpd(n, seed);
        const L = cholesky(A);
        for (let i = 0; i < n; i++) {
          expect(L.get(i, i)).toBeGreaterThan(0);
          for (let j = i + 1; j < n; j++) expect(L.get(i, j)).toBe(0);
        }
        expect(maxAbsDiff(matmul(L, L, { transposeB: true }), A)).toBeLessThanOrEqual(1e-13 * n * maxAbs(A));
      }),
      { ...propertyRuns, numRuns: 25 },
    );
  });

  it('names the failing pivot of an indefinite or singular matrix', () => {
    const indefinite = Matrix.fromRows([
      [1, 2],
      [2, 1],
    ]);
    expect(() => cholesky(indefinite)).toThrow(/A: is not positive definite: pivot 1 \(0-based\) is -3/);
    const singular = Matrix.fromRows([
      [1, 1, 0],
      [1, 1, 0],
      [0, 0, 1],
    ]);
    expect(() => cholesky(singular)).toThrow(/pivot 1 \(0-based\) is 0 .* leading 2×2 minor/);
    expect(() => cholesky(Matrix.fromRows([[-1]]))).toThrow(/pivot 0/);
  });

  it('rejects non-square, asymmetric, empty and non-finite input', () => {
    expect(() => cholesky(randomMatrix(2, 3, 1))).toThrow(/A: is 2×3, expected a square matrix/);
    expect(() =>
      cholesky(
        Matrix.fromRows([
          [1, 2],
          [0, 1],
        ]),
      ),
    ).toThrow(/A: is not symmetric: entry \(0, 1\) = 2 but \(1, 0\) = 0/);
    expect(() => cholesky(new Matrix(0, 0))).toThrow(/A: is empty/);
    expect(() => cholesky(Matrix.fromRows([[Number.NaN]]))).toThrow(/A: entry \(0, 0\) is NaN/);
    expect(() => cholesky('A' as never)).toThrow(LinalgError);
  });
});

describe('choleskySolve', () => {
  it('solves a known system', () => {
    const x = choleskySolve(
      Matrix.fromRows([
        [4, 2],
        [2, 5],
      ]),
      Float64Array.of(2, 1),
    );
    expect(Array.from(x)).toEqual([0.5, 0]);
  });

  it('has a tiny residual for vector and matrix right-hand sides, column by column consistent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 90 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer(),
        (n, r, seed) => {
          const A = randomSpd(n, seed);
          const b = randomVector(n, seed + 1);
          const x = choleskySolve(A, b);
          expect(maxAbsDiff(matvec(A, x), b)).toBeLessThanOrEqual(1e-12 * n);
          const B = randomMatrix(n, r, seed + 2);
          const X = choleskySolve(A, B);
          expect(X.rows).toBe(n);
          expect(X.cols).toBe(r);
          expect(maxAbsDiff(matmul(A, X), B)).toBeLessThanOrEqual(1e-12 * n);
          expect(maxAbsDiff(X.column(r - 1), choleskySolve(A, B.column(r - 1)))).toBeLessThanOrEqual(
            1e-14 * n,
          );
        },
      ),
      { ...propertyRuns, numRuns: 30 },
    );
  });

  it('leaves b untouched and checks its shape', () => {
    const A = randomSpd(3, 4);
    const b = Float64Array.of(1, 2, 3);
    choleskySolve(A, b);
    expect(Array.from(b)).toEqual([1, 2, 3]);
    expect(() => choleskySolve(A, Float64Array.of(1, 2))).toThrow(
      /b: has length 2 but A is 3×3; expected length 3/,
    );
    expect(() => choleskySolve(A, randomMatrix(2, 2, 1))).toThrow(
      /b: is 2×2 but A is 3×3; expected b with 3 rows/,
    );
    expect(() => choleskySolve(A, Float64Array.of(1, Number.POSITIVE_INFINITY, 3))).toThrow(
      /b: entry 1 is Infinity/,
    );
    expect(() =>
      choleskySolve(
        Matrix.fromRows([
          [1, 2],
          [2, 1],
        ]),
        Float64Array.of(1, 1),
      ),
    ).toThrow(/A: is not positive definite: pivot 1/);
  });
});
