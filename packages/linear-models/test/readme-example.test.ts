import { createRng } from '@benignlab/data';
import { Matrix } from '@benignlab/linalg';
import { expect, it } from 'vitest';
import { adversarialTraining, gradientDescent, minNorm, ridge, ridgePath } from '../src/index.js';

it('runs the README example and shows benign but fragile overfitting', () => {
  const n = 100;
  const p = 1000;
  const rng = createRng(7);
  const eigenvalues = Float64Array.from({ length: p }, (_, j) => (j < 5 ? 1 : 1 / n));
  const X = new Matrix(n, p, rng.fillNormal(new Float64Array(n * p)));
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) X.data[i * p + j] *= Math.sqrt(eigenvalues[j]);
  const thetaStar = Float64Array.from({ length: p }, (_, j) => (j < 5 ? 1 / Math.sqrt(5) : 0));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += X.data[i * p + j] * thetaStar[j];
    y[i] = s + 0.5 * rng.normal();
  }

  const interpolator = minNorm(X, y);
  const shrunk = ridge(X, y, 0.1);
  const path = ridgePath(X, y, { thetaStar, covariance: { eigenvalues } });
  const lambdas = Float64Array.from({ length: 200 }, (_, i) => 10 ** (-6 + (7 * i) / 199));
  const { standardRisk, norm2 } = path.sweep(lambdas);
  const gd = gradientDescent(X, y, { steps: 200, record: 20 });
  const robust = adversarialTraining(X, y, { epsilon: 0.05, norm: 'l2' });

  expect(interpolator.rank).toBe(n);
  expect(interpolator.form).toBe('dual');
  expect(shrunk.solver).toBe('cholesky');
  expect(standardRisk?.length).toBe(200);
  // Benign: the interpolator's excess risk is a fraction of the noise variance 0.25 …
  expect(path.standardRisk(0)).toBeLessThan(0.25);
  // … while its norm is far above the truth's ‖θ*‖² = 1 and shrinks along the path.
  expect(path.norm2(0)).toBeGreaterThan(2);
  expect(norm2[199]).toBeLessThan(norm2[0] as number);
  expect(gd.trajectory).toHaveLength(11);
  expect(robust.converged).toBe(true);
  expect(robust.relativeDualityGap).toBeLessThanOrEqual(1e-8);
});
