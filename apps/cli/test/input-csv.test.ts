import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../src/input/data-file-error.js';
import { parseNumericCsv } from '../src/input/parse-csv.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const golden = JSON.parse(fixture('linear-models.json')) as { X: number[][] };

function csvError(text: string): DataFileError {
  try {
    parseNumericCsv(text, 'data.csv', '--x');
  } catch (error) {
    if (error instanceof DataFileError) return error;
    throw error;
  }
  throw new Error('expected a DataFileError');
}

describe('parseNumericCsv', () => {
  it('reads a CSV with a header and numpy.savetxt output to the exact golden values', () => {
    for (const name of ['X.csv', 'X-spaces.txt']) {
      const array = parseNumericCsv(fixture(name), name, '--x');
      expect(array.shape).toEqual([12, 40]);
      expect(Array.from(array.data)).toEqual(golden.X.flat());
    }
  });

  it('accepts tabs, semicolons, quotes, comments, CRLF and blank lines', () => {
    const text = '# saved by hand\r\n"a"\t"b"\r\n1\t2.5\r\n\r\n-3e2\t+.5\r\n';
    expect(parseNumericCsv(text, 'f', '--x')).toEqual({
      shape: [2, 2],
      data: Float64Array.of(1, 2.5, -300, 0.5),
    });
    expect(parseNumericCsv('1;2\n3;4\n', 'f', '--x').shape).toEqual([2, 2]);
    expect(parseNumericCsv('"1","2"\n', 'f', '--x').data).toEqual(Float64Array.of(1, 2));
  });

  it.each([
    ['1,2,3\n4,5\n', 2, 3, /has 2 fields; expected 3 like row 1 \(ragged rows\)/],
    ['1,2\n3,4,5\n', 2, 3, /has 3 fields; expected 2/],
    ['x,y\n1,2\n3,abc\n', 3, 2, /"abc" is not a number/],
    ['1,NaN\n', 1, 2, /is NaN; expected a finite decimal number/],
    ['1,-inf\n', 1, 2, /is -inf/],
    ['1,,3\n', 1, 2, /is empty/],
    ['1,0x10\n', 1, 2, /"0x10" is not a number/],
    ['1,1e999\n', 1, 2, /overflows float64/],
    ['# c\nx,y\nu,v\n', 3, 1, /"u" is not a number/],
  ])('%j fails at row %i, column %i', (text, row, column, message) => {
    const error = csvError(text);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`data.csv: row ${row}, column ${column}`);
    expect([error.row, error.column, error.argument, error.file]).toEqual([row, column, '--x', 'data.csv']);
  });

  it('refuses a file without numbers', () => {
    expect(csvError('').message).toMatch(/has no numeric rows/);
    expect(csvError('a,b\n').message).toMatch(/has no numeric rows/);
  });

  it('round-trips any finite matrix written with shortest round-trip numbers (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 25, maxLength: 25 }),
        fc.constantFrom(',', '\t', ' '),
        (rows, cols, pool, delimiter) => {
          const values = pool.slice(0, rows * cols);
          const lines = Array.from({ length: rows }, (_, i) =>
            values
              .slice(i * cols, (i + 1) * cols)
              .map((v) => (Object.is(v, -0) ? '-0' : String(v)))
              .join(delimiter),
          );
          const array = parseNumericCsv(`${lines.join('\n')}\n`, 'p.csv', '--x');
          expect(array.shape).toEqual([rows, cols]);
          expect(Array.from(array.data)).toEqual(values);
        },
      ),
      { numRuns: 200 },
    );
  });
});
