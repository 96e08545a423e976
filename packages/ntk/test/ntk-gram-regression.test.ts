import { createRng } from '@benignlab/data';
import { gram, Matrix } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { NtkError, ntkGramRegression, ntkGramRegressionPath, ntkRegression } from '../src/index.js';

function randomPoints(rows: number, d: number, seed: number): Matrix {
  const X = new Matrix(rows, d);
  createRng(seed).fillNormal(X.data);
  return X;
}

describe('ntkGramRegression', () => {
  const n = 30;
  const t = 12;
  const d = 50;
  const all = randomPoints(n + t, d, 1);
  const X = new Matrix(n, d, all.data.slice(0, n * d));
  const T = new Matrix(t, d, all.data.slice(n * d));
  const y = createRng(2).fillNormal(new Float64Array(n));

  it.each([
    ['first', 0],
    ['both', 0],
    ['both', 0.05],
  ] as const)('layers = %s, λ = %s: the same fit as the dense route', (layers, lambda) => {
    const dense = ntkRegression(X, y, { layers, lambda });
    const fromGram = ntkGramRegression(gram(all), n, y, { layers, lambda });
    const predictions = dense.predict(T);
    const gradients = dense.inputGradient(T);
    for (let r = 0; r < t; r++) {
      expect(fromGram.predictions[r]).toBeCloseTo(predictions[r] as number, 9);
      let norm2 = 0;
      for (let k = 0; k < d; k++) norm2 += gradients.get(r, k) ** 2;
      expect(fromGram.inputGradientNormsSquared[r] as number).toBeCloseTo(norm2, 9);
    }
    for (let i = 0; i < n; i++)
      expect(fromGram.coefficients[i]).toBeCloseTo(dense.coefficients[i] as number, 9);
    expect(fromGram.trainingError).toBeCloseTo(dense.trainingError, 12);
    expect(fromGram.rkhsNormSquared).toBeCloseTo(dense.rkhsNormSquared, 9);
  });

  it('at a training point the gradient norm matches the dense route’s averaged gradient', () => {
    const withTrainingPoint = new Matrix(n + 1, d);
    withTrainingPoint.data.set(X.data);
    withTrainingPoint.data.set(X.data.subarray(0, d), n * d);
    const fromGram = ntkGramRegression(gram(withTrainingPoint), n, y, { layers: 'first' });
    const dense = ntkRegression(X, y, { layers: 'first' }).inputGradient(
      new Matrix(1, d, X.data.slice(0, d)),
    );
    let norm2 = 0;
    for (let k = 0; k < d; k++) norm2 += dense.get(0, k) ** 2;
    expect(fromGram.inputGradientNormsSquared[0] as number).toBeCloseTo(norm2, 8);
    expect(fromGram.predictions[0]).toBeCloseTo(y[0] as number, 8);
  });

  it('names bad input', () => {
    expect(() => ntkGramRegression(gram(all), 0, y)).toThrow(NtkError);
    expect(() => ntkGramRegression(gram(all), n + t + 1, y)).toThrow(/^n: /);
    expect(() => ntkGramRegression(new Matrix(3, 2), 1, y.subarray(0, 1))).toThrow(/gram/);
    expect(() => ntkGramRegression(gram(all), n, y, { lambda: -1 })).toThrow(/options\.lambda/);
  });

  it('a λ path from one eigendecomposition matches the dense route’s path at every λ', () => {
    const lambdas = [0, 1e-3, 0.05, 2];
    const fits = ntkGramRegressionPath(gram(all), n, y, { layers: 'both', lambdas });
    const densePath = ntkRegression(X, y, { layers: 'both' }).path(lambdas);
    const predictions = densePath.predict(T);
    fits.forEach((fit, k) => {
      expect(fit.lambda).toBe(lambdas[k]);
      const dense = densePath.at(k);
      const gradients = dense.inputGradient(T);
      for (let r = 0; r < t; r++) {
        expect(fit.predictions[r]).toBeCloseTo(predictions.get(k, r), 9);
        let norm2 = 0;
        for (let c = 0; c < d; c++) norm2 += gradients.get(r, c) ** 2;
        expect(fit.inputGradientNormsSquared[r] as number).toBeCloseTo(norm2, 9);
      }
      expect(fit.trainingError).toBeCloseTo(densePath.trainingErrors[k] as number, 12);
      expect(fit.rkhsNormSquared).toBeCloseTo(densePath.rkhsNormsSquared[k] as number, 9);
      // One λ alone (Cholesky) gives the same fit as the path (eigendecomposition).
      const alone = ntkGramRegression(gram(all), n, y, { layers: 'both', lambda: lambdas[k] });
      for (let r = 0; r < t; r++) expect(alone.predictions[r]).toBeCloseTo(fit.predictions[r] as number, 9);
    });
  });

  it('a duplicated training point at λ = 0 (singular K) gets the pseudo-inverse, like the dense route', () => {
    const rows = new Matrix(n + 1 + t, d);
    rows.data.set(X.data);
    rows.data.set(X.data.subarray(0, d), n * d);
    rows.data.set(T.data, (n + 1) * d);
    const duplicated = new Matrix(n + 1, d, rows.data.slice(0, (n + 1) * d));
    const labels = new Float64Array(n + 1);
    labels.set(y);
    labels[n] = y[0] as number;
    const fromGram = ntkGramRegression(gram(rows), n + 1, labels, { layers: 'first' });
    const dense = ntkRegression(duplicated, labels, { layers: 'first' });
    const predictions = dense.predict(T);
    for (let r = 0; r < t; r++) expect(fromGram.predictions[r]).toBeCloseTo(predictions[r] as number, 7);
    expect(fromGram.rkhsNormSquared).toBeCloseTo(dense.rkhsNormSquared, 7);
    expect(Number.isFinite(fromGram.coefficients[0] as number)).toBe(true);
  });

  it('names a bad λ path', () => {
    expect(() => ntkGramRegressionPath(gram(all), n, y, { lambdas: [] })).toThrow(/^options\.lambdas: /);
    expect(() => ntkGramRegressionPath(gram(all), n, y, { lambdas: [0, -1] })).toThrow(
      /^options\.lambdas\[1\]: /,
    );
    expect(() => ntkGramRegressionPath(gram(all), n, y, { lambdas: [0], lambda: 1 } as never)).toThrow(
      /options/,
    );
  });
});
