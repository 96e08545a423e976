import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choleskySolve, dot, gramT, lstsq, Matrix, matmul, matvec, norm2, symEig } from '../src/index.js';
import reference from './fixtures/lstsq-numpy.json';
import { lowRankMatrix, maxAbs, maxAbsDiff, propertyRuns, randomMatrix, randomVector } from './helpers.js';

/** Orthonormal basis (as columns) of null(A), from the eigenvectors of AᵀA. */
function nullSpaceBasis(A: Matrix, rank: number): Matrix {
  const { vectors } = symEig(gramT(A));
  const n = A.cols;
  const basis = new Matrix(n, n - rank);
  for (let i = 0; i < n; i++) for (let j = rank; j < n; j++) basis.set(i, j - rank, vectors.get(i, j));
  return basis;
}

describe('lstsq', () => {
  it('matches numpy.linalg.lstsq on tall, wide, square and rank-deficient cases', () => {
    for (const item of reference.cases) {
      const A = Matrix.fromRows(item.A);
      const result = lstsq(A, Float64Array.from(item.b));
      expect(result.rank).toBe(item.rank);
      expect(maxAbsDiff(result.singularValues, Float64Array.from(item.singularValues))).toBeLessThanOrEqual(
        1e-12 * item.singularValues[0],
      );
      const expected = Float64Array.from(item.solution);
      expect(maxAbsDiff(result.solution, expected)).toBeLessThanOrEqual(
        1e-10 * Math.max(1, maxAbs(expected)),
      );
    }
  });

  it('the minimum-norm solution of x₁ + x₂ = 2 is (1, 1)', () => {
    const { solution, rank, singularValues } = lstsq(Matrix.fromRows([[1, 1]]), Float64Array.of(2));
    expect(solution[0]).toBeCloseTo(1, 14);
    expect(solution[1]).toBeCloseTo(1, 14);
    expect(rank).toBe(1);
    expect(singularValues[0]).toBeCloseTo(Math.SQRT2, 14);
  });

  it('full column rank: agrees with the normal equations AᵀA x = Aᵀb', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer(),
        (n, extra, seed) => {
          const m = n + extra;
          const A = randomMatrix(m, n, seed);
          const b = randomVector(m, seed + 1);
          const { solution, rank } = lstsq(A, b);
          expect(rank).toBe(n);
          const normal = choleskySolve(gramT(A), matvec(A, b, { transpose: true }));
          expect(maxAbsDiff(solution, normal)).toBeLessThanOrEqual(1e-8 * Math.max(1, maxAbs(normal)));
        },
      ),
      propertyRuns,
    );
  });

  it('full row rank (wide): interpolates, and equals Aᵀ(AAᵀ)⁻¹b', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer(),
        (m, extra, seed) => {
          const A = randomMatrix(m, m + extra, seed);
          const b = randomVector(m, seed + 1);
          const { solution, rank } = lstsq(A, b);
          expect(rank).toBe(m);
          expect(maxAbsDiff(matvec(A, solution), b)).toBeLessThanOrEqual(1e-10);
          const dual = choleskySolve(matmul(A, A, { transposeB: true }), b);
          expect(maxAbsDiff(solution, matvec(A, dual, { transpose: true }))).toBeLessThanOrEqual(
            1e-8 * Math.max(1, maxAbs(solution)),
          );
        },
      ),
      propertyRuns,
    );
  });

  it('rank-deficient: pseudo-inverse properties (normal equations, orthogonal to null(A), minimal norm)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 14 }),
        fc.integer({ min: 2, max: 14 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer(),
        (m, n, rankWanted, seed) => {
          const rank = Math.min(rankWanted, m - 1, n - 1) || 1;
          const A = lowRankMatrix(m, n, rank, seed);
          const b = randomVector(m, seed + 2);
          const result = lstsq(A, b);
          expect(result.rank).toBe(rank);
          expect(result.singularValues.length).toBe(Math.min(m, n));
          const x = result.solution;
          const residual = matvec(A, x).map((value, i) => value - b[i]);
          const gradient = matvec(A, residual, { transpose: true });
          expect(maxAbs(gradient)).toBeLessThanOrEqual(1e-11 * Math.max(1, result.singularValues[0] ** 2));
          const basis = nullSpaceBasis(A, rank);
          for (let j = 0; j < basis.cols; j++) {
            const z = basis.column(j);
            expect(Math.abs(dot(z, x))).toBeLessThanOrEqual(1e-10 * Math.max(1, norm2(x)));
            const moved = x.map((value, i) => value + 0.1 * z[i]);
            expect(norm2(moved)).toBeGreaterThan(norm2(x));
          }
        },
      ),
      propertyRuns,
    );
  });

  it('matrix right-hand sides solve column by column', () => {
    const A = lowRankMatrix(7, 5, 3, 11);
    const B = randomMatrix(7, 3, 12);
    const result = lstsq(A, B);
    expect(result.solution.rows).toBe(5);
    expect(result.solution.cols).toBe(3);
    for (let c = 0; c < 3; c++) {
      expect(maxAbsDiff(result.solution.column(c), lstsq(A, B.column(c)).solution)).toBeLessThanOrEqual(
        1e-14,
      );
    }
  });

  it('rcond sets the cutoff σᵢ ≤ rcond·σ_max', () => {
    const A = new Matrix(3, 3);
    A.set(0, 0, 1);
    A.set(1, 1, 1e-3);
    A.set(2, 2, 1e-9);
    const b = Float64Array.of(1, 1, 1);
    expect(lstsq(A, b).rank).toBe(3);
    const truncated = lstsq(A, b, { rcond: 1e-6 });
    expect(truncated.rank).toBe(2);
    expect(Array.from(truncated.solution)).toEqual(
      [1, 1000, 0].map((v, i) => (i === 1 ? expect.closeTo(v, 9) : v)),
    );
    expect(lstsq(A, b, { rcond: 1e-3 }).rank).toBe(1);
    expect(lstsq(new Matrix(2, 2), Float64Array.of(1, 1)).rank).toBe(0);
    expect(Array.from(lstsq(new Matrix(2, 2), Float64Array.of(1, 1)).solution)).toEqual([0, 0]);
  });

  it('rank and normal equations hold over random shapes, ranks and extreme scales (1e±120)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer(),
        fc.constantFrom(1, 1e-120, 1e120),
        (m, n, r, seed, scale) => {
          const rank = Math.min(r, m, n);
          const A = lowRankMatrix(m, n, rank, seed);
          for (let k = 0; k < A.data.length; k++) A.data[k] *= scale;
          const b = randomVector(m, seed + 2);
          const res = lstsq(A, b);
          expect(res.rank).toBe(rank);
          const resid = matvec(A, res.solution).map((v, i) => v - b[i]);
          const g = matvec(A, resid, { transpose: true });
          expect(maxAbs(g)).toBeLessThanOrEqual(
            1e-10 * res.singularValues[0] ** 2 * Math.max(1, maxAbs(res.solution)),
          );
        },
      ),
      propertyRuns,
    );
  });

  it('rejects bad arguments naming them', () => {
    const A = randomMatrix(3, 2, 1);
    expect(() => lstsq(A, Float64Array.of(1, 2))).toThrow(/b: has length 2 but A is 3×2; expected length 3/);
    expect(() => lstsq(A, randomMatrix(2, 1, 1))).toThrow(/b: is 2×1 but A is 3×2; expected b with 3 rows/);
    expect(() => lstsq(A, Float64Array.of(1, 2, 3), { rcond: -1 })).toThrow(
      /options.rcond: is -1, expected a number ≥ 0/,
    );
    expect(() => lstsq(A, Float64Array.of(1, 2, 3), { rcond: Number.NaN })).toThrow(
      /options.rcond: expected a finite number/,
    );
    expect(() => lstsq(A, Float64Array.of(1, 2, 3), { rcon: 1 } as never)).toThrow(
      /options: has unknown option "rcon"/,
    );
    expect(() => lstsq(new Matrix(0, 2), new Float64Array(0))).toThrow(/A: is empty/);
  });
});
