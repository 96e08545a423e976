import { LinalgError, Matrix } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { NtkError, ntkInputGradient, ntkKernel, ntkLinearization, ntkRegression } from '../src/index.js';

function expectArgumentError(run: () => unknown, argument: string, message: RegExp): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LinalgError);
    expect((error as LinalgError).argument).toBe(argument);
    expect((error as Error).message).toMatch(message);
    return;
  }
  throw new Error(`expected an error for ${argument}`);
}

const X = Matrix.fromRows([
  [1, 2],
  [3, 4],
  [5, -6],
]);
const y = Float64Array.of(1, 2, 3);

describe('input validation', () => {
  it('rejects mismatched shapes with both shapes in the message', () => {
    expectArgumentError(() => ntkKernel(X, Matrix.fromRows([[1, 2, 3]])), 'B', /1×3.*3×2.*2 columns/);
    expectArgumentError(() => ntkRegression(X, Float64Array.of(1, 2)), 'y', /length 2, expected 3/);
    expectArgumentError(() => ntkRegression(X, y).predict(Matrix.fromRows([[1]])), 'T', /1×1.*2 columns/);
    expectArgumentError(() => ntkInputGradient(Matrix.fromRows([[1]]), X, y), 'T', /1×1/);
    expectArgumentError(() => ntkInputGradient(X, X, Float64Array.of(1)), 'weights', /length 1, expected 3/);
  });

  it('rejects NaN and Infinity, naming the entry', () => {
    const bad = Matrix.fromRows([[1, Number.NaN]]);
    expectArgumentError(() => ntkKernel(bad, bad), 'A', /entry \(0, 1\) is NaN/);
    expectArgumentError(
      () => ntkRegression(X, Float64Array.of(1, Number.POSITIVE_INFINITY, 0)),
      'y',
      /Infinity/,
    );
  });

  it('rejects λ < 0, non-finite λ and bad paths', () => {
    expectArgumentError(() => ntkRegression(X, y, { lambda: -0.1 }), 'options.lambda', /-0.1.*≥ 0/);
    expectArgumentError(() => ntkRegression(X, y, { lambda: Number.NaN }), 'options.lambda', /finite/);
    expectArgumentError(() => ntkRegression(X, y).withLambda(-1), 'lambda', /≥ 0/);
    expectArgumentError(() => ntkRegression(X, y).path([0.1, -2]), 'lambdas[1]', /-2/);
    expectArgumentError(() => ntkRegression(X, y).path([]), 'lambdas', /empty/);
    expectArgumentError(() => ntkRegression(X, y).path([0]).at(3), 'index', /\[0, 0\]/);
  });

  it('rejects unknown options and unknown layers', () => {
    expectArgumentError(
      () => ntkKernel(X, X, { layer: 'first' } as never),
      'options',
      /unknown option "layer"/,
    );
    expectArgumentError(() => ntkRegression(X, y, { ridge: 1 } as never), 'options', /"lambda"/);
    expectArgumentError(
      () => ntkLinearization(X, { layers: 'second' as never }),
      'options.layers',
      /'first' or 'both'.*"second"/,
    );
    try {
      ntkKernel(X, X, { layers: 'all' as never });
    } catch (error) {
      expect(error).toBeInstanceOf(NtkError);
    }
  });
});
