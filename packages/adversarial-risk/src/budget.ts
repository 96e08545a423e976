import { assertFiniteNumber, describeValue } from '@benignlab/linalg';
import { covarianceTrace } from './covariance.js';
import { RiskError } from './errors.js';
import { type NormSpec, normExponent } from './norms.js';

/**
 * How the budget α is read: `'absolute'` as given; `'relative'` as a fraction of the
 * typical size of an input in the adversary's norm ([Theory §3](https://benignlab.github.io/theory.html#section-3)).
 */
export type BudgetMode = 'absolute' | 'relative';

/**
 * The absolute budget α for a given mode ([Theory §3](https://benignlab.github.io/theory.html#section-3)).
 *
 * - `absolute`: α as given.
 * - `relative`, ℓ2: `α = α_rel · √tr(Σ)` (the RMS length of an input).
 * - `relative`, ℓ∞: `α = α_rel · √(tr(Σ)/p)` (the RMS coordinate).
 * - `relative`, ℓr for another r ≥ 1 (our choice; the [Theory page](https://benignlab.github.io/theory.html) is silent):
 *   `α = α_rel · p^{1/r} · √(tr(Σ)/p)`, the ℓr length of a vector whose coordinates
 *   all equal the RMS coordinate. It reduces to both rules above at r = 2 and r = ∞.
 *
 * @param alpha α (absolute) or α_rel (relative), ≥ 0
 * @param eigenvalues the eigenvalues of Σ (only their sum and count matter)
 * @param budget `'absolute'` (α as given) or `'relative'` (α_rel scaled by the input size, see above)
 * @param norm the adversary's norm: `'l2'`, `'linf'` or an exponent r ≥ 1
 * @example
 * ```ts
 * absoluteAlpha(0.05, 'relative', 'l2', new Float64Array([1, 1, 1, 1])); // 0.1
 * ```
 */
export function absoluteAlpha(
  alpha: number,
  budget: BudgetMode,
  norm: NormSpec,
  eigenvalues: Float64Array,
): number {
  assertFiniteNumber('alpha', alpha, 0);
  if (budget === 'absolute') return alpha;
  if (budget !== 'relative') {
    throw new RiskError('budget', `expected 'absolute' or 'relative', got ${describeValue(budget)}`);
  }
  const p = eigenvalues.length;
  const rmsCoordinate = Math.sqrt(covarianceTrace(eigenvalues) / p);
  const exponent = normExponent(norm);
  const lengthFactor = exponent === Number.POSITIVE_INFINITY ? 1 : p ** (1 / exponent);
  return alpha * lengthFactor * rmsCoordinate;
}
