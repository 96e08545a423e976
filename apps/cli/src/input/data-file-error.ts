import { UsageError } from '../usage-error.js';

/**
 * A data file that cannot be used: missing, malformed (ragged rows, non-numbers, NaN,
 * unsupported dtype) or of the wrong shape. A {@link UsageError}, so the CLI exits
 * with status 2; the message names the flag, the file and, when known, the 1-based
 * row and column.
 */
export class DataFileError extends UsageError {
  /** The file as the user named it. */
  readonly file: string;
  /** 1-based row (CSV: line of the file; .npy: row of the array), when one is at fault. */
  readonly row: number | undefined;
  /** 1-based column, when one is at fault. */
  readonly column: number | undefined;

  /**
   * @param argument the flag the file was given with, e.g. `--x`
   * @param file the file as the user named it
   * @param message what is wrong and what was expected
   * @param position `row` and `column` (1-based) at fault, when known
   */
  constructor(
    argument: string,
    file: string,
    message: string,
    position: { row?: number; column?: number } = {},
  ) {
    const where = [
      position.row === undefined ? '' : `row ${position.row}`,
      position.column === undefined ? '' : `column ${position.column}`,
    ]
      .filter(Boolean)
      .join(', ');
    super(argument, `${file}${where ? `: ${where}` : ''}: ${message}`);
    this.name = 'DataFileError';
    this.file = file;
    this.row = position.row;
    this.column = position.column;
  }
}
