import type { KernelBackend } from '../backend.js';
import { requireEigenInstance } from '../wasm/eigen-instance.js';
import { mergeVectorsLayout, solveMergeInKernel } from '../wasm/merge-arithmetic.js';
import { growMemory } from '../wasm/rank-update-executor.js';
import { implicitQL } from './implicit-ql.js';

/** Subproblems up to this order are solved by implicit QL directly (as LAPACK `dstedc`'s SMLSIZ). */
const LEAF_ORDER = 32;

/**
 * Eigendecomposition of the symmetric tridiagonal `T` (diagonal `d`, super-diagonal
 * `e[0..n−2]`) by Cuppen's divide and conquer, as LAPACK `dstedc`/`dlaed0`–`dlaed4`:
 * `T = diag(T₁, T₂) + β u uᵀ` with u = e_{m−1} + e_m, the halves solved recursively,
 * then each merge is the rank-one update `D + ρ z zᵀ` of their eigenvalues, solved by
 * deflation (negligible z_j, near-equal d_j rotated together), the secular equation, and
 * Gu–Eisenstat's recomputed ẑ (so the eigenvectors are orthogonal to working precision
 * however close the roots), and the merged eigenvectors are one product per half on
 * `backend.gemm` (about 4/3·n³ flops without deflation, instead of ~4.5·n³ for QL
 * rotations). Leaves of order ≤ 32 use implicit QL. The merges' arithmetic is WebAssembly
 * (assembly/secular-equation.ts), so this serves the WebAssembly path only.
 *
 * On return `d` holds the eigenvalues (unsorted) and the result's column j is the unit
 * eigenvector of `d[j]` (n×n row-major). Returns `{ vectors, unconverged }` where
 * `unconverged` is −1, or ≥ 0 when a leaf's QL iteration did not converge.
 *
 * @example
 * ```ts
 * const { vectors } = tridiagonalDivideAndConquer(3, Float64Array.of(2, 2, 2), Float64Array.of(1, 1, 0), jsBackend, 60);
 * ```
 */
export function tridiagonalDivideAndConquer(
  n: number,
  d: Float64Array,
  e: Float64Array,
  backend: KernelBackend,
  maxSweepsPerEigenvalue: number,
): { vectors: Float64Array; unconverged: number } {
  const store = gemmEigenvectorStore(n, backend);
  const unconverged = divideAndConquerInto(n, d, e, store, maxSweepsPerEigenvalue);
  return { vectors: store.z, unconverged };
}

/**
 * Where a divide and conquer keeps Z and runs its merges' products: JS arrays through a
 * backend's `gemm` ({@link gemmEigenvectorStore}), or WebAssembly kernel memory (the
 * symmetric eigensolver's fast path, which gathers and scatters columns in WebAssembly).
 */
export interface EigenvectorStore {
  /** Z, n×n row-major, all zeros on entry; column j ends as the eigenvector of d[j]. */
  readonly z: Float64Array;
  /**
   * A merge's arithmetic (assembly/secular-equation.ts): the roots λ_t = poles[origin[t]] +
   * tau[t] of the secular equation of `D + ρ z zᵀ` (k poles strictly increasing, z ≠ 0), and
   * the k×k factor U of their eigenvectors, kept by the store for {@link multiply}.
   */
  solveMerge(
    k: number,
    poles: Float64Array,
    z: Float64Array,
    rho: number,
  ): { origin: Int32Array; tau: Float64Array };
  /**
   * Z[row0 + i, kept[t]] ← Σ_c Z[row0 + i, kept[active[c]]] · U[active[c], t] for i < rows,
   * t < k, c < width (U from the last {@link solveMerge}): the merged eigenvectors on one
   * half's rows, over only the old columns nonzero there.
   */
  multiply(row0: number, rows: number, kept: Int32Array, active: Int32Array, width: number, k: number): void;
}

/**
 * The divide and conquer of {@link tridiagonalDivideAndConquer} with Z and the merge products
 * in `store` (Z must be zero on entry). Returns −1, or the index of an eigenvalue whose leaf
 * QL did not converge.
 *
 * @example
 * ```ts
 * const unconverged = divideAndConquerInto(n, d, e, gemmEigenvectorStore(n, backend), 60);
 * ```
 */
