import { createRng } from '@benignlab/data';
import { LinalgError, Matrix } from '@benignlab/linalg';
import { expect } from 'vitest';

/** Asserts |actual − expected| ≤ tolerance·max(|expected|, tiny), with a readable message. */
export function expectRelative(actual: number, expected: number, tolerance: number, label = ''): void {
  const scale = Math.max(Math.abs(expected), 1e-300);
  const error = Math.abs(actual - expected) / scale;
  expect(
    error,
    `${label}: got ${actual}, expected ${expected} (relative error ${error})`,
  ).toBeLessThanOrEqual(tolerance);
}

/** Test inputs x = B Λ^{1/2} z with standard normal z, as an m×p matrix (rows are points). */
export function gaussianInputs(
  count: number,
  eigenvalues: Float64Array,
  seed: number,
  basis?: Matrix,
): Matrix {
  const p = eigenvalues.length;
  const z = createRng(seed).fillNormal(new Float64Array(count * p));
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < p; j++) z[i * p + j] *= Math.sqrt(eigenvalues[j] as number);
  }
  if (basis === undefined) return new Matrix(count, p, z);
  const out = new Matrix(count, p);
  for (let i = 0; i < count; i++) {
    for (let r = 0; r < p; r++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += basis.data[r * p + j]! * z[i * p + j]!;
      out.data[i * p + r] = s;
    }
  }
  return out;
}

/** A linear predictor f(x) = ⟨x, θ⟩ with its (constant) input gradient. */
export function linearPredictor(theta: Float64Array) {
  const p = theta.length;
  return {
    predict(X: Matrix): Float64Array {
      const out = new Float64Array(X.rows);
      for (let i = 0; i < X.rows; i++) {
        let s = 0;
        for (let j = 0; j < p; j++) s += X.data[i * p + j]! * theta[j]!;
        out[i] = s;
      }
      return out;
    },
    inputGradient(X: Matrix): Matrix {
      const G = new Matrix(X.rows, p);
      for (let i = 0; i < X.rows; i++) G.data.set(theta, i * p);
      return G;
    },
  };
}

/** Runs each call and asserts it throws a LinalgError (or subclass) naming the argument. */
export function expectArgumentErrors(cases: readonly (readonly [() => unknown, string])[]): void {
  for (const [call, argument] of cases) {
    let caught: unknown;
    try {
      call();
    } catch (error) {
      caught = error;
    }
    expect(caught, argument).toBeInstanceOf(LinalgError);
    expect((caught as LinalgError).argument, argument).toBe(argument);
  }
}
