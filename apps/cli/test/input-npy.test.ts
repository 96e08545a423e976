import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../src/input/data-file-error.js';
import { parseNpy, parseNpyHeader } from '../src/input/parse-npy.js';
import { writeNpy } from './npy-writer.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const golden = JSON.parse(
  readFileSync(new URL('./fixtures/linear-models.json', import.meta.url), 'utf8'),
) as {
  X: number[][];
};

function parseError(bytes: Uint8Array, file = 'a.npy'): DataFileError {
  try {
    parseNpy(bytes, file, '--x');
  } catch (error) {
    if (error instanceof DataFileError) return error;
    throw error;
  }
  throw new Error('expected a DataFileError');
}

describe('parseNpy on files written by numpy', () => {
  const expected = golden.X.flat();

  it.each(['X.npy', 'X-fortran.npy', 'X-big-endian.npy', 'X-v2.npy'])(
    '%s gives the golden 12×40 design exactly',
    (name) => {
      const array = parseNpy(fixture(name), name, '--x');
      expect(array.shape).toEqual([12, 40]);
      expect(Array.from(array.data)).toEqual(expected);
    },
  );

  it('reads float32 data to float32 precision', () => {
    const array = parseNpy(fixture('X-f4.npy'), 'X-f4.npy', '--x');
    expect(array.shape).toEqual([12, 40]);
    array.data.forEach((v, k) => {
      expect(v).toBe(Math.fround(expected[k] as number));
    });
  });

  it('reads integer, unsigned, boolean and scalar arrays', () => {
    expect(parseNpy(fixture('small-i8.npy'), 'i8', '--x')).toEqual({
      shape: [2, 3],
      data: Float64Array.of(1, -2, 3, 4, 5, -6),
    });
    expect(Array.from(parseNpy(fixture('small-u1.npy'), 'u1', '--x').data)).toEqual([0, 7, 255]);
    expect(Array.from(parseNpy(fixture('small-bool.npy'), 'b1', '--x').data)).toEqual([1, 0, 1]);
    expect(parseNpy(fixture('scalar.npy'), 's', '--x')).toEqual({ shape: [1], data: Float64Array.of(2.5) });
  });

  it('reads the header fields', () => {
    const header = parseNpyHeader(fixture('X-fortran.npy'), 'X-fortran.npy', '--x');
    expect(header).toMatchObject({ version: [1, 0], descr: '<f8', fortranOrder: true, shape: [12, 40] });
    expect(header.dataOffset % 64).toBe(0);
    expect(parseNpyHeader(fixture('X-v2.npy'), 'v2', '--x').version).toEqual([2, 0]);
  });
});

describe('parseNpy refuses what it cannot represent, naming file, row and column', () => {
  it.each([
    ['bad-nan.npy', /bad-nan\.npy: row 2, column 1: is Infinity/],
    ['bad-3d.npy', /has shape \(2, 2, 2\); expected a scalar \(\), a vector/],
    ['bad-complex.npy', /dtype '<c16'/],
    ['bad-truncated.npy', /is truncated: shape \(12, 40\) of '<f8' needs 3840 data bytes, found 3824/],
  ])('%s', (name, message) => {
    const error = parseError(fixture(name), name);
    expect(error.argument).toBe('--x');
    expect(error.message).toMatch(message);
  });

  it('names row and column of a NaN in a Fortran-ordered array', () => {
    const bytes = writeNpy([1, 2, 3, 4, Number.NaN, 6], [2, 3], { fortran: true });
    const error = parseError(bytes);
    expect([error.row, error.column]).toEqual([2, 2]);
  });

  it('refuses non-.npy bytes, bad versions and malformed headers', () => {
    expect(parseError(new TextEncoder().encode('1,2,3\n')).message).toMatch(/not a \.npy file/);
    const bytes = writeNpy([1], [1]);
    bytes[6] = 9;
    expect(parseError(bytes).message).toMatch(/format version 9\.0/);
    const broken = writeNpy([1], [1]);
    // The dict's opening brace becomes a parenthesis: a tuple of `'descr': …` is not Python.
    broken[10] = '('.charCodeAt(0);
    expect(parseError(broken).message).toMatch(/malformed header/);
    expect(parseError(writeNpy([2 ** 60], [1], { descr: '<i8' })).message).toMatch(/beyond 2\^53/);
  });
});

describe('parseNpy round-trips (property)', () => {
  it('any finite matrix in any supported layout reads back exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        fc.constantFrom<1 | 2>(1, 2),
        fc.constantFrom('<f8', '>f8'),
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 36, maxLength: 36 }),
        (rows, cols, fortran, version, descr, pool) => {
          const values = pool.slice(0, rows * cols);
          const array = parseNpy(writeNpy(values, [rows, cols], { fortran, version, descr }), 'p.npy', '--x');
          expect(array.shape).toEqual([rows, cols]);
          expect(Array.from(array.data)).toEqual(values);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('integer dtypes read back as the same integers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -32768, max: 32767 }), { minLength: 1, maxLength: 20 }),
        (values) => {
          for (const descr of ['<i2', '<i4', '<i8', '>i4']) {
            const array = parseNpy(writeNpy(values, [values.length], { descr }), 'i.npy', '--y');
            expect(Array.from(array.data)).toEqual(values);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
