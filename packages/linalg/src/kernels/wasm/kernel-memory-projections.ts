import { applyReflectorsTransposed } from '../eigen/householder-tridiagonal.js';
import { implicitQL } from '../eigen/implicit-ql.js';
import { roundUp } from './blocked-gemm.js';
import { reduceInKernelMemory, tridiagonalWithEigenvalues } from './kernel-memory-reduction.js';
import type { RankUpdateExecutor } from './rank-update-executor.js';
import { reductionLayout } from './reduction-layout.js';

/** The result of {@link projectionsInKernelMemory}. */
export interface KernelMemoryProjections {
  /** max |A_ij| (0 for the zero matrix: nothing else is set and `c` is untouched). */
  scale: number;
  /** The eigenvalues of the rotated QL (unsorted): row j of `c` belongs to `rotated[j]`. */
  rotated: Float64Array;
  /** The eigenvalues of the values-only QL (unsorted): the bits `symEigValues` returns. */
  values: Float64Array;
  /** −1, or the index of an eigenvalue whose QL (either run) did not converge. */
  unconverged: number;
}

/**
 * `c ← VᵀB` (n×m row-major, rows unsorted) and the eigenvalues of the symmetric n×n
 * `source`, its reduction in the executor's kernel memory (no copy of the matrix or of its
 * reflectors in JavaScript): Qᵀc reflector by reflector read from kernel memory, then
 * implicit QL with every rotation applied to the rows of c, while the values-only QL runs
 * on a worker of a pool (else after it).
 *
 * @example
 * ```ts
 * const { scale, rotated, values, unconverged } = projectionsInKernelMemory(executor, A.data, n, c, m, 60);
 * ```
 */
export function projectionsInKernelMemory(
  executor: RankUpdateExecutor,
  source: Float64Array,
  n: number,
  c: Float64Array,
  m: number,
  maxSweepsPerEigenvalue: number,
): KernelMemoryProjections {
  const valuesAt = roundUp(reductionLayout(n, executor.kernel.REDUCTION_CHUNKS.value).end, 8);
  const { scale, at } = reduceInKernelMemory(executor, source, n, valuesAt + 2 * n * 8);
  const none = new Float64Array(0);
  if (scale === 0) return { scale, rotated: none, values: none, unconverged: -1 };
  const {
    d: rotated,
    e,
    tau,
    finishEigenvalues,
  } = tridiagonalWithEigenvalues(executor, n, at, valuesAt, maxSweepsPerEigenvalue);
  const reflectors = new Float64Array(executor.memory.buffer, at.a, n * n);
  applyReflectorsTransposed(n, reflectors, tau, c, m);
  let unconverged = implicitQL(n, rotated, e, c, maxSweepsPerEigenvalue, m);
  const { values, unconverged: valuesUnconverged } = finishEigenvalues();
  if (unconverged < 0) unconverged = valuesUnconverged;
  return { scale, rotated, values, unconverged };
}
