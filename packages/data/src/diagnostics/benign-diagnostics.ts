import { describeValue } from '@benignlab/linalg';
import { spectrumOf } from '../design/covariance-spectrum.js';
import { type DesignSpec, resolveDesignSpec } from '../design/spec.js';
import { DataError } from '../errors.js';
import { effectiveRanks } from './effective-ranks.js';

/** How a finite-n ratio compares with the asymptotic requirement "→ 0". */
export type RatioLevel = 'small' | 'moderate' | 'large';

/** Ratios at or below this count as small (the benign side). */
export const SMALL_RATIO = 0.1;
/** Ratios above this count as large (clearly not benign at this n). */
export const LARGE_RATIO = 0.5;

/** One of the three conditions of Bartlett et al. (2020), evaluated at this n. */
export interface BenignCheck {
  /** Which ratio: r₀ over n, k* over n, or n over R_k*. */
  name: 'r0/n' | 'k*/n' | 'n/R_k*';
  /** The ratio, or null when k* does not exist. */
  value: number | null;
  level: RatioLevel | 'undefined';
  /** One sentence saying what the value means. */
  meaning: string;
}

/** What {@link benignDiagnostics} reports. */
export interface BenignDiagnostics {
  n: number;
  p: number;
  /** The constant of k*(b). */
  b: number;
  /** `tr Σ = Σ_j λ_j`. */
  traceSigma: number;
  /** λ_1, the largest eigenvalue. */
  topEigenvalue: number;
  /** `r_0(Σ) = tr Σ / λ_1`. */
  r0: number;
  r0OverN: number;
  /** `k* = min{k : r_k ≥ b·n}`, null if none. */
  kstar: number | null;
  kstarOverN: number | null;
  /** `R_{k*}(Σ)`, null if k* does not exist. */
  RkStar: number | null;
  nOverRkStar: number | null;
  /** ‖θ*‖₂ (basis-independent). */
  thetaStarNorm: number;
  /** Noise standard deviation σ. */
  sigma: number;
  /**
   * `σ² n / tr Σ`, the lower bound on `E‖θ̂_0‖²` of [Theory §4](https://benignlab.github.io/theory.html#section-4): the min-norm
   * interpolator's norm, and with it its adversarial risk, grows when tr Σ = o(n).
   */
  minNormSquaredNormLowerBound: number;
  checks: BenignCheck[];
  verdict: 'benign' | 'borderline' | 'not benign';
  /** The verdict in plain language, with the numbers behind it. */
  explanation: string;
}

function level(value: number): RatioLevel {
  if (value <= SMALL_RATIO) return 'small';
  return value <= LARGE_RATIO ? 'moderate' : 'large';
}

function format(value: number): string {
  return Math.abs(value) >= 1e4 || (Math.abs(value) < 1e-3 && value !== 0)
    ? value.toExponential(2)
    : value.toPrecision(3);
}

function thetaNorm(spec: ReturnType<typeof resolveDesignSpec>['thetaStar']): number {
  if (spec.kind !== 'custom') return spec.norm ?? 1;
  let sum = 0;
  for (const value of spec.values) sum += value * value;
  return Math.sqrt(sum);
}

/**
 * Where a design stands, at sample size n, relative to the benign-overfitting conditions
 * of Bartlett et al. (2020), [Theory §1](https://benignlab.github.io/theory.html#section-1): `r_0(Σ) = o(n)`, `k* / n → 0`,
 * `n / R_{k*}(Σ) → 0`. These are asymptotic; at one n we call a ratio small when
 * ≤ 0.1, large when > 0.5, and give the verdict `'benign'` (p > n, k* exists, all three
 * small), `'not benign'` (p ≤ n, no k*, or any ratio large) or `'borderline'`.
 * Also reports tr Σ, ‖θ*‖ and the lower bound σ²n/tr Σ on the min-norm interpolator's
 * squared norm, which is what makes benign overfitting adversarially harmful.
 *
 * Only the spectrum is needed: no Haar basis is drawn, so this is cheap for any p.
 *
 * @param spec a design spec, as for `makeDesign`
 * @param n sample size (integer ≥ 1); the spectrum of a `spikedScaled` spec stays the
 *   spec's own (built with its `n`), only the ratios use this n
 * @param options `b` (default 1), the constant of k*
 * @example
 * ```ts
 * const report = benignDiagnostics({ covariance: { kind: 'spikedScaled', n: 400, a: 1.5, b: 1, s: 5 } }, 400);
 * report.verdict; // 'benign'
 * console.log(report.explanation);
 * ```
 */
