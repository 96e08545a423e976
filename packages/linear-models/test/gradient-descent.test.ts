import { describe, expect, it } from 'vitest';
import { gradientDescent, LinearModelError, minNorm, ridge } from '../src/index.js';
import { euclidean, gaussianDesign, gaussianVector, relativeError } from './helpers.js';

describe('gradientDescent', () => {
  it('converges to the min-norm solution from zero (p > n)', () => {
    const X = gaussianDesign(51, 10, 40);
    const y = gaussianVector(52, 10);
    const fit = gradientDescent(X, y, { steps: 3000 });
    expect(relativeError(fit.coef, minNorm(X, y).coef)).toBeLessThan(1e-8);
    expect(fit.trainingLoss).toBeLessThan(1e-16);
    expect(fit.learningRate).toBeCloseTo(1 / fit.smoothness, 15);
  });

  it('converges to least squares when p ≤ n', () => {
    const X = gaussianDesign(53, 40, 6);
    const y = gaussianVector(54, 40);
    const fit = gradientDescent(X, y, { steps: 2000 });
    expect(relativeError(fit.coef, minNorm(X, y).coef)).toBeLessThan(1e-9);
  });

  it('estimates L = λ_max(XᵀX/n) from below and close', () => {
    const X = gaussianDesign(55, 20, 8);
    const y = gaussianVector(56, 20);
    const fit = gradientDescent(X, y, { steps: 0 });
    const path = ridgeTopEigenvalue(X);
    expect(fit.smoothness).toBeLessThanOrEqual(path * (1 + 1e-12));
    expect(fit.smoothness).toBeGreaterThan(path * (1 - 1e-6));
  });

  it('records a decreasing loss and a growing norm, like ridge with falling λ', () => {
    const X = gaussianDesign(57, 15, 45);
    const y = gaussianVector(58, 15);
    const fit = gradientDescent(X, y, { steps: 100, record: 10 });
    expect(fit.trajectory.map((r) => r.step)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    for (let k = 1; k < fit.trajectory.length; k++) {
      const [before, after] = [fit.trajectory[k - 1], fit.trajectory[k]] as const;
      expect(after?.trainingLoss).toBeLessThan(before?.trainingLoss as number);
      expect(after?.coefNorm).toBeGreaterThan(before?.coefNorm as number);
    }
    const last = fit.trajectory.at(-1);
    expect(last?.coefNorm).toBeCloseTo(euclidean(fit.coef), 12);
    // Early stopping at t steps acts like ridge with λ ≈ 1/(ηt): same order of norm.
    const equivalent = ridge(X, y, 1 / (fit.learningRate * 100));
    expect((last?.coefNorm as number) / euclidean(equivalent.coef)).toBeGreaterThan(0.5);
    expect((last?.coefNorm as number) / euclidean(equivalent.coef)).toBeLessThan(2);
    expect(gradientDescent(X, y, { steps: 3, record: true }).trajectory).toHaveLength(4);
    expect(gradientDescent(X, y, { steps: 3 }).trajectory).toHaveLength(0);
  });

  it('starts from a copy of init', () => {
    const X = gaussianDesign(59, 5, 12);
    const y = gaussianVector(60, 5);
    const init = gaussianVector(61, 12);
    const fit = gradientDescent(X, y, { steps: 0, init });
    expect(Array.from(fit.coef)).toEqual(Array.from(init));
    expect(fit.coef).not.toBe(init);
  });

  it('rejects bad options and reports divergence', () => {
    const X = gaussianDesign(62, 6, 4);
    const y = gaussianVector(63, 6);
    expect(() => gradientDescent(X, y, { steps: -1 })).toThrow(
      /options.steps: expected an integer ≥ 0, got -1/,
    );
    expect(() => gradientDescent(X, y, { steps: 1.5 })).toThrow(LinearModelError);
    expect(() => gradientDescent(X, y, { steps: 5, learningRate: 0 })).toThrow(/options.learningRate: is 0/);
    expect(() => gradientDescent(X, y, { steps: 5, init: new Float64Array(3) })).toThrow(
      /options.init: has length 3/,
    );
    expect(() => gradientDescent(X, y, { steps: 5, lr: 1 } as unknown as { steps: number })).toThrow(
      /unknown option "lr"/,
    );
    expect(() => gradientDescent(X, y, { steps: 2000, learningRate: 1e3 })).toThrow(/diverged at step/);
  });
});

function ridgeTopEigenvalue(X: ReturnType<typeof gaussianDesign>): number {
  let top = 0;
  const { rows: n, cols: p, data } = X;
  const G = new Float64Array(p * p);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < p; a++)
      for (let b = 0; b < p; b++) G[a * p + b] += (data[i * p + a] * data[i * p + b]) / n;
  let v = new Float64Array(p).fill(1);
  for (let it = 0; it < 5000; it++) {
    const w = new Float64Array(p);
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) w[a] += G[a * p + b] * v[b];
    top = euclidean(w) / euclidean(v);
    v = w.map((x) => x / euclidean(w));
  }
  return top;
}
