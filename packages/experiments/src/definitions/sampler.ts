import { ExperimentError } from '../core/errors.js';

/**
 * Which sampler draws an experiment's data:
 *
 * - `dense`: the n×p design itself (`makeDesign`), the cross-check; memory O(n·p).
 * - `spectral`: linear estimators in the rotated basis of the tail Gram matrix (exact
 *   Laguerre eigenvalues and Woodbury solves; `spikedTailDesign(…).spectralSample`), O(n·s)
 *   memory, no p-dimensional vector.
 * - `gram`: kernels from the exact joint Gram matrix of training and test points (Bartlett;
 *   `spikedTailDesign(…).gramSample`), O(n²) memory.
 *
 * All three are equal in law for the spiked Gaussian design; the sampler is recorded in
 * every row and in the config.
 */
export type Sampler = 'dense' | 'spectral' | 'gram';

/** The largest n the dense sampler takes (an n×p design at p = n^1.5 is 1.3 GB at n = 3000). */
export const DENSE_MAX_N = 3000;

/**
 * The schema entry of the `sampler` key.
 *
 * @example
 * ```ts
 * samplerSchema('spectral', ['dense', 'spectral']).default; // 'spectral'
 * ```
 */
export function samplerSchema<const V extends readonly Sampler[]>(fallback: V[number], values: V) {
  return {
    type: 'enum',
    default: fallback,
    values,
    description:
      fallback === 'gram'
        ? 'data sampler: gram (exact joint Gram matrix of training and test points, no p-vectors) or dense (the n×p design, the cross-check)'
        : 'data sampler: spectral (exact rotated-basis draw, O(n·s) memory, n to 10⁵) or dense (the n×p design, the cross-check)',
  } as const;
}

/**
 * Throws an `ExperimentError` naming `<id>.ns` when the dense sampler is asked for an n it
 * cannot hold in memory.
 *
 * @example
 * ```ts
 * checkDenseSizes('e1', 'dense', [50, 12800]); // throws: e1.ns … use sampler=spectral
 * ```
 */
export function checkDenseSizes(id: string, sampler: string, ns: readonly number[], key = 'ns'): void {
  if (sampler !== 'dense') return;
  const largest = Math.max(...ns);
  if (largest > DENSE_MAX_N) {
    throw new ExperimentError(
      `${id}.${key}`,
      `has n = ${largest}; the dense sampler takes n ≤ ${DENSE_MAX_N} (an n×p design); use the default exact sampler for larger n`,
    );
  }
}
