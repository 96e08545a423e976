import { LinalgError, Matrix } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { NtkError, ntkKernel, ntkRegression } from '../src/index.js';

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

const base = [
  [1, 2, 0.5],
  [3, -1, 2],
  [0.3, 0.1, -2],
];
const scaled = (s: number) => Matrix.fromRows(base.map((row) => row.map((v) => v * s)));

describe('the NTK kernel at extreme input scales', () => {
  it.each([1e130, 1e150, 1e-150])('is homogeneous: K(s·A, B) = s·K(A, B) at s = %s, finite', (s) => {
    for (const layers of ['first', 'both'] as const) {
      const reference = ntkKernel(scaled(1), scaled(1), { layers });
      const general = ntkKernel(scaled(s), scaled(1), { layers });
      for (let k = 0; k < reference.data.length; k++) {
        expect(Number.isFinite(general.data[k])).toBe(true);
        expect((general.data[k] as number) / s).toBeCloseTo(reference.data[k] as number, 12);
      }
    }
  });

  it('K(s·X, s·X) = s²·K(X, X) where s² fits (symmetric path)', () => {
    const s = 1e140;
    const X = scaled(s);
    const reference = ntkKernel(scaled(1), scaled(1)).data;
    const kernel = ntkKernel(X, X).data;
    for (let k = 0; k < kernel.length; k++)
      expect((kernel[k] as number) / (s * s)).toBeCloseTo(reference[k] as number, 12);
  });

  it.each([1e160, 1e200, 1e300])('entries %s on both sides: NtkError naming A, never ∞ or NaN', (s) => {
    const X = scaled(s);
    for (const run of [() => ntkKernel(X, X), () => ntkKernel(X, scaled(s))]) {
      const error = errorOf(run);
      expect(error).toBeInstanceOf(NtkError);
      expect((error as NtkError).argument).toBe('A');
    }
  });

  it('a fit whose n×n kernel cannot be allocated names X and the memory', () => {
    // 18 TB: beyond any runtime (a 60 000-point fit, 28.8 GB, fails the same way on
    // smaller machines but could be allocated on a large one).
    const n = 1_500_000;
    const X = new Matrix(n, 1);
    for (let i = 0; i < n; i++) X.data[i] = Math.sin(i) + 2;
    const error = errorOf(() => ntkRegression(X, new Float64Array(n)));
    expect(error).toBeInstanceOf(LinalgError);
    expect((error as LinalgError).argument).toBe('X');
    expect((error as Error).message).toContain('18 TB');
  });
});
