import type { KernelBackend } from '../backend.js';
import { applyReflectorsFromLeft } from '../eigen/blocked-reflectors.js';
import { tridiagonalDivideAndConquer } from '../eigen/tridiagonal-divide-conquer.js';
import { getBackend } from '../registry.js';
import { eigenInstance } from './eigen-instance.js';
import { addEigenKernel } from './eigen-module.js';
import { eigenpairsInKernelMemory, eigenvaluesInKernelMemory } from './kernel-memory-eigenvectors.js';
import { type KernelMemoryProjections, projectionsInKernelMemory } from './kernel-memory-projections.js';
import { executorOf, growMemory, type RankUpdateExecutor } from './rank-update-executor.js';
import { reductionLayout } from './reduction-layout.js';

/** The result of {@link wasmTridiagonalEigen}. */
export interface TridiagonalEigenResult {
  /** Columns are the eigenvectors (V, n×n row-major), when asked for. */
  vectors: Float64Array | undefined;
  /** −1 on success, else the index of the eigenvalue whose QL iteration did not converge. */
  unconverged: number;
}

/**
 * Householder tridiagonalization `T = Qᵀ A Q` of the scaled symmetric `a` (n×n row-major),
 * in WebAssembly SIMD: on the backend's threads when it offers a reduction (the Node pool;
 * the same bits as one thread), else in a private kernel memory. `a` is overwritten by the
 * reflectors (v_k in row k, columns k+1.., v_k[k+1] = 1), `d`, `e`, `tau` receive the
 * tridiagonal and the τ_k. Returns false when this engine has no WebAssembly SIMD (nothing
 * is written).
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
  backend: KernelBackend = getBackend(),
): boolean {
  if (backend.tridiagonalize !== undefined) {
    backend.tridiagonalize(n, a, d, e, tau);
    return true;
  }
  const found = eigenInstance();
  if (found === undefined) return false;
  const { kernel, memory } = found;
  const at = reductionLayout(n, kernel.REDUCTION_CHUNKS.value);
  growMemory(memory, at.end);
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
  growMemory(memory, 2 * n * 8);
  new Float64Array(memory.buffer, 0, n).set(d);
  new Float64Array(memory.buffer, n * 8, n).set(e);
  const unconverged = kernel.implicitQL(n, 0, n * 8, maxSweepsPerEigenvalue);
  d.set(new Float64Array(memory.buffer, 0, n));
  e.fill(0);
  return unconverged;
}

/**
 * The O(n³) part of `symEig` on the fast kernels: the tridiagonalization of
 * {@link wasmTridiagonalize}; the eigenvalues by implicit QL without vectors
 * (WebAssembly, O(n²)); with `wantVectors`, the eigenvectors Z of T by divide and conquer
 * (LAPACK `dstedc`, merges on the active backend's `gemm`) and `V = Q Z` by the blocked
 * reflectors (`dormtr`, gemm). `a` (n×n row-major, already scaled) is overwritten by the
 * reflectors. On return `d` holds the (unsorted) eigenvalues and `e` is zeroed, and column
 * k of `vectors` is the eigenvector of `d[k]`. Returns `undefined` when this engine has no
 * WebAssembly SIMD (callers keep their JavaScript path). Memory: a kernel memory of
 * n² + 8n doubles kept for reuse, and about 2n² doubles of JS scratch while the
 * eigenvectors are formed.
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
  const backend = getBackend();
  const tau = new Float64Array(n);
  if (!wasmTridiagonalize(n, a, d, e, tau, backend)) return undefined;
  // The eigenvalues always come from QL without vectors (O(n²)), so symEig and
  // symEigValues return the same bits.
  const qlValues = d.slice();
  const valuesUnconverged = wasmTridiagonalEigenvalues(n, qlValues, e.slice(), maxSweepsPerEigenvalue) ?? -1;
  if (!wantVectors || valuesUnconverged >= 0) {
    d.set(qlValues);
    e.fill(0);
    return { vectors: undefined, unconverged: valuesUnconverged };
  }
  // Eigenvectors: divide and conquer on T = Qᵀ A Q, then V = Q Z by blocked reflectors.
  const { vectors, unconverged } = tridiagonalDivideAndConquer(n, d, e, backend, maxSweepsPerEigenvalue);
  e.fill(0);
  if (unconverged >= 0) return { vectors: undefined, unconverged };
  pairInOrder(d, qlValues);
  applyReflectorsFromLeft(n, a, tau, vectors, backend);
  return { vectors, unconverged };
}

/** The result of {@link wasmSymmetricEigenpairs}. */
export interface ResidentEigenResult {
  /** max |A_ij|: the eigenvalues in `d` are of A/scale (0 for the zero matrix, nothing else set). */
  scale: number;
  /** The QL eigenvalues of A/scale (unsorted), paired with the columns of `vectors`. */
  d: Float64Array;
  /**
   * The eigenvectors of d[order[0]], d[order[1]], … as the columns of a fresh n×n array,
   * each signed so its largest-magnitude entry is positive (the first on ties); ordered in
   * kernel memory, so call it before anything else runs on this backend.
   */
  orderedColumns(order: ArrayLike<number>): Float64Array;
  /** −1, or the index of an eigenvalue whose QL did not converge (then nothing else is set). */
  unconverged: number;
}

