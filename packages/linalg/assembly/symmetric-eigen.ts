// Symmetric eigendecomposition kernels: Householder tridiagonalization with its O(n³) inner
// loops as f64x2 SIMD, split into steps and row chunks so that several threads can share a
// step, and the eigenvalue-only implicit QL with Wilkinson shifts. The eigenvectors come
// from divide and conquer and blocked reflectors (src/kernels/eigen/, the merge arithmetic in
// secular-equation.ts), whose compact-WY factor T is formed here.
// Matrices are n×n row-major f64 at byte offsets; vectors are n f64.

// @ts-ignore: decorator
@inline
function at(base: usize, index: i32): usize {
  return base + (<usize>index << 3);
}

/** Σ_j x[j]·y[j] over `length` entries, in two SIMD lanes plus a scalar tail. */
function dot(x: usize, y: usize, length: i32): f64 {
  let even = f64x2.splat(0);
  let odd = f64x2.splat(0);
  let j = 0;
  for (; j + 3 < length; j += 4) {
    even = f64x2.add(even, f64x2.mul(v128.load(at(x, j)), v128.load(at(y, j))));
    odd = f64x2.add(odd, f64x2.mul(v128.load(at(x, j), 16), v128.load(at(y, j), 16)));
  }
  const sum = f64x2.add(even, odd);
  let total = f64x2.extract_lane(sum, 0) + f64x2.extract_lane(sum, 1);
  for (; j < length; j++) total += load<f64>(at(x, j)) * load<f64>(at(y, j));
  return total;
}

/** Row chunks per reduction step (fixed, so every thread count computes the same sums). */
export const REDUCTION_CHUNKS: i32 = 4;
/** Trailing orders below this are swept as one chunk: too little work to share. */
const CHUNKED_MINIMUM_ROWS: i32 = 256;

/** How many row chunks step k of an order-n reduction has (1 or {@link REDUCTION_CHUNKS}). */
export function reductionChunkCount(n: i32, k: i32): i32 {
  return n - k - 1 >= CHUNKED_MINIMUM_ROWS ? REDUCTION_CHUNKS : 1;
}

/**
 * First row of chunk `c` of step k (c = count gives n): rows k+1…n−1 cut where the swept
 * triangle's area is split evenly, row r's work being about r − k.
 */
export function reductionChunkStart(n: i32, k: i32, c: i32, count: i32): i32 {
  if (c <= 0) return k + 1;
  if (c >= count) return n;
  const trailing = <f64>(n - k - 1);
  return k + 1 + <i32>Math.round(trailing * Math.sqrt(<f64>c / <f64>count));
}

/**
 * Step k's serial part: applies the rank-2 update pending from step k−1 (`previous` = k−1,
 * or −1 at k = 0; its v in row k−1 of `a`, its w in `p`) to column k, then builds the
 * reflector `H_k = I − τ_k v_k v_kᵀ` that zeroes A[k+2.., k]: d[k], e[k], τ_k, and v_k in
 * row k of `a` (columns k+1.., v_k[k+1] = 1).
 */
