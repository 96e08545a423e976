import { gram, Matrix } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { ntkGradientDescent, ntkGramRegression, ntkRegression } from '../src/index.js';

// The labels y take `number[]` as well as `Float64Array`, with the same results.
describe('number[] labels in ntk', () => {
  const X = Matrix.fromRows([
    [1, 0, 0],
    [0, 1, 0],
    [0.6, 0.8, 0],
  ]);
  const y = [1, -1, 0.5];
  const typed = Float64Array.from(y);
  const T = Matrix.fromRows([[0, 0, 1]]);

  it('ntkRegression, ntkGradientDescent and ntkGramRegression', () => {
    expect(ntkRegression(X, y, { lambda: 0.01 }).predict(T)).toEqual(
      ntkRegression(X, typed, { lambda: 0.01 }).predict(T),
    );
    expect(ntkGradientDescent(X, y, { learningRate: 0.5 }).at(10).predict(T)).toEqual(
      ntkGradientDescent(X, typed, { learningRate: 0.5 }).at(10).predict(T),
    );
    const G = gram(X);
    expect(ntkGramRegression(G, 3, y, { lambda: 0.01 }).coefficients).toEqual(
      ntkGramRegression(G, 3, typed, { lambda: 0.01 }).coefficients,
    );
    expect(() => ntkRegression(X, [1, 2])).toThrow(/^y: /);
  });
});
