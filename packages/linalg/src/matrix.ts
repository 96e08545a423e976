import { LinalgError } from './errors.js';

/** A matrix's `[rows, cols]`; its `toString()` gives `"rows×cols"` (see {@link Matrix.shape}). */
export type MatrixShape = readonly [rows: number, cols: number];

/**
 * A dense row-major float64 matrix with an explicit shape.
 *
 * Entry (i, j) lives at `data[i * cols + j]`. Rows are samples throughout benignlab
 * ([Theory §6](https://benignlab.github.io/theory.html#section-6)). The constructor does not copy `data`: the matrix is a view, so
 * numerical kernels can work on the buffer directly.
 *
 * @example
 * ```ts
 * const A = Matrix.fromRows([[1, 2], [3, 4]]);
 * A.get(1, 0); // 3
 * A.transpose().toRows(); // [[1, 3], [2, 4]]
 * ```
 */
export class Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;

  /**
   * @param rows number of rows (≥ 0, integer)
   * @param cols number of columns (≥ 0, integer)
   * @param data row-major entries, length `rows * cols`; zeros when omitted
   */
  constructor(rows: number, cols: number, data?: Float64Array) {
    checkDimension('rows', rows);
    checkDimension('cols', cols);
    if (data === undefined) {
      this.data = allocateEntries(rows, cols);
    } else {
      if (!(data instanceof Float64Array)) {
        throw new LinalgError('data', `expected a Float64Array, got ${describeValue(data)}`);
      }
      if (data.length !== rows * cols) {
        throw new LinalgError(
          'data',
          `has length ${data.length}, expected rows * cols = ${rows} * ${cols} = ${rows * cols}`,
        );
      }
      this.data = data;
    }
    this.rows = rows;
    this.cols = cols;
  }

  /**
   * A matrix from nested arrays (one inner array per row), copied.
   * @param rows one array per row, all of equal length (entries are copied; a 0-length array gives a 0×0 matrix)
   * @example
   * ```ts
   * Matrix.fromRows([[1, 2, 3], [4, 5, 6]]).shape; // [2, 3]
   * ```
   */
  static fromRows(rows: readonly (readonly number[])[]): Matrix {
    if (!Array.isArray(rows)) {
      throw new LinalgError('rows', `expected an array of rows, got ${describeValue(rows)}`);
    }
    const rowCount = rows.length;
    const colCount = rowCount === 0 ? 0 : (rows[0]?.length ?? 0);
    const result = new Matrix(rowCount, colCount);
    for (let i = 0; i < rowCount; i++) {
      const row = rows[i];
      if (!Array.isArray(row) || row.length !== colCount) {
        throw new LinalgError(
          'rows',
          `row ${i} has length ${Array.isArray(row) ? row.length : 'n/a'}, expected ${colCount} (all rows of equal length)`,
        );
      }
      for (let j = 0; j < colCount; j++) result.data[i * colCount + j] = row[j] as number;
    }
    return result;
  }

  /**
   * A `rows × cols` matrix filled with zeros.
   * @param rows number of rows (integer ≥ 0)
   * @param cols number of columns (integer ≥ 0)
   * @example
   * ```ts
   * Matrix.zeros(2, 3).data; // Float64Array [0, 0, 0, 0, 0, 0]
   * ```
   */
  static zeros(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols);
  }

  /**
   * The `size × size` identity matrix.
   * @param size order n of the n×n matrix (integer ≥ 0)
   * @example
   * ```ts
   * Matrix.identity(2).toRows(); // [[1, 0], [0, 1]]
   * ```
   */
  static identity(size: number): Matrix {
    const result = new Matrix(size, size);
    for (let i = 0; i < size; i++) result.data[i * size + i] = 1;
    return result;
  }

  /**
   * Nested arrays, one per row (a copy).
   * @example
   * ```ts
   * Matrix.fromRows([[1, 2], [3, 4]]).toRows(); // [[1, 2], [3, 4]]
   * ```
   */
  toRows(): number[][] {
    const out: number[][] = new Array(this.rows);
    for (let i = 0; i < this.rows; i++) {
      out[i] = Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols));
    }
    return out;
  }

  /**
   * Entry (i, j), bounds-checked.
   * @param i row index, 0 ≤ i < rows
   * @param j column index, 0 ≤ j < cols
   * @example
   * ```ts
   * Matrix.fromRows([[1, 2], [3, 4]]).get(1, 0); // 3
   * ```
   */
  get(i: number, j: number): number {
    this.checkIndex(i, j);
    return this.data[i * this.cols + j] as number;
  }

  /**
   * Sets entry (i, j), bounds-checked.
   * @param i row index, 0 ≤ i < rows
   * @param j column index, 0 ≤ j < cols
   * @param value the new entry
   * @example
   * ```ts
   * const A = Matrix.zeros(2, 2);
   * A.set(0, 1, 5); // A = [[0, 5], [0, 0]]
   * ```
   */
  set(i: number, j: number, value: number): void {
    this.checkIndex(i, j);
    this.data[i * this.cols + j] = value;
  }

  /**
   * Row `i` as a view into this matrix's buffer (no copy).
   * @param i row index, 0 ≤ i < rows
   * @example
   * ```ts
   * const A = Matrix.fromRows([[1, 2], [3, 4]]);
   * A.row(1); // Float64Array [3, 4], a view: writing to it changes A
   * ```
   */
  row(i: number): Float64Array {
    this.checkIndex(i, 0, true);
    return this.data.subarray(i * this.cols, (i + 1) * this.cols);
  }

  /**
   * Column `j` as a new vector.
   * @param j column index, 0 ≤ j < cols
   * @example
   * ```ts
   * Matrix.fromRows([[1, 2], [3, 4]]).column(1); // Float64Array [2, 4], a copy
   * ```
   */
  column(j: number): Float64Array {
    this.checkIndex(0, j, true);
    const out = new Float64Array(this.rows);
    for (let i = 0; i < this.rows; i++) out[i] = this.data[i * this.cols + j] as number;
    return out;
  }

  /**
   * Aᵀ as a new matrix (blocked for cache locality).
   * @example
   * ```ts
   * Matrix.fromRows([[1, 2, 3]]).transpose().toRows(); // [[1], [2], [3]]
   * ```
   */
  transpose(): Matrix {
    const { rows, cols, data } = this;
    const out = new Float64Array(rows * cols);
    const block = 32;
    for (let i0 = 0; i0 < rows; i0 += block) {
      const iEnd = Math.min(i0 + block, rows);
      for (let j0 = 0; j0 < cols; j0 += block) {
        const jEnd = Math.min(j0 + block, cols);
        for (let i = i0; i < iEnd; i++) {
          for (let j = j0; j < jEnd; j++) out[j * rows + i] = data[i * cols + j] as number;
        }
      }
    }
    return new Matrix(cols, rows, out);
  }

  /**
   * A deep copy.
   * @example
   * ```ts
   * const A = Matrix.identity(2);
   * const B = A.clone();
   * B.set(0, 0, 9); // A is unchanged
   * ```
   */
  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice());
  }

  /**
   * `[rows, cols]`, frozen. Its `toString()` is `"rows×cols"`, so `${A.shape}` reads well
   * in messages.
   *
   * @example
   * ```ts
   * const [rows, cols] = Matrix.zeros(2, 3).shape; // 2, 3
   * `${Matrix.zeros(2, 3).shape}`; // "2×3"
   * ```
   */
  get shape(): MatrixShape {
    const shape: [number, number] = [this.rows, this.cols];
    const display = `${this.rows}×${this.cols}`;
    Object.defineProperty(shape, 'toString', { value: () => display, enumerable: false });
    return Object.freeze(shape);
  }

  private checkIndex(i: number, j: number, allowEmpty = false): void {
    const rowOk = Number.isInteger(i) && i >= 0 && i < this.rows;
    const colOk = allowEmpty
      ? Number.isInteger(j) && j >= 0 && (j < this.cols || this.cols === 0)
      : Number.isInteger(j) && j >= 0 && j < this.cols;
    if (!rowOk || !colOk) {
      throw new LinalgError('index', `(${i}, ${j}) is outside the ${this.shape} matrix`);
    }
  }
}

