import { MICRO_TILE } from './kernel-module.js';
import { packColumnPanels, packRowPanels } from './packing.js';
import type { RankUpdateExecutor } from './rank-update-executor.js';

/**
 * Depth of one rank-kc update: a packed micro-panel of B (kc × 4 doubles = 8 KiB) stays in
 * L1 while the micro-kernel sweeps a block of packed A rows held in L2.
 */
export const KC = 256;
/** Rows of C per task: the packed A block (BLOCK_ROWS × KC = 256 KiB) stays in L2. */
export const BLOCK_ROWS = 128;
/** Columns of C per task: a packed B block (KC × BLOCK_COLS = 1 MiB) stays in L2/L3. */
export const BLOCK_COLS = 512;
/** Largest kernel memory the driver asks for; beyond it the caller falls back to plain JS. */
export const MAXIMUM_WORKSPACE_BYTES = 2 ** 31;

export function roundUp(value: number, multiple: number): number {
  return Math.ceil(value / multiple) * multiple;
}

/** Bytes of kernel memory a blocked product with this shape needs (packed slices + scratch C). */
export function workspaceBytes(m: number, n: number, k: number): number {
  const kc = Math.min(KC, k);
  const packedA = roundUp(m, MICRO_TILE) * kc * 8;
  const packedB = roundUp(n, MICRO_TILE) * kc * 8;
  return packedA + packedB + m * n * 8;
}

/**
 * The blocked product `S = op(A) · op(B)` into scratch memory, GotoBLAS style: for each
 * slice of KC summation indices, pack the slice of op(A) into row panels and of op(B)
 * into column panels, then run one rank-kc update of S through the executor (whose
 * tasks may run on several threads). Returns the byte offset of S (`m×n`, row-major).
 * With `addend`, S starts as a copy of that m×n block (C of
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
  addend?: { c: Float64Array; offset: number; ld: number },
): number {
  const kcMax = Math.min(KC, k);
  const packedABytes = roundUp(m, MICRO_TILE) * kcMax * 8;
  const packedBBytes = roundUp(n, MICRO_TILE) * kcMax * 8;
  const packedA = 0;
  const packedB = packedABytes;
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
    if (transposeB) packRowPanels(b, bOffset + p0, ldb, n, kc, heap, packedB / 8);
    else packColumnPanels(b, bOffset + p0 * ldb, ldb, kc, n, heap, packedB / 8);
    executor.run({
      rows: m,
      cols: n,
      kc,
      packedA,
      packedB,
      c: product,
      accumulate: p0 > 0 || addend !== undefined,
      lowerOnly: false,
      blockRows: BLOCK_ROWS,
      blockCols: BLOCK_COLS,
      firstTask: 0,
    });
  }
  return product;
}

/**
 * Bytes of C scratch a symmetric product may hold at once: larger outputs are computed in
 * row panels of about this size (the "output plus O(block) scratch").
 */
const PANEL_BYTES = 8 * 2 ** 20;

/** Rows per panel of an n×n symmetric product: a multiple of BLOCK_ROWS, at least one block. */
export function symmetricPanelRows(n: number): number {
  const rows = Math.floor(PANEL_BYTES / (8 * n) / BLOCK_ROWS) * BLOCK_ROWS;
  return Math.max(BLOCK_ROWS, rows);
}

/** Bytes of kernel memory {@link symmetricProductInPanels} needs for this shape. */
export function symmetricWorkspaceBytes(n: number, k: number): number {
  const panel = Math.min(n, symmetricPanelRows(n));
  return roundUp(n, MICRO_TILE) * Math.min(KC, k) * 8 + panel * n * 8;
}

/**
 * `C ← A Aᵀ` (A n×k at `aOffset` with leading dimension `lda`, C n×n, both triangles
 * written), row panel by row panel so that the kernel memory holds the packed slice and one
 * panel of C, not all of C. Panel [i0, i1) is the lower-triangle tasks of the i1×i1 product
 * from task (i0/BLOCK_ROWS)·(column blocks) on, over packed rows 0…i1−1 of A: the same
 * micro-kernel calls, in the same order per entry, as one whole-matrix product, so the bits do
 * not depend on the panel size. The job's C pointer is set i0 rows before the panel buffer
 * (it may wrap below 0: the kernel's 32-bit address arithmetic brings every block it writes
 * back inside the buffer).
 */
export function symmetricProductInPanels(
  executor: RankUpdateExecutor,
  n: number,
  k: number,
  a: Float64Array,
  aOffset: number,
  lda: number,
  c: Float64Array,
  cOffset: number,
  ldc: number,
): void {
  const panelRows = symmetricPanelRows(n);
  const packed = 0;
  const product = roundUp(n, MICRO_TILE) * Math.min(KC, k) * 8;
  executor.reserve(symmetricWorkspaceBytes(n, k));
  for (let i0 = 0; i0 < n; i0 += panelRows) {
    const i1 = Math.min(n, i0 + panelRows);
    const columnBlocks = Math.ceil(i1 / BLOCK_COLS);
    for (let p0 = 0; p0 < k; p0 += KC) {
      const kc = Math.min(KC, k - p0);
      const heap = new Float64Array(executor.memory.buffer);
      packRowPanels(a, aOffset + p0, lda, i1, kc, heap, packed / 8);
      executor.run({
        rows: i1,
        cols: i1,
        kc,
        packedA: packed,
        packedB: packed,
        c: product - i0 * i1 * 8,
        accumulate: p0 > 0,
        lowerOnly: true,
        blockRows: BLOCK_ROWS,
        blockCols: BLOCK_COLS,
        firstTask: (i0 / BLOCK_ROWS) * columnBlocks,
      });
    }
    const heap = new Float64Array(executor.memory.buffer, product, (i1 - i0) * i1);
    for (let i = i0; i < i1; i++) {
      const source = (i - i0) * i1;
      c.set(heap.subarray(source, source + i + 1), cOffset + i * ldc);
      // Mirror the lower triangle: C is exactly symmetric, as X Xᵀ must be.
      for (let j = 0; j < i; j++) c[cOffset + j * ldc + i] = heap[source + j];
    }
  }
}
