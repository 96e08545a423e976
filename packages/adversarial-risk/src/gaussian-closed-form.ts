import { assertFiniteNumber } from '@benignlab/linalg';

/** √(2/π) = E|g| for a standard normal g. */
export const SQRT_TWO_OVER_PI = Math.sqrt(2 / Math.PI);

/**
 * The Gaussian closed form of the adversarial risk ([Theory §3](https://benignlab.github.io/theory.html#section-3)):
 * `R_α = R + 2√(2/π)·α‖θ‖_*·√R + α²‖θ‖_*²`, valid when the margin
 * `a = ⟨x, θ − θ*⟩ (+ ε)` is centred Gaussian with variance `R`.
 *
 * @param risk R ≥ 0, the variance of the margin (R(θ), or R(θ) + σ² against noisy labels),
 *   in squared label units
 * @param scaledDualNorm α‖θ‖_* ≥ 0, the largest shift an allowed perturbation causes
 * @returns R_α in squared label units
 * @example
 * ```ts
 * gaussianAdversarialRisk(0, 0.1); // 0.01
 * ```
 */
export function gaussianAdversarialRisk(risk: number, scaledDualNorm: number): number {
  assertFiniteNumber('risk', risk, 0);
  assertFiniteNumber('scaledDualNorm', scaledDualNorm, 0);
  return gaussianAdversarialRiskValue(risk, scaledDualNorm);
}

/** {@link gaussianAdversarialRisk} without validation, for callers that computed R ≥ 0. */
export function gaussianAdversarialRiskValue(risk: number, scaledDualNorm: number): number {
  return risk + 2 * SQRT_TWO_OVER_PI * scaledDualNorm * Math.sqrt(risk) + scaledDualNorm * scaledDualNorm;
}
