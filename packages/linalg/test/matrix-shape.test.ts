import { describe, expect, expectTypeOf, it } from 'vitest';
import { Matrix, type MatrixShape, matmul } from '../src/index.js';

describe('Matrix.shape', () => {
  it('destructures into [rows, cols]', () => {
    const [rows, cols] = Matrix.zeros(200, 2000).shape;
    expect([rows, cols]).toEqual([200, 2000]);
    expectTypeOf(Matrix.zeros(1, 1).shape).toEqualTypeOf<MatrixShape>();
    expectTypeOf(rows).toEqualTypeOf<number>();
  });

  it('reads as "rows×cols" in messages', () => {
    expect(`${Matrix.zeros(3, 4).shape}`).toBe('3×4');
    expect(String(Matrix.zeros(0, 5).shape)).toBe('0×5');
    expect(() => matmul(Matrix.zeros(2, 3), Matrix.zeros(2, 3))).toThrow(/A is 2×3/);
  });

  it('is frozen, serializes as an array and compares by value', () => {
    const shape = Matrix.zeros(2, 3).shape;
    expect(Object.isFrozen(shape)).toBe(true);
    expect(JSON.stringify(shape)).toBe('[2,3]');
    expect(Object.keys(shape)).toEqual(['0', '1']);
    expect(shape).toEqual(Matrix.zeros(2, 3).shape);
  });
});
