import { gram, Matrix, symEigValues } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import {
  bartlettGram,
  chiDraw,
  createRng,
  DataError,
  laguerreEigenvalues,
  spikedTailDesign,
  spikedTailDesignFromSpec,
} from '../src/index.js';

/** Mean and standard error of a list. */
function meanSe(values: number[]): { mean: number; se: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, se: Math.sqrt(variance / values.length) };
}

describe('chiDraw', () => {
  it.each([1, 2, 3, 7, 50, 100000])('χ²_%i has mean k and variance 2k', (k) => {
    const rng = createRng(k);
    const squares = Array.from({ length: 20000 }, () => chiDraw(rng, k) ** 2);
    const { mean, se } = meanSe(squares);
    expect(Math.abs(mean - k)).toBeLessThan(4 * Math.sqrt((2 * k) / squares.length));
    expect(se * se * squares.length).toBeGreaterThan(2 * k * 0.9);
    expect(se * se * squares.length).toBeLessThan(2 * k * 1.1);
  });

  it('rejects a bad number of degrees of freedom', () => {
    expect(() => chiDraw(createRng(1), 0)).toThrow(DataError);
    expect(() => chiDraw(createRng(1), 2.5)).toThrow(/k: expected an integer/);
  });
});

describe('laguerreEigenvalues', () => {
  // tr W and tr W² of a Wishart(m, I_n): E = nm and nm(n + m + 1).
  it.each([
    [8, 20],
    [20, 8],
    [30, 30],
  ])('n = %i, m = %i: moments of tr W and tr W² match the Wishart law and the dense route', (n, m) => {
    const rng = createRng(n * 100 + m);
    const replicates = 3000;
    const traces: number[] = [];
    const squares: number[] = [];
    const smallest: number[] = [];
    for (let r = 0; r < replicates; r++) {
      const values = laguerreEigenvalues(n, m, rng);
      traces.push(values.reduce((a, b) => a + b, 0));
      squares.push(values.reduce((a, b) => a + b * b, 0));
      smallest.push(values[Math.max(0, n - m)] as number);
    }
    const t = meanSe(traces);
    const q = meanSe(squares);
    expect(Math.abs(t.mean - n * m)).toBeLessThan(4 * t.se);
    expect(Math.abs(q.mean - n * m * (n + m + 1))).toBeLessThan(4 * q.se);
    // The smallest nonzero eigenvalue against dense Z Zᵀ draws (a statistic the traces miss).
    const dense: number[] = [];
    const z = createRng(99);
    for (let r = 0; r < replicates; r++) {
      const Z = new Matrix(n, m);
      z.fillNormal(Z.data);
      const values = Array.from(symEigValues(gram(Z))).sort((a, b) => a - b);
      dense.push(values[Math.max(0, n - m)] as number);
    }
    const a = meanSe(smallest);
    const b = meanSe(dense);
    expect(Math.abs(a.mean - b.mean)).toBeLessThan(4 * Math.hypot(a.se, b.se));
  });

  it('would catch a wrong χ degree of freedom (the check above can fail)', () => {
    // The same moment check applied to a deliberately wrong model (diagonal χ_{m+1}) fails.
    const n = 8;
    const m = 20;
    const rng = createRng(5);
    const traces: number[] = [];
    for (let r = 0; r < 3000; r++) {
      let trace = 0;
      for (let i = 0; i < n; i++)
        trace += chiDraw(rng, m + 1 - i) ** 2 + (i < n - 1 ? chiDraw(rng, n - 1 - i) ** 2 : 0);
      traces.push(trace);
    }
    const t = meanSe(traces);
    expect(Math.abs(t.mean - n * m)).toBeGreaterThan(4 * t.se);
  });

  it('is bit-identical for the same seed and rejects bad sizes', () => {
    expect(laguerreEigenvalues(50, 500, createRng(3))).toEqual(laguerreEigenvalues(50, 500, createRng(3)));
    expect(() => laguerreEigenvalues(0, 5, createRng(1))).toThrow(/^n: /);
    expect(() => laguerreEigenvalues(5, 1.5, createRng(1))).toThrow(/^m: /);
  });
});

describe('bartlettGram', () => {
  it.each([
    [6, 15],
    [12, 5],
  ])('N = %i, m = %i: entries have the Wishart means and variances', (N, m) => {
    const rng = createRng(N + m);
    const diagonal: number[] = [];
    const offSquares: number[] = [];
    for (let r = 0; r < 4000; r++) {
      const W = bartlettGram(N, m, rng);
      diagonal.push(W.get(N - 1, N - 1));
      offSquares.push(W.get(N - 1, 0) ** 2);
    }
    const d = meanSe(diagonal);
    const o = meanSe(offSquares);
    // E W_ii = m, Var W_ii = 2m; E W_ij² = m (i ≠ j).
    expect(Math.abs(d.mean - m)).toBeLessThan(4 * d.se);
    expect(Math.abs(d.se ** 2 * diagonal.length - 2 * m)).toBeLessThan(0.15 * 2 * m);
    expect(Math.abs(o.mean - m)).toBeLessThan(4 * o.se);
  });
});

