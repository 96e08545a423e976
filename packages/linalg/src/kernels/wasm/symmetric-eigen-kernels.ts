import { accumulateReflectorsBlocked } from '../eigen/blocked-reflectors.js';
import { getBackend } from '../registry.js';
import { instantiateKernel, type KernelExports, kernelModule } from './kernel-module.js';
import { growMemory } from './rank-update-executor.js';

/** The result of {@link wasmTridiagonalEigen}. */
export interface TridiagonalEigenResult {
  /** Rows are the eigenvectors (`Vᵀ`, n×n row-major), when asked for. */
  w: Float64Array | undefined;
  /** −1 on success, else the index of the eigenvalue whose QL iteration did not converge. */
  unconverged: number;
}

/**
 * Doubles of QL rotations logged before they are applied to the eigenvectors (1 MiB, so the
 * log stays in L2 while it is replayed on every 8-column strip).
 */
const ROTATION_LOG_DOUBLES = 131072;

let instance: { kernel: KernelExports; memory: WebAssembly.Memory } | null | undefined;

function eigenInstance(): { kernel: KernelExports; memory: WebAssembly.Memory } | undefined {
  if (instance === undefined) {
    // The baseline SIMD build on every engine: these loops use no FMA, so eigenpairs are
    // the same bits whether or not relaxed SIMD is available.
    const module = kernelModule('simd', false);
    if (module === undefined) instance = null;
    else {
      const memory = new WebAssembly.Memory({ initial: 1 });
      instance = { kernel: instantiateKernel(module, memory), memory };
    }
  }
  return instance ?? undefined;
}

/**
 * The O(n³) part of `symEig` in WebAssembly SIMD: Householder tridiagonalization of the
 * symmetric `a` (n×n row-major, already scaled; not modified), the reflectors accumulated
 * into `Qᵀ` (blocked, by the active backend's `gemm`), and implicit QL with Wilkinson shifts whose plane rotations are applied a
 * sweep at a time. On return `d` holds the (unsorted) eigenvalues and `e` is zeroed, as in
 * EISPACK `tql2`. Returns `undefined` when this engine has no WebAssembly SIMD (callers
 * keep their JavaScript path). Memory: a private kernel memory of 2n² + 5n doubles plus a
 * 1 MiB rotation log, kept
 * for reuse.
 *
 * @example
 * ```ts
 * const result = wasmTridiagonalEigen(n, a, d, e, true, 60);
 * if (result && result.unconverged < 0) use(d, result.w);
 * ```
 */
export function wasmTridiagonalEigen(
  n: number,
  a: Float64Array,
  d: Float64Array,
  e: Float64Array,
  wantVectors: boolean,
  maxSweepsPerEigenvalue: number,
): TridiagonalEigenResult | undefined {
  const found = eigenInstance();
  if (found === undefined) return undefined;
  const { kernel, memory } = found;
  const matrixBytes = n * n * 8;
  const vectorBytes = n * 8;
  const aPointer = 0;
  const wPointer = matrixBytes;
  const dPointer = 2 * matrixBytes;
  const ePointer = dPointer + vectorBytes;
  const tauPointer = ePointer + vectorBytes;
  const pPointer = tauPointer + vectorBytes;
  const yPointer = pPointer + vectorBytes;
  const logPointer = yPointer + vectorBytes;
  const logCapacity = Math.max(ROTATION_LOG_DOUBLES, 2 * n + 2);
  growMemory(memory, logPointer + logCapacity * 8);
  new Float64Array(memory.buffer, aPointer, n * n).set(a);
  kernel.tridiagonalize(n, aPointer, dPointer, ePointer, tauPointer, pPointer, yPointer);
  if (wantVectors) {
    // Views over the kernel memory: it does not grow while the backend's products run.
    const reflectors = new Float64Array(memory.buffer, aPointer, n * n);
    const tau = new Float64Array(memory.buffer, tauPointer, n);
    const w = new Float64Array(memory.buffer, wPointer, n * n);
    accumulateReflectorsBlocked(n, reflectors, tau, w, getBackend());
  }
  const unconverged = kernel.implicitQL(
    n,
    dPointer,
    ePointer,
    wantVectors ? wPointer : 0,
    logPointer,
    logCapacity,
    maxSweepsPerEigenvalue,
  );
  d.set(new Float64Array(memory.buffer, dPointer, n));
  e.set(new Float64Array(memory.buffer, ePointer, n));
  const w = wantVectors ? new Float64Array(memory.buffer, wPointer, n * n).slice() : undefined;
  return { w, unconverged };
}
