import {
  assertFiniteNumber,
  assertMatrix,
  assertVector,
  describeValue,
  type Matrix,
  toFloat64Vector,
} from '@benignlab/linalg';
import { LinearModelError } from './errors.js';

/** Shape of a regression problem: `n` samples (rows of X), `p` features (columns). */
export interface ProblemShape {
  readonly n: number;
  readonly p: number;
}

/** Checks a design `X` (n×p, finite, non-empty) and labels `y` (length n, finite; `number[]` is copied into a Float64Array, returned as `y`). */
export function assertDesign(X: unknown, labels: unknown): ProblemShape & { readonly y: Float64Array } {
  const design = assertMatrix('X', X);
  const y = toFloat64Vector(labels);
  if (!(y instanceof Float64Array)) {
    throw new LinearModelError(
      'y',
      `expected ${design.rows} labels as a Float64Array or an array of numbers, got ${describeValue(y)}`,
    );
  }
  if (y.length !== design.rows) {
    throw new LinearModelError(
      'y',
      `has length ${y.length}, expected ${design.rows} (one label per row of X, which is ${design.shape})`,
    );
  }
  assertVector('y', y, design.rows);
  return { n: design.rows, p: design.cols, y };
}

/** Checks a ridge parameter: a finite number λ ≥ 0. */
export function assertLambda(name: string, lambda: unknown): number {
  if (typeof lambda !== 'number' || !Number.isFinite(lambda)) {
    throw new LinearModelError(name, `expected a finite number λ ≥ 0, got ${describeValue(lambda)}`);
  }
  if (lambda < 0) {
    throw new LinearModelError(name, `is ${lambda}; expected λ ≥ 0 (the ridge penalty cannot be negative)`);
  }
  return lambda;
}

/** Checks a coefficient-like vector of length `p`. */
export function assertCoefficients(name: string, input: unknown, p: number): Float64Array {
  const value = toFloat64Vector(input);
  if (!(value instanceof Float64Array)) {
    throw new LinearModelError(
      name,
      `expected a Float64Array or an array of numbers of length ${p}, got ${describeValue(value)}`,
    );
  }
  if (value.length !== p) {
    throw new LinearModelError(name, `has length ${value.length}, expected ${p} (one entry per column of X)`);
  }
  return assertVector(name, value, p);
}

/** Checks a design matrix passed to `predict`: p columns, finite. */
export function assertPredictInput(X: unknown, p: number): Matrix {
  const design = assertMatrix('X', X);
  if (design.cols !== p) {
    throw new LinearModelError(
      'X',
      `is ${design.shape}, expected ${p} columns (the model has ${p} coefficients)`,
    );
  }
  return design;
}

/** Checks a positive integer option (a count). */
export function assertCount(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new LinearModelError(name, `expected an integer ≥ ${min}, got ${describeValue(value)}`);
  }
  return value;
}

/** Checks a positive finite number (a step size, a tolerance). */
export function assertPositive(name: string, value: unknown): number {
  assertFiniteNumber(name, value);
  if ((value as number) <= 0) {
    throw new LinearModelError(name, `is ${value}; expected a positive number`);
  }
  return value as number;
}