/**
 * A byte count for messages: `28.8 GB`, `8 TB`, `512 MB` (decimal units).
 *
 * @param bytes a byte count ≥ 0; shown with 3 significant digits in the largest decimal unit (1000-based) it reaches
 * @example
 * ```ts
 * formatBytes(60000 * 60000 * 8); // '28.8 GB'
 * ```
 */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : Number(value.toPrecision(3))} ${units[unit]}`;
}

/**
 * The error for a matrix that cannot be allocated: names the argument, the shape and the
 * memory it would need (8 bytes per float64 entry).
 *
 * @param name the argument the error names (its `argument`), e.g. `'X'`
 * @param rows number of rows of the matrix that could not be allocated (≥ 0)
 * @param cols number of columns of that matrix (≥ 0); the memory quoted is rows·cols·8 bytes
 * @param what what the matrix is, in words, starting the message (e.g. `'the n×n NTK kernel'`); default `'a matrix'`
 * @example
 * ```ts
 * allocationError('X', 60000, 60000, 'the n×n NTK kernel').message;
 * // "X: the n×n NTK kernel of 60000×60000 float64 entries would need 28.8 GB, more than this runtime can allocate; expected a smaller size"
 * ```
 */
export function allocationError(name: string, rows: number, cols: number, what = 'a matrix'): LinalgError {
  return new LinalgError(
    name,
    `${what} of ${rows}×${cols} float64 entries would need ${formatBytes(rows * cols * 8)}, more than this runtime can allocate; expected a smaller size`,
  );
}

/** Zeros for a rows×cols matrix, or a typed error naming the shape and the memory needed. */
function allocateEntries(rows: number, cols: number): Float64Array {
  try {
    return new Float64Array(rows * cols);
  } catch (error) {
    // "Invalid typed array length" or "Array buffer allocation failed".
    if (error instanceof RangeError) throw allocationError('rows × cols', rows, cols);
    throw error;
  }
}

function checkDimension(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new LinalgError(name, `expected a non-negative integer, got ${describeValue(value)}`);
  }
}

/**
 * A short description of any value for error messages.
 * @param value any value; long strings are cut to 40 characters
 * @example
 * ```ts
 * describeValue(Float64Array.of(1, 2)); // 'a Float64Array of length 2'
 * describeValue(Number.NaN); // 'NaN'
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value instanceof Matrix) return `a ${value.shape} Matrix`;
  if (ArrayBuffer.isView(value))
    return `a ${value.constructor.name} of length ${(value as Float64Array).length}`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value === 'object' ? `an object (${Object.prototype.toString.call(value)})` : typeof value;
}
