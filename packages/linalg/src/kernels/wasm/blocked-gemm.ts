import { MICRO_TILE } from './kernel-module.js';
import { packColumnPanels, packRowPanels } from './packing.js';
import type { RankUpdateExecutor } from './rank-update-executor.js';

/**
 * Depth of one rank-kc update: a packed micro-panel of B (kc × 4 doubles = 8 KiB) stays in
 * L1 while the micro-kernel sweeps a block of packed A rows held in L2.
 */
const KC = 256;
/** Rows of C per task: the packed A block (BLOCK_ROWS × KC = 256 KiB) stays in L2. */
const BLOCK_ROWS = 128;
/** Columns of C per task: a packed B block (KC × BLOCK_COLS = 1 MiB) stays in L2/L3. */
const BLOCK_COLS = 512;
/** Largest kernel memory the driver asks for; beyond it the caller falls back to plain JS. */
export const MAXIMUM_WORKSPACE_BYTES = 2 ** 31;

function roundUp(value: number, multiple: number): number {
  return Math.ceil(value / multiple) * multiple;
}

/** Bytes of kernel memory a blocked product with this shape needs (packed slices + scratch C). */
export function workspaceBytes(m: number, n: number, k: number, symmetric: boolean): number {
  const kc = Math.min(KC, k);
  const packedA = roundUp(m, MICRO_TILE) * kc * 8;
  const packedB = symmetric ? 0 : roundUp(n, MICRO_TILE) * kc * 8;
  return packedA + packedB + m * n * 8;
}

/**
 * The blocked product `S = op(A) · op(B)` into scratch memory, GotoBLAS style: for each
 * slice of KC summation indices, pack the slice of op(A) into row panels and of op(B)
 * into column panels, then run one rank-kc update of S through the executor (whose
 * tasks may run on several threads). Returns the byte offset of S (`m×n`, row-major).
 * `symmetric` means op(B) = op(A)ᵀ: the panels are shared and only the lower triangle
 * of S is computed. With `addend`, S starts as a copy of that m×n block (C of
 * `C ← op(A)·op(B) + C`) and every slice accumulates onto it: two row copies instead of a
 * scalar add pass over C afterwards.
 */
export function blockedProduct(
  executor: RankUpdateExecutor,
  transposeA: boolean,
  transposeB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  aOffset: number,
  lda: number,
  b: Float64Array,
  bOffset: number,
  ldb: number,
  symmetric: boolean,
  addend?: { c: Float64Array; offset: number; ld: number },
): number {
  const kcMax = Math.min(KC, k);
  const packedABytes = roundUp(m, MICRO_TILE) * kcMax * 8;
  const packedBBytes = symmetric ? 0 : roundUp(n, MICRO_TILE) * kcMax * 8;
  const packedA = 0;
  const packedB = symmetric ? packedA : packedABytes;
  const product = packedABytes + packedBBytes;
  executor.reserve(product + m * n * 8);
  const heap = new Float64Array(executor.memory.buffer);
  if (addend !== undefined) {
    const { c, offset, ld } = addend;
    for (let i = 0; i < m; i++)
      heap.set(c.subarray(offset + i * ld, offset + i * ld + n), product / 8 + i * n);
  }
  for (let p0 = 0; p0 < k; p0 += KC) {
    const kc = Math.min(KC, k - p0);
    if (transposeA) packColumnPanels(a, aOffset + p0 * lda, lda, kc, m, heap, packedA / 8);
    else packRowPanels(a, aOffset + p0, lda, m, kc, heap, packedA / 8);
    if (!symmetric) {
      if (transposeB) packRowPanels(b, bOffset + p0, ldb, n, kc, heap, packedB / 8);
      else packColumnPanels(b, bOffset + p0 * ldb, ldb, kc, n, heap, packedB / 8);
    }
    executor.run({
      rows: m,
      cols: n,
      kc,
      packedA,
      packedB,
      c: product,
      accumulate: p0 > 0 || addend !== undefined,
      lowerOnly: symmetric,
      blockRows: BLOCK_ROWS,
      blockCols: BLOCK_COLS,
    });
  }
  return product;
}