/**
 * The eigenpairs of the symmetric n×n `source` (row-major) entirely in the active backend's
 * kernel memory ({@link eigenpairsInKernelMemory}), with the QL eigenvalues paired to the
 * divide-and-conquer eigenvectors, so the values are the bits `symEigValues` returns.
 * `undefined` when the active backend has no WebAssembly executor (the JS reference, custom
 * backends).
 *
 * @example
 * ```ts
 * const result = wasmSymmetricEigenpairs(A.data, n, 60);
 * ```
 */
export function wasmSymmetricEigenpairs(
  source: Float64Array,
  n: number,
  maxSweepsPerEigenvalue: number,
): ResidentEigenResult | undefined {
  const executor = eigenExecutor(n);
  if (executor === undefined) return undefined;
  const { scale, d, values, unconverged, orderedColumns } = eigenpairsInKernelMemory(
    executor,
    source,
    n,
    maxSweepsPerEigenvalue,
  );
  if (unconverged < 0 && scale !== 0) pairInOrder(d, values);
  return { scale, d, unconverged, orderedColumns };
}

/**
 * The eigenvalues alone of the symmetric n×n `source` in the active backend's kernel memory
 * ({@link eigenvaluesInKernelMemory}): unsorted, of A/scale, the same bits as the values of
 * {@link wasmSymmetricEigenpairs}. `undefined` without a WebAssembly executor.
 *
 * @example
 * ```ts
 * const result = wasmSymmetricEigenvalues(A.data, n, 60);
 * ```
 */
export function wasmSymmetricEigenvalues(
  source: Float64Array,
  n: number,
  maxSweepsPerEigenvalue: number,
): { scale: number; values: Float64Array; unconverged: number } | undefined {
  const executor = eigenExecutor(n);
  return executor === undefined
    ? undefined
    : eigenvaluesInKernelMemory(executor, source, n, maxSweepsPerEigenvalue);
}

/**
 * `c ← VᵀB` and the eigenvalues of the symmetric n×n `source` with its reduction in the
 * active backend's kernel memory ({@link projectionsInKernelMemory}); `undefined` without a
 * WebAssembly executor.
 *
 * @example
 * ```ts
 * const result = wasmSymmetricProjections(A.data, n, c, m, 60);
 * ```
 */
export function wasmSymmetricProjections(
  source: Float64Array,
  n: number,
  c: Float64Array,
  m: number,
  maxSweepsPerEigenvalue: number,
): KernelMemoryProjections | undefined {
  const executor = eigenExecutor(n);
  if (executor === undefined) return undefined;
  return projectionsInKernelMemory(executor, source, n, c, m, maxSweepsPerEigenvalue);
}

/**
 * The active backend's executor for order n with the eigen kernels beside its product
 * kernels (instantiated over the same memory on first use), or `undefined` without one.
 */
function eigenExecutor(n: number): RankUpdateExecutor | undefined {
  const executor = executorOf(getBackend(), n);
  return executor !== undefined && addEigenKernel(executor.kernel, executor.memory) ? executor : undefined;
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
