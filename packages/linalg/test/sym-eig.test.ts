import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gram, LinalgError, Matrix, matmul, symEig, symEigValues } from '../src/index.js';
import golden from './fixtures/linalg.json';
import { lowRankMatrix, maxAbs, maxAbsDiff, propertyRuns, randomMatrix, randomSymmetric } from './helpers.js';

/** Largest entry of |A V − V Λ|. */
function eigenResidual(A: Matrix, vectors: Matrix, values: Float64Array): number {
  const n = A.rows;
  const scaled = vectors.clone();
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) scaled.data[i * n + j] *= values[j];
  return maxAbsDiff(matmul(A, vectors), scaled);
}

function expectDecomposition(A: Matrix): void {
  const n = A.rows;
  const { values, vectors } = symEig(A);
  expect(values.length).toBe(n);
  expect(vectors.rows).toBe(n);
  expect(vectors.cols).toBe(n);
  const norm = Math.max(maxAbs(A), Number.MIN_VALUE);
  expect(eigenResidual(A, vectors, values)).toBeLessThanOrEqual(1e-13 * n * norm);
  expect(maxAbsDiff(matmul(vectors, vectors, { transposeA: true }), Matrix.identity(n))).toBeLessThanOrEqual(
    1e-13 * n,
  );
  for (let j = 1; j < n; j++) expect(values[j]).toBeLessThanOrEqual(values[j - 1]);
}

