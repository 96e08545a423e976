import { type Matrix, matmul } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { DataError, haarOrthogonal } from '../src/index.js';
import { householderHaar } from './reference/householder-haar.js';

/** Two-sample Kolmogorov–Smirnov statistic sup |F₁ − F₂|. */
function ksStatistic(a: number[], b: number[]): number {
  const x = [...a].sort((u, v) => u - v);
  const y = [...b].sort((u, v) => u - v);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const t = Math.min(x[i] as number, y[j] as number);
    while (i < x.length && (x[i] as number) <= t) i++;
    while (j < y.length && (y[j] as number) <= t) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/** Statistics whose laws identify Haar measure well at small p: Q₁₁, Q₂₁, tr Q, det-free. */
function features(Q: Matrix): number[] {
  let trace = 0;
  for (let i = 0; i < Q.rows; i++) trace += Q.get(i, i);
  return [Q.get(0, 0), Q.get(1, 0), trace];
}

const draws = 2000;
// KS critical value at α = 1e-4 for two samples of 2000: 1.95·√(2/2000) ≈ 0.0617.
const critical = 1.95 * Math.sqrt(2 / draws);

function compare(route: (p: number, seed: number) => Matrix, p: number, offset: number): number[] {
  const polar = Array.from({ length: draws }, (_, seed) => features(haarOrthogonal(p, seed)));
  const direct = Array.from({ length: draws }, (_, seed) => features(route(p, seed + offset)));
  return [0, 1, 2].map((k) =>
    ksStatistic(
      polar.map((f) => f[k] as number),
      direct.map((f) => f[k] as number),
    ),
  );
}

describe('haarOrthogonal (polar factor of a Gaussian matrix)', () => {
  it('is orthogonal to float64 rounding and the same bits for the same seed', () => {
    for (const p of [1, 2, 40, 300]) {
      const Q = haarOrthogonal(p, 5);
      const QtQ = matmul(Q, Q, { transposeA: true });
      const QQt = matmul(Q, Q, { transposeB: true });
      let worst = 0;
      for (let i = 0; i < p; i++)
        for (let j = 0; j < p; j++) {
          const identity = i === j ? 1 : 0;
          worst = Math.max(worst, Math.abs(QtQ.get(i, j) - identity), Math.abs(QQt.get(i, j) - identity));
        }
      expect(worst).toBeLessThan(1e-14);
      expect(haarOrthogonal(p, 5).data).toEqual(Q.data);
    }
    expect(haarOrthogonal(40, 6).data).not.toEqual(haarOrthogonal(40, 5).data);
  });

  it('has the law of the direct route (Householder QR with the sign correction) in distribution', () => {
    for (const p of [3, 6]) {
      for (const d of compare(householderHaar, p, 100_000)) expect(d).toBeLessThan(critical);
    }
  });

  it('the comparison can fail: Householder QR without the sign correction is told apart', () => {
    const d = compare((p, seed) => householderHaar(p, seed, false), 3, 100_000);
    expect(Math.max(...d)).toBeGreaterThan(critical);
  });

  it('E tr Q = 0 and E (tr Q)² = 1, as for Haar measure on O(p)', () => {
    const p = 8;
    const traces = Array.from({ length: draws }, (_, seed) => features(haarOrthogonal(p, seed))[2] as number);
    const mean = traces.reduce((s, t) => s + t, 0) / draws;
    const second = traces.reduce((s, t) => s + t * t, 0) / draws;
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(draws));
    expect(Math.abs(second - 1)).toBeLessThan(5 * Math.sqrt(2 / draws));
  });

  it('rejects a bad dimension or seed with a typed error', () => {
    expect(() => haarOrthogonal(0, 1)).toThrow(DataError);
    expect(() => haarOrthogonal(2.5, 1)).toThrow(/expected an integer ≥ 1/);
    expect(() => haarOrthogonal(3, -1 as number)).toThrow(DataError);
  });
});
