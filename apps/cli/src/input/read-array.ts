import { readFileSync } from 'node:fs';
import { Matrix } from '@benignlab/linalg';
import { DataFileError } from './data-file-error.js';
import type { NumericArray } from './numeric-array.js';
import { parseNumericCsv } from './parse-csv.js';
import { parseNpy } from './parse-npy.js';

/**
 * Reads a numeric array from a `.npy` file (by extension) or a delimited text file
 * (anything else: `.csv`, `.tsv`, `.txt`). A missing or unreadable file is a
 * {@link DataFileError} naming the flag and the file.
 *
 * @param argument the flag the path came from (`--x`), for messages
 * @param path the file
 * @example
 * ```ts
 * readNumericArray('--x', 'X.npy').shape; // [n, p]
 * ```
 */
export function readNumericArray(argument: string, path: string): NumericArray {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a directory; expected a .csv or .npy file'
          : `cannot be read (${code ?? String(error)})`;
    throw new DataFileError(argument, path, reason);
  }
  const lower = path.toLowerCase();
  if (lower.endsWith('.npz')) {
    throw new DataFileError(
      argument,
      path,
      'is a .npz archive; save one array per file with numpy.save (.npy)',
    );
  }
  if (lower.endsWith('.npy')) return parseNpy(bytes, path, argument);
  return parseNumericCsv(new TextDecoder('utf-8').decode(bytes), path, argument);
}

/**
 * A 2-D array as a {@link Matrix} (rows are samples). 1-D arrays are refused rather
 * than guessed to be a row or a column.
 *
 * @param argument the flag the file was given with, used in errors
 * @param path the file name, used in errors
 * @param array the numbers read; must be 2-D (rows × columns)
 * @example
 * ```ts
 * const X = toMatrix('--x', 'X.npy', readNumericArray('--x', 'X.npy'));
 * ```
 */
export function toMatrix(argument: string, path: string, array: NumericArray): Matrix {
  if (array.shape.length !== 2) {
    throw new DataFileError(
      argument,
      path,
      `is a vector of length ${array.shape[0]}; expected a 2-D array with one row per sample (numpy: X.reshape(-1, 1) for one feature)`,
    );
  }
  const [rows, cols] = array.shape as [number, number];
  if (rows === 0 || cols === 0) {
    throw new DataFileError(
      argument,
      path,
      `is an empty ${rows}×${cols} array; expected at least one row (sample) and one column (feature)`,
    );
  }
  return new Matrix(rows, cols, array.data);
}

/**
 * A vector from a 1-D array or a 2-D array with one row or one column, optionally of a
 * required length (`what` says where that length comes from, for the message).
 *
 * @param argument the flag the file was given with, used in errors
 * @param path the file name, used in errors
 * @param array the numbers read; a 1-D array or a single row or column
 * @param expected `length`: the required length, and `what`: how the error explains it (e.g. "one per row of --x")
 * @example
 * ```ts
 * toVector('--y', 'y.csv', readNumericArray('--y', 'y.csv'), { length: 12, what: 'one per row of --x' });
 * ```
 */
export function toVector(
  argument: string,
  path: string,
  array: NumericArray,
  expected?: { length: number; what: string },
): Float64Array {
  const [rows, cols] = array.shape.length === 2 ? array.shape : [array.shape[0], 1];
  if (rows !== 1 && cols !== 1) {
    throw new DataFileError(
      argument,
      path,
      `is a ${rows}×${cols} matrix; expected a vector (one row or one column)`,
    );
  }
  if (array.data.length === 0) {
    throw new DataFileError(argument, path, 'is empty; expected at least one value');
  }
  if (expected && array.data.length !== expected.length) {
    throw new DataFileError(
      argument,
      path,
      `has ${array.data.length} value${array.data.length === 1 ? '' : 's'}; expected ${expected.length} (${expected.what})`,
    );
  }
  return array.data;
}
