import { describe, expect, it } from 'vitest';
import { ntkLinearization } from '../src/index.js';
import { gaussianMatrix } from './helpers.js';

describe('ntkLinearization', () => {
  // Theory §5: relative operator-norm error 0.3 % (first) and 0.03 % (both) at n = 50, d = 5000.
  const X = gaussianMatrix(50, 5000, 5);

  it('reproduces the documented high-dimensional accuracy', () => {
    const first = ntkLinearization(X, { layers: 'first' });
    const both = ntkLinearization(X, { layers: 'both' });
    expect(first.relativeError).toBeGreaterThan(0.0015);
    expect(first.relativeError).toBeLessThan(0.006);
    expect(both.relativeError).toBeGreaterThan(0.00015);
    expect(both.relativeError).toBeLessThan(0.0006);
    expect(first.linearScale).toBe(0.25);
    expect(both.linearScale).toBe(0.5);
  });

  it('keeps the diagonal exact and reports the implicit ridge', () => {
    for (const layers of ['first', 'both'] as const) {
      const { kernel, approximation, implicitLambda } = ntkLinearization(X, { layers });
      let meanSquaredNorm = 0;
      for (let i = 0; i < 50; i++) {
        expect(approximation.get(i, i)).toBeCloseTo(kernel.get(i, i), 8);
        meanSquaredNorm += ((layers === 'first' ? 2 : 1) * kernel.get(i, i)) / 50;
      }
      const expected = ((layers === 'first' ? 1 : 1 - 1 / Math.PI) * meanSquaredNorm) / 50;
      expect(implicitLambda).toBeCloseTo(expected, 10);
    }
  });

  it('is a poor approximation in low dimension, where the kernel is far from linear', () => {
    const lowDimensional = gaussianMatrix(50, 2, 6);
    expect(ntkLinearization(lowDimensional, { layers: 'first' }).relativeError).toBeGreaterThan(0.05);
  });
});
