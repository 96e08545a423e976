import { Matrix, matvec } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { NtkError, ntkGradientDescent, ntkInputGradient, ntkKernel, ntkRegression } from '../src/index.js';
import { gaussianVector, maxRelativeError } from './helpers.js';

function randomInputs(n: number, d: number, seed: number): Matrix {
  return new Matrix(n, d, gaussianVector(n * d, seed));
}

/** Gradient descent step by step in coefficient space: α ← α − (η/n)(Kα − y), f = K(·, X)α. */
function iterate(K: Matrix, y: Float64Array, learningRate: number, steps: number): Float64Array {
  const n = y.length;
  let alpha = new Float64Array(n);
  for (let step = 0; step < steps; step++) {
    const fitted = matvec(K, alpha);
    alpha = alpha.map((a, i) => a - (learningRate / n) * ((fitted[i] as number) - (y[i] as number)));
  }
  return alpha;
}

describe('ntkGradientDescent', () => {
  const X = randomInputs(8, 3, 1);
  const y = gaussianVector(8, 2);
  const T = randomInputs(4, 3, 3);

  for (const layers of ['first', 'both'] as const) {
    it(`matches gradient descent run step by step (${layers})`, () => {
      const gd = ntkGradientDescent(X, y, { layers, learningRate: 1 });
      const learningRate = 0.9 * gd.maxLearningRate;
      const fast = ntkGradientDescent(X, y, { layers, learningRate });
      const K = ntkKernel(X, X, { layers });
      for (const steps of [0, 1, 7, 60]) {
        const alpha = iterate(K, y, learningRate, steps);
        const expected = matvec(ntkKernel(T, X, { layers }), alpha);
        const predictor = fast.at(steps);
        if (steps === 0) expect(Array.from(predictor.predict(T))).toEqual([0, 0, 0, 0]);
        else expect(maxRelativeError(predictor.predict(T), expected, 1e-12)).toBeLessThan(1e-9);
        const gradient = ntkInputGradient(T, X, alpha, { layers });
        if (steps > 0)
          expect(maxRelativeError(predictor.inputGradient(T).data, gradient.data, 1e-12)).toBeLessThan(1e-9);
      }
    });
  }

  it('tends to the interpolant as t grows', () => {
    const gd = ntkGradientDescent(X, y, { learningRate: 1 });
    const late = gd.at(5_000_000).predict(T);
    expect(maxRelativeError(late, ntkRegression(X, y, { lambda: 0 }).predict(T), 1e-12)).toBeLessThan(1e-6);
  });

  it('rejects a diverging step size and bad step counts', () => {
    const gd = ntkGradientDescent(X, y, { learningRate: 1 });
    expect(() => ntkGradientDescent(X, y, { learningRate: gd.maxLearningRate })).toThrow(NtkError);
    expect(() => ntkGradientDescent(X, y, { learningRate: 0 })).toThrow(/expected a step size > 0/);
    expect(() => gd.at(-1)).toThrow(/non-negative integer/);
    expect(() => gd.at(1.5)).toThrow(NtkError);
  });
});