export function reductionBeginStep(n: i32, a: usize, d: usize, e: usize, tau: usize, p: usize, k: i32): void {
  const rowBytes = <usize>n << 3;
  const previous = k - 1;
  const rowK = a + <usize>k * rowBytes;
  if (previous >= 0) {
    // Column k (rows k..n−1) is needed now; the rest of the pending update rides on the sweep.
    const v = a + <usize>previous * rowBytes;
    const vk = load<f64>(at(v, k));
    const wk = load<f64>(at(p, k));
    for (let i = k; i < n; i++) {
      const entry = a + <usize>i * rowBytes + (<usize>k << 3);
      store<f64>(entry, load<f64>(entry) - (load<f64>(at(v, i)) * wk + load<f64>(at(p, i)) * vk));
    }
  }
  store<f64>(at(d, k), load<f64>(at(rowK, k)));
  // x = A[k+1.., k], gathered from the column into row k's free upper part, becomes v_k.
  const first = at(rowK, k + 1);
  for (let i = k + 1; i < n; i++) store<f64>(at(rowK, i), load<f64>(a + <usize>i * rowBytes + (<usize>k << 3)));
  const alpha = load<f64>(first);
  const tailLength = n - k - 2;
  const tailSquares = dot(first + 8, first + 8, tailLength);
  let t0: f64 = 0;
  if (tailSquares == 0) {
    store<f64>(at(e, k), alpha);
  } else {
    const norm = Math.sqrt(alpha * alpha + tailSquares);
    const beta = alpha >= 0 ? -norm : norm;
    t0 = (beta - alpha) / beta;
    const inverse = 1 / (alpha - beta);
    for (let t = 0; t < tailLength; t++) store<f64>(at(first + 8, t), load<f64>(at(first + 8, t)) * inverse);
    store<f64>(at(e, k), beta);
  }
  store<f64>(at(tau, k), t0);
  store<f64>(first, 1);
}

/**
 * Step k's sweep over rows [rowStart, rowEnd) of the lower triangle (one chunk; chunks of a
 * step touch disjoint rows and may run on different threads): finishes the pending update
 * of each row, then accumulates y = A₂₂ v_k from the row (dot, into y[i]) and, by symmetry,
 * the column (axpy into y[k+1..i)). `y` is this chunk's own partial vector; entries
 * k+1…n−1 are zeroed first (chunk 0's partial becomes the sum).
 */
export function reductionSweepRows(n: i32, a: usize, p: usize, k: i32, rowStart: i32, rowEnd: i32, y: usize): void {
  const rowBytes = <usize>n << 3;
  const previous = k - 1;
  const rowK = a + <usize>k * rowBytes;
  const first = at(rowK, k + 1);
  memory.fill(at(y, k + 1), 0, <usize>(n - k - 1) << 3);
  const pendingV = previous >= 0 ? a + <usize>previous * rowBytes : 0;
  for (let i = rowStart; i < rowEnd; i++) {
    const row = a + <usize>i * rowBytes;
    const length = i - k - 1;
    const vi = load<f64>(at(rowK, i));
    let rowDot: f64;
    if (previous >= 0) {
      rowDot = updateDotAndScatter(
        at(row, k + 1),
        load<f64>(at(pendingV, i)),
        at(p, k + 1),
        load<f64>(at(p, i)),
        at(pendingV, k + 1),
        first,
        at(y, k + 1),
        vi,
        length,
      );
      // The diagonal entry's share of the pending update, then of the product.
      const diagonalEntry = at(row, i);
      store<f64>(
        diagonalEntry,
        load<f64>(diagonalEntry) - (load<f64>(at(pendingV, i)) * load<f64>(at(p, i)) + load<f64>(at(p, i)) * load<f64>(at(pendingV, i))),
      );
    } else {
      rowDot = dotAndScatter(at(row, k + 1), first, at(y, k + 1), vi, length);
    }
    store<f64>(at(y, i), load<f64>(at(y, i)) + rowDot + load<f64>(at(row, i)) * vi);
  }
}

/**
 * Step k's closing serial part: y = Σ_c (chunk c's partial, at `y + c·n` doubles) in chunk
 * order, then p = τ y and w = p − (τ/2)(pᵀv) v, the update pending for step k+1 (w in `p`).
 */
