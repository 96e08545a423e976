import type { KernelBackend } from '../backend.js';

/** Reflectors per block: the two products per block are rank-64 updates, well inside gemm's fast regime. */
const BLOCK = 64;

/**
 * `w ← Qᵀ = H_{n−3} ⋯ H₁ H₀` for the Householder reflectors `H_k = I − τ_k v_k v_kᵀ` that
 * tridiagonalization leaves in row k of `a` (v_k zero before index k+1, 1 at k+1, the
 * tail in columns k+2…), as LAPACK `dorgtr` does it: blocks of 64 reflectors in compact WY
 * form, `H_{k₀} ⋯ H_{k₁−1} = I − V T Vᵀ` with T upper triangular (`dlarft`), applied from the
 * right as `W ← W − (W V) Tᵀ Vᵀ` by two `gemm`s on `backend`. Blocks go backwards so each
 * update only touches the trailing block where the product so far differs from I.
 * 4/3·n³ flops, nearly all in gemm.
 *
 * @param n order of the matrices
 * @param a n×n row-major, reflectors in its rows (read only)
 * @param tau the n−2 reflector coefficients τ_k
 * @param w n×n row-major output
 * @param backend the kernel backend running the products
 */
export function accumulateReflectorsBlocked(
  n: number,
  a: Float64Array,
  tau: Float64Array,
  w: Float64Array,
  backend: KernelBackend,
): void {
  w.fill(0);
  for (let i = 0; i < n; i++) w[i * n + i] = 1;
  applyReflectorBlocks(n, a, tau, w, backend, false);
}

/**
 * `w ← w Qᵀ = w H_{n−3} ⋯ H₁ H₀` for any n×n `w` (row-major, updated in place), the same
 * compact-WY blocks as {@link accumulateReflectorsBlocked} but over all n rows: with
 * `w = Zᵀ`, Z the eigenvectors of the tridiagonal `T = Qᵀ A Q`, this gives `(Q Z)ᵀ`, whose
 * rows are the eigenvectors of A (LAPACK `dormtr` after `dstedc`). 2n³ flops, all in gemm.
 *
 * @example
 * ```ts
 * applyReflectorsFromRight(n, reflectors, tau, zTransposed, getBackend());
 * ```
 */
export function applyReflectorsFromRight(
  n: number,
  a: Float64Array,
  tau: Float64Array,
  w: Float64Array,
  backend: KernelBackend,
): void {
  applyReflectorBlocks(n, a, tau, w, backend, true);
}

function applyReflectorBlocks(
  n: number,
  a: Float64Array,
  tau: Float64Array,
  w: Float64Array,
  backend: KernelBackend,
  allRows: boolean,
): void {
  const reflectors = n - 2;
  if (reflectors <= 0) return;
  const width = Math.min(BLOCK, reflectors);
  const v = new Float64Array((n - 1) * width);
  const gramV = new Float64Array(width * width);
  const negatedT = new Float64Array(width * width);
  const wv = new Float64Array(n * width);
  const wvt = new Float64Array(n * width);
  for (let end = reflectors; end > 0; end -= BLOCK) {
    const k0 = Math.max(0, end - BLOCK);
    const nb = end - k0;
    const length = n - k0 - 1;
    // V (length × nb): column j is v_{k0+j} on global indices k0+1…n−1.
    for (let i = 0; i < length; i++) {
      const row = i * nb;
      for (let j = 0; j < nb; j++) {
        v[row + j] = i < j ? 0 : i === j ? 1 : a[(k0 + j) * n + k0 + 1 + i];
      }
    }
    backend.gemm(true, false, nb, nb, length, v, 0, nb, v, 0, nb, 0, gramV, 0, nb);
    // −T, column by column: T[j][j] = τ_j, T[0:j, j] = −τ_j T[0:j, 0:j] (Vᵀ v_j)[0:j].
    negatedT.fill(0, 0, nb * nb);
    for (let j = 0; j < nb; j++) {
      const tj = tau[k0 + j];
      negatedT[j * nb + j] = -tj;
      for (let i = 0; i < j; i++) {
        let sum = 0;
        for (let l = i; l < j; l++) sum += negatedT[i * nb + l] * gramV[l * nb + j];
        // negatedT holds −T, so −(−τ_j Σ T S) = −τ_j Σ (−T) S.
        negatedT[i * nb + j] = -tj * sum;
      }
    }
    // Starting from I, rows above k0+1 are still zero in these columns; a general w needs all rows.
    const rows = allRows ? n : length;
    const corner = allRows ? k0 + 1 : (k0 + 1) * n + k0 + 1;
    backend.gemm(false, false, rows, nb, length, w, corner, n, v, 0, nb, 0, wv, 0, nb);
    backend.gemm(false, true, rows, nb, nb, wv, 0, nb, negatedT, 0, nb, 0, wvt, 0, nb);
    backend.gemm(false, true, rows, length, nb, wvt, 0, nb, v, 0, nb, 1, w, corner, n);
  }
}
