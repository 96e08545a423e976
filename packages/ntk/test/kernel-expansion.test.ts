import { createRng } from '@benignlab/data';
import { Matrix, matvec } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { NtkError, ntkInputGradient, ntkKernel, ntkKernelExpansion } from '../src/index.js';

function randomPoints(rows: number, d: number, seed: number, scale = 1): Matrix {
  const X = new Matrix(rows, d);
  createRng(seed).fillNormal(X.data, 0, scale);
  return X;
}

describe('ntkKernelExpansion', () => {
  const X = randomPoints(40, 25, 1);
  const T = randomPoints(7, 25, 2);
  const w = createRng(3).fillNormal(new Float64Array(40));

  it.each(['first', 'both'] as const)(
    'layers = %s: the same bits as ntkKernel and ntkInputGradient',
    (layers) => {
      const f = ntkKernelExpansion(X, w, { layers });
      expect(f.layers).toBe(layers);
      expect(Array.from(f.predict(T))).toEqual(Array.from(matvec(ntkKernel(T, X, { layers }), w)));
      expect(Array.from(f.inputGradient(T).data)).toEqual(
        Array.from(ntkInputGradient(T, X, w, { layers }).data),
      );
    },
  );

  it('points of extreme scale take the rescaled route (finite, homogeneous)', () => {
    const f = ntkKernelExpansion(X, w, { layers: 'both' });
    const huge = new Matrix(
      T.rows,
      T.cols,
      T.data.map((v) => v * 2 ** 500),
    );
    const scaled = f.predict(huge);
    const plain = f.predict(T);
    for (let r = 0; r < T.rows; r++)
      expect(scaled[r] as number).toBeCloseTo((plain[r] as number) * 2 ** 500, -140);
    expect(scaled.every(Number.isFinite)).toBe(true);
  });

  it('keeps its own copy of the weights and names bad input', () => {
    const weights = w.slice();
    const f = ntkKernelExpansion(X, weights);
    const before = f.predict(T);
    weights.fill(0);
    expect(Array.from(f.predict(T))).toEqual(Array.from(before));
    expect(() => ntkKernelExpansion(X, w.subarray(0, 3))).toThrow(/^weights/);
    expect(() => ntkKernelExpansion(X, w, { layers: 'all' as never })).toThrow(/options\.layers/);
    expect(() => f.predict(randomPoints(2, 24, 4))).toThrow(NtkError);
    expect(() => f.inputGradient(new Matrix(1, 25, new Float64Array(25).fill(Number.NaN)))).toThrow(/^T/);
  });
});