export function divideAndConquerInto(
  n: number,
  d: Float64Array,
  e: Float64Array,
  store: EigenvectorStore,
  maxSweepsPerEigenvalue: number,
): number {
  const state: Workspace = { n, d, e, z: store.z, store, maxSweeps: maxSweepsPerEigenvalue };
  return solveBlock(state, 0, n);
}

interface Workspace {
  n: number;
  d: Float64Array;
  e: Float64Array;
  /** n×n row-major; block [s, s+N) holds its eigenvectors in Z[s.., s..] (zeros elsewhere). */
  z: Float64Array;
  store: EigenvectorStore;
  maxSweeps: number;
}

function solveBlock(state: Workspace, start: number, order: number): number {
  if (order <= LEAF_ORDER) return solveLeaf(state, start, order);
  const { d, e } = state;
  const upper = order >> 1;
  const beta = e[start + upper - 1];
  d[start + upper - 1] -= beta;
  d[start + upper] -= beta;
  const first = solveBlock(state, start, upper);
  if (first >= 0) return first;
  const second = solveBlock(state, start + upper, order - upper);
  if (second >= 0) return second;
  mergeBlocks(state, start, order, upper, beta);
  return -1;
}

function solveLeaf(state: Workspace, start: number, order: number): number {
  const { n, d, e, z } = state;
  const leafD = d.slice(start, start + order);
  const leafE = e.slice(start, start + order);
  leafE[order - 1] = 0;
  const rows = new Float64Array(order * order);
  for (let i = 0; i < order; i++) rows[i * order + i] = 1;
  const unconverged = implicitQL(order, leafD, leafE, rows, state.maxSweeps);
  if (unconverged >= 0) return start + unconverged;
  d.set(leafD, start);
  // Row j of `rows` is the eigenvector of leafD[j]: column j of the block.
  for (let i = 0; i < order; i++) {
    const target = (start + i) * n + start;
    for (let j = 0; j < order; j++) z[target + j] = rows[j * order + i];
  }
  return -1;
}

/**
 * Merges the solved halves [start, start+upper) and [start+upper, start+order) coupled by
 * `beta`: eigenpairs of `D + ρ z zᵀ` with ρ = 2|β| and z = (last row of Q₁, first row of Q₂)/√2,
 * negated throughout when β < 0 so that ρ > 0.
 */
function mergeBlocks(state: Workspace, start: number, order: number, upper: number, beta: number): void {
  const { n, d, z: Z } = state;
  const sign = beta >= 0 ? 1 : -1;
  const rho = 2 * Math.abs(beta);
  const values = new Float64Array(order);
  const weights = new Float64Array(order);
  // Which half's rows each column is nonzero in: 1 top, 2 bottom, 3 both (after a deflating rotation).
  const halves = new Uint8Array(order);
  let largestValue = 0;
  for (let j = 0; j < order; j++) {
    values[j] = sign * d[start + j];
    largestValue = Math.max(largestValue, Math.abs(values[j]));
    const row = j < upper ? start + upper - 1 : start + upper;
    weights[j] = Z[row * n + start + j] * Math.SQRT1_2;
    halves[j] = j < upper ? 1 : 2;
  }
  const sorted = Array.from({ length: order }, (_, j) => j).sort((x, y) => values[x] - values[y] || x - y);
  const tolerance = 8 * Number.EPSILON * Math.max(largestValue, rho);

  // Deflation (dlaed2): kept columns in ascending order of their values.
  const kept: number[] = [];
  for (const j of sorted) {
    if (rho * Math.abs(weights[j]) <= tolerance) continue;
    const previous = kept.length > 0 ? kept[kept.length - 1] : -1;
    if (previous >= 0) {
      const r = Math.hypot(weights[previous], weights[j]);
      const c = weights[j] / r;
      const s = weights[previous] / r;
      if (Math.abs((values[j] - values[previous]) * c * s) <= tolerance) {
        // Rotate columns (previous, j) so weights[previous] = 0; previous deflates.
        for (let i = 0; i < order; i++) {
          const rowOffset = (start + i) * n + start;
          const a = Z[rowOffset + previous];
          const b = Z[rowOffset + j];
          Z[rowOffset + previous] = c * a - s * b;
          Z[rowOffset + j] = s * a + c * b;
        }
        const vp = values[previous];
        const vj = values[j];
        values[previous] = vp * c * c + vj * s * s;
        values[j] = vp * s * s + vj * c * c;
        weights[previous] = 0;
        weights[j] = r;
        halves[j] |= halves[previous];
        halves[previous] |= halves[j];
        kept[kept.length - 1] = j;
        continue;
      }
    }
    kept.push(j);
  }
  const k = kept.length;
  for (let j = 0; j < order; j++) d[start + j] = sign * values[j];
  if (k === 0) return;

  const poles = new Float64Array(k);
  const zk = new Float64Array(k);
  for (let t = 0; t < k; t++) {
    poles[t] = values[kept[t]];
    zk[t] = weights[kept[t]];
  }
  // Secular equation, Gu–Eisenstat's ẑ and U (k×k, column t the eigenvector of root t).
  const { origin, tau } = state.store.solveMerge(k, poles, zk, rho);

  // New columns = (kept old columns) · U, one product per half over the columns nonzero
  // there; each half is written back before the other is read (they share no rows).
  const keptColumns = Int32Array.from(kept, (j) => start + j);
  const active = new Int32Array(k);
  for (const [half, rowStart, rows] of [
    [1, 0, upper],
    [2, upper, order - upper],
  ]) {
    let width = 0;
    for (let t = 0; t < k; t++) if ((halves[kept[t]] & half) !== 0) active[width++] = t;
    state.store.multiply(start + rowStart, rows, keptColumns, active, width, k);
  }
  for (let t = 0; t < k; t++) d[start + kept[t]] = sign * (poles[origin[t]] + tau[t]);
}