export function reductionEndStep(n: i32, a: usize, tau: usize, p: usize, y: usize, k: i32, count: i32): void {
  const rowK = a + <usize>k * (<usize>n << 3);
  for (let c = 1; c < count; c++) {
    const partial = y + <usize>c * (<usize>n << 3);
    const end = reductionChunkStart(n, k, c + 1, count);
    for (let j = k + 1; j < end; j++) store<f64>(at(y, j), load<f64>(at(y, j)) + load<f64>(at(partial, j)));
  }
  const t0 = load<f64>(at(tau, k));
  let pv: f64 = 0;
  for (let i = k + 1; i < n; i++) {
    const value = t0 * load<f64>(at(y, i));
    store<f64>(at(p, i), value);
    pv += value * load<f64>(at(rowK, i));
  }
  const correction = 0.5 * t0 * pv;
  for (let i = k + 1; i < n; i++) store<f64>(at(p, i), load<f64>(at(p, i)) - correction * load<f64>(at(rowK, i)));
}

/** After the last step (k = n−3): the pending update of the trailing 2×2 block, and its d, e. */
export function reductionFinish(n: i32, a: usize, d: usize, e: usize, p: usize): void {
  const rowBytes = <usize>n << 3;
  if (n >= 2) {
    if (n >= 3) {
      const v = a + <usize>(n - 3) * rowBytes;
      for (let i = n - 2; i < n; i++) {
        for (let j = n - 2; j <= i; j++) {
          const entry = a + <usize>i * rowBytes + (<usize>j << 3);
          store<f64>(entry, load<f64>(entry) - (load<f64>(at(v, i)) * load<f64>(at(p, j)) + load<f64>(at(p, i)) * load<f64>(at(v, j))));
        }
      }
    }
    store<f64>(at(d, n - 2), load<f64>(at(a, (n - 2) * n + n - 2)));
    store<f64>(at(e, n - 2), load<f64>(at(a, (n - 1) * n + n - 2)));
  }
  store<f64>(at(d, n - 1), load<f64>(at(a, n * n - 1)));
  store<f64>(at(e, n - 1), 0);
}

/**
 * Reduces the symmetric `a` (overwritten) to tridiagonal form by reflectors
 * `H_k = I − τ_k v_k v_kᵀ` on indices k+1..n−1: diagonal to `d`, super-diagonal to `e`
 * (`e[n−1] = 0`), τ_k to `tau`, v_k to row k of `a` (columns k+1.., v_k[k+1] = 1).
 * `p` is n scratch, `y` is {@link REDUCTION_CHUNKS}·n scratch (one partial per chunk).
 *
 * Only the lower triangle is read and updated, and each step makes a single pass over it:
 * the rank-2 update `A₂₂ ← A₂₂ − v wᵀ − w vᵀ` of step k−1 is applied to a row just before
 * that row feeds the symmetric product `y = A₂₂ v_k` of step k (LAPACK `dsytd2` does the
 * two as separate sweeps over the full block). A third of the memory traffic, which is
 * what bounds this phase once the matrix outgrows the caches. This is the one-thread
 * driver of the step functions above; a thread pool runs the same steps with the chunks
 * of each sweep shared out, and gets the same bits.
 */
export function tridiagonalize(n: i32, a: usize, d: usize, e: usize, tau: usize, p: usize, y: usize): void {
  for (let k = 0; k < n - 2; k++) {
    reductionBeginStep(n, a, d, e, tau, p, k);
    const count = reductionChunkCount(n, k);
    for (let c = 0; c < count; c++) {
      reductionSweepRows(n, a, p, k, reductionChunkStart(n, k, c, count), reductionChunkStart(n, k, c + 1, count), y + <usize>c * (<usize>n << 3));
    }
    reductionEndStep(n, a, tau, p, y, k, count);
  }
  reductionFinish(n, a, d, e, p);
}

/**
 * One fused sweep of a row segment: row[j] −= alpha·x[j] + beta·z[j] (the pending rank-2
 * update), then returns Σ_j row[j]·v[j] and adds `scale`·row[j] to y[j], over `length`
 * entries: each entry is loaded and stored once.
 */
