import { LinalgError } from './errors.js';
import { getBackend } from './kernels/registry.js';
import { describeValue, Matrix } from './matrix.js';
import { assertKnownOptions, assertMatrix, assertVector } from './validate.js';
import { toFloat64Vector, type VectorInput } from './vector-input.js';

/** Options of {@link matmul}. */
export interface MatmulOptions {
  /** Use `Aᵀ` in place of `A` (no copy is made). Default `false`. */
  transposeA?: boolean;
  /** Use `Bᵀ` in place of `B` (no copy is made). Default `false`. */
  transposeB?: boolean;
}

/** Options of {@link matvec}. */
export interface MatvecOptions {
  /** Compute `Aᵀ x` instead of `A x` (no copy is made). Default `false`. */
  transpose?: boolean;
}

/** Largest |entry| of a buffer (0 for an all-zero one). */
function largestEntry(data: Float64Array): number {
  let largest = 0;
  for (let k = 0; k < data.length; k++) {
    const value = Math.abs(data[k] as number);
    if (value > largest) largest = value;
  }
  return largest;
}

function allFinite(data: Float64Array): boolean {
  for (let k = 0; k < data.length; k++) if (!Number.isFinite(data[k] as number)) return false;
  return true;
}

/** The power of two 2^e nearest above |largest| (exact to scale by: no rounding). */
function powerOfTwoAbove(largest: number): number {
  return largest === 0 ? 1 : 2 ** Math.min(1023, Math.ceil(Math.log2(largest)));
}

/** `matrix` times the power of two `factor` (exact; `factor` may be below 2^-1022 only via two steps). */
function scaledCopy(matrix: Matrix, factor: number): Matrix {
  const out = new Float64Array(matrix.data.length);
  for (let k = 0; k < out.length; k++) out[k] = (matrix.data[k] as number) * factor;
  return new Matrix(matrix.rows, matrix.cols, out);
}

/**
 * Products of finite matrices whose partial sums overflow (entries ≈ 1e160 give
 * products ≈ 1e320 > 1.8e308) come out as ∞ or NaN from the kernels. When that happens
 * the product is recomputed from the factors scaled by powers of two (exact) to entries
 * ≤ 1 and scaled back in two exact steps; a result that is itself beyond float64 is a
 * typed error naming the argument, never returned. Products that are finite take the
 * plain route, so their bits do not change.
 */
function rescueOverflow(
  result: Matrix,
  factors: readonly { name: string; matrix: Matrix }[],
  compute: (scaled: Matrix[]) => Matrix,
): Matrix {
  if (allFinite(result.data)) return result;
  const scales = factors.map(({ matrix }) => powerOfTwoAbove(largestEntry(matrix.data)));
  const product = compute(factors.map(({ matrix }, i) => scaledCopy(matrix, 1 / (scales[i] as number))));
  const data = product.data;
  for (const scale of scales) for (let k = 0; k < data.length; k++) data[k] = (data[k] as number) * scale;
  if (!allFinite(data)) {
    const [worst] = factors
      .map(({ name, matrix }) => ({ name, largest: largestEntry(matrix.data) }))
      .sort((a, b) => b.largest - a.largest);
    throw new LinalgError(
      worst?.name ?? 'A',
      `has entries up to ${worst?.largest}, so the product exceeds the float64 range (about 1.8e308); expected entries of a representable scale (rescale the data)`,
    );
  }
  return product;
}

