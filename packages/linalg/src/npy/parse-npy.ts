import { Matrix } from '../matrix.js';
import { NpyError } from './npy-error.js';
import { parseNpyHeader } from './npy-header.js';

/** A dense array read from `.npy` bytes: float64 values in row-major (C) order and a shape. */
export interface NpyArray {
  /** `[]` for a scalar, `[n]` for a vector, `[rows, cols]` for a matrix. */
  readonly shape: readonly [] | readonly [number] | readonly [number, number];
  /** The values, row-major, converted to float64. */
  readonly data: Float64Array;
}

/** Options of {@link parseNpy} and the readers built on it. */
export interface ParseNpyOptions {
  /** The argument name errors report (default `'bytes'`; a file path reads well). */
  name?: string;
  /**
   * Keep NaN and ±Infinity (default `false`: a non-finite entry is an {@link NpyError}
   * naming its index, as every function of the library would refuse it later anyway).
   */
  allowNonFinite?: boolean;
}

/** Typed arrays use the host's byte order; the fast path below needs it to be little-endian. */
const LITTLE_ENDIAN_HOST = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

const SUPPORTED_DTYPES =
  "'<f8', '<f4', '<i8', '<i4', '<i2', '|i1', '<u8', '<u4', '<u2', '|u1', '|b1' (either byte order)";

type Reader = (view: DataView, offset: number) => number;

function readerFor(descr: string, fail: (message: string) => never): { size: number; read: Reader } {
  const match = /^([<>|=])([fiub])(\d+)$/.exec(descr);
  if (!match) return fail(`has dtype '${descr}'; expected a real numeric dtype: ${SUPPORTED_DTYPES}`);
  const little = match[1] !== '>';
  const size = Number(match[3]);
  const readers: Record<string, Reader> = {
    f8: (v, o) => v.getFloat64(o, little),
    f4: (v, o) => v.getFloat32(o, little),
    i8: (v, o) => Number(v.getBigInt64(o, little)),
    i4: (v, o) => v.getInt32(o, little),
    i2: (v, o) => v.getInt16(o, little),
    i1: (v, o) => v.getInt8(o),
    u8: (v, o) => Number(v.getBigUint64(o, little)),
    u4: (v, o) => v.getUint32(o, little),
    u2: (v, o) => v.getUint16(o, little),
    u1: (v, o) => v.getUint8(o),
    b1: (v, o) => (v.getUint8(o) === 0 ? 0 : 1),
  };
  const read = readers[`${match[2]}${size}`];
  if (!read) return fail(`has dtype '${descr}'; expected one of ${SUPPORTED_DTYPES}`);
  return { size, read };
}

/**
 * Parses the bytes of a NumPy `.npy` file (what `numpy.save` writes) into row-major float64
 * values, browser-safe (no file system). Like `np.asarray(np.load(f), dtype=np.float64)`:
 * format versions 1–3; float64, float32, signed and unsigned integers of 1–8 bytes and
 * booleans, in either byte order, converted to float64; C or Fortran order (Fortran is
 * transposed into row-major); shapes `()`, `(n,)` and `(rows, cols)`. Refuses, with an
 * {@link NpyError} naming `options.name`, the value and the expectation: object, complex,
 * string and structured dtypes, three or more dimensions, truncated data, 64-bit integers
 * beyond 2⁵³ (float64 cannot hold them exactly) and, unless `allowNonFinite`, NaN and
 * ±Infinity (naming the entry's 0-based index).
 *
 * @param bytes the file's contents
 * @param options `name` for errors (default `'bytes'`), `allowNonFinite` (default `false`)
 * @returns `{ shape, data }`: `shape` is `[]`, `[n]` or `[rows, cols]`; `data` row-major
 * @throws {NpyError} on any of the problems above
 * @example
 * ```ts
 * const bytes = serializeNpy(Matrix.fromRows([[1, 2], [3, 4]]));
 * const { shape, data } = parseNpy(bytes);
 * shape; // [2, 2]
 * data; // Float64Array [1, 2, 3, 4]
 * ```
 */
