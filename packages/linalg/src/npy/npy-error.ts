import { LinalgError } from '../errors.js';

/**
 * A `.npy` file (or byte array) that cannot be read or an array that cannot be written:
 * bad magic or header, unsupported dtype or shape, truncated data, a non-finite entry.
 * A {@link LinalgError} whose message names the argument, what it got and what was
 * expected; `detail` is that message without the argument, and `row`/`column` (0-based,
 * numpy's indices) locate the entry at fault when one is.
 *
 * @example
 * ```ts
 * try {
 *   parseNpy(Uint8Array.of(1, 2, 3));
 * } catch (error) {
 *   if (error instanceof NpyError) console.log(error.argument, error.detail);
 * }
 * ```
 */
export class NpyError extends LinalgError {
  /** What is wrong and what was expected, without the argument name. */
  readonly detail: string;
  /** Row (0-based) of the entry at fault, when one is; the index of a 1-D array. */
  readonly row: number | undefined;
  /** Column (0-based) of the entry at fault, for 2-D arrays. */
  readonly column: number | undefined;

  /**
   * @param argument the argument that held the bytes or the array (e.g. `'bytes'`, a file path)
   * @param detail what it got and what was expected
   * @param position `row` and `column` (0-based) of the entry at fault, when known
   */
  constructor(argument: string, detail: string, position: { row?: number; column?: number } = {}) {
    super(argument, detail);
    this.name = 'NpyError';
    this.detail = detail;
    this.row = position.row;
    this.column = position.column;
  }
}
