import { LinalgError, Matrix } from '@benignlab/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  absoluteAlpha,
  adversarialRisk,
  dualExponent,
  dualNorm,
  gaussianAdversarialRisk,
  harmRatio,
  lqNorm,
  type NormSpec,
  RiskError,
  standardRisk,
} from '../src/index.js';

const eigenvalues = new Float64Array([1, 0.5, 0.25]);
const theta = new Float64Array([1, -2, 0.5]);
const thetaStar = new Float64Array([1, 0, 0]);

function argumentOf(call: () => unknown): string | undefined {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(LinalgError);
    return (error as LinalgError).argument;
  }
  return undefined;
}

describe('linear risks: properties', () => {
  it('dual norms: ℓ2 ↔ ℓ2, ℓ∞ ↔ ℓ1, ℓ1 ↔ ℓ∞, ℓ3 ↔ ℓ1.5, and Hölder |⟨δ, θ⟩| ≤ ‖δ‖_p‖θ‖_q', () => {
    expect(dualNorm(new Float64Array([3, -4]))).toBe(5);
    expect(dualNorm(new Float64Array([3, -4]), 'linf')).toBe(7);
    expect(dualNorm(new Float64Array([3, -4]), 1)).toBe(4);
    expect(dualNorm(new Float64Array([3, -4]), Number.POSITIVE_INFINITY)).toBe(7);
    expect(dualNorm(new Float64Array([3, -4]), 3)).toBeCloseTo((3 ** 1.5 + 4 ** 1.5) ** (1 / 1.5), 13);
    // The maximizer δ_j ∝ sign(θ_j)|θ_j|^{q−1} attains ⟨δ, θ⟩ = ‖θ‖_q at ‖δ‖_p = 1.
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 1.1, max: 8, noNaN: true }),
        (values, p) => {
          const v = Float64Array.from(values);
          const q = p / (p - 1);
          const dual = dualNorm(v, p);
          fc.pre(dual > 1e-6);
          const delta = v.map((x) => Math.sign(x) * (Math.abs(x) / dual) ** (q - 1));
          const deltaNorm = delta.reduce((s, x) => s + Math.abs(x) ** p, 0) ** (1 / p);
          const inner = delta.reduce((s, x, j) => s + x * v[j]!, 0);
          expect(deltaNorm).toBeCloseTo(1, 9);
          expect(inner).toBeCloseTo(dual, 9);
        },
      ),
      { numRuns: 200, seed: 1 },
    );
  });

  it('R_α increases with α, lies within the two-sided bounds and equals R at α = 0', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.constantFrom<NormSpec>('l2', 'linf', 1, 3),
        (alpha, norm) => {
          const risk = standardRisk(theta, thetaStar, { eigenvalues });
          const value = adversarialRisk(theta, thetaStar, { eigenvalues }, { alpha, norm });
          const shift = alpha * dualNorm(theta, norm);
          expect(value).toBeGreaterThanOrEqual(risk + shift * shift - 1e-12);
          expect(value).toBeLessThanOrEqual((Math.sqrt(risk) + shift) ** 2 + 1e-12);
          expect(
            adversarialRisk(theta, thetaStar, { eigenvalues }, { alpha: alpha + 0.1, norm }),
          ).toBeGreaterThan(value);
        },
      ),
      { numRuns: 100, seed: 2 },
    );
    expect(adversarialRisk(theta, thetaStar, { eigenvalues }, { alpha: 0 })).toBe(
      standardRisk(theta, thetaStar, { eigenvalues }),
    );
  });

  it('a rotated covariance with the identity basis equals the diagonal one', () => {
    const rotated = adversarialRisk(
      theta,
      thetaStar,
      { eigenvalues, basis: Matrix.identity(3) },
      { alpha: 0.2 },
    );
    expect(rotated).toBe(adversarialRisk(theta, thetaStar, { eigenvalues }, { alpha: 0.2 }));
  });

  it('relative budgets: α_rel·√tr Σ (ℓ2), α_rel·√(tr Σ/p) (ℓ∞), α_rel·p^{1/r}·√(tr Σ/p) (ℓr)', () => {
    const trace = 1.75;
    expect(absoluteAlpha(0.1, 'relative', 'l2', eigenvalues)).toBeCloseTo(0.1 * Math.sqrt(trace), 15);
    expect(absoluteAlpha(0.1, 'relative', 'linf', eigenvalues)).toBeCloseTo(0.1 * Math.sqrt(trace / 3), 15);
    expect(absoluteAlpha(0.1, 'relative', 4, eigenvalues)).toBeCloseTo(
      0.1 * 3 ** 0.25 * Math.sqrt(trace / 3),
      15,
    );
    expect(absoluteAlpha(0.1, 'absolute', 'linf', eigenvalues)).toBe(0.1);
    expect(
      adversarialRisk(theta, thetaStar, { eigenvalues }, { alpha: 0.1, budget: 'relative', norm: 'linf' }),
    ).toBe(
      adversarialRisk(theta, thetaStar, { eigenvalues }, { alpha: 0.1 * Math.sqrt(trace / 3), norm: 'linf' }),
    );
  });
});

