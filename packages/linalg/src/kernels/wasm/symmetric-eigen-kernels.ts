import { applyReflectorsFromLeft } from '../eigen/blocked-reflectors.js';
import { tridiagonalDivideAndConquer } from '../eigen/tridiagonal-divide-conquer.js';
import { getBackend } from '../registry.js';
import { instantiateKernel, type KernelExports, kernelModule } from './kernel-module.js';
import { growMemory } from './rank-update-executor.js';

/** The result of {@link wasmTridiagonalEigen}. */
export interface TridiagonalEigenResult {
  /** Columns are the eigenvectors (V, n×n row-major), when asked for. */
  vectors: Float64Array | undefined;
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
 * The O(n³) part of `symEig`: Householder tridiagonalization `T = Qᵀ A Q` of the symmetric
 * `a` (n×n row-major, already scaled; not modified) in WebAssembly SIMD; the eigenvalues by
 * implicit QL with Wilkinson shifts without vectors (WebAssembly, O(n²)); with
 * `wantVectors`, the eigenvectors Z of T by divide and conquer (LAPACK `dstedc`, merges on
 * the active backend's `gemm`) and `V = Q Z` by the blocked reflectors (`dormtr`, gemm).
 * On return `d` holds the (unsorted) eigenvalues and `e` is zeroed, and column k of
 * `vectors` is the eigenvector of `d[k]`. Returns `undefined` when this engine has no WebAssembly SIMD
 * (callers keep their JavaScript path). Memory: a private kernel memory of n² + 5n
 * doubles plus a 1 MiB rotation log, kept for reuse, and about 2n² doubles of JS scratch
 * while the eigenvectors are formed.
 *
 * @example
 * ```ts
 * const result = wasmTridiagonalEigen(n, a, d, e, true, 60);
 * if (result && result.unconverged < 0) use(d, result.vectors);
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
  const at = eigenLayout(n);
  const { a: aPointer, d: dPointer, e: ePointer, tau: tauPointer, log: logPointer, logCapacity } = at;
  growMemory(memory, logPointer + logCapacity * 8);
  new Float64Array(memory.buffer, aPointer, n * n).set(a);
  kernel.tridiagonalize(n, aPointer, dPointer, ePointer, tauPointer, at.p, at.y);
  d.set(new Float64Array(memory.buffer, dPointer, n));
  e.set(new Float64Array(memory.buffer, ePointer, n));
  // The eigenvalues always come from QL without vectors (O(n²)), so symEig and
  // symEigValues return the same bits.
  const valuesUnconverged = kernel.implicitQL(
    n,
    dPointer,
    ePointer,
    0,
    logPointer,
    logCapacity,
    maxSweepsPerEigenvalue,
  );
  const qlValues = new Float64Array(memory.buffer, dPointer, n).slice();
  if (!wantVectors || valuesUnconverged >= 0) {
    d.set(qlValues);
    e.fill(0);
    return { vectors: undefined, unconverged: valuesUnconverged };
  }
  // Eigenvectors: divide and conquer on T = Qᵀ A Q, then V = Q Z by blocked reflectors.
  const backend = getBackend();
  const { vectors, unconverged } = tridiagonalDivideAndConquer(n, d, e, backend, maxSweepsPerEigenvalue);
  e.fill(0);
  if (unconverged >= 0) return { vectors: undefined, unconverged };
  pairInOrder(d, qlValues);
  // Views over the kernel memory: it does not grow while the backend's products run.
  const reflectors = new Float64Array(memory.buffer, aPointer, n * n);
  const tau = new Float64Array(memory.buffer, tauPointer, n);
  applyReflectorsFromLeft(n, reflectors, tau, vectors, backend);
  return { vectors, unconverged };
}

/** Byte offsets of the kernel-memory layout the eigen kernels share: a, then five n-vectors, then the rotation log. */
function eigenLayout(n: number) {
  const matrixBytes = n * n * 8;
  const vectorBytes = n * 8;
  const d = matrixBytes;
  const e = d + vectorBytes;
  const tau = e + vectorBytes;
  const p = tau + vectorBytes;
  const y = p + vectorBytes;
  const log = y + vectorBytes;
  return { a: 0, d, e, tau, p, y, log, logCapacity: Math.max(ROTATION_LOG_DOUBLES, 2 * n + 2) };
}

/**
 * Householder tridiagonalization alone in WebAssembly SIMD (the same kernel and bits as
 * {@link wasmTridiagonalEigen}): `a` (n×n row-major, scaled) is overwritten by the
 * reflectors (v_k in row k, as the TypeScript `tridiagonalize` leaves them), `d`, `e`, `tau`
 * receive the tridiagonal and the τ_k. Returns false when this engine has no WebAssembly
 * SIMD (nothing is written).
 *
 * @example
 * ```ts
 * if (!wasmTridiagonalize(n, a, d, e, tau)) tridiagonalize(n, a, d, e, tau);
 * ```
 */
export function wasmTridiagonalize(
  n: number,
  a: Float64Array,
  d: Float64Array,
  e: Float64Array,
  tau: Float64Array,
): boolean {
  const found = eigenInstance();
  if (found === undefined) return false;
  const { kernel, memory } = found;
  const at = eigenLayout(n);
  growMemory(memory, at.log + at.logCapacity * 8);
  new Float64Array(memory.buffer, at.a, n * n).set(a);
  kernel.tridiagonalize(n, at.a, at.d, at.e, at.tau, at.p, at.y);
  a.set(new Float64Array(memory.buffer, at.a, n * n));
  d.set(new Float64Array(memory.buffer, at.d, n));
  e.set(new Float64Array(memory.buffer, at.e, n));
  tau.set(new Float64Array(memory.buffer, at.tau, n));
  return true;
}

/**
 * The eigenvalues of the symmetric tridiagonal (d, e) by the WebAssembly implicit QL
 * without vectors, the same bits as `symEigValues`: `d` is overwritten by the (unsorted)
 * eigenvalues and `e` zeroed. Returns −1 on success, the index of an unconverged
 * eigenvalue, or undefined without WebAssembly SIMD (nothing is written).
 *
 * @example
 * ```ts
 * const unconverged = wasmTridiagonalEigenvalues(n, d, e, 60) ?? implicitQL(n, d, e, undefined, 60);
 * ```
 */
export function wasmTridiagonalEigenvalues(
  n: number,
  d: Float64Array,
  e: Float64Array,
  maxSweepsPerEigenvalue: number,
): number | undefined {
  const found = eigenInstance();
  if (found === undefined) return undefined;
  const { kernel, memory } = found;
  const at = eigenLayout(n);
  growMemory(memory, at.log + at.logCapacity * 8);
  new Float64Array(memory.buffer, at.d, n).set(d);
  new Float64Array(memory.buffer, at.e, n).set(e);
  const unconverged = kernel.implicitQL(n, at.d, at.e, 0, at.log, at.logCapacity, maxSweepsPerEigenvalue);
  d.set(new Float64Array(memory.buffer, at.d, n));
  e.fill(0);
  return unconverged;
}

/**
 * Replaces the divide-and-conquer eigenvalues `d` by the QL ones, rank for rank (both agree
 * to rounding, ~n·ε·‖T‖), so each eigenvector keeps its position.
 */
function pairInOrder(d: Float64Array, qlValues: Float64Array): void {
  const n = d.length;
  const byValue = Array.from({ length: n }, (_, k) => k).sort((x, y) => d[x] - d[y] || x - y);
  const sortedQl = qlValues.slice().sort();
  for (let r = 0; r < n; r++) d[byValue[r]] = sortedQl[r];
}
