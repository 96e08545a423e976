// Symmetric eigendecomposition kernels: the same algorithm as src/sym-eig.ts (Householder
// tridiagonalization, implicit QL with Wilkinson shifts), with the O(n³) inner loops as
// f64x2 SIMD and the QL plane rotations logged and replayed strip by strip (LAPACK dlasr
// style, several sweeps per pass over the eigenvectors). The reflectors are accumulated in
// TypeScript by blocked gemm (src/kernels/eigen/blocked-reflectors.ts).
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

/**
 * Reduces the symmetric `a` (overwritten) to tridiagonal form by reflectors
 * `H_k = I − τ_k v_k v_kᵀ` on indices k+1..n−1: diagonal to `d`, super-diagonal to `e`
 * (`e[n−1] = 0`), τ_k to `tau`, v_k to row k of `a` (columns k+1.., v_k[k+1] = 1).
 * `p` and `y` are n scratch each.
 *
 * Only the lower triangle is read and updated, and each step makes a single pass over it:
 * the rank-2 update `A₂₂ ← A₂₂ − v wᵀ − w vᵀ` of step k−1 is applied to a row just before
 * that row feeds the symmetric product `y = A₂₂ v_k` of step k (LAPACK `dsytd2` does the
 * two as separate sweeps over the full block). A third of the memory traffic, which is
 * what bounds this phase once the matrix outgrows the caches.
 */
