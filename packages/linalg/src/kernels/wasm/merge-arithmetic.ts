import type { KernelExports } from './kernel-module.js';
import type { RankUpdateExecutor } from './rank-update-executor.js';

/** Byte offsets, from `base`, of a merge's vectors (n entries each; `origin` i32) for {@link solveMergeInKernel}. */
export function mergeVectorsLayout(n: number, base: number) {
  const poles = base;
  const z = poles + n * 8;
  const tau = z + n * 8;
  const zHat = tau + n * 8;
  const originPoles = zHat + n * 8;
  const norms = originPoles + n * 8;
  const rho = norms + n * 8;
  const origin = rho + 8;
  // Rounded up to whole doubles, so whatever follows stays 8-byte aligned.
  return { poles, z, tau, zHat, originPoles, norms, rho, origin, end: origin + Math.ceil(n / 2) * 8 };
}

/**
 * One merge's O(k²) arithmetic in WebAssembly (assembly/secular-equation.ts): the roots
 * λ_t = poles[origin[t]] + tau[t] of the secular equation of `D + ρ z zᵀ` (`poles` strictly
 * increasing, every z ≠ 0, ρ > 0) and the factor U (k×k row-major at byte `u`) whose column
 * t is the unit eigenvector of λ_t in the basis of the poles, from Gu–Eisenstat's ẑ.
 * `at` is a {@link mergeVectorsLayout} in the kernel's memory; `solveSecular` (a pool's)
 * shares the roots out between threads.
 *
 * @example
 * ```ts
 * const { origin, tau } = solveMergeInKernel(kernel, memory, mergeVectorsLayout(n, base), k, poles, z, rho, uAt);
 * ```
 */
export function solveMergeInKernel(
  kernel: KernelExports,
  memory: WebAssembly.Memory,
  at: ReturnType<typeof mergeVectorsLayout>,
  k: number,
  poles: Float64Array,
  z: Float64Array,
  rho: number,
  u: number,
  solveSecular?: RankUpdateExecutor['solveSecular'],
): { origin: Int32Array; tau: Float64Array } {
  const heap = new Float64Array(memory.buffer);
  heap.set(poles.subarray(0, k), at.poles / 8);
  heap.set(z.subarray(0, k), at.z / 8);
  heap[at.rho / 8] = rho;
  if (solveSecular !== undefined) solveSecular(k, at.poles, at.z, at.rho, at.origin, at.tau);
  else kernel.solveSecularEquation(k, at.poles, at.z, at.rho, at.origin, at.tau);
  kernel.mergeFactor(k, at.poles, at.z, rho, at.origin, at.tau, at.zHat, at.originPoles, at.norms, u);
  return {
    origin: new Int32Array(memory.buffer, at.origin, k).slice(),
    tau: heap.slice(at.tau / 8, at.tau / 8 + k),
  };
}