describe('spikedTailDesign', () => {
  const spec = {
    spikeVariances: [1, 0.5],
    tailVariance: 0.01,
    tailDimension: 1000,
    thetaStar: [1, 0],
    sigma: 0.5,
  };

  it('draws reproducible spectral and Gram samples', () => {
    const design = spikedTailDesign(spec);
    expect(design.p).toBe(1002);
    expect(design.trace).toBeCloseTo(1.5 + 10, 12);
    const a = design.spectralSample(40, 7);
    const b = design.spectralSample(40, 7);
    expect(a.tailEigenvalues).toEqual(b.tailEigenvalues);
    expect(a.y).toEqual(b.y);
    expect(a.tailL1Ratio()).toBe(b.tailL1Ratio());
    // E‖g‖₁/‖g‖₂ ≈ √(2m/π).
    expect(a.tailL1Ratio() / Math.sqrt((2 * 1000) / Math.PI)).toBeCloseTo(1, 1);
    const g = design.gramSample(30, 10, 7);
    expect(g.gram().rows).toBe(40);
    expect(g.points.cols).toBe(42);
    // The realization's spike columns give f*.
    expect(g.points.get(3, 40) * 1 + g.points.get(3, 41) * 0).toBeCloseTo(g.clean[3] as number, 14);
    expect(g.gram().data).toEqual(design.gramSample(30, 10, 7).gram().data);
    // ⟨x, x⟩ ≈ tr Σ.
    let diagonal = 0;
    for (let i = 0; i < 40; i++) diagonal += g.gram().get(i, i);
    expect(diagonal / 40 / design.trace).toBeCloseTo(1, 1);
  });

  it('names the bad field', () => {
    expect(() => spikedTailDesign({ ...spec, tailVariance: 0 })).toThrow(/spec\.tailVariance/);
    expect(() => spikedTailDesign({ ...spec, thetaStar: [1] })).toThrow(/spec\.thetaStar/);
    expect(() => spikedTailDesign({ ...spec, tailDimension: 0 })).toThrow(/spec\.tailDimension/);
    expect(() => spikedTailDesign(spec).spectralSample(0, 1)).toThrow(/^n: /);
  });
});

describe('spikedTailDesignFromSpec', () => {
  it('maps the spiked scaled design, with θ* on the spikes', () => {
    const design = spikedTailDesignFromSpec({
      covariance: { kind: 'spikedScaled', n: 100, a: 1.5, b: 1, s: 5 },
      noise: { sigma: 0.5 },
    });
    expect(design.p).toBe(1005);
    expect(design.tailDimension).toBe(1000);
    expect(design.tailVariance).toBeCloseTo(0.01, 15);
    expect(Array.from(design.thetaStar)).toEqual(new Array(5).fill(1 / Math.sqrt(5)));
  });

  it('turns one tail coordinate of θ* into an extra spike', () => {
    const values = new Array(20).fill(0);
    values[0] = 1;
    values[12] = 0.5;
    const design = spikedTailDesignFromSpec({
      covariance: { kind: 'spiked', p: 20, s: 2, tail: 0.1 },
      thetaStar: { kind: 'custom', values },
    });
    expect(Array.from(design.spikeVariances)).toEqual([1, 1, 0.1]);
    expect(Array.from(design.thetaStar)).toEqual([1, 0, 0.5]);
    expect(design.tailDimension).toBe(17);
  });

  it('refuses designs the shortcut does not cover', () => {
    const covariance = { kind: 'spiked' as const, p: 20, s: 2, tail: 0.1 };
    expect(() => spikedTailDesignFromSpec({ covariance: { kind: 'powerLaw', p: 10, a: 1 } })).toThrow(
      /spec\.covariance\.kind/,
    );
    expect(() => spikedTailDesignFromSpec({ covariance, features: 'rademacher' })).toThrow(/spec\.features/);
    expect(() => spikedTailDesignFromSpec({ covariance, thetaStar: { kind: 'sphere' } })).toThrow(
      /spec\.thetaStar\.kind/,
    );
    const values = new Array(20).fill(0);
    values[5] = 1;
    values[6] = 1;
    expect(() => spikedTailDesignFromSpec({ covariance, thetaStar: { kind: 'custom', values } })).toThrow(
      /at most one/,
    );
  });
});
