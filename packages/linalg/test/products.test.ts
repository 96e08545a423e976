import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axpy, dot, gram, gramT, LinalgError, Matrix, matmul, matvec, norm2, trace } from '../src/index.js';
import golden from './fixtures/linalg.json';
import {
  matrixArbitrary,
  maxAbs,
  maxAbsDiff,
  naiveProduct,
  propertyRuns,
  randomMatrix,
  randomVector,
} from './helpers.js';

describe('matmul', () => {
  it('matches the naive triple loop for all four transpose combinations', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer(),
        (m, n, k, seed) => {
          const A = randomMatrix(m, k, seed);
          const B = randomMatrix(k, n, seed + 7);
          const expected = naiveProduct(A, B);
          const tolerance = 1e-13 * k;
          expect(maxAbsDiff(matmul(A, B), expected)).toBeLessThanOrEqual(tolerance);
          expect(maxAbsDiff(matmul(A.transpose(), B, { transposeA: true }), expected)).toBeLessThanOrEqual(
            tolerance,
          );
          expect(maxAbsDiff(matmul(A, B.transpose(), { transposeB: true }), expected)).toBeLessThanOrEqual(
            tolerance,
          );
          expect(
            maxAbsDiff(
              matmul(A.transpose(), B.transpose(), { transposeA: true, transposeB: true }),
              expected,
            ),
          ).toBeLessThanOrEqual(tolerance);
        },
      ),
      propertyRuns,
    );
  });

  it('is exact on small integers, including blocks larger than the cache tiles', () => {
    const m = 70;
    const k = 300;
    const n = 530;
    const A = new Matrix(m, k);
    const B = new Matrix(k, n);
    for (let t = 0; t < A.data.length; t++) A.data[t] = (t % 7) - 3;
    for (let t = 0; t < B.data.length; t++) B.data[t] = (t % 5) - 2;
    expect(Array.from(matmul(A, B).data)).toEqual(Array.from(naiveProduct(A, B).data));
  });

  it('rejects mismatched shapes, empty and non-finite input, and unknown options', () => {
    const A = randomMatrix(3, 4, 1);
    const B = randomMatrix(5, 2, 2);
    expect(() => matmul(A, B)).toThrow(
      /B: inner dimensions differ: A is 3×4 but B is 5×2; expected B with 4 rows/,
    );
    expect(() => matmul(A, B, { transposeA: true })).toThrow(/Aᵀ is 4×3/);
    expect(() => matmul(new Matrix(0, 2), B)).toThrow(/A: is empty \(0×2\)/);
    const bad = randomMatrix(4, 2, 3);
    bad.set(1, 1, Number.NaN);
    expect(() => matmul(A, bad)).toThrow(/B: entry \(1, 1\) is NaN; expected finite numbers only/);
    expect(() => matmul(A, A, { transposeb: true } as never)).toThrow(
      /options: has unknown option "transposeb"/,
    );
    expect(() => matmul(A, A, { transposeB: 1 } as never)).toThrow(/options.transposeB: expected a boolean/);
    expect(() => matmul([[1]] as never, A)).toThrow(LinalgError);
  });
});

describe('gram and gramT', () => {
  it('reproduces the golden X Xᵀ', () => {
    const X = Matrix.fromRows(golden.gram.X);
    const expected = Matrix.fromRows(golden.gram.XXt);
    expect(maxAbsDiff(gram(X), expected)).toBeLessThanOrEqual(1e-12 * maxAbs(expected));
  });

  it('equals matmul(X, X, { transposeB: true }), is exactly symmetric, and gramT(X) = gram(Xᵀ)', () => {
    fc.assert(
      fc.property(matrixArbitrary(30), (X) => {
        const G = gram(X);
        const reference = matmul(X, X, { transposeB: true });
        expect(maxAbsDiff(G, reference)).toBeLessThanOrEqual(1e-13 * X.cols);
        for (let i = 0; i < G.rows; i++) for (let j = 0; j < i; j++) expect(G.get(i, j)).toBe(G.get(j, i));
        const H = gramT(X);
        expect(H.rows).toBe(X.cols);
        expect(maxAbsDiff(H, matmul(X, X, { transposeA: true }))).toBeLessThanOrEqual(1e-13 * X.rows);
        for (let i = 0; i < H.rows; i++) for (let j = 0; j < i; j++) expect(H.get(i, j)).toBe(H.get(j, i));
      }),
      propertyRuns,
    );
  });

  it('rejects bad input naming X', () => {
    expect(() => gram(new Matrix(2, 0))).toThrow(/X: is empty/);
    const X = randomMatrix(2, 2, 1);
    X.data[3] = Number.POSITIVE_INFINITY;
    expect(() => gramT(X)).toThrow(/X: entry \(1, 1\) is Infinity/);
  });
});

