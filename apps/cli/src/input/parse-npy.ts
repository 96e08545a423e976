import {
  type NpyHeader as LibraryNpyHeader,
  NpyError,
  parseNpy as parseNpyBytes,
  parseNpyHeader as parseNpyHeaderBytes,
} from '@benignlab/linalg';
import { DataFileError } from './data-file-error.js';
import type { NumericArray } from './numeric-array.js';

/**
 * The header of a `.npy` file.
 * @deprecated Use `NpyHeader` from `@benignlab/linalg` instead.
 */
export type NpyHeader = LibraryNpyHeader;

/**
 * The library's {@link NpyError} as the CLI's {@link DataFileError}: the flag, the file and
 * 1-based row and column (the library counts from 0 like numpy; the CLI's messages count
 * rows and columns as a spreadsheet does, and say where apart from the message).
 */
function asDataFileError(error: unknown, file: string, argument: string): unknown {
  if (!(error instanceof NpyError)) return error;
  if (error.row === undefined) return new DataFileError(argument, file, error.detail);
  return new DataFileError(argument, file, error.detail.replace(/^entry \[[\d, ]+\] /, ''), {
    row: error.row + 1,
    column: (error.column ?? 0) + 1,
  });
}

/**
 * Reads and checks the header of a `.npy` file with `@benignlab/linalg`'s `parseNpyHeader`,
 * errors as {@link DataFileError}s naming the flag and the file.
 *
 * @param bytes the whole .npy file (or at least its header)
 * @param file the file name, used in errors
 * @param argument the flag the file was given with, used in errors
 * @deprecated Use `parseNpyHeader` from `@benignlab/linalg` instead.
 * @example
 * ```ts
 * parseNpyHeader(bytes, 'X.npy', '--x'); // { version: [1, 0], descr: '<f8', fortranOrder: false, shape: [12, 40], dataOffset: 128 }
 * ```
 */
export function parseNpyHeader(bytes: Uint8Array, file: string, argument: string): NpyHeader {
  try {
    return parseNpyHeaderBytes(bytes, file);
  } catch (error) {
    throw asDataFileError(error, file, argument);
  }
}

/**
 * Parses a NumPy `.npy` file into a row-major float64 array with `@benignlab/linalg`'s
 * `parseNpy` (dtypes, orders and refusals as documented there; a scalar becomes shape
 * `[1]`), errors as {@link DataFileError}s naming the flag, the file and the 1-based row
 * and column of a non-finite entry.
 *
 * @param bytes the file's contents
 * @param file the file name for messages
 * @param argument the flag the file came from (`--x`)
 * @example
 * ```ts
 * const array = parseNpy(readFileSync('X.npy'), 'X.npy', '--x');
 * array.shape; // [12, 40]
 * ```
 */
export function parseNpy(bytes: Uint8Array, file: string, argument: string): NumericArray {
  try {
    const { shape, data } = parseNpyBytes(bytes, { name: file });
    return { shape: shape.length === 0 ? [1] : shape, data };
  } catch (error) {
    throw asDataFileError(error, file, argument);
  }
}
