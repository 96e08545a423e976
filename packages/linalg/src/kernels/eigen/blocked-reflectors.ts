import type { KernelBackend } from '../backend.js';

/** Reflectors per block: rank-128 updates keep gemm in its fast regime with half the passes over Z of 64 (measured). */
const BLOCK = 128;

/**
 * `z ← Q z = H₀ H₁ ⋯ H_{n−3} z` for any n×n `z` (row-major, updated in place), in blocks of
 * `BLOCK` reflectors in compact WY form (`dlarft`) applied from the left, last block
 * first: `Z ← Z − V (T (Vᵀ Z))` on rows k₀+1…. With `z = Z`, the eigenvectors of the
 * tridiagonal `T = Qᵀ A Q` as columns, this gives the eigenvectors of A as columns (LAPACK
 * `dormtr` after `dstedc`), with no transposition on either side. 2n³ flops, all in gemm;
 * the big operand is only ever packed as column panels and accumulated in kernel memory.
 *
 * @example
 * ```ts
 * applyReflectorsFromLeft(n, reflectors, tau, eigenvectorsOfT, getBackend());
 * ```
 */
export function applyReflectorsFromLeft(
  n: number,
  a: Float64Array,
  tau: Float64Array,
  z: Float64Array,
  backend: KernelBackend,
): void {
  const reflectors = n - 2;
  if (reflectors <= 0) return;
  const width = Math.min(BLOCK, reflectors);
  const blocks = createBlockBuffers(n, width);
  const vz = new Float64Array(width * n);
  const tvz = new Float64Array(width * n);
  for (let end = reflectors; end > 0; end -= BLOCK) {
    const k0 = Math.max(0, end - BLOCK);
    const nb = end - k0;
    const length = n - k0 - 1;
    const { v, negatedT } = compactWY(n, a, tau, k0, nb, blocks, backend);
    const corner = (k0 + 1) * n;
    // Vᵀ Z (nb×n), then −T·(Vᵀ Z), then Z += V·(−T Vᵀ Z).
    backend.gemm(true, false, nb, n, length, v, 0, nb, z, corner, n, 0, vz, 0, n);
    backend.gemm(false, false, nb, n, nb, negatedT, 0, nb, vz, 0, n, 0, tvz, 0, n);
    backend.gemm(false, false, length, n, nb, v, 0, nb, tvz, 0, n, 1, z, corner, n);
  }
}

/** Scratch of one compact-WY block: V (up to (n−1)×width), VᵀV and −T (width×width). */
interface BlockBuffers {
  v: Float64Array;
  gramV: Float64Array;
  negatedT: Float64Array;
}

function createBlockBuffers(n: number, width: number): BlockBuffers {
  return {
    v: new Float64Array((n - 1) * width),
    gramV: new Float64Array(width * width),
    negatedT: new Float64Array(width * width),
  };
}

/**
 * The compact-WY form `H_{k0} ⋯ H_{k0+nb−1} = I − V T Vᵀ` (`dlarft`, forward): fills V
 * ((n−k0−1)×nb, column j = v_{k0+j} on global indices k0+1…n−1) and −T (upper triangular).
 */
function compactWY(
  n: number,
  a: Float64Array,
  tau: Float64Array,
  k0: number,
  nb: number,
  buffers: BlockBuffers,
  backend: KernelBackend,
): { v: Float64Array; negatedT: Float64Array } {
  const { v, gramV, negatedT } = buffers;
  const length = n - k0 - 1;
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
  return { v, negatedT };
}
