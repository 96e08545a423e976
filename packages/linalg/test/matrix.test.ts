import { describe, expect, it } from 'vitest';
import { LinalgError, Matrix } from '../src/index.js';

describe('Matrix', () => {
  it('stores row-major data and round-trips through rows', () => {
    const A = Matrix.fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(A.rows).toBe(2);
    expect(A.cols).toBe(3);
    expect(Array.from(A.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(A.get(1, 2)).toBe(6);
    expect(A.toRows()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('transposes, including non-square and empty shapes', () => {
    const A = Matrix.fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(A.transpose().toRows()).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(new Matrix(0, 3).transpose().rows).toBe(3);
  });

  it('clone does not share storage', () => {
    const A = Matrix.fromRows([[1]]);
    const B = A.clone();
    B.set(0, 0, 2);
    expect(A.get(0, 0)).toBe(1);
  });

  it('rejects bad shapes and indices with a LinalgError naming the argument', () => {
    expect(() => new Matrix(2, 2, new Float64Array(3))).toThrow(/data: has length 3, expected rows \* cols/);
    expect(() => new Matrix(-1, 2)).toThrow(LinalgError);
    expect(() => Matrix.fromRows([[1, 2], [3]])).toThrow(/row 1 has length 1, expected 2/);
    expect(() => Matrix.fromRows([[1]]).get(1, 0)).toThrow(/outside the 1×1 matrix/);
  });
});
