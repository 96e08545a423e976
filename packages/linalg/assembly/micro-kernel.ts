// Register-blocked GEMM macro-kernel over packed panels (GotoBLAS / BLIS layout).
//
// Packed A: consecutive panels of MR rows; panel p holds, for each k in [0, kc), the MR
// entries A[p*MR + 0..MR-1, k] contiguously (zero padded past the last row).
// Packed B: consecutive panels of NR columns; panel q holds, for each k, the NR entries
// B[k, q*NR + 0..NR-1] contiguously (zero padded past the last column).
//
// Every entry of C is accumulated lane-wise in ascending k order, with no horizontal
// reduction, so the result of an entry never depends on which tile, block or thread
// computed it: that is what makes threaded results bit-identical to serial ones.

/** Rows of the micro-tile (one broadcast per row and k). */
export const MR: i32 = 4;
/** Columns of the micro-tile (two f64x2 lanes per row). */
export const NR: i32 = 4;

// @ts-ignore: decorator
@inline
function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) {
    // One rounding instead of two where the hardware has FMA: faster and slightly more accurate.
    return f64x2.relaxed_madd(a, b, c);
  }
  return f64x2.add(f64x2.mul(a, b), c);
}

/** Which build of the kernel this is: 1 for relaxed-SIMD FMA, 0 for baseline SIMD. */
export function usesFusedMultiplyAdd(): i32 {
  return ASC_FEATURE_RELAXED_SIMD ? 1 : 0;
}

/**
 * C[0:rows, 0:cols] (+)= packedA · packedB for one block, C row-major with leading dimension
 * `ldc` (elements). `accumulate` = 0 overwrites C, otherwise adds. When `lowerOnly` is set,
 * tiles lying strictly above the diagonal `i + diagonalOffset = j` are skipped (syrk).
 */
export function macroKernel(
  rows: i32,
  cols: i32,
  kc: i32,
  packedA: usize,
  packedB: usize,
  c: usize,
  ldc: i32,
  accumulate: i32,
  lowerOnly: i32,
  diagonalOffset: i32,
): void {
  const panelStrideA = <usize>(kc * MR) << 3;
  const panelStrideB = <usize>(kc * NR) << 3;
  const rowStride = <usize>ldc << 3;
  for (let j0 = 0; j0 < cols; j0 += NR) {
    const b = packedB + <usize>(j0 / NR) * panelStrideB;
    let iStart = 0;
    if (lowerOnly) {
      // First tile row whose last row reaches the diagonal of this tile column.
      const first = j0 - diagonalOffset - (MR - 1);
      iStart = first > 0 ? ((first + MR - 1) / MR) * MR : 0;
    }
    for (let i0 = iStart; i0 < rows; i0 += MR) {
      const a = packedA + <usize>(i0 / MR) * panelStrideA;
      const cTile = c + (<usize>i0 * rowStride) + (<usize>j0 << 3);
      const mr = min(MR, rows - i0);
      const nr = min(NR, cols - j0);
      microKernel(kc, a, b, cTile, rowStride, accumulate, mr, nr);
    }
  }
}

/**
 * One task of a rank-kc update of the full `rows×cols` C (leading dimension `cols`): the
 * block of `blockRows` rows and `blockCols` columns numbered `task`, row-block-major. Blocks
 * strictly above the diagonal are skipped when `lowerOnly` is set. The whole update is the
 * union of tasks 0 ≤ task < ceil(rows / blockRows) · ceil(cols / blockCols), which threads
 * may claim in any order and interleaving without changing a single bit of C.
 */
export function macroTask(
  rows: i32,
  cols: i32,
  kc: i32,
  packedA: usize,
  packedB: usize,
  c: usize,
  accumulate: i32,
  lowerOnly: i32,
  blockRows: i32,
  blockCols: i32,
  task: i32,
): void {
  const columnBlocks = (cols + blockCols - 1) / blockCols;
  const row0 = (task / columnBlocks) * blockRows;
  const col0 = (task % columnBlocks) * blockCols;
  if (row0 >= rows) return;
  const height = min(blockRows, rows - row0);
  if (lowerOnly && row0 + height <= col0) return;
  const width = min(blockCols, cols - col0);
  macroKernel(
    height,
    width,
    kc,
    packedA + ((<usize>row0 * <usize>kc) << 3),
    packedB + ((<usize>col0 * <usize>kc) << 3),
    c + ((<usize>row0 * <usize>cols + <usize>col0) << 3),
    cols,
    accumulate,
    lowerOnly,
    row0 - col0,
  );
}

// @ts-ignore: decorator
@inline
function microKernel(
  kc: i32,
  a: usize,
  b: usize,
  c: usize,
  rowStride: usize,
  accumulate: i32,
  mr: i32,
  nr: i32,
): void {
  let c00 = f64x2.splat(0);
  let c01 = f64x2.splat(0);
  let c10 = f64x2.splat(0);
  let c11 = f64x2.splat(0);
  let c20 = f64x2.splat(0);
  let c21 = f64x2.splat(0);
  let c30 = f64x2.splat(0);
  let c31 = f64x2.splat(0);
  for (let k = 0; k < kc; k++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    const a0 = v128.load64_splat(a);
    c00 = madd(a0, b0, c00);
    c01 = madd(a0, b1, c01);
    const a1 = v128.load64_splat(a, 8);
    c10 = madd(a1, b0, c10);
    c11 = madd(a1, b1, c11);
    const a2 = v128.load64_splat(a, 16);
    c20 = madd(a2, b0, c20);
    c21 = madd(a2, b1, c21);
    const a3 = v128.load64_splat(a, 24);
    c30 = madd(a3, b0, c30);
    c31 = madd(a3, b1, c31);
    a += 32;
    b += 32;
  }
  if (mr == MR && nr == NR) {
    storeRow(c, c00, c01, accumulate);
    storeRow(c + rowStride, c10, c11, accumulate);
    storeRow(c + 2 * rowStride, c20, c21, accumulate);
    storeRow(c + 3 * rowStride, c30, c31, accumulate);
  } else {
    storePartialRow(c, c00, c01, accumulate, nr);
    if (mr > 1) storePartialRow(c + rowStride, c10, c11, accumulate, nr);
    if (mr > 2) storePartialRow(c + 2 * rowStride, c20, c21, accumulate, nr);
    if (mr > 3) storePartialRow(c + 3 * rowStride, c30, c31, accumulate, nr);
  }
}

// @ts-ignore: decorator
@inline
function storeRow(c: usize, left: v128, right: v128, accumulate: i32): void {
  if (accumulate) {
    left = f64x2.add(v128.load(c), left);
    right = f64x2.add(v128.load(c, 16), right);
  }
  v128.store(c, left);
  v128.store(c, right, 16);
}

// @ts-ignore: decorator
@inline
function storePartialRow(c: usize, left: v128, right: v128, accumulate: i32, nr: i32): void {
  storeEntry(c, f64x2.extract_lane(left, 0), accumulate);
  if (nr > 1) storeEntry(c + 8, f64x2.extract_lane(left, 1), accumulate);
  if (nr > 2) storeEntry(c + 16, f64x2.extract_lane(right, 0), accumulate);
  if (nr > 3) storeEntry(c + 24, f64x2.extract_lane(right, 1), accumulate);
}

// @ts-ignore: decorator
@inline
function storeEntry(c: usize, value: f64, accumulate: i32): void {
  store<f64>(c, accumulate ? load<f64>(c) + value : value);
}
