import type { RankUpdateExecutor } from './rank-update-executor.js';
import { reductionLayout } from './reduction-layout.js';

/**
 * The first steps of every kernel-memory eigensolver: reserves `reserveBytes` of the
 * executor's kernel memory (at least the reduction's region of {@link reductionLayout}),
 * copies the n×n `source` in, and unless it is zero forms `(A + Aᵀ)/(2·max|A|)` there
 * (the bits of `scaledSymmetricCopy`) and reduces it to tridiagonal form in place on the
 * executor's threads. Returns `max|A_ij|` (0 for the zero matrix, then nothing else is done)
 * and the layout, whose d, e, τ and reflectors (rows of a) now hold the reduction.
 *
 * @example
 * ```ts
 * const { scale, at } = reduceInKernelMemory(executor, A.data, n, reductionLayout(n, 4).end);
 * ```
 */
export function reduceInKernelMemory(
  executor: RankUpdateExecutor,
  source: Float64Array,
  n: number,
  reserveBytes: number,
): { scale: number; at: ReturnType<typeof reductionLayout> } {
  const { kernel } = executor;
  const at = reductionLayout(n, kernel.REDUCTION_CHUNKS.value);
  executor.reserve(Math.max(reserveBytes, at.end));
  new Float64Array(executor.memory.buffer, at.a, n * n).set(source);
  const scale = kernel.maxAbs(at.a, n * n);
  if (scale === 0) return { scale, at };
  kernel.symmetrizeScaled(n, at.a, scale);
  executor.tridiagonalizeInPlace(n);
  return { scale, at };
}
