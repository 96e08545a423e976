import { divideAndConquerInto, type EigenvectorStore } from '../eigen/tridiagonal-divide-conquer.js';
import { KC, roundUp } from './blocked-gemm.js';
import { productOfPackedSlices } from './kernel-memory-product.js';
import { reduceInKernelMemory, tridiagonalWithEigenvalues } from './kernel-memory-reduction.js';
import { applyReflectorsInKernelMemory, reflectorScratchLayout } from './kernel-memory-reflectors.js';
import { MICRO_TILE } from './kernel-module.js';
import { mergeVectorsLayout, solveMergeInKernel } from './merge-arithmetic.js';
import { PACK_KIND, type RankUpdateExecutor } from './rank-update-executor.js';
import { reductionLayout } from './reduction-layout.js';

/**
 * Byte offsets of the eigenvector pipeline's kernel memory, from `base` (after the reduction's
 * region, whose reflectors the back-transformation reads): packed panels for A and B, Z (n×n),
 * a region shared by the merges' U (k×k ≤ n×n) and the back-transformation's block scratch,
 * a merge product's result (⌈n/2⌉×n), the merge arithmetic's vectors, three i32 index
 * lists of n entries, and the (d, e) of the eigenvalue QL.
 */
function eigenvectorLayout(n: number, base: number) {
  const panelBytes = roundUp(n, MICRO_TILE) * Math.min(KC, Math.max(n, 1)) * 8;
  const packedA = base;
  const packedB = packedA + panelBytes;
  const z = packedB + panelBytes;
  const shared = z + n * n * 8;
  const sharedBytes = Math.max(n * n * 8, reflectorScratchLayout(n, 0).end);
  const result = shared + sharedBytes;
  const merge = mergeVectorsLayout(n, result + Math.ceil(n / 2) * n * 8);
  const lists = merge.end;
  const valuesD = lists + Math.ceil((3 * n) / 2) * 8;
  return { packedA, packedB, z, shared, result, merge, lists, valuesD, end: valuesD + 2 * n * 8 };
}

/** The result of {@link eigenpairsInKernelMemory}. */
export interface KernelMemoryEigenpairs {
  /** max |A_ij|, the scale the decomposition ran at (0 for the zero matrix: nothing else is set). */
  scale: number;
  /** The divide-and-conquer eigenvalues of the scaled matrix, unsorted: d[j] belongs to column j. */
  d: Float64Array;
  /** The eigenvalues by implicit QL without vectors (unsorted): the bits `symEigValues` returns. */
  values: Float64Array;
  /**
   * Columns order[0], order[1], … of V (column j of V the eigenvector of d[j]), each signed
   * so its largest-magnitude entry is positive (the first on ties), as a fresh n×n array
   * (WebAssembly, in kernel memory; call before the executor's next product).
   */
  orderedColumns(order: ArrayLike<number>): Float64Array;
  /** −1, or the index of an eigenvalue whose QL (values or a divide-and-conquer leaf) did not converge. */
  unconverged: number;
}

/**
 * The symmetric eigendecomposition of the n×n `source` (row-major, symmetric) with every
 * O(n²) and O(n³) step in the executor's kernel memory: `(A + Aᵀ)/(2·max|A|)` formed there
 * (the bits of `scaledSymmetricCopy`), the Householder reduction in place on the executor's
 * threads, divide and conquer on the tridiagonal (the merges' column gathers and scatters
 * done by WebAssembly around each product), and `V = Q Z` by
 * {@link applyReflectorsInKernelMemory} reading the reflectors where the reduction left them.
 * The eigenvalues also come from implicit QL without vectors, on a worker while divide and
 * conquer runs when the executor is a pool (its first products then run on the calling
 * thread), else before it.
 *
 * @example
 * ```ts
 * const { scale, d, values, unconverged, orderedColumns } = eigenpairsInKernelMemory(executor, A.data, n, 60);
 * ```
 */