export function tridiagonalize(n: i32, a: usize, d: usize, e: usize, tau: usize, p: usize, y: usize): void {
  const rowBytes = <usize>n << 3;
  // The update pending from the previous step: A ← A − v wᵀ − w vᵀ, v in row `previous` of a.
  let previous = -1;
  for (let k = 0; k < n - 2; k++) {
    const rowK = a + <usize>k * rowBytes;
    if (previous >= 0) {
      // Column k (rows k..n−1) is needed now; the rest of the pending update rides on the pass below.
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

    // One pass over rows k+1.. of the lower triangle: finish the pending update, then y = A₂₂ v_k
    // from both the row (dot) and, by symmetry, the column (axpy into y).
    memory.fill(at(y, k + 1), 0, <usize>(n - k - 1) << 3);
    const pendingV = previous >= 0 ? a + <usize>previous * rowBytes : 0;
    for (let i = k + 1; i < n; i++) {
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
    // p = τ y, then w = p − (τ/2)(pᵀv) v: the update pending for the next step (w stored in p).
    let pv: f64 = 0;
    for (let i = k + 1; i < n; i++) {
      const value = t0 * load<f64>(at(y, i));
      store<f64>(at(p, i), value);
      pv += value * load<f64>(at(rowK, i));
    }
    const correction = 0.5 * t0 * pv;
    for (let i = k + 1; i < n; i++) store<f64>(at(p, i), load<f64>(at(p, i)) - correction * load<f64>(at(rowK, i)));
    previous = k;
  }
  if (n >= 2) {
    if (previous >= 0) {
      const v = a + <usize>previous * rowBytes;
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
 * Applies every QL sweep recorded in `log` (doubles `0..end`) to the rows of the row-major
 * `n`-column `w`, in order. A sweep record is `first, last`, then (c_i, s_i) for
 * i = first…last−1; sweep i = last−1 down to first sets rows (i, i+1) ←
 * (c_i·row_i − s_i·row_{i+1}, s_i·row_i + c_i·row_{i+1}). The work goes strip by strip
 * (8 columns riding down the rows in registers), replaying all logged sweeps on one strip
 * while it sits in L1/L2: the matrix crosses the memory bus once per log, not once per sweep.
 */
export function applyRotationLog(n: i32, w: usize, log: usize, end: i32): void {
  const rowBytes = <usize>n << 3;
  let j = 0;
  for (; j + 7 < n; j += 8) {
    const column = w + (<usize>j << 3);
    let position = 0;
    while (position < end) {
      const first = <i32>load<f64>(at(log, position));
      const last = <i32>load<f64>(at(log, position + 1));
      const rotations = at(log, position + 2) - (<usize>first << 4);
      let carry = column + <usize>last * rowBytes;
      let lower0 = v128.load(carry);
      let lower1 = v128.load(carry, 16);
      let lower2 = v128.load(carry, 32);
      let lower3 = v128.load(carry, 48);
      for (let i = last - 1; i >= first; i--) {
        const c = v128.load64_splat(rotations + (<usize>i << 4));
        const s = v128.load64_splat(rotations + (<usize>i << 4), 8);
        const row = carry - rowBytes;
        const upper0 = v128.load(row);
        const upper1 = v128.load(row, 16);
        const upper2 = v128.load(row, 32);
        const upper3 = v128.load(row, 48);
        v128.store(carry, f64x2.add(f64x2.mul(s, upper0), f64x2.mul(c, lower0)));
        v128.store(carry, f64x2.add(f64x2.mul(s, upper1), f64x2.mul(c, lower1)), 16);
        v128.store(carry, f64x2.add(f64x2.mul(s, upper2), f64x2.mul(c, lower2)), 32);
        v128.store(carry, f64x2.add(f64x2.mul(s, upper3), f64x2.mul(c, lower3)), 48);
        lower0 = f64x2.sub(f64x2.mul(c, upper0), f64x2.mul(s, lower0));
        lower1 = f64x2.sub(f64x2.mul(c, upper1), f64x2.mul(s, lower1));
        lower2 = f64x2.sub(f64x2.mul(c, upper2), f64x2.mul(s, lower2));
        lower3 = f64x2.sub(f64x2.mul(c, upper3), f64x2.mul(s, lower3));
        carry = row;
      }
      v128.store(carry, lower0);
      v128.store(carry, lower1, 16);
      v128.store(carry, lower2, 32);
      v128.store(carry, lower3, 48);
      position += 2 + 2 * (last - first);
    }
  }
  for (; j < n; j++) {
    const column = w + (<usize>j << 3);
    let position = 0;
    while (position < end) {
      const first = <i32>load<f64>(at(log, position));
      const last = <i32>load<f64>(at(log, position + 1));
      const rotations = at(log, position + 2) - (<usize>first << 4);
      let carry = column + <usize>last * rowBytes;
      let lower = load<f64>(carry);
      for (let i = last - 1; i >= first; i--) {
        const c = load<f64>(rotations + (<usize>i << 4));
        const s = load<f64>(rotations + (<usize>i << 4), 8);
        const row = carry - rowBytes;
        const upper = load<f64>(row);
        store<f64>(carry, s * upper + c * lower);
        lower = c * upper - s * lower;
        carry = row;
      }
      store<f64>(carry, lower);
      position += 2 + 2 * (last - first);
    }
  }
}

/**
 * Implicit QL with Wilkinson shifts on the tridiagonal (d, e) (EISPACK `tql2`); when
 * `w` ≠ 0 the rotations of each sweep are recorded in `log` (room for `capacity` ≥ 2n
 * doubles) and applied to the rows of `w` (= Vᵀ) by {@link applyRotationLog} whenever the
 * log fills up and at the end. Returns −1 on success, else the index of the eigenvalue
 * that did not converge within `maxSweeps` sweeps.
 */
export function implicitQL(n: i32, d: usize, e: usize, w: usize, log: usize, capacity: i32, maxSweeps: i32): i32 {
  let logged = 0;
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
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        store<f64>(at(d, l), el / (p + r));
        store<f64>(at(d, l + 1), el * (p + r));
        const dl1 = load<f64>(at(d, l + 1));
        let h = g - load<f64>(at(d, l));
        for (let i = l + 2; i < n; i++) store<f64>(at(d, i), load<f64>(at(d, i)) - h);
        shiftTotal += h;

        if (w != 0) {
          if (logged + 2 + 2 * (m - l) > capacity) {
            applyRotationLog(n, w, log, logged);
            logged = 0;
          }
          store<f64>(at(log, logged), <f64>l);
          store<f64>(at(log, logged + 1), <f64>m);
        }
        const rotations = at(log, logged + 2) - (<usize>l << 4);
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
          r = Math.hypot(p, ei);
          store<f64>(at(e, i + 1), s * r);
          s = ei / r;
          c = p / r;
          p = c * di - s * g;
          store<f64>(at(d, i + 1), h + s * (c * g + s * di));
          if (w != 0) {
            store<f64>(rotations + (<usize>i << 4), c);
            store<f64>(rotations + (<usize>i << 4), s, 8);
          }
        }
        if (w != 0) logged += 2 + 2 * (m - l);
        p = (-s * s2 * c3 * el1 * load<f64>(at(e, l))) / dl1;
        store<f64>(at(e, l), s * p);
        store<f64>(at(d, l), c * p);
      } while (Math.abs(load<f64>(at(e, l))) > eps * normEstimate);
    }
    store<f64>(at(d, l), load<f64>(at(d, l)) + shiftTotal);
    store<f64>(at(e, l), 0);
  }
  if (w != 0 && logged > 0) applyRotationLog(n, w, log, logged);
  return -1;
}
