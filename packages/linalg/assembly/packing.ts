// Packing of row-major blocks that already live in kernel memory into the micro-kernel's
// panels (layout in micro-kernel.ts), so products whose operands stay in kernel memory (the
// eigenvector back-transformation) never round-trip through JavaScript arrays.
// Pointers are byte offsets; leading dimensions and sizes count f64 entries.

/**
 * Row panels: entry (i, p) of the `rows×kc` block at `src` (leading dimension `ld`) goes to
 * panel i/4, slot p·4 + i%4; rows past `rows` in the last panel are zero.
 */
export function packRowPanels(src: usize, ld: i32, rows: i32, kc: i32, dst: usize): void {
  const rowBytes = <usize>ld << 3;
  const full = rows & ~3;
  for (let i0 = 0; i0 < full; i0 += 4) {
    const row0 = src + <usize>i0 * rowBytes;
    const row1 = row0 + rowBytes;
    const row2 = row1 + rowBytes;
    const row3 = row2 + rowBytes;
    let d = dst + ((<usize>i0 * <usize>kc) << 3);
    let p = 0;
    // Two summation indices per step: a 4×2 tile read as four row pairs, written as two slots.
    for (; p + 1 < kc; p += 2) {
      const offset = <usize>p << 3;
      const x0 = v128.load(row0 + offset);
      const x1 = v128.load(row1 + offset);
      const x2 = v128.load(row2 + offset);
      const x3 = v128.load(row3 + offset);
      v128.store(d, v128.shuffle<f64>(x0, x1, 0, 2));
      v128.store(d, v128.shuffle<f64>(x2, x3, 0, 2), 16);
      v128.store(d, v128.shuffle<f64>(x0, x1, 1, 3), 32);
      v128.store(d, v128.shuffle<f64>(x2, x3, 1, 3), 48);
      d += 64;
    }
    if (p < kc) {
      const offset = <usize>p << 3;
      store<f64>(d, load<f64>(row0 + offset));
      store<f64>(d, load<f64>(row1 + offset), 8);
      store<f64>(d, load<f64>(row2 + offset), 16);
      store<f64>(d, load<f64>(row3 + offset), 24);
    }
  }
  if (full == rows) return;
  const panel = dst + ((<usize>full * <usize>kc) << 3);
  for (let lane = 0; lane < 4; lane++) {
    const present = full + lane < rows;
    const row = src + <usize>(full + lane) * rowBytes;
    for (let p = 0; p < kc; p++) {
      store<f64>(panel + ((<usize>(p * 4 + lane)) << 3), present ? load<f64>(row + (<usize>p << 3)) : 0);
    }
  }
}

/**
 * Column panels: entry (p, j) of the `kc×cols` block at `src` (leading dimension `ld`) goes
 * to panel j/4, slot p·4 + j%4; columns past `cols` in the last panel are zero.
 */
export function packColumnPanels(src: usize, ld: i32, kc: i32, cols: i32, dst: usize): void {
  const rowBytes = <usize>ld << 3;
  for (let p = 0; p < kc; p++) packColumnRow(src + <usize>p * rowBytes, p, kc, cols, dst);
}

/**
 * Row panels of a column selection: entry (i, p) = src[i·ld + columns[p]] for the `rows×kc`
 * block, `columns` a list of `kc` i32 column indices (the kept eigenvectors of a
 * divide-and-conquer merge, gathered straight into the product's packed A).
 */
export function packRowPanelsGathered(src: usize, ld: i32, rows: i32, columns: usize, kc: i32, dst: usize): void {
  const rowBytes = <usize>ld << 3;
  const full = rows & ~3;
  for (let i0 = 0; i0 < full; i0 += 4) {
    const row0 = src + <usize>i0 * rowBytes;
    const row1 = row0 + rowBytes;
    const row2 = row1 + rowBytes;
    const row3 = row2 + rowBytes;
    let d = dst + ((<usize>i0 * <usize>kc) << 3);
    // One index load per summation index and one contiguous 4-entry slot written: the four
    // rows are read at the same (random) column.
    for (let p = 0; p < kc; p++) {
      const offset = <usize>load<i32>(columns + (<usize>p << 2)) << 3;
      v128.store(d, f64x2.replace_lane(f64x2.splat(load<f64>(row0 + offset)), 1, load<f64>(row1 + offset)));
      v128.store(d, f64x2.replace_lane(f64x2.splat(load<f64>(row2 + offset)), 1, load<f64>(row3 + offset)), 16);
      d += 32;
    }
  }
  if (full == rows) return;
  const panel = dst + ((<usize>full * <usize>kc) << 3);
  for (let p = 0; p < kc; p++) {
    const offset = <usize>load<i32>(columns + (<usize>p << 2)) << 3;
    for (let lane = 0; lane < 4; lane++) {
      const row = src + <usize>(full + lane) * rowBytes;
      store<f64>(panel + ((<usize>(p * 4 + lane)) << 3), full + lane < rows ? load<f64>(row + offset) : 0);
    }
  }
}