describe('matvec', () => {
  it('agrees with matmul against a one-column matrix, plain and transposed', () => {
    fc.assert(
      fc.property(matrixArbitrary(25), fc.integer(), (A, seed) => {
        const x = randomVector(A.cols, seed);
        const y = matvec(A, x);
        expect(maxAbsDiff(y, matmul(A, new Matrix(A.cols, 1, x)).data)).toBeLessThanOrEqual(1e-13 * A.cols);
        const z = randomVector(A.rows, seed + 1);
        const w = matvec(A, z, { transpose: true });
        expect(
          maxAbsDiff(w, matmul(A, new Matrix(A.rows, 1, z), { transposeA: true }).data),
        ).toBeLessThanOrEqual(1e-13 * A.rows);
      }),
      propertyRuns,
    );
  });

  it('names x and the needed length on a mismatch', () => {
    const A = randomMatrix(2, 3, 1);
    expect(() => matvec(A, new Float64Array(2))).toThrow(
      /x: has length 2; A x with A 2×3 needs x of length 3/,
    );
    expect(() => matvec(A, new Float64Array(3), { transpose: true })).toThrow(
      /Aᵀ x with A 2×3 needs x of length 2/,
    );
    // number[] is accepted (copied); anything else is refused naming x.
    expect(matvec(A, [1, 2, 3])).toEqual(matvec(A, Float64Array.of(1, 2, 3)));
    expect(() => matvec(A, ['1', '2', '3'] as never)).toThrow(/x: expected a Float64Array/);
  });
});

describe('vector operations', () => {
  it('dot, axpy and trace on known values', () => {
    expect(dot(Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6))).toBe(32);
    const y = Float64Array.of(1, 1);
    expect(axpy(2, Float64Array.of(1, 2), y)).toBe(y);
    expect(Array.from(y)).toEqual([3, 5]);
    expect(
      trace(
        Matrix.fromRows([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe(5);
  });

  it('norm2 is overflow- and underflow-safe', () => {
    expect(norm2(Float64Array.of(3, 4))).toBe(5);
    expect(norm2(Float64Array.of(3e200, 4e200))).toBeCloseTo(5e200, -186);
    expect(norm2(Float64Array.of(3e-200, 4e-200)) / 5e-200).toBeCloseTo(1, 14);
    expect(norm2(Float64Array.of(0, 0))).toBe(0);
    expect(norm2(Float64Array.of(1e300, 1e300, 1e300))).toBeCloseTo(Math.sqrt(3) * 1e300, -285);
  });

  it('norm2² equals dot(x, x) and obeys the triangle inequality', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer(), (n, seed) => {
        const x = randomVector(n, seed);
        const y = randomVector(n, seed + 1);
        expect(norm2(x) ** 2).toBeCloseTo(dot(x, x), 12);
        const sum = axpy(1, x, y.slice());
        expect(norm2(sum)).toBeLessThanOrEqual(norm2(x) + norm2(y) + 1e-12);
      }),
      propertyRuns,
    );
  });

  it('rejects bad input with the argument named', () => {
    expect(() => dot(Float64Array.of(1), Float64Array.of(1, 2))).toThrow(/y: has length 2, expected 1/);
    expect(() => norm2(new Float64Array(0))).toThrow(/x: is empty/);
    expect(() => axpy(Number.NaN, Float64Array.of(1), Float64Array.of(1))).toThrow(
      /alpha: expected a finite number, got NaN/,
    );
    expect(() => trace(randomMatrix(2, 3, 1))).toThrow(/A: is 2×3, expected a square matrix/);
  });
});
