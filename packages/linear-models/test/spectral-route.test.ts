import { createRng, laguerreEigenvalues, makeDesign, spikedTailDesign } from '@benignlab/data';
import { choleskySolve, Matrix, matvec } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import {
  LinearModelError,
  type RotatedSample,
  ridgePath,
  spectralGradientDescent,
  spectralRidgePath,
} from '../src/index.js';

// A small spiked design with an isotropic tail: s = 3 spikes (1, 1, 0.5), m = 160 tail
// coordinates of variance τ = 0.05, θ* on the spikes, σ = 0.5, n = 40.
const n = 40;
const m = 160;
const tail = 0.05;
const spikes = [1, 1, 0.5];
const theta = [0.6, -0.8, 0.5];
const sigma = 0.5;
const lambdas = [0, 0.02];
const replicates = 1500;

const exact = spikedTailDesign({
  spikeVariances: spikes,
  tailVariance: tail,
  tailDimension: m,
  thetaStar: theta,
  sigma,
});
const dense = makeDesign({
  covariance: { kind: 'custom', eigenvalues: [...spikes, ...new Array(m).fill(tail)] },
  thetaStar: { kind: 'custom', values: [...theta, ...new Array(m).fill(0)] },
  noise: { sigma },
});

interface Moments {
  mean: number;
  se: number;
}
function moments(values: number[]): Moments {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, se: Math.sqrt(variance / values.length) };
}

/** Per-λ lists of R, ‖θ̂‖² and ‖θ̂‖₁ over the replicates of one route. */
function collect(draw: (replicate: number) => { risk: number[]; norm2: number[]; l1: number[] }) {
  const out = lambdas.map(() => ({ risk: [] as number[], norm2: [] as number[], l1: [] as number[] }));
  for (let r = 0; r < replicates; r++) {
    const d = draw(r);
    lambdas.forEach((_, k) => {
      out[k]?.risk.push(d.risk[k] as number);
      out[k]?.norm2.push(d.norm2[k] as number);
      out[k]?.l1.push(d.l1[k] as number);
    });
  }
  return out;
}

function spectralRoute(wrongDegrees = 0) {
  return collect((r) => {
    const sample: RotatedSample = exact.spectralSample(n, 1000 + r);
    const used =
      wrongDegrees === 0
        ? sample
        : {
            ...sample,
            // A deliberately wrong sampler: the Laguerre draw with m − wrongDegrees degrees of freedom.
            tailEigenvalues: laguerreEigenvalues(n, m - wrongDegrees, createRng(r)).map((v) => v * tail),
          };
    const fits = spectralRidgePath(used, exact, lambdas, { l1Norm: true });
    return {
      risk: fits.map((f) => f.standardRisk),
      norm2: fits.map((f) => f.norm2),
      l1: fits.map((f) => f.l1Norm as number),
    };
  });
}

function denseRoute() {
  return collect((r) => {
    const { X, y } = dense.sample(n, 5000 + r);
    const sweep = ridgePath(X, y, { thetaStar: dense.thetaStar, covariance: dense.covariance }).sweep(
      lambdas,
      {
        l1Norm: true,
      },
    );
    return {
      risk: Array.from(sweep.standardRisk as Float64Array),
      norm2: Array.from(sweep.norm2),
      l1: Array.from(sweep.l1Norm as Float64Array),
    };
  });
}

/** z-score of the difference of two means. */
function zScore(a: number[], b: number[]): { z: number; relativeResolution: number } {
  const x = moments(a);
  const y = moments(b);
  const se = Math.hypot(x.se, y.se);
  return { z: (x.mean - y.mean) / se, relativeResolution: (4 * se) / y.mean };
}

