import {
  type FrontierPoint,
  type GroupedSpectrum,
  ridgeTheoryPathGrouped,
} from '@benignlab/adversarial-risk';
import type { DesignSpec } from '@benignlab/data';

/**
 * The family of spiked designs on which benign overfitting harms or ridge rescues:
 * `s` strong spikes at eigenvalue 1, `s_w` weak spikes at `n^(−c)`, and a tail of
 * `⌈n^a⌉` eigenvalues `n^(−b)`, so `p = ⌈n^a⌉ + s + s_w`. The truth has ‖θ*‖ spread
 * over the spikes, a share `w` of ‖θ*‖² on the weak ones and `1 − w` on the strong
 * ones; ‖θ*‖ stays fixed, so under an absolute budget the truth stays robust
 * (`R_α(θ*) = α²‖θ*‖²` for every n).
 *
 * Why these parameters: ridge's fitted noise adds about `σ²·tr Σ_tail/(nκ²)` to ‖θ̂‖², so
 * only an effective regularization `κ ≳ σ·√(tr Σ_tail/n) = σ·n^((a−b−1)/2)` keeps the
 * norm bounded; signal at eigenvalues above that level costs little to keep, signal
 * below it is either fitted (norm grows) or given up (R stops improving at the best rate).
 */
export interface TwoLevelDesign {
  /** a: the tail has ⌈n^a⌉ eigenvalues. */
  a: number;
  /** b: the tail eigenvalue is n^(−b). */
  b: number;
  /** c: the weak spikes sit at n^(−c) (c = 0: as strong as the strong ones). */
  c: number;
  /** w ∈ [0, 1]: the share of ‖θ*‖² on the weak spikes. */
  w: number;
  /** s ≥ 1, strong spikes at 1. */
  strongSpikes: number;
  /** s_w ≥ 0, weak spikes at n^(−c) (0 only with w = 0). */
  weakSpikes: number;
  /** σ, the noise standard deviation. */
  sigma: number;
  /** ‖θ*‖₂. */
  thetaNorm: number;
}

/**
 * p = ⌈n^a⌉ + s + s_w.
 * @param design the two-level design; uses `a`, `strongSpikes` and `weakSpikes`
 * @param n the sample size n ≥ 1
 * @example
 * ```ts
 * const design = { a: 1.5, b: 1, c: 0.375, w: 1, strongSpikes: 5, weakSpikes: 5, sigma: 0.5, thetaNorm: 1 };
 * twoLevelDimension(design, 400); // ⌈400^1.5⌉ + 5 + 5 = 8010
 * ```
 */
export function twoLevelDimension(design: TwoLevelDesign, n: number): number {
  return Math.ceil(n ** design.a) + design.strongSpikes + design.weakSpikes;
}

/**
 * The design's spectrum as groups (for `ridgeTheoryPathGrouped`; no p-long arrays).
 *
 * @param design the two-level design (a, b, c, w, spike counts, ‖θ*‖); σ is not used
 * @param n the sample size n ≥ 1
 * @example
 * ```ts
 * twoLevelSpectrum({ a: 1.5, b: 1, c: 0.375, w: 1, strongSpikes: 5, weakSpikes: 5, sigma: 0.5, thetaNorm: 1 }, 400);
 * // { values: [1, 400^-0.375, 1/400], multiplicities: [5, 5, 8000], thetaStarSquared: [0, 1, 0] }
 * ```
 */
export function twoLevelSpectrum(design: TwoLevelDesign, n: number): GroupedSpectrum {
  const norm2 = design.thetaNorm * design.thetaNorm;
  const values = [1];
  const multiplicities = [design.strongSpikes];
  const thetaStarSquared = [(1 - design.w) * norm2];
  if (design.weakSpikes > 0) {
    values.push(n ** -design.c);
    multiplicities.push(design.weakSpikes);
    thetaStarSquared.push(design.w * norm2);
  }
  values.push(n ** -design.b);
  multiplicities.push(Math.ceil(n ** design.a));
  thetaStarSquared.push(0);
  return { values, multiplicities, thetaStarSquared };
}

/**
 * The plain-JSON spec `makeDesign` takes at sample size n (Σ diagonal: eigenvalues
 * strong, weak, tail; θ* in eigen coordinates, equal weights within each spike group).
 *
 * @param design the two-level design (a, b, c, w, spike counts, σ, ‖θ*‖)
 * @param n the sample size n ≥ 1 the eigenvalues and the dimension depend on
 * @example
 * ```ts
 * const design = { a: 1.5, b: 1, c: 0.375, w: 1, strongSpikes: 5, weakSpikes: 5, sigma: 0.5, thetaNorm: 1 };
 * const d = makeDesign(twoLevelDesignSpec(design, 200)); // p = ⌈200^1.5⌉ + 10 = 2839
 * ```
 */
export function twoLevelDesignSpec(design: TwoLevelDesign, n: number): DesignSpec {
  const p = twoLevelDimension(design, n);
  const eigenvalues = new Float64Array(p).fill(n ** -design.b);
  const theta = new Float64Array(p);
  const norm2 = design.thetaNorm * design.thetaNorm;
  const s = design.strongSpikes;
  for (let j = 0; j < s; j++) {
    eigenvalues[j] = 1;
    theta[j] = Math.sqrt(((1 - design.w) * norm2) / s);
  }
  for (let j = s; j < s + design.weakSpikes; j++) {
    eigenvalues[j] = n ** -design.c;
    theta[j] = Math.sqrt((design.w * norm2) / design.weakSpikes);
  }
  return {
    covariance: { kind: 'custom', eigenvalues },
    thetaStar: { kind: 'custom', values: theta, coordinates: 'eigen' },
    noise: { law: 'gaussian', sigma: design.sigma },
  };
}

