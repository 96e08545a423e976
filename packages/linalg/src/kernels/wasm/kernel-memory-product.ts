import { BLOCK_COLS, BLOCK_ROWS, KC, roundUp } from './blocked-gemm.js';
import { MICRO_TILE } from './kernel-module.js';
import { PACK_KIND, type PackSource, type RankUpdateExecutor } from './rank-update-executor.js';

/**
 * A row-major matrix operand in kernel memory: entry (i, j) at byte `at + 8·(i·ld + j)`;
 * `transposed` means the product uses its transpose.
 */
export interface KernelMatrix {
  at: number;
  ld: number;
  transposed: boolean;
}

/** Bytes of packed-panel scratch a {@link kernelMemoryProduct} of this shape needs for A and for B. */
export function packedBytes(m: number, n: number, k: number): { a: number; b: number } {
  const kc = Math.min(KC, k);
  return { a: roundUp(m, MICRO_TILE) * kc * 8, b: roundUp(n, MICRO_TILE) * kc * 8 };
}

/**
 * `C (+)= op(A) · op(B)` with every operand already in kernel memory: op(A) m×k, op(B) k×n,
 * C m×n with leading dimension n at byte `c` (overwritten, or added to with `accumulate`).
 * Slices of KC summation indices are packed by the WebAssembly packing routines into
 * `packedA`/`packedB` (sized by {@link packedBytes}), as the first tasks of each rank-kc
 * update, on the executor's threads: the same micro-kernel calls, in the same order per
 * entry, as the blocked `gemm`, so the bits do not depend on the thread count. With
 * `lowerOnly`, C's micro-tiles above the diagonal are skipped (a symmetric product whose
 * reader needs the lower triangle). The caller reserves memory.
 *
 * @example
 * ```ts
 * kernelMemoryProduct(executor, m, n, k, { at: v, ld: k, transposed: false }, { at: z, ld: n, transposed: false }, c, false, packedA, packedB);
 * ```
 */
export function kernelMemoryProduct(
  executor: RankUpdateExecutor,
  m: number,
  n: number,
  k: number,
  a: KernelMatrix,
  b: KernelMatrix,
  c: number,
  accumulate: boolean,
  packedA: number,
  packedB: number,
  lowerOnly = false,
): void {
  productOfPackedSlices(
    executor,
    m,
    n,
    k,
    (p0) =>
      a.transposed
        ? { kind: PACK_KIND.columnPanels, src: a.at + p0 * a.ld * 8, ld: a.ld, list: 0 }
        : { kind: PACK_KIND.rowPanels, src: a.at + p0 * 8, ld: a.ld, list: 0 },
    (p0) =>
      b.transposed
        ? { kind: PACK_KIND.rowPanels, src: b.at + p0 * 8, ld: b.ld, list: 0 }
        : { kind: PACK_KIND.columnPanels, src: b.at + p0 * b.ld * 8, ld: b.ld, list: 0 },
    c,
    accumulate,
    packedA,
    packedB,
    lowerOnly,
  );
}

/**
 * The slice loop behind {@link kernelMemoryProduct}, for any operand sources: for each slice
 * [p0, p0+kc) of the k summation indices, one rank-kc update of C (m×n, leading dimension n)
 * whose job first packs op(A)'s slice from `sourceA(p0)` into `packedA` and op(B)'s from
 * `sourceB(p0)` into `packedB`, chunk by chunk on all of the executor's threads (`lowerOnly`:
 * only C's micro-tiles on or below the diagonal).
 */
export function productOfPackedSlices(
  executor: RankUpdateExecutor,
  m: number,
  n: number,
  k: number,
  sourceA: (p0: number) => PackSource,
  sourceB: (p0: number) => PackSource,
  c: number,
  accumulate: boolean,
  packedA: number,
  packedB: number,
  lowerOnly = false,
): void {
  // Short products (a reflector block's VᵀV and VᵀZ) get thinner row blocks, so that every
  // thread has several to take: the bits do not depend on the blocking.
  let blockRows = BLOCK_ROWS;
  while (blockRows > 16 && Math.ceil(m / blockRows) * Math.ceil(n / BLOCK_COLS) < 4 * executor.threads)
    blockRows /= 2;
  for (let p0 = 0; p0 < k; p0 += KC) {
    executor.run({
      rows: m,
      cols: n,
      kc: Math.min(KC, k - p0),
      packedA,
      packedB,
      c,
      accumulate: accumulate || p0 > 0,
      lowerOnly,
      blockRows,
      blockCols: BLOCK_COLS,
      firstTask: 0,
      packA: sourceA(p0),
      packB: sourceB(p0),
    });
  }
}