function updateDotAndScatter(
  row: usize,
  alpha: f64,
  x: usize,
  beta: f64,
  z: usize,
  v: usize,
  y: usize,
  scale: f64,
  length: i32,
): f64 {
  const a = f64x2.splat(alpha);
  const b = f64x2.splat(beta);
  const factor = f64x2.splat(scale);
  let sum = f64x2.splat(0);
  let j = 0;
  for (; j + 1 < length; j += 2) {
    const update = f64x2.add(f64x2.mul(a, v128.load(at(x, j))), f64x2.mul(b, v128.load(at(z, j))));
    const entries = f64x2.sub(v128.load(at(row, j)), update);
    v128.store(at(row, j), entries);
    sum = f64x2.add(sum, f64x2.mul(entries, v128.load(at(v, j))));
    v128.store(at(y, j), f64x2.add(v128.load(at(y, j)), f64x2.mul(factor, entries)));
  }
  let total = f64x2.extract_lane(sum, 0) + f64x2.extract_lane(sum, 1);
  for (; j < length; j++) {
    const entry = load<f64>(at(row, j)) - (alpha * load<f64>(at(x, j)) + beta * load<f64>(at(z, j)));
    store<f64>(at(row, j), entry);
    total += entry * load<f64>(at(v, j));
    store<f64>(at(y, j), load<f64>(at(y, j)) + scale * entry);
  }
  return total;
}

/** Returns Σ_j row[j]·v[j] and adds `scale`·row[j] to y[j], over `length` entries. */
function dotAndScatter(row: usize, v: usize, y: usize, scale: f64, length: i32): f64 {
  const factor = f64x2.splat(scale);
  let sum = f64x2.splat(0);
  let j = 0;
  for (; j + 1 < length; j += 2) {
    const entries = v128.load(at(row, j));
    sum = f64x2.add(sum, f64x2.mul(entries, v128.load(at(v, j))));
    v128.store(at(y, j), f64x2.add(v128.load(at(y, j)), f64x2.mul(factor, entries)));
  }
  let total = f64x2.extract_lane(sum, 0) + f64x2.extract_lane(sum, 1);
  for (; j < length; j++) {
    const entry = load<f64>(at(row, j));
    total += entry * load<f64>(at(v, j));
    store<f64>(at(y, j), load<f64>(at(y, j)) + scale * entry);
  }
  return total;
}

/**
 * √(x² + y²) by the plain formula, the hot operation of every QL rotation; falls back to the
 * scaled `Math.hypot` only when the squares leave the normal range (never for the scaled
 * matrices this module sees, whose entries are at most 1 in magnitude, but kept exact).
 */
// @ts-ignore: decorator
@inline
function planeNorm(x: f64, y: f64): f64 {
  const squares = x * x + y * y;
  if (squares < 1e-300 || squares > 1e300) return Math.hypot(x, y);
  return Math.sqrt(squares);
}

/**
 * The eigenvalues of the tridiagonal (d, e) by implicit QL with Wilkinson shifts (EISPACK
 * `tql2` without vectors): `d` is overwritten by them (unsorted), `e` zeroed. Returns −1 on
 * success, else the index of the eigenvalue that did not converge within `maxSweeps` sweeps.
 */