describe('symEig', () => {
  it('matches the golden eigenvalues to 1e-12 relative (golden is ascending, ours descending)', () => {
    const A = Matrix.fromRows(golden.symmetric);
    const { values, vectors } = symEig(A);
    const expected = [...golden.eigenvaluesAscending].reverse();
    const scale = Math.max(...expected.map(Math.abs));
    for (let j = 0; j < expected.length; j++) {
      expect(Math.abs(values[j] - expected[j])).toBeLessThanOrEqual(
        1e-12 * Math.max(Math.abs(expected[j]), 1e-3 * scale),
      );
    }
    expect(eigenResidual(A, vectors, values)).toBeLessThanOrEqual(1e-13 * scale);
  });

  it('solves small cases exactly enough and fixes the eigenvector signs', () => {
    const { values, vectors } = symEig(
      Matrix.fromRows([
        [2, 1],
        [1, 2],
      ]),
    );
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(vectors.get(0, 0)).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors.get(1, 0)).toBeCloseTo(Math.SQRT1_2, 14);
    const one = symEig(Matrix.fromRows([[-4]]));
    expect(Array.from(one.values)).toEqual([-4]);
    expect(one.vectors.toRows()).toEqual([[1]]);
    const zero = symEig(new Matrix(3, 3));
    expect(Array.from(zero.values)).toEqual([0, 0, 0]);
    expect(zero.vectors.toRows()).toEqual(Matrix.identity(3).toRows());
  });

  it('returns a diagonal matrix’s entries, sorted descending', () => {
    const D = new Matrix(4, 4);
    for (const [i, v] of [3, -1, 7, 0].entries()) D.set(i, i, v);
    const { values, vectors } = symEig(D);
    expect(Array.from(values)).toEqual([7, 3, 0, -1]);
    expect(vectors.column(0)).toEqual(Float64Array.of(0, 0, 1, 0));
  });

  it('A V = V Λ, VᵀV = I and descending order on random symmetric matrices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer(), (n, seed) => {
        expectDecomposition(randomSymmetric(n, seed));
      }),
      propertyRuns,
    );
  });

  it('handles rank-deficient Gram matrices (repeated zero eigenvalues) and extreme scales', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer(),
        fc.constantFrom(1, 1e-150, 1e150),
        (n, rank, seed, scale) => {
          const X = lowRankMatrix(n, n + 2, Math.min(rank, n), seed);
          for (let k = 0; k < X.data.length; k++) X.data[k] *= Math.sqrt(scale);
          const G = gram(X);
          expectDecomposition(G);
          const { values } = symEig(G);
          for (let j = Math.min(rank, n); j < n; j++)
            expect(Math.abs(values[j])).toBeLessThanOrEqual(1e-13 * n * values[0]);
        },
      ),
      { ...propertyRuns, numRuns: 30 },
    );
  });

  it('eigenvalues are invariant under similarity by a permutation and sum to the trace', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 25 }), fc.integer(), (n, seed) => {
        const A = randomSymmetric(n, seed);
        const P = new Matrix(n, n);
        for (let i = 0; i < n; i++) P.set(i, (i + 1) % n, 1);
        const B = matmul(matmul(P, A), P, { transposeB: true });
        const a = symEig(A).values;
        const b = symEig(B).values;
        expect(maxAbsDiff(a, b)).toBeLessThanOrEqual(1e-13 * n);
        let traceA = 0;
        let sum = 0;
        for (let i = 0; i < n; i++) {
          traceA += A.get(i, i);
          sum += a[i];
        }
        expect(Math.abs(sum - traceA)).toBeLessThanOrEqual(1e-13 * n);
      }),
      { ...propertyRuns, numRuns: 30 },
    );
  });

  it('handles clustered and repeated eigenvalues (Q D Qᵀ plus tiny noise)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer(),
        fc.double({ min: 0, max: 1e-8, noNaN: true }),
        (n, distinct, seed, eps) => {
          // Q diag(repeated) Qᵀ + eps noise
          const Q = symEig(gram(randomMatrix(n, n, seed))).vectors;
          const D = new Matrix(n, n);
          for (let i = 0; i < n; i++) D.set(i, i, (i % distinct) - 1);
          const A = matmul(matmul(Q, D), Q, { transposeB: true });
          const noise = randomMatrix(n, n, seed + 9);
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++)
              A.data[i * n + j] += eps * (noise.data[i * n + j] + noise.data[j * n + i]);
          for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) A.data[i * n + j] = A.data[j * n + i];
          const { values, vectors } = symEig(A);
          const VL = vectors.clone();
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) VL.data[i * n + j] *= values[j];
          expect(maxAbsDiff(matmul(A, vectors), VL)).toBeLessThanOrEqual(1e-13 * n);
          expect(
            maxAbsDiff(matmul(vectors, vectors, { transposeA: true }), Matrix.identity(n)),
          ).toBeLessThanOrEqual(1e-13 * n);
        },
      ),
      { ...propertyRuns, numRuns: 40 },
    );
  });

  it('separates the nearly equal top eigenvalues of Wilkinson’s W21+ (numpy eigvalsh reference)', () => {
    const W = new Matrix(21, 21);
    for (let i = 0; i < 21; i++) {
      W.set(i, i, Math.abs(10 - i));
      if (i < 20) {
        W.set(i, i + 1, 1);
        W.set(i + 1, i, 1);
      }
    }
    const reference = [10.746194182903393, 10.746194182903322, 9.210678647361332, 9.210678647304919];
    const { values, vectors } = symEig(W);
    for (let j = 0; j < reference.length; j++)
      expect(Math.abs(values[j] - reference[j])).toBeLessThanOrEqual(2e-14);
    expect(values[20]).toBeCloseTo(-1.1254415221199854, 13);
    expect(eigenResidual(W, vectors, values)).toBeLessThanOrEqual(1e-13);
  });

  it('symEigValues returns exactly the values of symEig', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer(), (n, seed) => {
        const A = randomSymmetric(n, seed);
        expect(symEigValues(A)).toEqual(symEig(A).values);
      }),
      { ...propertyRuns, numRuns: 30 },
    );
    expect(Array.from(symEigValues(new Matrix(2, 2)))).toEqual([0, 0]);
    expect(() => symEigValues(new Matrix(2, 3))).toThrow(/A: is 2×3, expected a square matrix/);
  });

  it('rejects non-square, asymmetric, empty and non-finite input naming A', () => {
    expect(() => symEig(new Matrix(2, 3))).toThrow(/A: is 2×3, expected a square matrix/);
    expect(() =>
      symEig(
        Matrix.fromRows([
          [1, 5],
          [4, 1],
        ]),
      ),
    ).toThrow(/A: is not symmetric/);
    expect(() => symEig(new Matrix(0, 0))).toThrow(/A: is empty/);
    expect(() => symEig(Matrix.fromRows([[Number.NEGATIVE_INFINITY]]))).toThrow(
      /A: entry \(0, 0\) is -Infinity/,
    );
    expect(() => symEig(null as never)).toThrow(LinalgError);
  });
});
