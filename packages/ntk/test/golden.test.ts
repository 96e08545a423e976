import { Matrix } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { type NtkLayers, ntkInputGradient, ntkKernel, ntkRegression } from '../src/index.js';
import highPrecision from './fixtures/ntk-high-precision.json' with { type: 'json' };
import { flatten, maxRelativeError, reference } from './helpers.js';

const X = Matrix.fromRows(reference.train);
const y = Float64Array.from(reference.y);
const T = Matrix.fromRows(reference.test);
const TOLERANCE = 1e-8;

/** max |a − b| / max |b|: the error relative to the vector's scale. */
function normwiseError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let difference = 0;
  let scale = 0;
  for (let k = 0; k < expected.length; k++) {
    difference = Math.max(difference, Math.abs((actual[k] as number) - (expected[k] as number)));
    scale = Math.max(scale, Math.abs(expected[k] as number));
  }
  return difference / scale;
}

describe.each(['first', 'both'] as NtkLayers[])('reference values, layers = %s', (layers) => {
  const kernels = reference.kernels[layers];
  const regression = reference.regression[layers];
  const exact = highPrecision[layers];

  it('K(X, X) matches the numpy golden file, on the symmetric and the general path', () => {
    const expected = flatten(kernels.trainTrain);
    expect(maxRelativeError(ntkKernel(X, X, { layers }).data, expected)).toBeLessThan(TOLERANCE);
    expect(maxRelativeError(ntkKernel(X, X.clone(), { layers }).data, expected)).toBeLessThan(TOLERANCE);
  });

  it('K(X, X) and K(T, X) match the 50-digit reference to near machine precision', () => {
    expect(maxRelativeError(ntkKernel(X, X, { layers }).data, flatten(exact.trainTrain))).toBeLessThan(1e-13);
    expect(
      maxRelativeError(ntkKernel(X, X.clone(), { layers }).data, flatten(exact.trainTrain)),
    ).toBeLessThan(1e-13);
    const crossKernel = ntkKernel(T, X, { layers }).data;
    expect(maxRelativeError(crossKernel, flatten(kernels.testTrain))).toBeLessThan(TOLERANCE);
    expect(maxRelativeError(crossKernel, flatten(exact.testTrain))).toBeLessThan(1e-13);
  });

  it('ridgeless predictions and input gradients to 1e-8 relative (entrywise)', () => {
    const fit = ntkRegression(X, y, { layers });
    const predictions = fit.predict(T);
    const gradient = fit.inputGradient(T);
    expect(gradient.shape).toEqual(T.shape);
    expect(maxRelativeError(predictions, exact.ridgeless.predictions)).toBeLessThan(TOLERANCE);
    expect(maxRelativeError(gradient.data, flatten(exact.ridgeless.inputGradients))).toBeLessThan(TOLERANCE);
    // The numpy golden carries a 4.7e-9 error in one diagonal kernel entry (arccos of a
    // cosine rounded to 1 − ulp), which its solve amplifies; scale-relative agreement holds.
    expect(normwiseError(predictions, regression.ridgeless.predictions)).toBeLessThan(TOLERANCE);
    expect(normwiseError(gradient.data, flatten(regression.ridgeless.inputGradients))).toBeLessThan(
      TOLERANCE,
    );
    const direct = ntkInputGradient(T, X, fit.coefficients, { layers });
    expect(maxRelativeError(direct.data, gradient.data, 0)).toBe(0);
  });

  it('ridge predictions at λ = 0.1 (K + nλI), fitted directly and from the ridgeless path', () => {
    const expected = exact.ridge_lambda_0_1.predictions;
    const direct = ntkRegression(X, y, { layers, lambda: 0.1 }).predict(T);
    expect(maxRelativeError(direct, expected)).toBeLessThan(TOLERANCE);
    expect(normwiseError(direct, regression.ridge_lambda_0_1.predictions)).toBeLessThan(TOLERANCE);
    const ridgeless = ntkRegression(X, y, { layers });
    expect(maxRelativeError(ridgeless.withLambda(0.1).predict(T), expected)).toBeLessThan(TOLERANCE);
    const pathPredictions = ridgeless.path([0, 0.1]).predict(T);
    expect(maxRelativeError(pathPredictions.row(1), expected)).toBeLessThan(TOLERANCE);
    expect(maxRelativeError(pathPredictions.row(0), exact.ridgeless.predictions)).toBeLessThan(TOLERANCE);
  });
});
