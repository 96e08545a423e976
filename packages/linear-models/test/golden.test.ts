import { readFileSync } from 'node:fs';
import { Matrix } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { minNorm, ridge, ridgePath } from '../src/index.js';
import { relativeError } from './helpers.js';

interface Golden {
  X: number[][];
  y: number[];
  minNorm: number[];
  lambdas: number[];
  ridge: number[][];
  under: { X: number[][]; y: number[]; leastSquares: number[] };
}

const golden: Golden = JSON.parse(
  readFileSync(new URL('./fixtures/linear-models.json', import.meta.url), 'utf8'),
);
const X = Matrix.fromRows(golden.X);
const y = Float64Array.from(golden.y);
const TOLERANCE = 1e-8;

describe('golden reference (numpy)', () => {
  it('min-norm interpolator, p > n', () => {
    const fit = minNorm(X, y);
    expect(fit.form).toBe('dual');
    expect(fit.rank).toBe(12);
    expect(relativeError(fit.coef, golden.minNorm)).toBeLessThan(TOLERANCE);
  });

  it('least squares, p ≤ n', () => {
    const fit = minNorm(Matrix.fromRows(golden.under.X), Float64Array.from(golden.under.y));
    expect(fit.form).toBe('primal');
    expect(relativeError(fit.coef, golden.under.leastSquares)).toBeLessThan(TOLERANCE);
  });

  it.each(golden.lambdas.map((lambda, k) => [lambda, k] as const))('ridge at λ = %s', (lambda, k) => {
    const expected = golden.ridge[k] as number[];
    expect(relativeError(ridge(X, y, lambda).coef, expected)).toBeLessThan(TOLERANCE);
    expect(relativeError(ridgePath(X, y).coef(lambda), expected)).toBeLessThan(TOLERANCE);
  });

  it('ridge on the tall problem matches least squares as λ → 0', () => {
    const tallX = Matrix.fromRows(golden.under.X);
    const fit = ridge(tallX, Float64Array.from(golden.under.y), 1e-12);
    expect(fit.form).toBe('primal');
    expect(relativeError(fit.coef, golden.under.leastSquares)).toBeLessThan(1e-8);
  });
});
