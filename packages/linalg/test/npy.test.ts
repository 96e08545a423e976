import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  LinalgError,
  Matrix,
  NpyError,
  parseNpy,
  parseNpyHeader,
  parseNpyMatrix,
  parseNpyVector,
  serializeNpy,
} from '../src/index.js';
import { readNpy, readNpyMatrix, readNpyVector, writeNpy } from '../src/node.js';

const fixtures = new URL('./fixtures/npy/', import.meta.url);
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, fixtures)));
const A = [1.5, -2.0, 3.25, 0.1, 1e-300, -7e200];
const scratch = mkdtempSync(join(tmpdir(), 'benignlab-npy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function npyError(run: () => unknown): NpyError {
  try {
    run();
  } catch (error) {
    if (error instanceof NpyError) return error;
    throw error;
  }
  throw new Error('expected an NpyError');
}

describe('parseNpy on files written by numpy.save', () => {
  it.each(['A.npy', 'A-fortran.npy', 'A-big-endian.npy', 'A-v2.npy', 'A-v3.npy'])(
    '%s gives the 2×3 array exactly, row-major',
    (name) => {
      const { shape, data } = parseNpy(fixture(name));
      expect(shape).toEqual([2, 3]);
      expect(Array.from(data)).toEqual(A);
      expect(parseNpyMatrix(fixture(name)).data).toEqual(Float64Array.from(A));
    },
  );

  it('converts float32, integers (either order, Fortran too), unsigned and booleans to float64', () => {
    expect(Array.from(parseNpy(fixture('A-f4.npy')).data)).toEqual([1.5, -2, Math.fround(0.1), 3]);
    expect(parseNpy(fixture('A-i8.npy'))).toEqual({
      shape: [2, 3],
      data: Float64Array.of(1, -2, 3, 4, 5, -6),
    });
    expect(parseNpy(fixture('A-fortran-i4-big.npy'))).toEqual({
      shape: [2, 3],
      data: Float64Array.of(1, -2, 3, 4, 5, -6),
    });
    expect(parseNpyVector(fixture('v-u1.npy'))).toEqual(Float64Array.of(0, 7, 255));
    expect(parseNpyVector(fixture('v-bool.npy'))).toEqual(Float64Array.of(1, 0, 1));
  });

  it('reads vectors, scalars and empty arrays with their shapes', () => {
    expect(parseNpy(fixture('v.npy'))).toEqual({ shape: [3], data: Float64Array.of(0.5, -1, 2) });
    expect(parseNpy(fixture('scalar.npy'))).toEqual({ shape: [], data: Float64Array.of(2.5) });
    expect(parseNpy(fixture('empty.npy'))).toEqual({ shape: [0, 3], data: new Float64Array(0) });
  });

  it('reads the header fields', () => {
    expect(parseNpyHeader(fixture('A-fortran.npy'))).toEqual({
      version: [1, 0],
      descr: '<f8',
      fortranOrder: true,
      shape: [2, 3],
      dataOffset: 128,
    });
    expect(parseNpyHeader(fixture('A-v3.npy')).version).toEqual([3, 0]);
  });
});

describe('parseNpy refuses what it cannot hold, naming the argument, the value and the expectation', () => {
  it.each([
    ['bad-3d.npy', /has shape \(2, 2, 2\); expected a scalar \(\), a vector \(n,\) or a matrix/],
    ['bad-complex.npy', /has dtype '<c16'; expected a real numeric dtype/],
    ['bad-unicode.npy', /has dtype '<U1'; expected a real numeric dtype/],
    ['bad-truncated.npy', /is truncated: shape \(2, 3\) of '<f8' needs 48 data bytes, found 43/],
    ['bad-i8-beyond-2-53.npy', /entry \[1\] is the integer 9007199254740992, beyond 2\^53/],
  ])('%s', (name, message) => {
    const error = npyError(() => parseNpy(fixture(name), { name }));
    expect(error).toBeInstanceOf(LinalgError);
    expect(error.argument).toBe(name);
    expect(error.message).toMatch(new RegExp(`^${name}: `));
    expect(error.detail).toMatch(message);
  });

  it('non-finite entries: refused by default with their index, kept with allowNonFinite', () => {
    const nan = npyError(() => parseNpy(fixture('bad-nan.npy')));
    expect(nan.message).toBe('bytes: entry [1, 0] is NaN; expected finite numbers');
    expect([nan.row, nan.column]).toEqual([1, 0]);
    const inf = npyError(() => parseNpy(fixture('bad-inf-big-endian.npy')));
    expect(inf.detail).toBe('entry [1] is -Infinity; expected finite numbers');
    expect(Array.from(parseNpy(fixture('bad-nan.npy'), { allowNonFinite: true }).data)).toEqual([
      1,
      2,
      Number.NaN,
      4,
    ]);
    expect(Array.from(parseNpy(fixture('bad-inf-big-endian.npy'), { allowNonFinite: true }).data)).toEqual([
      1,
      Number.NEGATIVE_INFINITY,
    ]);
  });

  it('bad magic, version, header length and header text', () => {
    const good = fixture('A.npy');
    expect(npyError(() => parseNpy(Uint8Array.of(1, 2, 3))).detail).toMatch(/no \\x93NUMPY magic/);
    const version = good.slice();
    version[6] = 4;
    expect(npyError(() => parseNpy(version)).detail).toBe(
      'has .npy format version 4.0; expected 1.0, 2.0 or 3.0',
    );
    expect(npyError(() => parseNpy(good.slice(0, 60))).detail).toMatch(
      /truncated: its header claims 118 bytes, only 50/,
    );
    const text = good.slice();
    text.set(new TextEncoder().encode("{'descr': '<f8', 'fortran_order': Maybe"), 10);
    expect(npyError(() => parseNpy(text)).detail).toMatch(
      /^has a malformed header: cannot read the header at "Maybe/,
    );
    const noShape = serializeNpy([1]).slice();
    noShape.set(new TextEncoder().encode("{'descr': '<f8', 'fortran_order': False, 'shap'"), 10);
    expect(npyError(() => parseNpy(noShape)).detail).toMatch(/malformed header/);
    expect(npyError(() => parseNpy([1, 2] as unknown as Uint8Array)).detail).toMatch(
      /expected the bytes of a \.npy file as a Uint8Array/,
    );
  });

  it('extra bytes after the data are refused (a wrong shape in the header)', () => {
    const bytes = new Uint8Array([...fixture('v.npy'), 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(npyError(() => parseNpy(bytes)).detail).toBe(
      'has 8 bytes after the data of shape (3); expected exactly 24',
    );
  });

  it('parseNpyMatrix wants 2-D, parseNpyVector a vector', () => {
    expect(npyError(() => parseNpyMatrix(fixture('v.npy'))).detail).toMatch(
      /has shape \(3,\); expected a 2-D array/,
    );
    expect(npyError(() => parseNpyVector(fixture('A.npy'))).detail).toMatch(
      /has shape \(2, 3\); expected a vector/,
    );
    expect(parseNpyVector(serializeNpy(Matrix.fromRows([[1], [2]])))).toEqual(Float64Array.of(1, 2));
  });
});

describe('serializeNpy', () => {
  it('the TSDoc examples hold', () => {
    const bytes = serializeNpy(
      Matrix.fromRows([
        [1, 2],
        [3, 4],
      ]),
    );
    expect(bytes.length).toBe(160);
    expect(parseNpy(bytes)).toEqual({ shape: [2, 2], data: Float64Array.of(1, 2, 3, 4) });
    expect(
      parseNpyHeader(
        serializeNpy(
          Matrix.fromRows([
            [1, 2, 3],
            [4, 5, 6],
          ]),
        ),
      ),
    ).toEqual({
      version: [1, 0],
      descr: '<f8',
      fortranOrder: false,
      shape: [2, 3],
      dataOffset: 128,
    });
    expect(parseNpyVector(serializeNpy(Float64Array.of(1, 2, 3)))).toEqual(Float64Array.of(1, 2, 3));
  });

  it('writes the same bytes as numpy.save for float64 C-order arrays', () => {
    expect(serializeNpy(Matrix.fromRows([A.slice(0, 3), A.slice(3)]))).toEqual(fixture('A.npy'));
    expect(serializeNpy([0.5, -1, 2])).toEqual(fixture('v.npy'));
    expect(serializeNpy(Float64Array.of(0.5, -1, 2))).toEqual(fixture('v.npy'));
  });

  it('round-trips any finite matrix bit for bit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 36, maxLength: 36 }),
        (rows, cols, values) => {
          const M = new Matrix(rows, cols, Float64Array.from(values.slice(0, rows * cols)));
          const back = parseNpy(serializeNpy(M));
          expect(back.shape).toEqual([rows, cols]);
          expect(new Uint8Array(back.data.buffer)).toEqual(new Uint8Array(M.data.buffer));
        },
      ),
    );
  });

  it('refuses non-finite entries unless allowed, and what is not a matrix or vector', () => {
    const error = npyError(() => serializeNpy(Matrix.fromRows([[1, Number.NaN]]), { name: 'X' }));
    expect(error.message).toBe(
      'X: entry [0, 1] is NaN; expected finite numbers (pass allowNonFinite: true to write it anyway)',
    );
    expect(
      parseNpy(serializeNpy([Number.NaN], { allowNonFinite: true }), { allowNonFinite: true }).data[0],
    ).toBeNaN();
    expect(npyError(() => serializeNpy('x' as unknown as number[])).detail).toMatch(
      /expected a Matrix, a Float64Array or an array of numbers/,
    );
  });
});

