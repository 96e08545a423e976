import { LinalgError, Matrix } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { minNorm } from '../src/index.js';

describe('minNorm at extreme scales', () => {
  it('p > n with entries whose Gram matrix exceeds float64: the error names X, not an internal matrix', () => {
    const s = 1e200;
    const X = Matrix.fromRows([
      [s, 2 * s, 0.5 * s, s],
      [3 * s, -s, 2 * s, 0],
    ]);
    let error: unknown;
    try {
      minNorm(X, Float64Array.of(1, 2));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LinalgError);
    expect((error as LinalgError).argument).toBe('X');
  });

  it('p ≤ n at 1e200 is solved at scale: θ̂ = θ̂(X/s)/s, finite', () => {
    const rows = [
      [1, 2],
      [3, -1],
      [0.5, 1],
      [1, 1],
    ];
    const y = Float64Array.of(1, 2, 3, 4);
    const unit = minNorm(Matrix.fromRows(rows), y).coef;
    const huge = minNorm(Matrix.fromRows(rows.map((r) => r.map((v) => v * 1e200))), y).coef;
    huge.forEach((value, j) => {
      expect(Number.isFinite(value)).toBe(true);
      expect(value * 1e200).toBeCloseTo(unit[j] as number, 10);
    });
  });
});