export function parseNpy(bytes: Uint8Array, options: ParseNpyOptions = {}): NpyArray {
  const name = options.name ?? 'bytes';
  const allowNonFinite = options.allowNonFinite ?? false;
  const header = parseNpyHeader(bytes, name);
  const fail = (message: string, position: { row?: number; column?: number } = {}): never => {
    throw new NpyError(name, message, position);
  };
  const { shape } = header;
  if (shape.length > 2) {
    fail(`has shape (${shape.join(', ')}); expected a scalar (), a vector (n,) or a matrix (rows, cols)`);
  }
  const rows = shape.length === 0 ? 1 : (shape[0] as number);
  const cols = shape.length === 2 ? (shape[1] as number) : 1;
  const outShape = (
    shape.length === 2 ? [rows, cols] : shape.length === 1 ? [rows] : []
  ) as NpyArray['shape'];
  const position = (k: number) =>
    shape.length === 2 ? { row: Math.floor(k / cols), column: k % cols } : { row: k };
  const { size, read } = readerFor(header.descr, fail);
  const count = rows * cols;
  const available = bytes.length - header.dataOffset;
  if (available < count * size) {
    fail(
      `is truncated: shape (${shape.join(', ')}) of '${header.descr}' needs ${count * size} data bytes, found ${available}`,
    );
  }
  if (available > count * size) {
    fail(
      `has ${available - count * size} bytes after the data of shape (${shape.join(', ')}); expected exactly ${count * size}`,
    );
  }
  if (
    LITTLE_ENDIAN_HOST &&
    /^[<=]f8$/.test(header.descr) &&
    (!header.fortranOrder || rows === 1 || cols === 1)
  ) {
    // The common case as one byte copy (not a view: the data offset need not be 8-aligned).
    const data = new Float64Array(count);
    new Uint8Array(data.buffer).set(bytes.subarray(header.dataOffset, header.dataOffset + count * 8));
    if (!allowNonFinite) {
      for (let k = 0; k < count; k++) {
        const value = data[k] as number;
        if (value - value !== 0)
          fail(`entry ${indexText(position(k))} is ${value}; expected finite numbers`, position(k));
      }
    }
    return { shape: outShape, data };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + header.dataOffset, count * size);
  const integer64 = size === 8 && header.descr[1] !== 'f';
  const data = new Float64Array(count);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const k = i * cols + j;
      const value = read(view, (header.fortranOrder ? j * rows + i : k) * size);
      if (!allowNonFinite && !Number.isFinite(value)) {
        fail(`entry ${indexText(position(k))} is ${value}; expected finite numbers`, position(k));
      }
      if (integer64 && !Number.isSafeInteger(value)) {
        fail(
          `entry ${indexText(position(k))} is the integer ${value}, beyond 2^53; float64 cannot hold it exactly`,
          position(k),
        );
      }
      data[k] = value;
    }
  }
  return { shape: outShape, data };
}

function indexText(position: { row?: number; column?: number }): string {
  return position.column === undefined ? `[${position.row}]` : `[${position.row}, ${position.column}]`;
}

/**
 * Parses `.npy` bytes holding a 2-D array into a {@link Matrix} (see {@link parseNpy} for
 * the dtypes and orders accepted). A 1-D array is refused rather than guessed to be a row
 * or a column (numpy: `x.reshape(-1, 1)`).
 *
 * @param bytes the file's contents
 * @param options `name` for errors (default `'bytes'`); non-finite entries are always refused
 * @throws {NpyError} not a 2-D array, or any problem {@link parseNpy} reports
 * @example
 * ```ts
 * const X = parseNpyMatrix(serializeNpy(Matrix.fromRows([[1, 2, 3], [4, 5, 6]])));
 * X.shape; // [2, 3]
 * ```
 */
export function parseNpyMatrix(bytes: Uint8Array, options: Pick<ParseNpyOptions, 'name'> = {}): Matrix {
  const name = options.name ?? 'bytes';
  const { shape, data } = parseNpy(bytes, { name });
  if (shape.length !== 2) {
    throw new NpyError(
      name,
      `has shape (${shape.join(', ')}${shape.length === 1 ? ',' : ''}); expected a 2-D array (rows, cols) (numpy: x.reshape(-1, 1) for one column)`,
    );
  }
  return new Matrix(shape[0], shape[1], data);
}

/**
 * Parses `.npy` bytes holding a vector into a `Float64Array`: shape `(n,)`, or a 2-D array
 * with one row or one column, as `np.ravel` would give (see {@link parseNpy} for the
 * dtypes and orders accepted).
 *
 * @param bytes the file's contents
 * @param options `name` for errors (default `'bytes'`); non-finite entries are always refused
 * @throws {NpyError} a scalar or a matrix with several rows and columns, or any problem {@link parseNpy} reports
 * @example
 * ```ts
 * parseNpyVector(serializeNpy(Float64Array.of(1, 2, 3))); // Float64Array [1, 2, 3]
 * ```
 */
export function parseNpyVector(bytes: Uint8Array, options: Pick<ParseNpyOptions, 'name'> = {}): Float64Array {
  const name = options.name ?? 'bytes';
  const { shape, data } = parseNpy(bytes, { name });
  if (shape.length === 1 || (shape.length === 2 && (shape[0] === 1 || shape[1] === 1))) return data;
  throw new NpyError(name, `has shape (${shape.join(', ')}); expected a vector (n,), (1, n) or (n, 1)`);
}
