import { DataFileError } from './data-file-error.js';
import type { NumericArray } from './numeric-array.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;

function unquote(field: string): string {
  const trimmed = field.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).trim()
    : trimmed;
}

function delimiterOf(line: string): string | RegExp {
  if (line.includes(',')) return ',';
  if (line.includes('\t')) return '\t';
  if (line.includes(';')) return ';';
  return /\s+/;
}

/**
 * Parses a numeric CSV file into a row-major float64 array.
 *
 * Format decisions (for files written by numpy, pandas, R or a spreadsheet): the
 * delimiter is `,` when the first data line has one, else tab, else `;`, else runs of
 * spaces (`numpy.savetxt`'s default); blank lines and lines starting with `#` are
 * skipped; a first line in which no field is a number is a header; fields may be
 * double-quoted. Every other field must be a finite decimal number: empty fields,
 * text, NaN and infinities are errors, as are rows with a different number of fields
 * than the first (ragged rows). Errors name the file, the 1-based line of the file
 * (`row`) and the 1-based field (`column`).
 *
 * @param text the file's contents
 * @param file the file name for messages
 * @param argument the flag the file came from (`--x`)
 * @returns shape `[rows, columns]` and the values row by row
 * @example
 * ```ts
 * parseNumericCsv('a,b\n1,2\n3,4\n', 'X.csv', '--x').shape; // [2, 2]
 * ```
 */
export function parseNumericCsv(text: string, file: string, argument: string): NumericArray {
  const lines = text.split(/\r\n|\n|\r/);
  let delimiter: string | RegExp | undefined;
  let columns = 0;
  let firstDataRow = 0;
  const values: number[] = [];
  let rows = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    const row = index + 1;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (delimiter === undefined) delimiter = delimiterOf(trimmed);
    const fields = trimmed.split(delimiter).map(unquote);
    if (rows === 0 && firstDataRow === 0 && fields.every((f) => !NUMBER.test(f) && !NOT_FINITE.test(f))) {
      firstDataRow = -row;
      continue;
    }
    if (rows === 0) {
      columns = fields.length;
      firstDataRow = row;
    } else if (fields.length !== columns) {
      throw new DataFileError(
        argument,
        file,
        `has ${fields.length} field${fields.length === 1 ? '' : 's'}; expected ${columns} like row ${firstDataRow} (ragged rows)`,
        { row, column: Math.min(fields.length, columns) + 1 },
      );
    }
    for (let column = 0; column < fields.length; column++) {
      const field = fields[column] as string;
      if (!NUMBER.test(field)) {
        const problem =
          field === ''
            ? 'is empty'
            : NOT_FINITE.test(field)
              ? `is ${field}`
              : `"${field.length > 40 ? `${field.slice(0, 40)}…` : field}" is not a number`;
        throw new DataFileError(argument, file, `${problem}; expected a finite decimal number`, {
          row,
          column: column + 1,
        });
      }
      const value = Number(field);
      if (!Number.isFinite(value)) {
        throw new DataFileError(argument, file, `${field} overflows float64; expected a finite number`, {
          row,
          column: column + 1,
        });
      }
      values.push(value);
    }
    rows++;
  }
  if (rows === 0) throw new DataFileError(argument, file, 'has no numeric rows; expected at least one');
  return { shape: [rows, columns], data: Float64Array.from(values) };
}
