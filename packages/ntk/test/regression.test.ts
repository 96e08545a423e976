import { choleskySolve, Matrix, matvec } from '@benignlab/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NtkLayers, ntkKernel, ntkRegression } from '../src/index.js';
import { gaussianMatrix, gaussianVector, maxRelativeError } from './helpers.js';

const LAYERS: NtkLayers[] = ['first', 'both'];

describe.each(LAYERS)('ntkRegression, layers = %s', (layers) => {
  const X = gaussianMatrix(30, 8, 21);
  const y = gaussianVector(30, 22);
  const T = gaussianMatrix(7, 8, 23);

  it('interpolates at λ = 0', () => {
    const fit = ntkRegression(X, y, { layers });
    expect(fit.lambda).toBe(0);
    expect(fit.layers).toBe(layers);
    expect(maxRelativeError(fit.predict(X), y, 1e-3)).toBeLessThan(1e-9);
    expect(fit.trainingError).toBeLessThan(1e-20);
  });

  it('agrees with an independent Cholesky solve of (K + nλI)α = Y for λ > 0', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 10, noNaN: true }), (lambda) => {
        const K = ntkKernel(X, X, { layers });
        for (let i = 0; i < X.rows; i++) K.data[i * X.rows + i] += X.rows * lambda;
        const alpha = choleskySolve(K, y);
        const fit = ntkRegression(X, y, { layers, lambda });
        expect(maxRelativeError(fit.coefficients, alpha, 1e-6)).toBeLessThan(1e-9);
      }),
      { numRuns: 15 },
    );
  });

  it('computes a λ path from one factorization that matches separate fits', () => {
    const lambdas = [0.5, 0, 1e-3, 0.05];
    const base = ntkRegression(X, y, { layers });
    const path = base.path(lambdas);
    expect(Array.from(path.lambdas)).toEqual(lambdas);
    const predictions = path.predict(T);
    expect(predictions.shape).toEqual([4, T.rows]);
    lambdas.forEach((lambda, k) => {
      const separate = ntkRegression(X, y, { layers, lambda });
      expect(maxRelativeError(path.coefficients.row(k), separate.coefficients, 1e-6)).toBeLessThan(1e-9);
      expect(maxRelativeError(predictions.row(k), separate.predict(T), 1e-6)).toBeLessThan(1e-9);
      expect(path.rkhsNormsSquared[k]).toBeCloseTo(separate.rkhsNormSquared, 8);
      expect(path.at(k).lambda).toBe(lambda);
      // Definitions: αᵀKα and (1/n)‖Y − Kα‖².
      const fitted = matvec(ntkKernel(X, X, { layers }), separate.coefficients);
      let quadratic = 0;
      let residual = 0;
      for (let i = 0; i < y.length; i++) {
        quadratic += separate.coefficients[i] * fitted[i];
        residual += (y[i] - fitted[i]) ** 2;
      }
      expect(separate.rkhsNormSquared).toBeCloseTo(quadratic, 8);
      expect(path.trainingErrors[k]).toBeCloseTo(residual / y.length, 10);
    });
  });

  it('trades fit for norm monotonically along λ', () => {
    const path = ntkRegression(X, y, { layers }).path([0, 1e-4, 1e-3, 1e-2, 0.1, 1, 10]);
    for (let k = 1; k < path.lambdas.length; k++) {
      expect(path.rkhsNormsSquared[k]).toBeLessThan(path.rkhsNormsSquared[k - 1]);
      expect(path.trainingErrors[k]).toBeGreaterThan(path.trainingErrors[k - 1]);
    }
  });

  it('gives the minimum-norm interpolant when K(X, X) is singular (duplicated inputs)', () => {
    const rows = X.toRows().slice(0, 6);
    const duplicated = Matrix.fromRows([...rows, rows[2]]);
    const targets = Float64Array.from([...y.slice(0, 6), y[2]]);
    const fit = ntkRegression(duplicated, targets, { layers });
    expect(maxRelativeError(fit.predict(duplicated), targets, 1e-3)).toBeLessThan(1e-8);
    // The pseudo-inverse splits the weight of a duplicated point evenly.
    expect(fit.coefficients[2]).toBeCloseTo(fit.coefficients[6], 8);
    const single = ntkRegression(Matrix.fromRows(rows), y.slice(0, 6), { layers });
    expect(maxRelativeError(fit.predict(T), single.predict(T), 1e-6)).toBeLessThan(1e-8);
  });

  it('returns gradients shaped like the input and consistent with ntkInputGradient', () => {
    const fit = ntkRegression(X, y, { layers, lambda: 0.01 });
    const gradient = fit.inputGradient(T);
    expect(gradient.rows).toBe(T.rows);
    expect(gradient.cols).toBe(T.cols);
    // A directional derivative from the predictor's own predict().
    const direction = gaussianVector(8, 99);
    const step = 1e-5;
    for (let r = 0; r < T.rows; r++) {
      const plus = new Matrix(
        1,
        8,
        T.row(r).map((v, k) => v + step * direction[k]),
      );
      const minus = new Matrix(
        1,
        8,
        T.row(r).map((v, k) => v - step * direction[k]),
      );
      const numeric = (fit.predict(plus)[0] - fit.predict(minus)[0]) / (2 * step);
      let analytic = 0;
      for (let k = 0; k < 8; k++) analytic += gradient.get(r, k) * direction[k];
      expect(analytic).toBeCloseTo(numeric, 6);
    }
  });

  it('keeps private copies of its training data', () => {
    const inputs = X.clone();
    const targets = y.slice();
    const fit = ntkRegression(inputs, targets, { layers });
    const before = fit.predict(T);
    inputs.data.fill(0);
    targets.fill(0);
    expect(fit.predict(T)).toEqual(before);
  });
});
