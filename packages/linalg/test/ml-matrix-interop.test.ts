import fc from 'fast-check';
import { Matrix as MlMatrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { fromMlMatrix, Matrix, toMlMatrix } from '../src/index.js';
import { matrixArbitrary, propertyRuns } from './helpers.js';

describe('ml-matrix interop', () => {
  it('round trips both ways exactly', () => {
    fc.assert(
      fc.property(matrixArbitrary(15), (M) => {
        const ml = toMlMatrix(M);
        expect(ml.rows).toBe(M.rows);
        expect(ml.columns).toBe(M.cols);
        expect(ml.to2DArray()).toEqual(M.toRows());
        expect(fromMlMatrix(ml).data).toEqual(M.data);
      }),
      propertyRuns,
    );
  });

  it('agrees with ml-matrix arithmetic', () => {
    const A = Matrix.fromRows([
      [1, 2],
      [3, 4],
    ]);
    expect(fromMlMatrix(toMlMatrix(A).mmul(toMlMatrix(A))).toRows()).toEqual([
      [7, 10],
      [15, 22],
    ]);
  });

  it('rejects what is not an ml-matrix and non-finite entries', () => {
    expect(() => fromMlMatrix([[1]] as never)).toThrow(
      /m: expected an ml-matrix Matrix, got an array of length 1/,
    );
    expect(() => fromMlMatrix(new MlMatrix([[1, Number.NaN]]))).toThrow(/m: entry \(0, 1\) is NaN/);
    expect(() => toMlMatrix({} as never)).toThrow(/M: expected a Matrix/);
  });
});
