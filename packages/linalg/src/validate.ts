import { LinalgError } from './errors.js';
import { describeValue, Matrix } from './matrix.js';

/**
 * Argument checks shared by every public function (and by the other benignlab
 * packages). Each throws a {@link LinalgError} naming the argument, what it got and
 * what was expected.
 */

/**
 * `value` must be a {@link Matrix} with finite entries; optionally non-empty.
 * @param name argument name reported in the error (as in the caller's signature)
 * @param value the value to check
 * @param options `allowEmpty`: accept a matrix with 0 rows or 0 columns (default `false`)
 * @example
 * ```ts
 * assertMatrix('X', Matrix.identity(2)); // returns the matrix
 * // assertMatrix('X', [[1]]) throws LinalgError 'X: expected a Matrix, got an array of length 1'
 * ```
 */
export function assertMatrix(name: string, value: unknown, options: { allowEmpty?: boolean } = {}): Matrix {
  if (!(value instanceof Matrix)) {
    throw new LinalgError(name, `expected a Matrix, got ${describeValue(value)}`);
  }
  if (!options.allowEmpty && (value.rows === 0 || value.cols === 0)) {
    throw new LinalgError(name, `is empty (${value.shape}); expected at least one row and one column`);
  }
  assertFiniteEntries(name, value.data, value.cols);
  return value;
}

/**
 * `value` must be a Float64Array of finite numbers, of `length` when given.
 * @param name argument name reported in the error
 * @param value the value to check
 * @param length required length; when omitted any non-zero length is accepted
 * @example
 * ```ts
 * assertVector('x', Float64Array.of(1, 2), 2); // returns the vector
 * // assertVector('x', Float64Array.of(1, NaN)) throws LinalgError 'x: entry 1 is NaN; expected finite numbers only'
 * ```
 */
export function assertVector(name: string, value: unknown, length?: number): Float64Array {
  if (!(value instanceof Float64Array)) {
    throw new LinalgError(name, `expected a Float64Array, got ${describeValue(value)}`);
  }
  if (length !== undefined && value.length !== length) {
    throw new LinalgError(name, `has length ${value.length}, expected ${length}`);
  }
  if (length === undefined && value.length === 0) {
    throw new LinalgError(name, 'is empty; expected at least one entry');
  }
  assertFiniteEntries(name, value);
  return value;
}

/**
 * `value` must be a square matrix.
 * @param name argument name reported in the error
 * @param value the matrix to check (rows = cols)
 * @example
 * ```ts
 * assertSquare('A', Matrix.identity(3)); // passes
 * // assertSquare('A', Matrix.zeros(2, 3)) throws LinalgError 'A: is 2×3, expected a square matrix'
 * ```
 */
export function assertSquare(name: string, value: Matrix): void {
  if (value.rows !== value.cols) {
    throw new LinalgError(name, `is ${value.shape}, expected a square matrix`);
  }
}

/**
 * `value` must be symmetric to a relative tolerance.
 * @param name argument name reported in the error
 * @param value the matrix to check
 * @param tolerance relative tolerance: |A_ij − A_ji| ≤ tolerance · max|A_kl| (default `1e-10`)
 * @example
 * ```ts
 * assertSymmetric('A', Matrix.fromRows([[2, 1], [1, 2]])); // passes
 * // with [[1, 2], [3, 1]] it throws LinalgError 'A: is not symmetric: entry (0, 1) = 2 but (1, 0) = 3; …'
 * ```
 */
export function assertSymmetric(name: string, value: Matrix, tolerance = 1e-10): void {
  assertSquare(name, value);
  const { rows: n, data } = value;
  let scale = 0;
  for (let k = 0; k < data.length; k++) scale = Math.max(scale, Math.abs(data[k] as number));
  const limit = tolerance * Math.max(scale, Number.MIN_VALUE);
  if (symmetricWithin(n, data, limit)) return;
  // Name the first offending pair in row-major order (the tiled scan only says there is one).
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = data[i * n + j] as number;
      const b = data[j * n + i] as number;
      if (Math.abs(a - b) > limit) {
        throw new LinalgError(
          name,
          `is not symmetric: entry (${i}, ${j}) = ${a} but (${j}, ${i}) = ${b}; expected a symmetric matrix`,
        );
      }
    }
  }
}

/** Tile edge of {@link symmetricWithin}: a tile and its mirror (2 × 32 KiB) stay in L1/L2. */
const SYMMETRY_TILE = 64;

/**
 * Whether |A_ij − A_ji| ≤ `limit` for all i < j, tile by tile against the mirrored tile, so
 * the transposed reads stay within a cache-resident block (a plain row-by-row scan reads
 * the transpose a cache line per entry).
 */
function symmetricWithin(n: number, data: Float64Array, limit: number): boolean {
  for (let i0 = 0; i0 < n; i0 += SYMMETRY_TILE) {
    const i1 = Math.min(n, i0 + SYMMETRY_TILE);
    for (let j0 = i0; j0 < n; j0 += SYMMETRY_TILE) {
      const j1 = Math.min(n, j0 + SYMMETRY_TILE);
      for (let j = j0; j < j1; j++) {
        const mirror = j * n;
        for (let i = i0; i < Math.min(i1, j); i++) {
          if (!(Math.abs((data[i * n + j] as number) - (data[mirror + i] as number)) <= limit)) return false;
        }
      }
    }
  }
  return true;
}

/**
 * `value` must be a finite number (optionally ≥ `min`).
 * @param name argument name reported in the error
 * @param value the value to check
 * @param min smallest accepted value (inclusive); no lower bound when omitted
 * @example
 * ```ts
 * assertFiniteNumber('lambda', 0.5, 0); // 0.5
 * // assertFiniteNumber('lambda', -1, 0) throws LinalgError 'lambda: is -1, expected a number ≥ 0'
 * ```
 */
export function assertFiniteNumber(name: string, value: unknown, min?: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new LinalgError(name, `expected a finite number, got ${describeValue(value)}`);
  }
  if (min !== undefined && value < min) {
    throw new LinalgError(name, `is ${value}, expected a number ≥ ${min}`);
  }
  return value;
}

/**
 * Rejects option keys a function does not know (typos must not pass silently).
 * @param name name of the options argument reported in the error
 * @param options the options object as passed (`undefined` is accepted)
 * @param known the option keys the function understands
 * @example
 * ```ts
 * assertKnownOptions('options', { threads: 2 }, ['threads']); // passes
 * // { treads: 2 } throws LinalgError 'options: has unknown option "treads"; expected one of "threads"'
 * ```
 */
export function assertKnownOptions(
  name: string,
  options: object | undefined,
  known: readonly string[],
): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object') {
    throw new LinalgError(name, `expected an options object, got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new LinalgError(
        name,
        `has unknown option "${key}"; expected one of ${known.map((k) => `"${k}"`).join(', ')}`,
      );
    }
  }
}

function assertFiniteEntries(name: string, data: Float64Array, cols?: number): void {
  for (let k = 0; k < data.length; k++) {
    const entry = data[k] as number;
    if (!Number.isFinite(entry)) {
      const where = cols ? `entry (${Math.floor(k / cols)}, ${k % cols})` : `entry ${k}`;
      throw new LinalgError(name, `${where} is ${entry}; expected finite numbers only`);
    }
  }
}