export function implicitQL(n: i32, d: usize, e: usize, maxSweeps: i32): i32 {
  const eps = f64.EPSILON;
  let shiftTotal: f64 = 0;
  let normEstimate: f64 = 0;
  for (let l = 0; l < n; l++) {
    normEstimate = Math.max(normEstimate, Math.abs(load<f64>(at(d, l))) + Math.abs(load<f64>(at(e, l))));
    let m = l;
    while (m < n - 1 && Math.abs(load<f64>(at(e, m))) > eps * normEstimate) m++;
    if (m > l) {
      let sweeps = 0;
      do {
        if (++sweeps > maxSweeps) return l;
        let g = load<f64>(at(d, l));
        const el = load<f64>(at(e, l));
        let p = (load<f64>(at(d, l + 1)) - g) / (2 * el);
        let r = planeNorm(p, 1);
        if (p < 0) r = -r;
        store<f64>(at(d, l), el / (p + r));
        store<f64>(at(d, l + 1), el * (p + r));
        const dl1 = load<f64>(at(d, l + 1));
        let h = g - load<f64>(at(d, l));
        for (let i = l + 2; i < n; i++) store<f64>(at(d, i), load<f64>(at(d, i)) - h);
        shiftTotal += h;

        p = load<f64>(at(d, m));
        let c: f64 = 1;
        let c2 = c;
        let c3 = c;
        const el1 = load<f64>(at(e, l + 1));
        let s: f64 = 0;
        let s2: f64 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          const ei = load<f64>(at(e, i));
          const di = load<f64>(at(d, i));
          g = c * ei;
          h = c * p;
          r = planeNorm(p, ei);
          store<f64>(at(e, i + 1), s * r);
          s = ei / r;
          c = p / r;
          p = c * di - s * g;
          store<f64>(at(d, i + 1), h + s * (c * g + s * di));
        }
        p = (-s * s2 * c3 * el1 * load<f64>(at(e, l))) / dl1;
        store<f64>(at(e, l), s * p);
        store<f64>(at(d, l), c * p);
      } while (Math.abs(load<f64>(at(e, l))) > eps * normEstimate);
    }
    store<f64>(at(d, l), load<f64>(at(d, l)) + shiftTotal);
    store<f64>(at(e, l), 0);
  }
  return -1;
}

/**
 * −T of the compact-WY form (LAPACK `dlarft`, forward, nb×nb upper triangular at `negatedT`)
 * from the reflectors' Gram matrix S = VᵀV (nb×nb at `gram`, symmetric, so row j serves as
 * column j) and τ (nb f64 at `tau`): T[j][j] = τ_j and T[0:j, j] = −τ_j T[0:j, 0:j] S[0:j, j].
 */
export function compactWYFactor(nb: i32, gram: usize, tau: usize, negatedT: usize): void {
  memory.fill(negatedT, 0, (<usize>nb * <usize>nb) << 3);
  const rowBytes = <usize>nb << 3;
  for (let j = 0; j < nb; j++) {
    const tj = load<f64>(tau + (<usize>j << 3));
    const column = gram + <usize>j * rowBytes;
    store<f64>(negatedT + <usize>j * rowBytes + (<usize>j << 3), -tj);
    for (let i = 0; i < j; i++) {
      const row = negatedT + <usize>i * rowBytes;
      let sums = f64x2.splat(0);
      let l = i;
      for (; l + 1 < j; l += 2) {
        sums = f64x2.add(sums, f64x2.mul(v128.load(row + (<usize>l << 3)), v128.load(column + (<usize>l << 3))));
      }
      let sum = f64x2.extract_lane(sums, 0) + f64x2.extract_lane(sums, 1);
      if (l < j) sum += load<f64>(row + (<usize>l << 3)) * load<f64>(column + (<usize>l << 3));
      // negatedT holds −T, so −(−τ_j Σ T S) = −τ_j Σ (−T) S.
      store<f64>(row + (<usize>j << 3), -tj * sum);
    }
  }
}

/** The largest |x| over `count` finite f64 at `x` (0 for none). */
export function maxAbs(x: usize, count: i32): f64 {
  let lanes = f64x2.splat(0);
  let j = 0;
  // pmax (one instruction on x86) instead of max: the input is finite, checked before.
  for (; j + 1 < count; j += 2) lanes = f64x2.pmax(lanes, f64x2.abs(v128.load(at(x, j))));
  let largest = Math.max(f64x2.extract_lane(lanes, 0), f64x2.extract_lane(lanes, 1));
  for (; j < count; j++) largest = Math.max(largest, Math.abs(load<f64>(at(x, j))));
  return largest;
}

