import { describe, expect, it } from 'vitest';
import { LinalgError, Matrix, symEigValues, symTridiagonalEigenvalues } from '../src/index.js';

describe('symTridiagonalEigenvalues', () => {
  it('matches the closed form of the second-difference matrix (n = 2000)', () => {
    const n = 2000;
    const values = symTridiagonalEigenvalues(new Float64Array(n).fill(2), new Float64Array(n - 1).fill(-1));
    let worst = 0;
    for (let k = 1; k <= n; k++) {
      const expected = 2 - 2 * Math.cos((k * Math.PI) / (n + 1));
      worst = Math.max(worst, Math.abs((values[k - 1] as number) - expected));
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it('agrees with the dense eigensolver on a random tridiagonal matrix', () => {
    const n = 60;
    const diagonal = new Float64Array(n);
    const off = new Float64Array(n - 1);
    let state = 12345;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648 - 0.5;
    };
    for (let i = 0; i < n; i++) diagonal[i] = 10 * next();
    for (let i = 0; i < n - 1; i++) off[i] = 3 * next();
    const dense = new Matrix(n, n);
    for (let i = 0; i < n; i++) {
      dense.set(i, i, diagonal[i] as number);
      if (i < n - 1) {
        dense.set(i, i + 1, off[i] as number);
        dense.set(i + 1, i, off[i] as number);
      }
    }
    const reference = Array.from(symEigValues(dense)).sort((a, b) => a - b);
    const values = symTridiagonalEigenvalues(diagonal, off);
    for (let k = 0; k < n; k++) expect(values[k]).toBeCloseTo(reference[k] as number, 10);
  });

  it('handles n = 1, zero and badly scaled input', () => {
    expect(Array.from(symTridiagonalEigenvalues(Float64Array.of(3), new Float64Array(0)))).toEqual([3]);
    expect(Array.from(symTridiagonalEigenvalues(new Float64Array(3), new Float64Array(2)))).toEqual([
      0, 0, 0,
    ]);
    const huge = symTridiagonalEigenvalues(Float64Array.of(2e200, 2e200), Float64Array.of(1e200));
    expect((huge[0] as number) / 1e200).toBeCloseTo(1, 12);
    expect((huge[1] as number) / 1e200).toBeCloseTo(3, 12);
  });

  it('rejects bad input with a named LinalgError', () => {
    expect(() => symTridiagonalEigenvalues(Float64Array.of(1, 2), Float64Array.of(1, 2))).toThrow(
      LinalgError,
    );
    expect(() => symTridiagonalEigenvalues(Float64Array.of(1, Number.NaN), Float64Array.of(1))).toThrow(
      /diagonal: entry 1 is NaN/,
    );
    expect(() => symTridiagonalEigenvalues(new Float64Array(0), new Float64Array(0))).toThrow(/diagonal/);
  });
});
