import { divideAndConquerInto, type EigenvectorStore } from '../eigen/tridiagonal-divide-conquer.js';
import { KC, roundUp } from './blocked-gemm.js';
import { productOfPackedSlices } from './kernel-memory-product.js';
import { applyReflectorsInKernelMemory, reflectorScratchLayout } from './kernel-memory-reflectors.js';
import { MICRO_TILE } from './kernel-module.js';
import { mergeVectorsLayout, solveMergeInKernel } from './merge-arithmetic.js';
import type { RankUpdateExecutor } from './rank-update-executor.js';

/**
 * Byte offsets of the eigenvector pipeline's kernel memory: packed panels for A and B, Z (n×n),
 * a region shared by the merges' U (k×k ≤ n×n) and the back-transformation's block scratch,
 * a merge product's result (⌈n/2⌉×n), the merge arithmetic's vectors, and three i32 index
 * lists of n entries.
 */
function eigenvectorLayout(n: number) {
  const panelBytes = roundUp(n, MICRO_TILE) * Math.min(KC, Math.max(n, 1)) * 8;
  const packedA = 0;
  const packedB = packedA + panelBytes;
  const z = packedB + panelBytes;
  const shared = z + n * n * 8;
  const sharedBytes = Math.max(n * n * 8, reflectorScratchLayout(n, 0).end);
  const result = shared + sharedBytes;
  const merge = mergeVectorsLayout(n, result + Math.ceil(n / 2) * n * 8);
  const lists = merge.end;
  return { packedA, packedB, z, shared, result, merge, lists, end: lists + 3 * n * 4 };
}

/**
 * The eigenvectors of A from its tridiagonalization, with every O(n³) step in the
 * executor's kernel memory: divide and conquer on (d, e) (`d` overwritten by its
 * eigenvalues, unsorted), the merges' column gathers and scatters done by WebAssembly around
 * each product, then `V = Q Z` by {@link applyReflectorsInKernelMemory} on the same Z. Returns
 * V (column j the eigenvector of d[j]) as a view of kernel memory, valid until the next
 * product on this executor: copy what you keep. `unconverged` is −1 or a leaf's failed index.
 *
 * @example
 * ```ts
 * const { vectors, unconverged } = eigenvectorsInKernelMemory(executor, n, reflectors, tau, d, e, 60);
 * ```
 */
export function eigenvectorsInKernelMemory(
  executor: RankUpdateExecutor,
  n: number,
  a: Float64Array,
  tau: Float64Array,
  d: Float64Array,
  e: Float64Array,
  maxSweepsPerEigenvalue: number,
): { vectors: Float64Array; unconverged: number } {
  const at = eigenvectorLayout(n);
  executor.reserve(at.end);
  const heap = new Float64Array(executor.memory.buffer);
  const z = heap.subarray(at.z / 8, at.z / 8 + n * n);
  z.fill(0);
  const unconverged = divideAndConquerInto(
    n,
    d,
    e,
    kernelMemoryStore(executor, n, at, z),
    maxSweepsPerEigenvalue,
  );
  if (unconverged < 0)
    applyReflectorsInKernelMemory(executor, n, a, tau, at.z, at.shared, at.packedA, at.packedB);
  return { vectors: z, unconverged };
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
      solveMergeInKernel(kernel, executor.memory, at.merge, k, poles, zk, rho, at.shared),
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
        (p0, kc) => kernel.packRowPanelsGathered(zRows, n, rows, gatherAt + p0 * 4, kc, at.packedA),
        (p0, kc) => kernel.packColumnPanelsGathered(at.shared, k, rowsAt + p0 * 4, kc, k, at.packedB),
        at.result,
        false,
        at.packedA,
        at.packedB,
      );
      kernel.scatterColumns(at.result, rows, k, zRows, n, scatterAt);
    },
  };
}
