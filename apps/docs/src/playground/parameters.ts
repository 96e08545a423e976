/** The estimator the playground shows. */
export type PlaygroundModel = 'min-norm' | 'ridge' | 'ntk';

/** How α is read ([Theory §3](https://benignlab.github.io/theory.html#section-3)): as given, or as a fraction of the RMS input length √tr Σ. */
export type BudgetMode = 'absolute' | 'relative';

/** Which NTK: first layer trained (K₁) or both layers (K₁ + K₂). */
export type NtkLayers = 'first' | 'both';

/**
 * Every setting of the playground. The design is the spiked one scaled with n
 * ([Theory §1](https://benignlab.github.io/theory.html#section-1)): `s` unit eigenvalues, `p = ⌈n^a⌉ + s`, tail `n^{-b}`, ‖θ*‖ = 1 on the spikes.
 */
export interface PlaygroundParameters {
  /** Sample size n (the marked point of the n sweep, and the n of the λ sweep). */
  n: number;
  /** Overparameterization exponent a in p = ⌈n^a⌉ + s. */
  a: number;
  /** Tail exponent b in λ_tail = n^{-b}. */
  b: number;
  /** Noise standard deviation σ. */
  sigma: number;
  /** Budget α (absolute) or α_rel (relative), ℓ2. */
  alpha: number;
  budget: BudgetMode;
  /** Ridge parameter λ of `(1/n)‖y − Xθ‖² + λ‖θ‖²` (ridge and NTK ridge; min-norm ignores it). */
  lambda: number;
  model: PlaygroundModel;
  ntkLayers: NtkLayers;
}

/** Number of spikes s ([Theory §7](https://benignlab.github.io/theory.html#section-7)). */
export const spikeCount = 5;

/** [Theory §7](https://benignlab.github.io/theory.html#section-7)'s setting: σ² = 0.25, α_rel = 0.05 under the relative budget. */
export const defaultParameters: PlaygroundParameters = {
  n: 200,
  a: 1.5,
  b: 1,
  sigma: 0.5,
  alpha: 0.05,
  budget: 'relative',
  lambda: 0.01,
  model: 'min-norm',
  ntkLayers: 'first',
};

/** Slider ranges. n and λ move on a log scale. */
export const parameterRanges = {
  n: { min: 50, max: 3200 },
  a: { min: 1.1, max: 1.8, step: 0.05 },
  b: { min: 0.2, max: 1.5, step: 0.05 },
  sigma: { min: 0, max: 1.5, step: 0.05 },
  alpha: { min: 0, max: 0.3, step: 0.005 },
  lambda: { min: 1e-6, max: 10 },
} as const;

/** Largest p the theory curves are drawn for: ridgeTheoryPath merges equal eigenvalues, this bounds the O(p) setup. */
export const maxTheoryDimension = 2_000_000;

/**
 * p = ⌈n^a⌉ + s, the dimension of the spiked design at sample size n.
 *
 * @example
 * ```ts
 * dimensionAt(200, 1.5); // 2834
 * ```
 */
export function dimensionAt(n: number, a: number): number {
  return Math.ceil(n ** a) + spikeCount;
}

/**
 * The spiked spectrum scaled with n and the truth in its eigenbasis:
 * `λ_j = 1` for j ≤ s, `λ_j = n^{-b}` after; `θ*_j = 1/√s` on the spikes (‖θ*‖ = 1).
 *
 * @example
 * ```ts
 * const { eigenvalues, thetaStar } = spikedSpectrum(100, 1.5, 1); // p = 1005
 * ```
 */
export function spikedSpectrum(
  n: number,
  a: number,
  b: number,
): { eigenvalues: Float64Array; thetaStar: Float64Array } {
  const p = dimensionAt(n, a);
  const eigenvalues = new Float64Array(p).fill(n ** -b);
  eigenvalues.fill(1, 0, spikeCount);
  const thetaStar = new Float64Array(p);
  thetaStar.fill(1 / Math.sqrt(spikeCount), 0, spikeCount);
  return { eigenvalues, thetaStar };
}

/** tr Σ of the spiked design, without building the spectrum. */
export function spikedTrace(n: number, a: number, b: number): number {
  return spikeCount + (dimensionAt(n, a) - spikeCount) * n ** -b;
}

/**
 * The linear ridge parameter the NTK model behaves like ([Theory §5](https://benignlab.github.io/theory.html#section-5), high-dimensional
 * linearization): `K₁ ≈ (XXᵀ + tr Σ·I)/4` gives `λ_eff = tr Σ/n + 4λ`;
 * `K₁ + K₂ ≈ (XXᵀ + (1 − 1/π) tr Σ·I)/2 + const` gives `λ_eff = (1 − 1/π) tr Σ/n + 2λ`
 * (the constant kernel term is dropped: it only shifts predictions).
 *
 * @example
 * ```ts
 * ntkEffectiveLambda(200, 0, 'first', 6.4); // 0.032
 * ```
 */
export function ntkEffectiveLambda(n: number, lambda: number, layers: NtkLayers, traceSigma: number): number {
  return layers === 'first' ? traceSigma / n + 4 * lambda : ((1 - 1 / Math.PI) * traceSigma) / n + 2 * lambda;
}
