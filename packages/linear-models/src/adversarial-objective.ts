import {
  assertFiniteNumber,
  assertKnownOptions,
  assertVector,
  type Matrix,
  toFloat64Vector,
  type VectorInput,
} from '@benignlab/linalg';
import { LinearModelError } from './errors.js';
import { multiply } from './linear-model.js';
import { assertCoefficients, assertDesign } from './validate.js';

/** Perturbation norm of adversarial training: ℓ2 (dual norm ℓ2) or ℓ∞ (dual norm ℓ1). */
export type PerturbationNorm = 'l2' | 'linf';

/** Options of {@link adversarialObjective}. */
export interface AdversarialObjectiveOptions {
  /** Perturbation budget ε ≥ 0. */
  epsilon: number;
  /** Perturbation norm; the penalty uses its dual. */
  norm: PerturbationNorm;
}

/** Checks ε and the norm name. */
export function readAdversarialOptions(
  options: unknown,
  extraKeys: readonly string[] = [],
): AdversarialObjectiveOptions {
  if (options === null || typeof options !== 'object') {
    throw new LinearModelError('options', "expected { epsilon, norm: 'l2' | 'linf' }");
  }
  assertKnownOptions('options', options, ['epsilon', 'norm', ...extraKeys]);
  const { epsilon, norm } = options as AdversarialObjectiveOptions;
  assertFiniteNumber('options.epsilon', epsilon);
  if (epsilon < 0) {
    throw new LinearModelError('options.epsilon', `is ${epsilon}; expected a perturbation budget ε ≥ 0`);
  }
  return { epsilon, norm: assertPerturbationNorm('options.norm', norm) };
}

/** Checks a perturbation norm name: 'l2' or 'linf'. */
export function assertPerturbationNorm(name: string, norm: unknown): PerturbationNorm {
  if (norm !== 'l2' && norm !== 'linf') {
    throw new LinearModelError(name, `is ${JSON.stringify(norm)}; expected 'l2' or 'linf'`);
  }
  return norm;
}

/**
 * ‖θ‖_*, the dual of the perturbation norm of adversarial training ([Theory §3](https://benignlab.github.io/theory.html#section-3)): ‖θ‖₂ for ℓ2 perturbations,
 * ‖θ‖₁ for ℓ∞ ones. The worst perturbation of norm α moves ⟨x, θ⟩ by exactly α‖θ‖_*.
 *
 * @param theta coefficients (length p, finite)
 * @param norm the perturbation norm, 'l2' or 'linf'
 * @example
 * ```ts
 * perturbationDualNorm([3, -4], 'l2'); // 5
 * perturbationDualNorm(Float64Array.of(3, -4), 'linf'); // 7
 * ```
 */
export function perturbationDualNorm(theta: VectorInput, norm: PerturbationNorm): number {
  const vector = toFloat64Vector(theta) as Float64Array;
  assertVector('theta', vector);
  return dualNormValue(vector, assertPerturbationNorm('norm', norm));
}

/**
 * ‖θ‖_* for 'l2' or 'linf' perturbations, the same as {@link perturbationDualNorm}.
 *
 * @param theta coefficients (length p, finite; a `Float64Array` or `number[]`)
 * @param norm the perturbation norm, 'l2' or 'linf'
 * @deprecated Use {@link perturbationDualNorm} instead, or `dualNorm` of
 * `@benignlab/adversarial-risk` (any ℓp, ℓ2 by default): two packages exported different
 * functions under this name.
 */
export function dualNorm(theta: VectorInput, norm: PerturbationNorm): number {
  return perturbationDualNorm(theta, norm);
}

/** {@link perturbationDualNorm} without validation, for solvers that checked θ and the norm once. */
export function dualNormValue(theta: Float64Array, norm: PerturbationNorm): number {
  let s = 0;
  if (norm === 'l2') {
    for (let j = 0; j < theta.length; j++) s += theta[j] * theta[j];
    return Math.sqrt(s);
  }
  for (let j = 0; j < theta.length; j++) s += Math.abs(theta[j]);
  return s;
}

/**
 * The adversarial training loss `(1/n) Σᵢ (|yᵢ − ⟨xᵢ, θ⟩| + ε‖θ‖_*)²` ([Theory §2](https://benignlab.github.io/theory.html#section-2)), the
 * exact worst case of the squared loss over perturbations ‖δᵢ‖ ≤ ε of each input.
 *
 * @param X n×p design, rows are samples
 * @param y length-n labels
 * @param theta coefficients, length p
 * @param options `epsilon` ≥ 0 and `norm` ('l2' or 'linf')
 * @example
 * ```ts
 * const X = Matrix.fromRows([[1, 0, 1], [0, 1, 1]]); // n = 2 samples, p = 3 features
 * const y = Float64Array.of(1, 2);
 * adversarialObjective(X, y, ridge(X, y, 0.1).coef, { epsilon: 0.1, norm: 'l2' }); // ≈ 0.0566
 * ```
 */
export function adversarialObjective(
  X: Matrix,
  y: VectorInput,
  theta: VectorInput,
  options: AdversarialObjectiveOptions,
): number {
  const { p, y: labels } = assertDesign(X, y);
  const coefficients = assertCoefficients('theta', theta, p);
  const { epsilon, norm } = readAdversarialOptions(options);
  return objectiveValue(X, labels, coefficients, epsilon, norm);
}

/** The objective without validation. */
export function objectiveValue(
  X: Matrix,
  y: Float64Array,
  theta: Float64Array,
  epsilon: number,
  norm: PerturbationNorm,
): number {
  const prediction = multiply(X, theta);
  const penalty = epsilon * dualNormValue(theta, norm);
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const u = Math.abs(y[i] - prediction[i]) + penalty;
    s += u * u;
  }
  return s / y.length;
}
