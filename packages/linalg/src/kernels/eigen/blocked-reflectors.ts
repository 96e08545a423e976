import type { KernelBackend } from '../backend.js';
import { requireEigenInstance } from '../wasm/eigen-instance.js';
import { growMemory } from '../wasm/rank-update-executor.js';

/** Reflectors per block: rank-128 updates keep gemm in its fast regime with half the passes over Z of 64 (measured). */
export const REFLECTOR_BLOCK = 128;

/**
 * `z ← Q z = H₀ H₁ ⋯ H_{n−3} z` for any n×n `z` (row-major, updated in place), in blocks of
 * `REFLECTOR_BLOCK` reflectors in compact WY form (`dlarft`) applied from the left, last
 * block first: with W = V·(−T), `Z ← Z + W (Vᵀ Z)` on rows k₀+1…. With `z = Z`, the
 * eigenvectors of the tridiagonal `T = Qᵀ A Q` as columns, this gives the eigenvectors of A
 * as columns (LAPACK `dormtr` after `dstedc`), with no transposition on either side. About
 * 2n³ flops, all in gemm. Vᵀ is copied from the rows of `a` (contiguous). The same products
 * in the same order as the kernel-memory version (`applyReflectorsInKernelMemory`), so both
 * give the same bits on a WebAssembly backend.
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
  const width = Math.min(REFLECTOR_BLOCK, reflectors);
  const { kernel, memory } = requireEigenInstance("the blocked reflectors' factor T");
  const vt = new Float64Array(width * (n - 1));
  const gram = new Float64Array(width * width);
  const negatedT = new Float64Array(width * width);
  const w = new Float64Array((n - 1) * width);
  const vz = new Float64Array(width * n);
  for (let end = reflectors; end > 0; end -= REFLECTOR_BLOCK) {
    const k0 = Math.max(0, end - REFLECTOR_BLOCK);
    const nb = end - k0;
    const length = n - k0 - 1;
    fillReflectorRows(n, a, k0, nb, vt, 0);
    backend.gemm(false, true, nb, nb, length, vt, 0, length, vt, 0, length, 0, gram, 0, nb);
    // −T in WebAssembly (the same kernel as the kernel-memory route, so the same bits).
    growMemory(memory, (2 * nb * nb + nb) * 8);
    const heap = new Float64Array(memory.buffer);
    heap.set(gram.subarray(0, nb * nb), 0);
    heap.set(tau.subarray(k0, k0 + nb), 2 * nb * nb);
    kernel.compactWYFactor(nb, 0, 2 * nb * nb * 8, nb * nb * 8);
    negatedT.set(heap.subarray(nb * nb, 2 * nb * nb));
    backend.gemm(true, false, length, nb, nb, vt, 0, length, negatedT, 0, nb, 0, w, 0, nb);
    const corner = (k0 + 1) * n;
    backend.gemm(false, false, nb, n, length, vt, 0, length, z, corner, n, 0, vz, 0, n);
    backend.gemm(false, false, length, n, nb, w, 0, nb, vz, 0, n, 1, z, corner, n);
  }
}

/**
 * Vᵀ of reflectors k0…k0+nb−1 into `vt` at `offset` (nb×length, length = n−k0−1): row j is
 * v_{k0+j} on global indices k0+1…n−1, i.e. j zeros, the unit entry, then the stored tail
 * in row k0+j of `a`.
 */
export function fillReflectorRows(
  n: number,
  a: Float64Array,
  k0: number,
  nb: number,
  vt: Float64Array,
  offset: number,
): void {
  const length = n - k0 - 1;
  for (let j = 0; j < nb; j++) {
    const row = offset + j * length;
    vt.fill(0, row, row + j);
    vt[row + j] = 1;
    vt.set(a.subarray((k0 + j) * n + k0 + j + 2, (k0 + j) * n + n), row + j + 1);
  }
}