describe('linear risks: bad input raises a clear error naming the argument', () => {
  const cov = { eigenvalues };
  it.each([
    ['α < 0', () => adversarialRisk(theta, thetaStar, cov, { alpha: -0.1 }), 'options.alpha'],
    ['α NaN', () => adversarialRisk(theta, thetaStar, cov, { alpha: Number.NaN }), 'options.alpha'],
    ['p < 1', () => adversarialRisk(theta, thetaStar, cov, { alpha: 0.1, norm: 0.5 }), 'options.norm'],
    [
      'unknown norm',
      () => adversarialRisk(theta, thetaStar, cov, { alpha: 0.1, norm: 'l3' as never }),
      'options.norm',
    ],
    [
      'unknown option',
      () => adversarialRisk(theta, thetaStar, cov, { alpha: 0.1, nrom: 'l2' } as never),
      'options',
    ],
    [
      'unknown law',
      () => adversarialRisk(theta, thetaStar, cov, { alpha: 0.1, law: 'cauchy' as never }),
      'options.law',
    ],
    [
      'unknown budget',
      () => adversarialRisk(theta, thetaStar, cov, { alpha: 0.1, budget: 'rms' as never }),
      'budget',
    ],
    [
      'negative noise',
      () => adversarialRisk(theta, thetaStar, cov, { alpha: 0.1, noiseVariance: -1 }),
      'options.noiseVariance',
    ],
    [
      'samples',
      () => adversarialRisk(theta, thetaStar, cov, { alpha: 0.1, law: 'uniform', samples: 1 }),
      'options.samples',
    ],
    [
      'seed',
      () => adversarialRisk(theta, thetaStar, cov, { alpha: 0.1, law: 'uniform', seed: 0.5 }),
      'options.seed',
    ],
    [
      'negative seed',
      () => adversarialRisk(theta, thetaStar, cov, { alpha: 0.1, law: 'uniform', seed: -1 }),
      'options.seed',
    ],
    ['missing options', () => adversarialRisk(theta, thetaStar, cov, undefined as never), 'options'],
    ['mismatched θ', () => standardRisk(new Float64Array(2), thetaStar, cov), 'theta'],
    ['mismatched θ*', () => standardRisk(theta, new Float64Array(4), cov), 'thetaStar'],
    ['NaN in θ', () => standardRisk(new Float64Array([1, Number.NaN, 0]), thetaStar, cov), 'theta'],
    ['θ as array of strings', () => standardRisk(['1', '2', '3'] as never, thetaStar, cov), 'theta'],
    [
      'zero eigenvalue',
      () => standardRisk(theta, thetaStar, { eigenvalues: new Float64Array([1, 0, 1]) }),
      'covariance.eigenvalues',
    ],
    [
      'negative eigenvalue',
      () => standardRisk(theta, thetaStar, { eigenvalues: new Float64Array([1, -1, 1]) }),
      'covariance.eigenvalues',
    ],
    [
      'basis shape',
      () => standardRisk(theta, thetaStar, { eigenvalues, basis: Matrix.identity(2) }),
      'covariance.basis',
    ],
    [
      'basis not orthonormal',
      () =>
        standardRisk(theta, thetaStar, {
          eigenvalues,
          basis: Matrix.fromRows([
            [2, 0, 0],
            [0, 1, 0],
            [0, 0, 1],
          ]),
        }),
      'covariance.basis',
    ],
    [
      'unknown covariance key',
      () => standardRisk(theta, thetaStar, { eigenvalues, vectors: 1 } as never),
      'covariance',
    ],
    ['harm ratio at α = 0', () => harmRatio(theta, thetaStar, cov, { alpha: 0 }), 'thetaStar'],
    ['dual norm of NaN', () => dualNorm(new Float64Array([1, Number.NaN])), 'theta'],
    ['ℓq norm with q < 1', () => lqNorm(new Float64Array([3, -4]), 0.5), 'q'],
    ['ℓq norm of Infinity', () => lqNorm(new Float64Array([Number.POSITIVE_INFINITY]), 2), 'v'],
    ['dual exponent of p < 1', () => dualExponent(0.5), 'p'],
    ['dual exponent of NaN', () => dualExponent(Number.NaN), 'p'],
    ['closed form with R < 0', () => gaussianAdversarialRisk(-1, 0.1), 'risk'],
    ['closed form with NaN shift', () => gaussianAdversarialRisk(1, Number.NaN), 'scaledDualNorm'],
    ['closed form with negative shift', () => gaussianAdversarialRisk(1, -0.1), 'scaledDualNorm'],
  ])('%s', (_label, call, argument) => {
    expect(argumentOf(call)).toBe(argument);
  });

  it('errors are RiskError (a LinalgError) with a message naming value and expectation', () => {
    const call = () => adversarialRisk(theta, thetaStar, cov, { alpha: 0.1, norm: 0.5 });
    expect(call).toThrow(RiskError);
    expect(call).toThrow(/options\.norm: expected 'l2', 'linf' or a number p ≥ 1, got 0\.5/);
  });
});
