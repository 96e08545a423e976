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
  for (let i0 = 0; i0 < rows; i0 += MICRO_TILE) {
    const panel = dstOffset + i0 * kc;
    const height = Math.min(MICRO_TILE, rows - i0);
    for (let ii = 0; ii < height; ii++) {
      // Read a row sequentially, scatter with stride 4 inside an L1-resident panel.
      const rowStart = offset + (i0 + ii) * ld;
      let d = panel + ii;
      for (let p = 0; p < kc; p++, d += MICRO_TILE) dst[d] = src[rowStart + p];
    }
    for (let ii = height; ii < MICRO_TILE; ii++) {
      let d = panel + ii;
      for (let p = 0; p < kc; p++, d += MICRO_TILE) dst[d] = 0;
    }
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