export function eigenpairsInKernelMemory(
  executor: RankUpdateExecutor,
  source: Float64Array,
  n: number,
  maxSweepsPerEigenvalue: number,
): KernelMemoryEigenpairs {
  const { kernel } = executor;
  const at = eigenvectorLayout(n, roundUp(reductionLayout(n, kernel.REDUCTION_CHUNKS.value).end, 8));
  const { scale, at: reduction } = reduceInKernelMemory(executor, source, n, at.end);
  const heap = new Float64Array(executor.memory.buffer);
  const none = new Float64Array(0);
  const ordered = (order: ArrayLike<number>): Float64Array => {
    // The ordered copy goes to the shared region (U and block scratch, free by now).
    const indices = new Int32Array(executor.memory.buffer, at.lists, n);
    indices.set(order);
    kernel.orderSignedColumns(n, at.z, at.lists, at.merge.norms, at.merge.zHat, at.shared);
    return heap.slice(at.shared / 8, at.shared / 8 + n * n);
  };
  if (scale === 0) return { scale, d: none, values: none, unconverged: -1, orderedColumns: ordered };
  const { d, e, tau, finishEigenvalues } = tridiagonalWithEigenvalues(
    executor,
    n,
    reduction,
    at.valuesD,
    maxSweepsPerEigenvalue,
  );
  const z = heap.subarray(at.z / 8, at.z / 8 + n * n);
  z.fill(0);
  let unconverged = divideAndConquerInto(
    n,
    d,
    e,
    kernelMemoryStore(executor, n, at, z),
    maxSweepsPerEigenvalue,
  );
  const reflectors = heap.subarray(reduction.a / 8, reduction.a / 8 + n * n);
  if (unconverged < 0)
    applyReflectorsInKernelMemory(executor, n, reflectors, tau, at.z, at.shared, at.packedA, at.packedB);
  const { values, unconverged: valuesUnconverged } = finishEigenvalues();
  if (valuesUnconverged >= 0) unconverged = valuesUnconverged;
  return { scale, d, values, unconverged, orderedColumns: ordered };
}

/**
 * The eigenvalues alone of the symmetric n×n `source` in the executor's kernel memory: the
 * same symmetrization and in-place reduction as {@link eigenpairsInKernelMemory}, then
 * implicit QL without vectors, so the values are the bits `eigenpairsInKernelMemory` pairs
 * with its vectors. Returns the scale (0 for the zero matrix), the unsorted eigenvalues of
 * the scaled matrix, and −1 or the index of an unconverged eigenvalue.
 *
 * @example
 * ```ts
 * const { scale, values } = eigenvaluesInKernelMemory(executor, A.data, n, 60);
 * ```
 */
export function eigenvaluesInKernelMemory(
  executor: RankUpdateExecutor,
  source: Float64Array,
  n: number,
  maxSweepsPerEigenvalue: number,
): { scale: number; values: Float64Array; unconverged: number } {
  const { scale, at: reduction } = reduceInKernelMemory(executor, source, n, 0);
  if (scale === 0) return { scale, values: new Float64Array(n), unconverged: -1 };
  const heap = new Float64Array(executor.memory.buffer);
  const unconverged = executor.kernel.implicitQL(n, reduction.d, reduction.e, maxSweepsPerEigenvalue);
  return { scale, values: heap.slice(reduction.d / 8, reduction.d / 8 + n), unconverged };
}

/**
 * The {@link EigenvectorStore} in kernel memory: U lives in the shared region; a merge
 * product packs the kept columns of Z and the active rows of U straight from their index
 * lists (no JS gather), and scatters its result into Z's kept columns in WebAssembly. The
 * packed panels hold the same values as the gemm store's, so the products are the same bits.
 */
function kernelMemoryStore(
  executor: RankUpdateExecutor,
  n: number,
  at: ReturnType<typeof eigenvectorLayout>,
  z: Float64Array,
): EigenvectorStore {
  const { kernel } = executor;
  const indices = new Int32Array(executor.memory.buffer, at.lists, 3 * n);
  const gatherAt = at.lists;
  const rowsAt = at.lists + n * 4;
  const scatterAt = at.lists + 2 * n * 4;
  return {
    z,
    solveMerge: (k, poles, zk, rho) =>
      solveMergeInKernel(
        kernel,
        executor.memory,
        at.merge,
        k,
        poles,
        zk,
        rho,
        at.shared,
        executor.solveSecular,
      ),
    multiply(row0, rows, kept, active, width, k) {
      if (rows === 0) return;
      const zRows = at.z + row0 * n * 8;
      if (width === 0) {
        for (let i = 0; i < rows; i++) for (let t = 0; t < k; t++) z[(row0 + i) * n + kept[t]] = 0;
        return;
      }
      for (let c = 0; c < width; c++) {
        indices[c] = kept[active[c]];
        indices[n + c] = active[c];
      }
      indices.set(kept.subarray(0, k), 2 * n);
      productOfPackedSlices(
        executor,
        rows,
        k,
        width,
        (p0) => ({ kind: PACK_KIND.gatheredRowPanels, src: zRows, ld: n, list: gatherAt + p0 * 4 }),
        (p0) => ({ kind: PACK_KIND.gatheredColumnPanels, src: at.shared, ld: k, list: rowsAt + p0 * 4 }),
        at.result,
        false,
        at.packedA,
        at.packedB,
      );
      kernel.scatterColumns(at.result, rows, k, zRows, n, scatterAt);
    },
  };
}
