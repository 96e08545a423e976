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

/** The tridiagonal of a reduction in kernel memory, with its eigenvalues under way (see {@link tridiagonalWithEigenvalues}). */
export interface TridiagonalWithEigenvalues {
  /** Copies of the diagonal, super-diagonal and τ of the reduction (n each), free to overwrite. */
  d: Float64Array;
  e: Float64Array;
  tau: Float64Array;
  /** The values-only QL's eigenvalues (unsorted) and −1 or an unconverged index; waits for a worker's run. */
  finishEigenvalues(): { values: Float64Array; unconverged: number };
}

/**
 * Copies the tridiagonal (d, e, τ) of the reduction at `at` out of kernel memory and starts
 * the eigenvalue-only implicit QL on a second copy of (d, e) at byte `valuesAt` (2n doubles,
 * reserved): on a pool's worker while the caller goes on, else when `finishEigenvalues` is
 * called. The eigenvalues are those `symEigValues` returns, so the solvers that pair them
 * with vectors or projections return the same bits.
 *
 * @example
 * ```ts
 * const { d, e, tau, finishEigenvalues } = tridiagonalWithEigenvalues(executor, n, at, valuesAt, 60);
 * ```
 */
export function tridiagonalWithEigenvalues(
  executor: RankUpdateExecutor,
  n: number,
  at: ReturnType<typeof reductionLayout>,
  valuesAt: number,
  maxSweepsPerEigenvalue: number,
): TridiagonalWithEigenvalues {
  const heap = new Float64Array(executor.memory.buffer);
  const d = heap.slice(at.d / 8, at.d / 8 + n);
  const e = heap.slice(at.e / 8, at.e / 8 + n);
  const tau = heap.slice(at.tau / 8, at.tau / 8 + n);
  const valuesD = valuesAt;
  const valuesE = valuesAt + n * 8;
  heap.set(d, valuesD / 8);
  heap.set(e, valuesE / 8);
  executor.startEigenvalues?.(n, valuesD, valuesE, maxSweepsPerEigenvalue);
  return {
    d,
    e,
    tau,
    finishEigenvalues() {
      const unconverged =
        executor.finishEigenvalues?.() ??
        executor.kernel.implicitQL(n, valuesD, valuesE, maxSweepsPerEigenvalue);
      const values = new Float64Array(executor.memory.buffer, valuesD, n).slice();
      return { values, unconverged };
    },
  };
}
