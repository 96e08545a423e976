import { LinalgError } from './errors.js';
import { getBackend } from './kernels/registry.js';
import { describeValue, Matrix } from './matrix.js';
import { assertKnownOptions, assertMatrix, assertVector } from './validate.js';

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
  const C = new Matrix(m, n);
  getBackend().gemm(transposeA, transposeB, m, n, k, A.data, 0, A.cols, B.data, 0, B.cols, 0, C.data, 0, n);
  return C;
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
  const G = new Matrix(n, n);
  getBackend().syrk(n, X.cols, X.data, 0, X.cols, G.data, 0, n);
  return G;
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
  const Xt = X.transpose();
  const G = new Matrix(p, p);
  getBackend().syrk(p, X.rows, Xt.data, 0, X.rows, G.data, 0, p);
  return G;
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
export function matvec(A: Matrix, x: Float64Array, options: MatvecOptions = {}): Float64Array {
  assertMatrix('A', A);
  assertKnownOptions('options', options, ['transpose']);
  const transpose = readFlag('options', 'transpose', options.transpose);
  const { rows: m, cols: n, data } = A;
  assertVector('x', x);
  const expected = transpose ? m : n;
  if (x.length !== expected) {
    const product = transpose ? 'Aᵀ x' : 'A x';
    throw new LinalgError(
      'x',
      `has length ${x.length}; ${product} with A ${A.shape} needs x of length ${expected}`,
    );
  }
  if (!transpose) {
    const y = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const row = i * n;
      let s = 0;
      for (let j = 0; j < n; j++) s += data[row + j] * x[j];
      y[i] = s;
    }
    return y;
  }
  const y = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    const xi = x[i];
    const row = i * n;
    for (let j = 0; j < n; j++) y[j] += xi * data[row + j];
  }
  return y;
}
