import { fillReflectorRows, REFLECTOR_BLOCK } from '../eigen/blocked-reflectors.js';
import { type KernelMatrix, kernelMemoryProduct } from './kernel-memory-product.js';
import type { RankUpdateExecutor } from './rank-update-executor.js';

/**
 * Byte offsets of one block's scratch for {@link applyReflectorsInKernelMemory}, from `base`:
 * Vᵀ, VᵀV, −T, W, VᵀZ and the block's τ, ending at `end`.
 */
export function reflectorScratchLayout(n: number, base: number) {
  const width = Math.min(REFLECTOR_BLOCK, Math.max(n - 2, 1));
  const longest = n - 1;
  const vt = base;
  const gram = vt + width * longest * 8;
  const negatedT = gram + width * width * 8;
  const w = negatedT + width * width * 8;
  const vz = w + longest * width * 8;
  const tau = vz + width * n * 8;
  return { vt, gram, negatedT, w, vz, tau, end: tau + width * 8 };
}

/**
 * `z ← Q z = H₀ H₁ ⋯ H_{n−3} z` (LAPACK `dormtr` after `dstedc`, the same blocks as
 * `applyReflectorsFromLeft`) with Z held in the executor's kernel memory throughout: per
 * block of reflectors, Vᵀ (rows of `a`, contiguous) is copied in, the compact-WY factor
 * T (`dlarft`) is formed from VᵀV, W = V·(−T), and then `Z ← Z + W (Vᵀ Z)`: two products
 * whose operands never leave kernel memory, packed there by WebAssembly. Z (n×n at byte
 * `z`) stays in kernel memory; `scratch` starts {@link reflectorScratchLayout}, and the packed
 * panels need room for (n−1)×128 and KC×n entries. The caller reserves all of it.
 *
 * @example
 * ```ts
 * applyReflectorsInKernelMemory(executor, n, reflectors, tau, zAt, scratchAt, packedA, packedB);
 * ```
 */
export function applyReflectorsInKernelMemory(
  executor: RankUpdateExecutor,
  n: number,
  a: Float64Array,
  tau: Float64Array,
  z: number,
  scratch: number,
  packedA: number,
  packedB: number,
): void {
  const reflectors = n - 2;
  if (reflectors <= 0) return;
  const at = reflectorScratchLayout(n, scratch);
  const heap = new Float64Array(executor.memory.buffer);
  for (let end = reflectors; end > 0; end -= REFLECTOR_BLOCK) {
    const k0 = Math.max(0, end - REFLECTOR_BLOCK);
    const nb = end - k0;
    const length = n - k0 - 1;
    fillReflectorRows(n, a, k0, nb, heap, at.vt / 8);
    const vt: KernelMatrix = { at: at.vt, ld: length, transposed: false };
    const v: KernelMatrix = { at: at.vt, ld: length, transposed: true };
    // VᵀV is symmetric and the factor reads only its lower triangle: tiles above are skipped.
    kernelMemoryProduct(executor, nb, nb, length, vt, v, at.gram, false, packedA, packedB, true);
    heap.set(tau.subarray(k0, k0 + nb), at.tau / 8);
    executor.kernel.compactWYFactor(nb, at.gram, at.tau, at.negatedT);
    const negatedT: KernelMatrix = { at: at.negatedT, ld: nb, transposed: false };
    kernelMemoryProduct(executor, length, nb, nb, v, negatedT, at.w, false, packedA, packedB);
    const trailing: KernelMatrix = { at: z + (k0 + 1) * n * 8, ld: n, transposed: false };
    kernelMemoryProduct(executor, nb, n, length, vt, trailing, at.vz, false, packedA, packedB);
    const w: KernelMatrix = { at: at.w, ld: nb, transposed: false };
    const vz: KernelMatrix = { at: at.vz, ld: n, transposed: false };
    kernelMemoryProduct(executor, length, n, nb, w, vz, trailing.at, true, packedA, packedB);
  }
}
