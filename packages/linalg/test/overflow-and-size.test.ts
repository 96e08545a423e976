import { describe, expect, it } from 'vitest';
import { gram, gramT, LinalgError, Matrix, matmul } from '../src/index.js';

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

describe('products of finite matrices never return ∞ or NaN', () => {
  it('rescues products whose partial sums overflow but whose result fits', () => {
    // 1e308 + 1e308 overflows before − 1e308 brings the sum back to 1e308.
    const A = Matrix.fromRows([[1e154, 1e154, 1e154]]);
    const B = Matrix.fromRows([[1e154], [1e154], [-1e154]]);
    const C = matmul(A, B);
    expect(C.get(0, 0)).toBeCloseTo(1e308, -295);
  });

  it.each([1e160, 1e200, 1e300])(
    'gram/gramT/matmul with entries %s: LinalgError naming the argument',
    (s) => {
      for (const [run, name] of [
        [() => gram(scaled(s)), 'X'],
        [() => gramT(scaled(s)), 'X'],
        [() => matmul(scaled(s), scaled(s)), 'A'],
      ] as const) {
        const error = errorOf(run);
        expect(error).toBeInstanceOf(LinalgError);
        expect((error as LinalgError).argument).toBe(name);
        expect((error as Error).message).toContain('float64');
      }
      // One huge factor against an ordinary one fits and stays finite.
      expect(matmul(scaled(1), scaled(s)).data.every(Number.isFinite)).toBe(true);
    },
  );

  it('matmul of a huge and a tiny factor is finite and exact', () => {
    const C = matmul(scaled(1e300), scaled(1e-300));
    const reference = matmul(scaled(1), scaled(1));
    for (let k = 0; k < C.data.length; k++) {
      expect(C.data[k]).toBeCloseTo(reference.data[k] as number, 10);
    }
  });

  it('ordinary products keep their bits (no rescaling when finite)', () => {
    const X = scaled(1.5);
    const G = gram(X);
    const rows = X.toRows();
    expect(G.get(0, 1)).toBe(rows[0]!.reduce((sum, v, j) => sum + v * rows[1]![j]!, 0));
  });
});

describe('impossible sizes', () => {
  it('Matrix.zeros(1e6, 1e6) is a LinalgError naming the shape and the 8 TB it needs', () => {
    const error = errorOf(() => Matrix.zeros(1e6, 1e6));
    expect(error).toBeInstanceOf(LinalgError);
    expect((error as Error).message).toContain('1000000×1000000');
    expect((error as Error).message).toContain('8 TB');
  });
});
