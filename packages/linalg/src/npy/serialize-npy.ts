import { describeValue, Matrix } from '../matrix.js';
import { toFloat64Vector } from '../vector-input.js';
import { NpyError } from './npy-error.js';
import { NPY_MAGIC } from './npy-header.js';

/** Options of {@link serializeNpy}. */
export interface SerializeNpyOptions {
  /** The argument name errors report (default `'value'`). */
  name?: string;
  /** Write NaN and ±Infinity as they are (default `false`: refused, naming the entry). */
  allowNonFinite?: boolean;
}

/** numpy aligns the data to 64 bytes (format 1.0 up to 65 535 header bytes, then 2.0). */
const ALIGNMENT = 64;

/**
 * The bytes of a NumPy `.npy` file holding `value` as little-endian float64 in C order,
 * what `numpy.save(f, np.asarray(value, dtype='<f8'))` writes: a {@link Matrix} gives shape
 * `(rows, cols)`, a vector (`Float64Array` or `number[]`) shape `(n,)`. Format 1.0 (2.0 only
 * for headers beyond 65 535 bytes), data aligned to 64 bytes. Browser-safe; `numpy.load`
 * reads the result.
 *
 * @param value a Matrix, a Float64Array or a plain array of numbers
 * @param options `name` for errors (default `'value'`), `allowNonFinite` (default `false`)
 * @returns the file's bytes
 * @throws {NpyError} not a Matrix or vector, or a non-finite entry (unless allowed)
 * @example
 * ```ts
 * const bytes = serializeNpy(Matrix.fromRows([[1, 2], [3, 4]]));
 * bytes.length; // 160: a 128-byte header and 4 float64 values
 * ```
 */
export function serializeNpy(
  value: Matrix | Float64Array | readonly number[],
  options: SerializeNpyOptions = {},
): Uint8Array {
  const name = options.name ?? 'value';
  let shape: number[];
  let data: Float64Array;
  if (value instanceof Matrix) {
    shape = [value.rows, value.cols];
    data = value.data;
  } else {
    const vector = toFloat64Vector(value);
    if (!(vector instanceof Float64Array)) {
      throw new NpyError(
        name,
        `expected a Matrix, a Float64Array or an array of numbers, got ${describeValue(value)}`,
      );
    }
    shape = [vector.length];
    data = vector;
  }
  if (!(options.allowNonFinite ?? false)) {
    const cols = shape.length === 2 ? (shape[1] as number) : 1;
    for (let k = 0; k < data.length; k++) {
      const entry = data[k] as number;
      if (entry - entry !== 0) {
        const position = shape.length === 2 ? { row: Math.floor(k / cols), column: k % cols } : { row: k };
        const index = shape.length === 2 ? `[${position.row}, ${position.column}]` : `[${k}]`;
        throw new NpyError(
          name,
          `entry ${index} is ${entry}; expected finite numbers (pass allowNonFinite: true to write it anyway)`,
          position,
        );
      }
    }
  }
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '<f8', 'fortran_order': False, 'shape': ${shapeText}, }`;
  let prefix = 10;
  if (dict.length + 1 + prefix > 65_535) prefix = 12;
  const total = Math.ceil((prefix + dict.length + 1) / ALIGNMENT) * ALIGNMENT;
  const headerLength = total - prefix;
  const out = new Uint8Array(total + data.length * 8);
  out.set(NPY_MAGIC);
  out[6] = prefix === 10 ? 1 : 2;
  out[7] = 0;
  const view = new DataView(out.buffer);
  if (prefix === 10) view.setUint16(8, headerLength, true);
  else view.setUint32(8, headerLength, true);
  for (let k = 0; k < dict.length; k++) out[prefix + k] = dict.charCodeAt(k);
  out.fill(0x20, prefix + dict.length, total - 1);
  out[total - 1] = 0x0a;
  for (let k = 0; k < data.length; k++) view.setFloat64(total + 8 * k, data[k] as number, true);
  return out;
}
