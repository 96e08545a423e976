import { describe, expect, it } from 'vitest';
import { dot, LinalgError, Matrix, matvec, norm2 } from '../src/index.js';

// Vector arguments take `number[]` as well as `Float64Array` (copied by toFloat64Vector),
// with the same results and the same checks. The calls below compile under --strict.
describe('number[] vectors', () => {
  const A = Matrix.fromRows([
    [1, 2],
    [3, 4],
    [5, 6],
  ]);

  it('dot, norm2 and matvec give the Float64Array results', () => {
    expect(dot([1, 2, 3], [4, 5, 6])).toBe(dot(Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6)));
    expect(norm2([3, 4])).toBe(5);
    expect(matvec(A, [1, -1])).toEqual(matvec(A, Float64Array.of(1, -1)));
    expect(matvec(A, [1, 0, 1], { transpose: true })).toEqual(Float64Array.of(6, 8));
  });

  it('keeps the checks: length and finiteness name the argument', () => {
    expect(() => dot([1, 2], [1])).toThrow(LinalgError);
    expect(() => norm2([1, Number.NaN])).toThrow(/^x: /);
    expect(() => matvec(A, [1, 2, 3])).toThrow(/^x: has length 3/);
    expect(() => norm2(['1'] as unknown as number[])).toThrow(/^x: expected a Float64Array/);
  });
});
