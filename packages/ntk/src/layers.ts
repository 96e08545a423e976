import { describeValue } from '@benignlab/linalg';
import { NtkError } from './errors.js';

/**
 * Which layers of the two-layer ReLU network `f(x) = m^{-1/2} Σ_j a_j relu(⟨w_j, x⟩)`
 * are trained, hence which neural tangent kernel applies ([Theory §5](https://benignlab.github.io/theory.html#section-5)):
 * - `'first'`: only the first-layer weights `w_j` move; the kernel is `K₁`.
 * - `'both'`: `w_j` and the output weights `a_j` move; the kernel is `K₁ + K₂`.
 */
export type NtkLayers = 'first' | 'both';

/** The default when `layers` is omitted: every parameter trained, the usual NTK. */
export const DEFAULT_LAYERS: NtkLayers = 'both';

/** Validates an optional `layers` option and applies the default. */
export function readLayers(name: string, value: unknown): NtkLayers {
  if (value === undefined) return DEFAULT_LAYERS;
  if (value !== 'first' && value !== 'both') {
    throw new NtkError(name, `expected 'first' or 'both', got ${describeValue(value)}`);
  }
  return value;
}