/**
 * The {@link EigenvectorStore} over JS arrays: Z a fresh n×n array, each merge product one
 * `backend.gemm` on the gathered columns, scattered back.
 *
 * @example
 * ```ts
 * const store = gemmEigenvectorStore(n, getBackend());
 * ```
 */
export function gemmEigenvectorStore(n: number, backend: KernelBackend): EigenvectorStore {
  const { kernel, memory } = requireEigenInstance("divide and conquer's merge arithmetic");
  // The merge vectors, then U (k×k ≤ n×n), in the eigen instance's private memory.
  const at = mergeVectorsLayout(n, 0);
  const uAt = at.end;
  growMemory(memory, uAt + n * n * 8);
  const z = new Float64Array(n * n);
  const buffers: Partial<Record<'columns' | 'factor' | 'result', Float64Array>> = {};
  /** A reusable buffer of at least `length` doubles (grown, never shrunk). */
  const scratch = (name: 'columns' | 'factor' | 'result', length: number): Float64Array => {
    const existing = buffers[name];
    if (existing !== undefined && existing.length >= length) return existing;
    const created = new Float64Array(length);
    buffers[name] = created;
    return created;
  };
  return {
    z,
    solveMerge: (k, poles, zk, rho) => solveMergeInKernel(kernel, memory, at, k, poles, zk, rho, uAt),
    multiply(row0, rows, kept, active, width, k) {
      if (rows === 0) return;
      const U = new Float64Array(memory.buffer, uAt, k * k);
      const result = scratch('result', rows * k);
      if (width === 0) result.fill(0, 0, rows * k);
      else {
        const columns = scratch('columns', rows * width);
        for (let i = 0; i < rows; i++) {
          const rowOffset = (row0 + i) * n;
          for (let c = 0; c < width; c++) columns[i * width + c] = z[rowOffset + kept[active[c]]];
        }
        // U's rows for the active columns (all of U, uncopied, when every column is active).
        let factor: Float64Array<ArrayBufferLike> = U;
        if (width < k) {
          factor = scratch('factor', width * k);
          for (let c = 0; c < width; c++) factor.set(U.subarray(active[c] * k, active[c] * k + k), c * k);
        }
        backend.gemm(false, false, rows, k, width, columns, 0, width, factor, 0, k, 0, result, 0, k);
      }
      for (let i = 0; i < rows; i++) {
        const rowOffset = (row0 + i) * n;
        for (let t = 0; t < k; t++) z[rowOffset + kept[t]] = result[i * k + t];
      }
    },
  };
}
