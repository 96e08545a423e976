import { describe, expect, it } from 'vitest';
import { gram, lstsq, Matrix, matmul, matvec, symEig } from '../src/index.js';

describe('README example', () => {
  it('runs as documented', () => {
    const X = Matrix.fromRows([
      [1, 0, 2, 1],
      [0, 1, 1, 0],
      [1, 1, 0, 3],
    ]);
    const y = Float64Array.of(1, 2, 3);
    const { solution: theta, rank, singularValues } = lstsq(X, y);
    expect(rank).toBe(3);
    expect(singularValues.length).toBe(3);
    const fitted = matvec(X, theta);
    for (let i = 0; i < 3; i++) expect(fitted[i]).toBeCloseTo(y[i], 12);
    const { values } = symEig(gram(X));
    for (let j = 0; j < 3; j++) expect(values[j]).toBeCloseTo(singularValues[j] ** 2, 10);
    expect(matmul(X, X, { transposeA: true }).shape).toEqual([4, 4]);
  });
});
