import { BLOCK_COLS, BLOCK_ROWS, KC, roundUp } from './blocked-gemm.js';
import { MICRO_TILE } from './kernel-module.js';
import type { RankUpdateExecutor } from './rank-update-executor.js';

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
 * `packedA`/`packedB` (sized by {@link packedBytes}) and run as rank-kc updates on the
 * executor's threads: the same micro-kernel calls, in the same order per entry, as the
 * blocked `gemm`, so the bits do not depend on the thread count. The caller reserves memory.
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
): void {
  const { kernel } = executor;
  productOfPackedSlices(
    executor,
    m,
    n,
    k,
    (p0, kc) => {
      if (a.transposed) kernel.packColumnPanels(a.at + p0 * a.ld * 8, a.ld, kc, m, packedA);
      else kernel.packRowPanels(a.at + p0 * 8, a.ld, m, kc, packedA);
    },
    (p0, kc) => {
      if (b.transposed) kernel.packRowPanels(b.at + p0 * 8, b.ld, n, kc, packedB);
      else kernel.packColumnPanels(b.at + p0 * b.ld * 8, b.ld, kc, n, packedB);
    },
    c,
    accumulate,
    packedA,
    packedB,
  );
}

/**
 * The slice loop behind {@link kernelMemoryProduct}, with the packing left to the caller:
 * for each slice [p0, p0+kc) of the k summation indices, `packA` and `packB` fill the packed
 * panels at `packedA`/`packedB`, then one rank-kc update of C (m×n, leading dimension n).
 */
export function productOfPackedSlices(
  executor: RankUpdateExecutor,
  m: number,
  n: number,
  k: number,
  packA: (p0: number, kc: number) => void,
  packB: (p0: number, kc: number) => void,
  c: number,
  accumulate: boolean,
  packedA: number,
  packedB: number,
): void {
  for (let p0 = 0; p0 < k; p0 += KC) {
    const kc = Math.min(KC, k - p0);
    packA(p0, kc);
    packB(p0, kc);
    executor.run({
      rows: m,
      cols: n,
      kc,
      packedA,
      packedB,
      c,
      accumulate: accumulate || p0 > 0,
      lowerOnly: false,
      blockRows: BLOCK_ROWS,
      blockCols: BLOCK_COLS,
      firstTask: 0,
    });
  }
}
