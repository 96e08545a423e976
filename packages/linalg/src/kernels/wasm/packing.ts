import { MICRO_TILE } from './kernel-module.js';

/**
 * Packs the `rows×kc` block whose entry (i, p) is `src[offset + i·ld + p]` into panels of
 * {@link MICRO_TILE} rows: panel q holds, for each p, the entries of rows 4q…4q+3
 * contiguously, zero-padded past the last row. Used for A (not transposed) and for Bᵀ.
 */
export function packRowPanels(
  src: Float64Array,
  offset: number,
  ld: number,
  rows: number,
  kc: number,
  dst: Float64Array,
  dstOffset: number,
): void {
  const fullRows = rows - (rows % MICRO_TILE);
  // Full panels: four row streams read side by side, the panel written contiguously (about
  // twice as fast in V8 as one row at a time with stride-4 writes).
  for (let i0 = 0; i0 < fullRows; i0 += MICRO_TILE) {
    let d = dstOffset + i0 * kc;
    const row0 = offset + i0 * ld;
    const row1 = row0 + ld;
    const row2 = row1 + ld;
    const row3 = row2 + ld;
    for (let p = 0; p < kc; p++, d += MICRO_TILE) {
      dst[d] = src[row0 + p];
      dst[d + 1] = src[row1 + p];
      dst[d + 2] = src[row2 + p];
      dst[d + 3] = src[row3 + p];
    }
  }
  if (fullRows === rows) return;
  const panel = dstOffset + fullRows * kc;
  for (let ii = 0; ii < MICRO_TILE; ii++) {
    const rowStart = offset + (fullRows + ii) * ld;
    const present = fullRows + ii < rows;
    let d = panel + ii;
    for (let p = 0; p < kc; p++, d += MICRO_TILE) dst[d] = present ? src[rowStart + p] : 0;
  }
}

/**
 * Packs the `kc×cols` block whose entry (p, j) is `src[offset + p·ld + j]` into panels of
 * {@link MICRO_TILE} columns: panel q holds, for each p, the entries of columns 4q…4q+3
 * contiguously, zero-padded past the last column. Used for B (not transposed) and for Aᵀ.
 */
export function packColumnPanels(
  src: Float64Array,
  offset: number,
  ld: number,
  kc: number,
  cols: number,
  dst: Float64Array,
  dstOffset: number,
): void {
  const fullCols = cols - (cols % MICRO_TILE);
  const panelSize = MICRO_TILE * kc;
  for (let p = 0; p < kc; p++) {
    const rowStart = offset + p * ld;
    let d = dstOffset + p * MICRO_TILE;
    for (let j = 0; j < fullCols; j += MICRO_TILE, d += panelSize) {
      dst[d] = src[rowStart + j];
      dst[d + 1] = src[rowStart + j + 1];
      dst[d + 2] = src[rowStart + j + 2];
      dst[d + 3] = src[rowStart + j + 3];
    }
    if (fullCols < cols) {
      for (let jj = 0; jj < MICRO_TILE; jj++) {
        dst[d + jj] = fullCols + jj < cols ? src[rowStart + fullCols + jj] : 0;
      }
    }
  }
}
