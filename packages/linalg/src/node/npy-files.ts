import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Matrix } from '../matrix.js';
import { NpyError } from '../npy/npy-error.js';
import {
  type NpyArray,
  type ParseNpyOptions,
  parseNpy,
  parseNpyMatrix,
  parseNpyVector,
} from '../npy/parse-npy.js';
import { type SerializeNpyOptions, serializeNpy } from '../npy/serialize-npy.js';

/** The file's bytes, or an {@link NpyError} naming the path and why it cannot be read. */
function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'does not exist; expected a .npy file written by numpy.save'
        : code === 'EISDIR'
          ? 'is a directory; expected a .npy file'
          : `cannot be read (${code ?? String(error)}); expected a readable .npy file`;
    throw new NpyError(path, reason);
  }
}

/**
 * Reads a NumPy `.npy` file (Node only): {@link parseNpy} on its bytes, errors naming the path.
 *
 * @param path the file
 * @param options `allowNonFinite` (default `false`)
 * @returns `{ shape, data }` with row-major float64 data
 * @throws {NpyError} the file is missing or unreadable, or {@link parseNpy} refuses it
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const path = join(mkdtempSync(join(tmpdir(), 'npy-')), 'x.npy');
 * writeNpy(path, [1, 2, 3]);
 * readNpy(path).shape; // [3]
 * ```
 */
export function readNpy(path: string, options: Pick<ParseNpyOptions, 'allowNonFinite'> = {}): NpyArray {
  return parseNpy(readBytes(path), { ...options, name: path });
}

/**
 * Reads a 2-D `.npy` file as a {@link Matrix} (Node only; see {@link parseNpyMatrix}).
 *
 * @param path the file
 * @throws {NpyError} the file is missing or unreadable, not 2-D, or refused by {@link parseNpy}
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const path = join(mkdtempSync(join(tmpdir(), 'npy-')), 'X.npy');
 * writeNpy(path, Matrix.fromRows([[1, 2], [3, 4]]));
 * readNpyMatrix(path).shape; // [2, 2]
 * ```
 */
export function readNpyMatrix(path: string): Matrix {
  return parseNpyMatrix(readBytes(path), { name: path });
}

/**
 * Reads a vector `.npy` file (shape `(n,)`, `(1, n)` or `(n, 1)`) as a `Float64Array`
 * (Node only; see {@link parseNpyVector}).
 *
 * @param path the file
 * @throws {NpyError} the file is missing or unreadable, not a vector, or refused by {@link parseNpy}
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const path = join(mkdtempSync(join(tmpdir(), 'npy-')), 'y.npy');
 * writeNpy(path, Float64Array.of(0.5, -1));
 * readNpyVector(path); // Float64Array [0.5, -1]
 * ```
 */
export function readNpyVector(path: string): Float64Array {
  return parseNpyVector(readBytes(path), { name: path });
}

/**
 * Writes `value` to `path` as a `.npy` file of little-endian float64 in C order
 * ({@link serializeNpy}), atomically: the bytes go to a temporary file in the same folder
 * which is then renamed over `path`, so a reader (or a crash) never sees half a file.
 * Node only.
 *
 * @param path the file to create or replace
 * @param value a Matrix (shape `(rows, cols)`), a Float64Array or `number[]` (shape `(n,)`)
 * @param options `allowNonFinite` (default `false`)
 * @throws {NpyError} a non-finite entry, or the folder cannot be written (the message says why)
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const path = join(mkdtempSync(join(tmpdir(), 'npy-')), 'theta.npy');
 * writeNpy(path, Float64Array.of(1, 2, 3)); // numpy: np.load(path) → array([1., 2., 3.])
 * ```
 */
export function writeNpy(
  path: string,
  value: Matrix | Float64Array | readonly number[],
  options: Pick<SerializeNpyOptions, 'allowNonFinite'> = {},
): void {
  const bytes = serializeNpy(value, { ...options, name: 'value' });
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    writeFileSync(temporary, bytes, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new NpyError(path, `cannot be written (${code ?? String(error)}); expected a writable folder`);
  }
}