/**
 * The best ridge can do at once for accuracy and robustness: over the λ grid,
 * `G = min_λ max(R(λ)/min_λ' R(λ'), R_α(λ)/R_α(θ*))`. G stays bounded as n grows
 * exactly when some λ_n keeps R within a constant of the best R *and* the harm ratio
 * bounded ("ridge escapes"); G growing means every λ pays in one or the other
 * ("trade-off"). The truth itself (R = 0 = min R, harm ratio 1) has G = 1.
 */
export interface BestCompromise {
  /** G, the smallest over λ of max(R/min R, harm ratio). */
  value: number;
  /** The λ attaining it. */
  lambda: number;
  /** R/min R at that λ. */
  riskRatio: number;
  /** R_α/R_α(θ*) at that λ. */
  harmRatio: number;
  /** min over λ of R. */
  bestRisk: number;
  /** The λ of min R. */
  lambdaBestRisk: number;
  /** The harm ratio at the λ of min R (the price of accuracy, in harm units). */
  harmAtBestRisk: number;
  /** min over λ of the harm ratio. */
  bestHarm: number;
  /** R/min R at the λ of min harm (the price of robustness). */
  riskRatioAtBestHarm: number;
}

/**
 * {@link BestCompromise} of a grid of (λ, R, harm ratio) points. When min R = 0 (the
 * truth itself), R/min R is taken as 1 where R = 0.
 *
 * @param lambdas the λ grid, one entry per point
 * @param risks the standard risk R(λ) ≥ 0 at each λ, same length as `lambdas`
 * @param harms the harm ratio R_α(λ)/R_α(θ*) at each λ, same length as `lambdas`
 * @example
 * ```ts
 * bestCompromise([0.1, 1], [0.02, 0.05], [3, 1.2]).value; // min(max(1, 3), max(2.5, 1.2)) = 2.5
 * ```
 */
export function bestCompromise(
  lambdas: ArrayLike<number>,
  risks: ArrayLike<number>,
  harms: ArrayLike<number>,
): BestCompromise {
  let bestRisk = Number.POSITIVE_INFINITY;
  let kRisk = 0;
  let bestHarm = Number.POSITIVE_INFINITY;
  let kHarm = 0;
  for (let k = 0; k < risks.length; k++) {
    if ((risks[k] as number) < bestRisk) {
      bestRisk = risks[k] as number;
      kRisk = k;
    }
    if ((harms[k] as number) < bestHarm) {
      bestHarm = harms[k] as number;
      kHarm = k;
    }
  }
  const ratio = (risk: number) => (risk === 0 ? 1 : risk / bestRisk);
  let value = Number.POSITIVE_INFINITY;
  let kBest = 0;
  for (let k = 0; k < risks.length; k++) {
    const g = Math.max(ratio(risks[k] as number), harms[k] as number);
    if (g < value) {
      value = g;
      kBest = k;
    }
  }
  return {
    value,
    lambda: lambdas[kBest] as number,
    riskRatio: ratio(risks[kBest] as number),
    harmRatio: harms[kBest] as number,
    bestRisk,
    lambdaBestRisk: lambdas[kRisk] as number,
    harmAtBestRisk: harms[kRisk] as number,
    bestHarm,
    riskRatioAtBestHarm: ratio(risks[kHarm] as number),
  };
}

/**
 * The λ grid the theory side of the map searches: 0 (min-norm) and `count` log-spaced
 * values in [10⁻¹², 10²], wide enough that neither optimum sits at an edge for n ≤ 10⁸.
 * @param count the number of log-spaced positive λ values, an integer ≥ 2 (the grid has count + 1 entries)
 * @example
 * ```ts
 * theoryLambdaGrid(3); // [0, 1e-12, ≈1e-5, 100]
 * ```
 */
export function theoryLambdaGrid(count: number): number[] {
  const grid = [0];
  for (let k = 0; k < count; k++) grid.push(10 ** (-12 + (14 * k) / (count - 1)));
  return grid;
}

/**
 * The theory's {@link BestCompromise} for a design at n under the absolute budget α.
 *
 * @param design the two-level design (a, b, c, w, spike counts, σ, ‖θ*‖)
 * @param n the sample size n ≥ 1
 * @param alpha the absolute ℓ2 perturbation budget α ≥ 0
 * @param lambdas the λ grid (λ ≥ 0; 0 is min-norm), e.g. `theoryLambdaGrid(400)`
 * @example
 * ```ts
 * const design = { a: 1.5, b: 1, c: 0.375, w: 1, strongSpikes: 5, weakSpikes: 5, sigma: 0.5, thetaNorm: 1 };
 * theoryCompromise(design, 25600, 0.5, theoryLambdaGrid(100)).value; // G at n = 25 600
 * ```
 */
export function theoryCompromise(
  design: TwoLevelDesign,
  n: number,
  alpha: number,
  lambdas: readonly number[],
): BestCompromise & { points: FrontierPoint[] } {
  const path = ridgeTheoryPathGrouped({
    spectrum: twoLevelSpectrum(design, n),
    sigma2: design.sigma * design.sigma,
    n,
    lambdas,
  });
  return {
    ...bestCompromise(path.lambda, path.risk, path.harmRatio(alpha)),
    points: path.points(alpha),
  };
}
