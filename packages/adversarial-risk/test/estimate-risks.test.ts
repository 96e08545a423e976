import { createRng } from '@benignlab/data';
import { Matrix } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { adversarialRisk, dualNorm, estimateRisks, standardRisk } from '../src/index.js';
import { expectArgumentErrors, gaussianInputs, linearPredictor } from './helpers.js';

const p = 12;
const eigenvalues = new Float64Array(p).map((_, j) => (j < 3 ? 1 : 0.1));
const thetaStar = new Float64Array(p).map((_, j) => (j < 3 ? 1 / Math.sqrt(3) : 0));
const theta = new Float64Array(p).map((_, j) => (j < 3 ? 0.5 : 0.15 * Math.cos(j)));
const sample = (count: number, seed: number) => gaussianInputs(count, eigenvalues, seed);

function exactInnerMaximum(X: Matrix, norm: 'l2' | 'linf', alpha: number): Float64Array {
  const shift = alpha * dualNorm(theta, norm);
  const out = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    let a = 0;
    for (let j = 0; j < p; j++) a += X.data[i * p + j]! * (theta[j]! - thetaStar[j]!);
    out[i] = (Math.abs(a) + shift) ** 2;
  }
  return out;
}

describe('estimateRisks on a linear predictor (the check that ties it together)', () => {
  for (const norm of ['l2', 'linf'] as const) {
    it(`first-order and PGD equal the exact inner maximum (|a| + α‖θ‖_*)² point by point, ${norm}`, () => {
      const alpha = 0.2;
      const X = sample(200, 4);
      const exact = exactInnerMaximum(X, norm, alpha);
      for (const method of ['first-order', 'pgd', 'fgsm'] as const) {
        const result = estimateRisks(linearPredictor(theta), {
          sample: X,
          target: thetaStar,
          alpha,
          norm,
          method,
          seed: 1,
        });
        expect(result.method).toBe(method);
        expect(result.estimate).toBe(method === 'first-order' ? 'first-order' : 'lower-bound');
        for (let i = 0; i < X.rows; i++) {
          expect(Math.abs(result.pointwise.adversarial[i]! - exact[i]!)).toBeLessThanOrEqual(
            1e-12 * exact[i]!,
          );
        }
      }
    });
  }

  it('the Monte Carlo mean agrees with the Gaussian closed form within its standard error', () => {
    const alpha = 0.3;
    for (const norm of ['l2', 'linf'] as const) {
      const result = estimateRisks(linearPredictor(theta), {
        sample,
        target: thetaStar,
        alpha,
        norm,
        method: 'first-order',
        testSize: 4000,
        seed: 9,
      });
      const exactStandard = standardRisk(theta, thetaStar, { eigenvalues });
      const exactAdversarial = adversarialRisk(theta, thetaStar, { eigenvalues }, { alpha, norm });
      expect(Math.abs(result.standardRisk.mean - exactStandard)).toBeLessThan(
        4 * result.standardRisk.standardError,
      );
      expect(Math.abs(result.adversarialRisk.mean - exactAdversarial)).toBeLessThan(
        4 * result.adversarialRisk.standardError,
      );
      expect(result.gradientNormSquared.mean).toBeCloseTo(dualNorm(theta, norm) ** 2, 12);
      expect(result.gradientNormSquared.standardError).toBeCloseTo(0, 12);
    }
  });

  it('with f = f* exactly the loss is flat to first order, and PGD still reaches (α‖θ*‖_*)²', () => {
    const alpha = 0.1;
    const result = estimateRisks(linearPredictor(thetaStar), {
      sample,
      target: thetaStar,
      alpha,
      testSize: 20,
      restarts: 0,
    });
    expect(result.standardRisk.mean).toBe(0);
    expect(result.adversarialRisk.mean).toBeCloseTo((alpha * dualNorm(thetaStar)) ** 2, 14);
  });
});

