/**
 * The design every linear and kernel experiment shares ([Theory §7](https://benignlab.github.io/theory.html#section-7)): spiked
 * covariance scaled with n, `p = ⌈n^a⌉ + s`, `λ_tail = n^{-b}`, θ* of norm ‖θ*‖ spread
 * over the s spikes, Gaussian noise of standard deviation σ.
 */

/** The config keys that describe the design, shared by e1–e4 and e6. */
export type SpikedDesignConfig = {
  exponentA: number;
  exponentB: number;
  spikes: number;
  sigma: number;
  thetaNorm: number;
};

/**
 * The two adversarial budgets e1 reports: the absolute α = 0.5 of its verdicts (the
 * truth's R_α(θ*) = α²‖θ*‖² = σ² stays fixed, so the harm ratio measures the fitted
 * norm rather than R/α²), and the relative α_rel = 0.05, a labelled extra only (tr Σ
 * grows with n in the reference design, so the truth itself is not robust there).
 */
export const budgetSchema = {
  alphaAbsolute: {
    type: 'number',
    default: 0.5,
    min: 0,
    exclusiveMin: true,
    max: 10,
    description: 'absolute ℓ2 budget α of the verdicts; R_α(θ*) = α²‖θ*‖² at every n',
  },
  alphaRelative: {
    type: 'number',
    default: 0.05,
    min: 0,
    exclusiveMin: true,
    max: 1,
    description:
      'relative ℓ2 budget α_rel (α = α_rel·√tr Σ), a labelled extra: tr Σ grows here, so R_α(θ*) does too',
  },
} as const;

/** Schema entries for {@link SpikedDesignConfig}, with [Theory §7](https://benignlab.github.io/theory.html#section-7)'s defaults. */
export const spikedDesignSchema = {
  exponentA: {
    type: 'number',
    default: 1.5,
    min: 1,
    max: 3,
    description: 'a in p = ⌈n^a⌉ + s (overparameterization exponent; benign when a > 1)',
  },
  exponentB: {
    type: 'number',
    default: 1,
    min: 0,
    max: 4,
    description: 'b in λ_tail = n^(-b) (benign when a − 1 < b)',
  },
  spikes: { type: 'integer', default: 5, min: 1, max: 100, description: 's, the number of unit eigenvalues' },
  sigma: {
    type: 'number',
    default: 0.5,
    min: 0,
    max: 10,
    description: 'noise standard deviation σ (σ² = 0.25)',
  },
  thetaNorm: { type: 'number', default: 1, min: 0, max: 100, description: '‖θ*‖₂, spread over the spikes' },
} as const;

/**
 * The plain-JSON spec `makeDesign` takes for sample size n.
 *
 * @example
 * ```ts
 * makeDesign(spikedDesignSpec(config, 200)); // p = 2834, tail 1/200
 * ```
 */
export function spikedDesignSpec(config: SpikedDesignConfig, n: number) {
  return {
    covariance: {
      kind: 'spikedScaled' as const,
      n,
      a: config.exponentA,
      b: config.exponentB,
      s: config.spikes,
    },
    thetaStar: { kind: 'spikes' as const, norm: config.thetaNorm },
    noise: { law: 'gaussian' as const, sigma: config.sigma },
  };
}

/** p = ⌈n^a⌉ + s, the dimension at sample size n. */
export function dimensionAt(config: SpikedDesignConfig, n: number): number {
  return Math.ceil(n ** config.exponentA) + config.spikes;
}