/** Tile edge of {@link symmetrizeScaled}: a tile and its mirror (2 × 32 KiB) stay in L1/L2. */
const SYMMETRIZE_TILE: i32 = 64;

/**
 * In place, `A ← (A + Aᵀ) / (2·scale)` for the n×n `a`: tile by tile below the diagonal with
 * the mirrored tile, so both are read along rows; each pair (i, j), (j, i) gets the same
 * value, (a_ij + a_ji) / (2·scale), the formula of the TypeScript `scaledSymmetricCopy`.
 */
export function symmetrizeScaled(n: i32, a: usize, scale: f64): void {
  const divisor = 2 * scale;
  const rowBytes = <usize>n << 3;
  for (let i0 = 0; i0 < n; i0 += SYMMETRIZE_TILE) {
    const i1 = min(n, i0 + SYMMETRIZE_TILE);
    for (let j0 = 0; j0 <= i0; j0 += SYMMETRIZE_TILE) {
      const j1 = min(n, j0 + SYMMETRIZE_TILE);
      for (let i = i0; i < i1; i++) {
        const row = a + <usize>i * rowBytes;
        const end = min(j1, i + 1);
        for (let j = j0; j < end; j++) {
          const mirror = a + <usize>j * rowBytes + (<usize>i << 3);
          const value = (load<f64>(at(row, j)) + load<f64>(mirror)) / divisor;
          store<f64>(at(row, j), value);
          store<f64>(mirror, value);
        }
      }
    }
  }
}

/**
 * The eigenvector matrix in its final form: column j of the n×n `dst` is column `order[j]`
 * of `src` (an i32 list), signed so that its largest-magnitude entry is positive (the first
 * such entry on ties). `largest` and `signs` are n-entry scratch. The same convention as
 * `symEig`'s TypeScript path, scanned row by row so every pass is contiguous.
 */
export function orderSignedColumns(n: i32, src: usize, order: usize, largest: usize, signs: usize, dst: usize): void {
  const rowBytes = <usize>n << 3;
  for (let k = 0; k < n; k++) {
    store<f64>(at(largest, k), -1);
    store<f64>(at(signs, k), 1);
  }
  // Per column, the entry of largest magnitude so far (strictly larger replaces it, so the
  // first wins ties), two columns per lane pair; `signs` holds that entry until the end.
  const pairs = n & ~1;
  for (let i = 0; i < n; i++) {
    const row = src + <usize>i * rowBytes;
    for (let k = 0; k < pairs; k += 2) {
      const entries = v128.load(at(row, k));
      const magnitudes = f64x2.abs(entries);
      const larger = f64x2.gt(magnitudes, v128.load(at(largest, k)));
      v128.store(at(largest, k), v128.bitselect(magnitudes, v128.load(at(largest, k)), larger));
      v128.store(at(signs, k), v128.bitselect(entries, v128.load(at(signs, k)), larger));
    }
    if (pairs < n) {
      const entry = load<f64>(at(row, pairs));
      if (Math.abs(entry) > load<f64>(at(largest, pairs))) {
        store<f64>(at(largest, pairs), Math.abs(entry));
        store<f64>(at(signs, pairs), entry);
      }
    }
  }
  for (let k = 0; k < n; k++) store<f64>(at(signs, k), load<f64>(at(signs, k)) < 0 ? -1 : 1);
  // signs[k] ← the sign of column order[k], so the copy below reads signs contiguously.
  for (let j = 0; j < n; j++) store<f64>(at(largest, j), load<f64>(at(signs, load<i32>(order + (<usize>j << 2)))));
  for (let i = 0; i < n; i++) {
    const row = src + <usize>i * rowBytes;
    const target = dst + <usize>i * rowBytes;
    for (let j = 0; j < n; j++) {
      const column = <usize>load<i32>(order + (<usize>j << 2));
      store<f64>(at(target, j), load<f64>(at(largest, j)) * load<f64>(row + (column << 3)));
    }
  }
}