describe('estimateRisks on a nonlinear predictor', () => {
  // f(x) = sin(⟨w, x⟩) against f* = 0: the exact inner maximum is max |sin t|² over
  // t ∈ [u − α‖w‖_*, u + α‖w‖_*], u = ⟨w, x⟩, since ⟨w, δ⟩ sweeps that interval.
  const d = 6;
  const w = Float64Array.from([1.5, -0.7, 0.4, 0.9, -1.1, 0.3]);
  const predictor = {
    predict(X: Matrix) {
      const out = new Float64Array(X.rows);
      for (let i = 0; i < X.rows; i++) {
        let u = 0;
        for (let j = 0; j < d; j++) u += X.data[i * d + j]! * w[j]!;
        out[i] = Math.sin(u);
      }
      return out;
    },
    inputGradient(X: Matrix) {
      const G = new Matrix(X.rows, d);
      for (let i = 0; i < X.rows; i++) {
        let u = 0;
        for (let j = 0; j < d; j++) u += X.data[i * d + j]! * w[j]!;
        for (let j = 0; j < d; j++) G.data[i * d + j] = Math.cos(u) * w[j]!;
      }
      return G;
    },
  };
  const zero = (X: Matrix) => new Float64Array(X.rows);
  const sampleInputs = (count: number, seed: number) =>
    new Matrix(count, d, createRng(seed).fillNormal(new Float64Array(count * d), 0, 0.5));

  function exact(X: Matrix, alpha: number, norm: 'l2' | 'linf'): Float64Array {
    const reach = alpha * dualNorm(w, norm);
    const out = new Float64Array(X.rows);
    for (let i = 0; i < X.rows; i++) {
      let u = 0;
      for (let j = 0; j < d; j++) u += X.data[i * d + j]! * w[j]!;
      const lo = u - reach;
      const hi = u + reach;
      const peak = Math.ceil((lo - Math.PI / 2) / Math.PI) * Math.PI + Math.PI / 2;
      out[i] = peak <= hi ? 1 : Math.max(Math.sin(lo) ** 2, Math.sin(hi) ** 2);
    }
    return out;
  }

  for (const norm of ['l2', 'linf'] as const) {
    it(`PGD is a lower bound that nearly attains the exact inner maximum, and beats FGSM, ${norm}`, () => {
      const alpha = 0.4;
      const X = sampleInputs(300, 2);
      const truth = exact(X, alpha, norm);
      const pgd = estimateRisks(predictor, {
        sample: X,
        target: zero,
        alpha,
        norm,
        method: 'pgd',
        steps: 40,
        seed: 5,
      });
      const fgsm = estimateRisks(predictor, { sample: X, target: zero, alpha, norm, method: 'fgsm' });
      for (let i = 0; i < X.rows; i++) {
        expect(pgd.pointwise.adversarial[i]!).toBeLessThanOrEqual(truth[i]! + 1e-12);
        expect(fgsm.pointwise.adversarial[i]!).toBeLessThanOrEqual(truth[i]! + 1e-12);
        expect(pgd.pointwise.adversarial[i]!).toBeGreaterThanOrEqual(pgd.pointwise.standard[i]!);
      }
      const truthMean = truth.reduce((s, v) => s + v, 0) / truth.length;
      expect(pgd.adversarialRisk.mean).toBeGreaterThan(0.995 * truthMean);
      expect(pgd.adversarialRisk.mean).toBeGreaterThanOrEqual(fgsm.adversarialRisk.mean);
      expect(pgd.pgd).toEqual({ steps: 40, stepSize: (2.5 * alpha) / 40, restarts: 2 });
    });
  }

  it('is deterministic in the seed (test points and random starts)', () => {
    const options = { sample: sampleInputs, target: zero, alpha: 0.3, testSize: 50, steps: 5, restarts: 3 };
    const a = estimateRisks(predictor, { ...options, seed: 8 });
    const b = estimateRisks(predictor, { ...options, seed: 8 });
    const c = estimateRisks(predictor, { ...options, seed: 9 });
    expect(a.pointwise.adversarial).toEqual(b.pointwise.adversarial);
    expect(a.adversarialRisk.mean).not.toBe(c.adversarialRisk.mean);
  });

  it('rejects bad input with errors naming the argument', () => {
    const base = { sample: sampleInputs, target: zero, alpha: 0.1, testSize: 5 };
    const cases: [() => unknown, string][] = [
      [() => estimateRisks({} as never, base), 'predictor'],
      [() => estimateRisks(predictor, { ...base, alpha: -1 }), 'options.alpha'],
      [() => estimateRisks(predictor, { ...base, norm: 0.5 }), 'options.norm'],
      [() => estimateRisks(predictor, { ...base, norm: 3, method: 'pgd' }), 'options.norm'],
      [() => estimateRisks(predictor, { ...base, method: 'cw' as never }), 'options.method'],
      [() => estimateRisks(predictor, { ...base, steps: 0 }), 'options.steps'],
      [() => estimateRisks(predictor, { ...base, restarts: -1 }), 'options.restarts'],
      [() => estimateRisks(predictor, { ...base, testSize: 2.5 }), 'options.testSize'],
      [() => estimateRisks(predictor, { ...base, seed: -3 }), 'options.seed'],
      [() => estimateRisks(predictor, { ...base, target: new Float64Array(3) }), 'options.target'],
      [() => estimateRisks(predictor, { ...base, target: undefined }), 'options.target'],
      [() => estimateRisks(predictor, { ...base, sample: 'x' as never }), 'options.sample'],
      [
        () => estimateRisks(predictor, { ...base, sample: () => new Matrix(4, d) }),
        'options.sample(testSize, seed)',
      ],
      [() => estimateRisks(predictor, { ...base, step: 3 } as never), 'options'],
      [
        () =>
          estimateRisks({ predict: () => new Float64Array(1), inputGradient: predictor.inputGradient }, base),
        'predictor',
      ],
      [
        () =>
          estimateRisks(
            {
              predict: (X: Matrix) => new Float64Array(X.rows).fill(Number.NaN),
              inputGradient: predictor.inputGradient,
            },
            base,
          ),
        'predictor',
      ],
      [
        () =>
          estimateRisks(
            {
              predict: predictor.predict,
              inputGradient: (X: Matrix) =>
                new Matrix(X.rows, X.cols, new Float64Array(X.rows * X.cols).fill(Number.POSITIVE_INFINITY)),
            },
            base,
          ),
        'predictor',
      ],
    ];
    expectArgumentErrors(cases);
    expect(estimateRisks(predictor, { ...base, norm: 3, method: 'first-order' }).method).toBe('first-order');
  });
});
