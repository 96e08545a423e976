import { gram, Matrix } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { createRng, spikedTailDesign } from '../src/index.js';
import { bartlettFactor } from '../src/spectral/bartlett-gram.js';
import { trapezoidalGram } from '../src/spectral/trapezoidal-gram.js';

function expectClose(actual: Matrix, expected: Matrix) {
  expect(actual.rows).toBe(expected.rows);
  let scale = 0;
  for (const v of expected.data) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  for (let k = 0; k < expected.data.length; k++) {
    worst = Math.max(worst, Math.abs((actual.data[k] as number) - (expected.data[k] as number)));
  }
  expect(worst / scale).toBeLessThan(1e-13);
  let asymmetric = 0;
  for (let i = 0; i < actual.rows; i++)
    for (let j = 0; j < i; j++) if (actual.get(i, j) !== actual.get(j, i)) asymmetric++;
  expect(asymmetric).toBe(0);
}

describe('trapezoidalGram', () => {
  it.each([
    [600, 100000, 3], // several panels, r = N, dense spike columns after the trapezoid
    [530, 300, 2], // m < N: an N×m trapezoid (rows past m are dense in it)
    [40, 1000, 0],
  ])('N = %i, m = %i, %i dense columns: gram(M) up to rounding, exactly symmetric', (N, m, s) => {
    const L = bartlettFactor(N, m, createRng(N + m));
    const r = L.cols;
    const M = new Matrix(N, r + s);
    const dense = createRng(9).fillNormal(new Float64Array(N * s));
    for (let i = 0; i < N; i++) {
      M.data.set(L.data.subarray(i * r, (i + 1) * r), i * (r + s));
      M.data.set(dense.subarray(i * s, (i + 1) * s), i * (r + s) + r);
    }
    expectClose(trapezoidalGram(M, r), gram(M));
  });

  it('is what gramSample returns for its realization', () => {
    const design = spikedTailDesign({
      spikeVariances: [1, 0.5],
      tailVariance: 0.01,
      tailDimension: 5000,
      thetaStar: [1, 0],
      sigma: 0.3,
    });
    const sample = design.gramSample(300, 40, 5);
    expectClose(sample.gram(), gram(sample.points));
  });
});
