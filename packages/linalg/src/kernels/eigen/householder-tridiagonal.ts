// Householder tridiagonalization in plain TypeScript (the reference path, and the fallback
// on engines without WebAssembly SIMD), with the two ways its orthogonal factor is used:
// accumulated as a matrix (symEig) or applied to a few vectors (symEigProjections).

/**
 * Reduces the symmetric `a` (full storage, overwritten) to tridiagonal form by
 * reflectors `H_k = I − τ_k v_k v_kᵀ` acting on indices k+1..n−1, k = 0..n−3, chosen so
 * `H_k` maps row k's tail to `(β, 0, …, 0)`. Leaves the diagonal in `d`, the
 * super-diagonal in `e` (`e[n−1] = 0`), `τ_k` in `tau` and `v_k` in row k of `a`.
 */
export function tridiagonalize(
  n: number,
  a: Float64Array,
  d: Float64Array,
  e: Float64Array,
  tau: Float64Array,
): void {
  const p = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    const rowK = k * n;
    const first = rowK + k + 1;
    const alpha = a[first];
    let tailSquares = 0;
    for (let t = first + 1; t < rowK + n; t++) tailSquares += a[t] * a[t];
    d[k] = a[rowK + k];
    if (tailSquares === 0) {
      // Already reduced in this row: H_k = I.
      e[k] = alpha;
      tau[k] = 0;
      a[first] = 1;
      continue;
    }
    const beta =
      alpha >= 0 ? -Math.sqrt(alpha * alpha + tailSquares) : Math.sqrt(alpha * alpha + tailSquares);
    tau[k] = (beta - alpha) / beta;
    const inverse = 1 / (alpha - beta);
    a[first] = 1;
    for (let t = first + 1; t < rowK + n; t++) a[t] *= inverse;
    e[k] = beta;

    // p = τ A₂₂ v, then w = p − (τ/2)(pᵀv) v and A₂₂ ← A₂₂ − v wᵀ − w vᵀ (stored back in p).
    const t0 = tau[k];
    let pv = 0;
    for (let i = k + 1; i < n; i++) {
      const rowI = i * n;
      let s = 0;
      for (let j = k + 1; j < n; j++) s += a[rowI + j] * a[rowK + j];
      p[i] = t0 * s;
      pv += p[i] * a[rowK + i];
    }
    const correction = 0.5 * t0 * pv;
    for (let i = k + 1; i < n; i++) p[i] -= correction * a[rowK + i];
    for (let i = k + 1; i < n; i++) {
      const rowI = i * n;
      const vi = a[rowK + i];
      const wi = p[i];
      for (let j = k + 1; j < n; j++) a[rowI + j] -= vi * p[j] + wi * a[rowK + j];
    }
  }
  if (n >= 2) {
    d[n - 2] = a[(n - 2) * n + n - 2];
    e[n - 2] = a[(n - 2) * n + n - 1];
  }
  d[n - 1] = a[n * n - 1];
  e[n - 1] = 0;
}

/**
 * `Q = H₀ H₁ ⋯ H_{n−3}`, accumulated backwards so each step only touches the trailing
 * block where `H_k` acts (Q is the identity outside it).
 */
export function accumulateReflectors(n: number, a: Float64Array, tau: Float64Array): Float64Array {
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  const w = new Float64Array(n);
  for (let k = n - 3; k >= 0; k--) {
    const t0 = tau[k];
    if (t0 === 0) continue;
    const rowK = k * n;
    w.fill(0, k + 1, n);
    for (let i = k + 1; i < n; i++) {
      const vi = a[rowK + i];
      const rowI = i * n;
      for (let j = k + 1; j < n; j++) w[j] += vi * q[rowI + j];
    }
    for (let i = k + 1; i < n; i++) {
      const scaled = t0 * a[rowK + i];
      const rowI = i * n;
      for (let j = k + 1; j < n; j++) q[rowI + j] -= scaled * w[j];
    }
  }
  return q;
}

export function transposeSquare(n: number, q: Float64Array): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[j * n + i] = q[i * n + j];
  return out;
}

/**
 * `b ← Qᵀ b = H_{n−3} ⋯ H₁ H₀ b` for the reflectors `H_k = I − τ_k v_k v_kᵀ` that
 * {@link tridiagonalize} leaves in row k of `a` (v_k[k+1] = 1, tail in columns k+2…),
 * where `b` is n×m row-major (m right-hand sides), updated in place. O(n²·m), one pass
 * over rows k+1… of `b` per reflector for the products `v_kᵀ b` and one for the update.
 *
 * @example
 * ```ts
 * tridiagonalize(n, a, d, e, tau);
 * applyReflectorsTransposed(n, a, tau, y, 1); // y ← Qᵀ y
 * ```
 */
export function applyReflectorsTransposed(
  n: number,
  a: Float64Array,
  tau: Float64Array,
  b: Float64Array,
  m: number,
): void {
  const products = new Float64Array(m);
  for (let k = 0; k < n - 2; k++) {
    const t0 = tau[k];
    if (t0 === 0) continue;
    const rowK = k * n;
    products.fill(0);
    for (let i = k + 1; i < n; i++) {
      const vi = a[rowK + i];
      const rowI = i * m;
      for (let j = 0; j < m; j++) products[j] += vi * b[rowI + j];
    }
    for (let i = k + 1; i < n; i++) {
      const scaled = t0 * a[rowK + i];
      const rowI = i * m;
      for (let j = 0; j < m; j++) b[rowI + j] -= scaled * products[j];
    }
  }
}