describe('spectral route against the dense design (in distribution)', () => {
  const denseDraws = denseRoute();
  const spectralDraws = spectralRoute();

  it.each([0, 1])('λ = lambdas[%i]: mean R, ‖θ̂‖² and ‖θ̂‖₁ agree, with power to see a 5 % error', (k) => {
    for (const quantity of ['risk', 'norm2', 'l1'] as const) {
      const { z, relativeResolution } = zScore(
        spectralDraws[k]?.[quantity] as number[],
        denseDraws[k]?.[quantity] as number[],
      );
      expect(Math.abs(z), `${quantity} at λ = ${lambdas[k]}`).toBeLessThan(4);
      // 4 s.e. of the difference is below 5 % of the mean: a 5 % bias would show.
      expect(relativeResolution, `${quantity} resolution`).toBeLessThan(0.05);
    }
    // The second moment too (a scale error the mean could hide): Var R.
    const variance = (values: number[]) => {
      const { mean } = moments(values);
      return values.map((v) => (v - mean) ** 2);
    };
    const { z } = zScore(
      variance(spectralDraws[k]?.risk as number[]),
      variance(denseDraws[k]?.risk as number[]),
    );
    expect(Math.abs(z)).toBeLessThan(4);
  });

  it('catches a deliberately wrong sampler (χ degrees of freedom off by 40)', () => {
    const wrong = spectralRoute(40);
    const { z } = zScore(wrong[0]?.norm2 as number[], denseDraws[0]?.norm2 as number[]);
    expect(Math.abs(z)).toBeGreaterThan(4);
  });
});

describe('spectralRidgePath and spectralGradientDescent', () => {
  const sample = exact.spectralSample(n, 3);

  it('interpolates at λ = 0 and matches Woodbury against a direct solve', () => {
    const [fit, ridgeFit] = spectralRidgePath(sample, exact, [0, 0.05]);
    expect(fit?.trainingError).toBeLessThan(1e-20);
    // Direct: b = (D + nλI + ŨŨᵀ)⁻¹ỹ from the dense n×n system.
    const A = new Matrix(n, n);
    const U = sample.spikes;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let value = i === j ? (sample.tailEigenvalues[i] as number) + n * 0.05 : 0;
        for (let k = 0; k < U.cols; k++) value += U.get(i, k) * U.get(j, k);
        A.set(i, j, value);
      }
    }
    const b = choleskySolve(A, sample.y);
    const direct = matvec(U, b, { transpose: true });
    for (let k = 0; k < U.cols; k++) expect(ridgeFit?.spikeCoef[k]).toBeCloseTo(direct[k] as number, 12);
    let tailNorm2 = 0;
    for (let i = 0; i < n; i++) tailNorm2 += (sample.tailEigenvalues[i] as number) * (b[i] as number) ** 2;
    expect(ridgeFit?.tailNorm2).toBeCloseTo(tailNorm2, 12);
  });

  it('gradient descent approaches the min-norm fit', () => {
    const [minNormFit] = spectralRidgePath(sample, exact, [0]);
    const records = spectralGradientDescent(sample, exact, { steps: 20000, record: 10000 });
    expect(records.map((r) => r.step)).toEqual([0, 10000, 20000]);
    const last = records.at(-1);
    expect(last?.norm2).toBeCloseTo(minNormFit?.norm2 as number, 3);
    expect(last?.standardRisk).toBeCloseTo(minNormFit?.standardRisk as number, 3);
    expect(records[0]?.norm2).toBe(0);
  });

  it('is deterministic and names bad input', () => {
    expect(spectralRidgePath(sample, exact, [0.1])).toEqual(
      spectralRidgePath(exact.spectralSample(n, 3), exact, [0.1]),
    );
    expect(() => spectralRidgePath(sample, exact, [-1])).toThrow(/lambdas\[0\]/);
    const narrow = spikedTailDesign({
      spikeVariances: [1],
      tailVariance: 1,
      tailDimension: 10,
      thetaStar: [1],
      sigma: 1,
    });
    expect(() => spectralRidgePath(narrow.spectralSample(20, 1), narrow, [0])).toThrow(LinearModelError);
    expect(() => spectralRidgePath(narrow.spectralSample(20, 1), narrow, [0])).toThrow(/m ≥ n/);
    expect(() => spectralRidgePath(sample, { ...exact, thetaStar: [1] }, [0])).toThrow(/truth\.thetaStar/);
    expect(() => spectralGradientDescent(sample, exact, { steps: 300, learningRate: 1e6 })).toThrow(
      /learningRate/,
    );
  });
});