export function benignDiagnostics(
  spec: DesignSpec,
  n: number,
  options: { b?: number } = {},
): BenignDiagnostics {
  const resolved = resolveDesignSpec(spec);
  if (!Number.isInteger(n) || n < 1) {
    throw new DataError('n', `got ${describeValue(n)}; expected an integer sample size ≥ 1`);
  }
  if (options === null || typeof options !== 'object') {
    throw new DataError('options', `expected an options object, got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (key !== 'b') throw new DataError(`options.${key}`, 'is not a known option; expected only "b"');
  }
  const b = options.b ?? 1;
  const eigenvalues = spectrumOf(resolved.covariance);
  const p = eigenvalues.length;
  const { r, R, kstar } = effectiveRanks(eigenvalues, n, b);
  const topEigenvalue = eigenvalues[0] as number;
  const r0 = r[0] as number;
  const traceSigma = r0 * topEigenvalue;
  const r0OverN = r0 / n;
  const kstarOverN = kstar === null ? null : kstar / n;
  const RkStar = kstar === null ? null : (R[kstar] as number);
  const nOverRkStar = RkStar === null ? null : n / RkStar;
  const sigma = resolved.noise.sigma;

  const checks: BenignCheck[] = [
    {
      name: 'r0/n',
      value: r0OverN,
      level: level(r0OverN),
      meaning: `r₀/n = ${format(r0OverN)}: the total variance tr Σ = ${format(traceSigma)} against n·λ₁ (needs → 0).`,
    },
    {
      name: 'k*/n',
      value: kstarOverN,
      level: kstarOverN === null ? 'undefined' : level(kstarOverN),
      meaning:
        kstar === null
          ? `no k has r_k ≥ ${format(b * n)}: the tail is too thin to absorb the noise (k* does not exist).`
          : `k*/n = ${format(kstarOverN as number)}: ${kstar} leading directions are fitted like ordinary regression (needs → 0).`,
    },
    {
      name: 'n/R_k*',
      value: nOverRkStar,
      level: nOverRkStar === null ? 'undefined' : level(nOverRkStar),
      meaning:
        nOverRkStar === null
          ? 'n/R_k* is undefined because k* does not exist.'
          : `n/R_k* = ${format(nOverRkStar)}: the tail beyond k* spreads the noise over ${format(RkStar as number)} effective dimensions (needs → 0).`,
    },
  ];

  let verdict: BenignDiagnostics['verdict'];
  const reasons: string[] = [];
  if (p <= n)
    reasons.push(
      `p = ${p} ≤ n = ${n}, so the model is not overparameterized and cannot interpolate noisy data`,
    );
  if (kstar === null) reasons.push('k* does not exist');
  for (const check of checks)
    if (check.level === 'large') reasons.push(`${check.name} = ${format(check.value as number)} is large`);
  if (reasons.length > 0) verdict = 'not benign';
  else if (checks.every((check) => check.level === 'small')) verdict = 'benign';
  else verdict = 'borderline';

  const bound = (sigma * sigma * n) / traceSigma;
  const summary =
    verdict === 'benign'
      ? `At n = ${n} this design is in the benign regime: interpolating the noisy labels should still give a small test error.`
      : verdict === 'borderline'
        ? `At n = ${n} this design is borderline: the conditions point the right way but are not yet small (≤ ${SMALL_RATIO}); a larger n may be needed.`
        : `At n = ${n} this design is not in the benign regime (${reasons.join('; ')}).`;
  const harm = `The min-norm interpolator's squared norm is at least σ²n/tr Σ = ${format(bound)} on average, against ‖θ*‖² = ${format(thetaNorm(resolved.thetaStar) ** 2)} for the truth: that norm is what an adversary exploits.`;
  const explanation = [summary, ...checks.map((check) => check.meaning), harm].join(' ');

  return {
    n,
    p,
    b,
    traceSigma,
    topEigenvalue,
    r0,
    r0OverN,
    kstar,
    kstarOverN,
    RkStar,
    nOverRkStar,
    thetaStarNorm: thetaNorm(resolved.thetaStar),
    sigma,
    minNormSquaredNormLowerBound: bound,
    checks,
    verdict,
    explanation,
  };
}