function readFlag(optionsName: string, key: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') {
    throw new LinalgError(`${optionsName}.${key}`, `expected a boolean, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * The matrix product `C = op(A) · op(B)`, where `op(A)` is `A` or `Aᵀ`.
 *
 * Shapes: `op(A)` is `m×k`, `op(B)` is `k×n`, the result is a new `m×n` matrix.
 * Runs on the active kernel backend ({@link getBackend}).
 *
 * @param A left factor (finite, non-empty)
 * @param B right factor (finite, non-empty)
 * @param options `transposeA`, `transposeB`
 * @example
 * ```ts
 * const X = Matrix.fromRows([[1, 2], [3, 4], [5, 6]]); // 3×2
 * matmul(X, X, { transposeA: true }).toRows(); // XᵀX = [[35, 44], [44, 56]]
 * ```
 */
export function matmul(A: Matrix, B: Matrix, options: MatmulOptions = {}): Matrix {
  assertMatrix('A', A);
  assertMatrix('B', B);
  assertKnownOptions('options', options, ['transposeA', 'transposeB']);
  const transposeA = readFlag('options', 'transposeA', options.transposeA);
  const transposeB = readFlag('options', 'transposeB', options.transposeB);
  const m = transposeA ? A.cols : A.rows;
  const k = transposeA ? A.rows : A.cols;
  const kB = transposeB ? B.cols : B.rows;
  const n = transposeB ? B.rows : B.cols;
  if (k !== kB) {
    const left = transposeA ? `Aᵀ is ${m}×${k} (A is ${A.shape})` : `A is ${A.shape}`;
    const right = transposeB ? `Bᵀ is ${kB}×${n} (B is ${B.shape})` : `B is ${B.shape}`;
    throw new LinalgError(
      'B',
      `inner dimensions differ: ${left} but ${right}; expected ${transposeB ? 'Bᵀ' : 'B'} with ${k} rows`,
    );
  }
  const product = (left: Matrix, right: Matrix) => {
    const C = new Matrix(m, n);
    getBackend().gemm(
      transposeA,
      transposeB,
      m,
      n,
      k,
      left.data,
      0,
      left.cols,
      right.data,
      0,
      right.cols,
      0,
      C.data,
      0,
      n,
    );
    return C;
  };
  return rescueOverflow(
    product(A, B),
    [
      { name: 'A', matrix: A },
      { name: 'B', matrix: B },
    ],
    ([left, right]) => product(left as Matrix, right as Matrix),
  );
}

/**
 * The Gram matrix of the rows, `X Xᵀ` (n×n for `X` n×p): entry (i, j) = ⟨xᵢ, xⱼ⟩, the
 * kernel matrix of a linear model with samples as rows (the benignlab convention). Only the upper
 * triangle is computed (via the backend's `syrk`) and mirrored, so the result is
 * exactly symmetric.
 *
 * @param X data matrix, n×p (finite, non-empty)
 * @returns a new symmetric n×n matrix
 * @example
 * ```ts
 * gram(Matrix.fromRows([[1, 2], [3, 4]])).toRows(); // [[5, 11], [11, 25]]
 * ```
 */
export function gram(X: Matrix): Matrix {
  assertMatrix('X', X);
  const n = X.rows;
  const rowGram = (source: Matrix) => {
    const G = new Matrix(n, n);
    getBackend().syrk(n, source.cols, source.data, 0, source.cols, G.data, 0, n);
    return G;
  };
  // One factor scaled twice: X Xᵀ = s² (X/s)(X/s)ᵀ.
  return rescueOverflow(
    rowGram(X),
    [
      { name: 'X', matrix: X },
      { name: 'X', matrix: X },
    ],
    ([scaled]) => rowGram(scaled as Matrix),
  );
}

/**
 * The Gram matrix of the columns, `Xᵀ X` (p×p for `X` n×p): n times the empirical
 * second-moment matrix `Σ̂ = XᵀX / n`. `X` is transposed once (O(np)) so the O(np²)
 * work is a row-contiguous `syrk`; the result is exactly symmetric.
 *
 * @param X data matrix, n×p (finite, non-empty)
 * @returns a new symmetric p×p matrix
 * @example
 * ```ts
 * gramT(Matrix.fromRows([[1, 2], [3, 4]])).toRows(); // [[10, 14], [14, 20]]
 * ```
 */
export function gramT(X: Matrix): Matrix {
  assertMatrix('X', X);
  const p = X.cols;
  const columnGram = (source: Matrix) => {
    const transposed = source.transpose();
    const G = new Matrix(p, p);
    getBackend().syrk(p, source.rows, transposed.data, 0, source.rows, G.data, 0, p);
    return G;
  };
  return rescueOverflow(
    columnGram(X),
    [
      { name: 'X', matrix: X },
      { name: 'X', matrix: X },
    ],
    ([scaled]) => columnGram(scaled as Matrix),
  );
}

/**
 * The matrix–vector product `y = A x` (or `Aᵀ x` with `transpose`).
 *
 * Shapes: `A` is m×n; `x` has length n (m when transposed); `y` has length m (n).
 * O(mn) work, done in place here (a backend call would cost more than it saves).
 *
 * @param A the m×n matrix (finite, non-empty)
 * @param x vector of length n (length m with `transpose`), finite
 * @param options `transpose`: compute `Aᵀ x` instead of `A x` (default `false`)
 * @example
 * ```ts
 * matvec(Matrix.fromRows([[1, 2], [3, 4]]), Float64Array.of(1, 1)); // [3, 7]
 * matvec(Matrix.fromRows([[1, 2], [3, 4]]), Float64Array.of(1, 1), { transpose: true }); // [4, 6]
 * ```
 */
export function matvec(A: Matrix, x: VectorInput, options: MatvecOptions = {}): Float64Array {
  assertMatrix('A', A);
  assertKnownOptions('options', options, ['transpose']);
  const transpose = readFlag('options', 'transpose', options.transpose);
  const { rows: m, cols: n, data } = A;
  const vector = assertVector('x', toFloat64Vector(x));
  const expected = transpose ? m : n;
  if (vector.length !== expected) {
    const product = transpose ? 'Aᵀ x' : 'A x';
    throw new LinalgError(
      'x',
      `has length ${vector.length}; ${product} with A ${A.shape} needs x of length ${expected}`,
    );
  }
  if (!transpose) {
    const y = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const row = i * n;
      let s = 0;
      for (let j = 0; j < n; j++) s += data[row + j] * vector[j];
      y[i] = s;
    }
    return y;
  }
  const y = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    const xi = vector[i];
    const row = i * n;
    for (let j = 0; j < n; j++) y[j] += xi * data[row + j];
  }
  return y;
}