describe('the Node file helpers (@benignlab/linalg/node)', () => {
  it('writeNpy → numpy.load reads the same values and shape', () => {
    const path = join(scratch, 'ours.npy');
    writeNpy(path, Matrix.fromRows([A.slice(0, 3), A.slice(3)]));
    const printed = execFileSync(
      'python3',
      [
        '-c',
        'import sys, numpy as np; a = np.load(sys.argv[1]); print(a.dtype, a.shape, a.tobytes().hex())',
        path,
      ],
      { encoding: 'utf8' },
    ).trim();
    expect(printed).toBe(`float64 (2, 3) ${Buffer.from(Float64Array.from(A).buffer).toString('hex')}`);
    expect(readNpyMatrix(path).data).toEqual(Float64Array.from(A));
    // Atomic: no temporary file is left behind.
    expect(readdirSync(scratch).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('readNpy, readNpyVector and errors naming the path', () => {
    const path = join(scratch, 'v.npy');
    writeFileSync(path, fixture('v.npy'));
    expect(readNpy(path).shape).toEqual([3]);
    expect(readNpyVector(path)).toEqual(Float64Array.of(0.5, -1, 2));
    const missing = join(scratch, 'missing.npy');
    expect(npyError(() => readNpy(missing)).message).toBe(
      `${missing}: does not exist; expected a .npy file written by numpy.save`,
    );
    expect(npyError(() => readNpy(scratch)).detail).toBe('is a directory; expected a .npy file');
    writeFileSync(join(scratch, 'bad.npy'), fixture('bad-nan.npy'));
    expect(npyError(() => readNpyMatrix(join(scratch, 'bad.npy'))).argument).toBe(join(scratch, 'bad.npy'));
  });

  it('writeNpy into a missing folder fails with the path and leaves nothing', () => {
    const path = join(scratch, 'no-such-folder', 'x.npy');
    expect(npyError(() => writeNpy(path, [1])).message).toBe(
      `${path}: cannot be written (ENOENT); expected a writable folder`,
    );
    expect(npyError(() => writeNpy(join(scratch, 'x.npy'), [Number.POSITIVE_INFINITY])).argument).toBe(
      'value',
    );
  });
});
