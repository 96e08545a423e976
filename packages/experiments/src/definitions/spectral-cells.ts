import { gaussianAdversarialRisk } from '@benignlab/adversarial-risk';
import { type SpikedTailDesign, spikedTailDesignFromSpec } from '@benignlab/data';
import { type RotatedFit, spectralRidgePath } from '@benignlab/linear-models';
import { type SpikedDesignConfig, spikedDesignSpec } from './spiked-design.js';

/** The rotated-basis design of the shared spiked design at sample size n. */
export function spectralDesignAt(config: SpikedDesignConfig, n: number): SpikedTailDesign {
  return spikedTailDesignFromSpec(spikedDesignSpec(config, n));
}

/** ‖θ*‖² of a rotated design. */
function truthNorm2(design: SpikedTailDesign): number {
  let sum = 0;
  for (const v of design.thetaStar) sum += v * v;
  return sum;
}

/** The risk columns of one fit under the absolute and the relative ℓ2 budget (Gaussian closed form). */
export interface BudgetedRisks {
  risk: number;
  norm2: number;
  advRiskAbsolute: number;
  advRiskRelative: number;
  harmAbsolute: number;
  harmRelative: number;
}

/**
 * R, ‖θ̂‖², R_α and the harm ratio R_α(θ̂)/R_α(θ*) under the absolute budget α and the relative
 * budget α = α_rel·√tr(Σ), from a rotated-basis fit: the same numbers `adversarialRisk` and
 * `harmRatio` give for the dense θ̂ (ℓ2, Gaussian, R_α(θ*) = α²‖θ*‖²).
 *
 * @example
 * ```ts
 * const [fit] = spectralRidgePath(sample, design, [0]);
 * budgetedRisks(fit, design, 0.1, 0.05).harmAbsolute;
 * ```
 */
export function budgetedRisks(
  fit: RotatedFit,
  design: SpikedTailDesign,
  alphaAbsolute: number,
  alphaRelative: number,
): BudgetedRisks {
  const norm = Math.sqrt(fit.normSquared);
  const relative = alphaRelative * Math.sqrt(design.trace);
  const truth = truthNorm2(design);
  const advRiskAbsolute = gaussianAdversarialRisk(fit.standardRisk, alphaAbsolute * norm);
  const advRiskRelative = gaussianAdversarialRisk(fit.standardRisk, relative * norm);
  return {
    risk: fit.standardRisk,
    norm2: fit.normSquared,
    advRiskAbsolute,
    advRiskRelative,
    harmAbsolute: advRiskAbsolute / (alphaAbsolute * alphaAbsolute * truth),
    harmRelative: advRiskRelative / (relative * relative * truth),
  };
}

/**
 * One spectral draw at n and its fits over `lambdas` (λ = 0 is min-norm), with the relative
 * budget's α: what e1 and e2 need per cell, in O(n²) time and O(n·s) memory.
 *
 * @example
 * ```ts
 * const { fits, design } = spectralFits(config, 12800, seed, [0]);
 * ```
 */
export function spectralFits(
  config: SpikedDesignConfig,
  n: number,
  seed: number,
  lambdas: readonly number[],
) {
  const design = spectralDesignAt(config, n);
  const sample = design.spectralSample(n, seed);
  const fits = spectralRidgePath(sample, design, lambdas);
  return { design, sample, fits };
}