/**
 * Column panels of a row selection: entry (p, j) = src[rows[p]·ld + j] for the `kc×cols`
 * block, `rows` a list of `kc` i32 row indices (the rows of U for the active columns).
 */
export function packColumnPanelsGathered(src: usize, ld: i32, rows: usize, kc: i32, cols: i32, dst: usize): void {
  const rowBytes = <usize>ld << 3;
  for (let p = 0; p < kc; p++) {
    const row = src + <usize>load<i32>(rows + (<usize>p << 2)) * rowBytes;
    packColumnRow(row, p, kc, cols, dst);
  }
}

/** Row `p` (address `row`) of a kc×cols block into its slots of the column panels at `dst`. */
// @ts-ignore: decorator
@inline
function packColumnRow(row: usize, p: i32, kc: i32, cols: i32, dst: usize): void {
  const panelBytes = (<usize>kc * 4) << 3;
  const full = cols & ~3;
  let d = dst + ((<usize>p * 4) << 3);
  for (let j = 0; j < full; j += 4) {
    const from = row + (<usize>j << 3);
    v128.store(d, v128.load(from));
    v128.store(d, v128.load(from, 16), 16);
    d += panelBytes;
  }
  for (let lane = 0; lane < 4 && full < cols; lane++) {
    const j = full + lane;
    store<f64>(d + (<usize>lane << 3), j < cols ? load<f64>(row + (<usize>j << 3)) : 0);
  }
}

/**
 * dst[i·ld + columns[t]] = src[i·count + t] for i < rows, t < count: the merged eigenvectors
 * (a rows×count product) written back into their columns of Z.
 */
export function scatterColumns(src: usize, rows: i32, count: i32, dst: usize, ld: i32, columns: usize): void {
  const rowBytes = <usize>ld << 3;
  let from = src;
  for (let i = 0; i < rows; i++) {
    const row = dst + <usize>i * rowBytes;
    for (let t = 0; t < count; t++) {
      store<f64>(row + (<usize>load<i32>(columns + (<usize>t << 2)) << 3), load<f64>(from));
      from += 8;
    }
  }
}

/** Values of a pack kind: how a job's pack task reads its operand (see {@link packChunk}). */
export const PACK_ROW_PANELS: i32 = 1;
export const PACK_COLUMN_PANELS: i32 = 2;
export const PACK_GATHERED_ROW_PANELS: i32 = 3;
export const PACK_GATHERED_COLUMN_PANELS: i32 = 4;

/**
 * One pack task of a rank-kc update: panels `start/4`… of the packed operand at `dst`,
 * covering packed rows (of op(A)) or columns (of op(B)) [start, start+count), from `src`
 * (leading dimension `ld`; `list` the i32 index list of the gathered kinds):
 * row panels of source rows, column panels of source columns, or their gathered forms.
 * Chunks of one operand touch disjoint panels, so threads may pack them in any order.
 */
export function packChunk(kind: i32, src: usize, ld: i32, list: usize, kc: i32, start: i32, count: i32, dst: usize): void {
  const target = dst + ((<usize>start * <usize>kc) << 3);
  const rowOffset = (<usize>start * <usize>ld) << 3;
  const columnOffset = <usize>start << 3;
  if (kind == PACK_ROW_PANELS) packRowPanels(src + rowOffset, ld, count, kc, target);
  else if (kind == PACK_COLUMN_PANELS) packColumnPanels(src + columnOffset, ld, kc, count, target);
  else if (kind == PACK_GATHERED_ROW_PANELS) packRowPanelsGathered(src + rowOffset, ld, count, list, kc, target);
  else if (kind == PACK_GATHERED_COLUMN_PANELS) packColumnPanelsGathered(src + columnOffset, ld, list, kc, count, target);
}
