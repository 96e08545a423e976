import { LinalgError } from './errors.js';
import { Matrix } from './matrix.js';
import { assertFiniteNumber, assertKnownOptions, assertMatrix, assertVector } from './validate.js';

/** Options of {@link lstsq}. */
export interface LstsqOptions {
  /**
   * Relative cutoff: singular values `σᵢ ≤ rcond · σ_max` are treated as zero. Default
   * `ε · max(m, n)` (ε = 2⁻⁵², numpy's default). Must be finite and ≥ 0.
   */
  rcond?: number;
}

/** The result of {@link lstsq}. */
export interface LstsqResult<Solution extends Float64Array | Matrix> {
  /** The minimum-norm least-squares solution `x = A⁺ b`: length n, or n×r for an m×r `b`. */
  solution: Solution;
  /** Number of singular values above the cutoff `rcond · σ_max`. */
  rank: number;
  /** All `min(m, n)` singular values of `A`, descending. */
  singularValues: Float64Array;
}

/** One-sided Jacobi sweeps allowed; convergence is quadratic, typically 6–10 sweeps. */
const MAX_SWEEPS = 80;

/**
 * Minimum-norm least squares, `x = A⁺ b = argmin { ‖x‖₂ : x minimizes ‖A x − b‖₂ }`, for
 * any shape of `A` (tall, square, wide, rank-deficient). For a wide full-row-rank `A`
 * (p > n, the overparameterized regime) this is the minimum-norm interpolator
 * `θ̂₀ = Xᵀ(XXᵀ)⁻¹Y` (Theory page, §2), computed without forming `X Xᵀ`.
 *
 * Method: a Householder QR with column pivoting of `A` (tall) or `Aᵀ` (wide) reduces the
 * problem to a k×k triangular `R`, k = min(m, n), whose trailing rows are tiny when `A` is
 * rank-deficient; a one-sided (Hestenes) Jacobi SVD of `R` (backward stable: singular
 * values within about k·ε·σ_max, orthogonality to working precision) gives
 * `A = U Σ Vᵀ`, and `x = Σ_{σᵢ > cutoff} vᵢ (uᵢᵀ b) / σᵢ` with cutoff `rcond · σ_max`.
 *
 * @param A m×n matrix (finite, non-empty)
 * @param b right-hand side: a vector of length m, or an m×r matrix (one column per problem)
 * @param options `rcond` (default `ε · max(m, n)`)
 * @returns `{ solution, rank, singularValues }`, `solution` of the same kind as `b`
 * @example
 * ```ts
 * // One equation, two unknowns: the minimum-norm solution of x₁ + x₂ = 2 is (1, 1).
 * lstsq(Matrix.fromRows([[1, 1]]), Float64Array.of(2)).solution; // [1, 1]
 * ```
 */
export function lstsq(A: Matrix, b: Float64Array, options?: LstsqOptions): LstsqResult<Float64Array>;
export function lstsq(A: Matrix, b: Matrix, options?: LstsqOptions): LstsqResult<Matrix>;
export function lstsq(
  A: Matrix,
  b: Float64Array | Matrix,
  options?: LstsqOptions,
): LstsqResult<Float64Array | Matrix>;
export function lstsq(
  A: Matrix,
  b: Float64Array | Matrix,
  options: LstsqOptions = {},
): LstsqResult<Float64Array | Matrix> {
  assertMatrix('A', A);
  const { rows: m, cols: n } = A;
  let rhsCount: number;
  if (b instanceof Matrix) {
    assertMatrix('b', b);
    if (b.rows !== m)
      throw new LinalgError('b', `is ${b.shape} but A is ${A.shape}; expected b with ${m} rows`);
    rhsCount = b.cols;
  } else {
    assertVector('b', b);
    if (b.length !== m) {
      throw new LinalgError('b', `has length ${b.length} but A is ${A.shape}; expected length ${m}`);
    }
    rhsCount = 1;
  }
  assertKnownOptions('options', options, ['rcond']);
  const rcond =
    options.rcond === undefined
      ? Number.EPSILON * Math.max(m, n)
      : assertFiniteNumber('options.rcond', options.rcond, 0);

  const tall = m >= n;
  const k = tall ? n : m;
  const length = tall ? m : n;
  // Work on A / max|Aᵢⱼ| so the squared norms in the Jacobi sweeps neither overflow nor
  // underflow; singular values and the solution are scaled back at the end.
  let scale = 0;
  for (let t = 0; t < A.data.length; t++) scale = Math.max(scale, Math.abs(A.data[t]));
  if (scale === 0) scale = 1;
  // Rows of `columns` are the columns being triangularized: those of A (tall) or of Aᵀ (wide).
  const columns = tall ? A.transpose().data : A.data.slice();
  for (let t = 0; t < columns.length; t++) columns[t] /= scale;
  const reflectorTau = new Float64Array(k);
  const diagonal = new Float64Array(k);
  const permutation = householderQRPivoted(k, length, columns, reflectorTau, diagonal);

  // g = R (k×k upper triangular), one row of R per row of g: Jacobi orthogonalizes the
  // rows of R (the columns of Rᵀ), which after column pivoting converges in few sweeps.
  const g = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    g[j * k + j] = diagonal[j];
    for (let l = j + 1; l < k; l++) g[j * k + l] = columns[l * length + j];
  }
  const vt = new Float64Array(k * k);
  for (let i = 0; i < k; i++) vt[i * k + i] = 1;
  oneSidedJacobi(k, g, vt);

  const sigma = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += g[i * k + j] * g[i * k + j];
    sigma[i] = Math.sqrt(s);
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => sigma[y] - sigma[x] || x - y);
  const singularValues = Float64Array.from(order, (i) => sigma[i] * scale);
  const cutoff = rcond * sigma[order[0]];
  const kept = order.filter((i) => sigma[i] > cutoff && sigma[i] > 0);

  // Rᵀ V′ = U′ Σ (rows of g are σᵢ u′ᵢ, rows of vt are v′ᵢ), so R = V′ Σ U′ᵀ.
  const solution = new Float64Array(n * rhsCount);
  const rhs = new Float64Array(m);
  const work = new Float64Array(length);
  const small = new Float64Array(k);
  for (let c = 0; c < rhsCount; c++) {
    if (b instanceof Matrix) for (let i = 0; i < m; i++) rhs[i] = b.data[i * rhsCount + c];
    else rhs.set(b);
    small.fill(0);
    if (tall) {
      // A P = Q R ⇒ A⁺ = P U′ Σ⁻¹ V′ᵀ Qᵀ: x = P Σᵢ gᵢ (v′ᵢ · (Qᵀb)[:k]) / σᵢ².
      work.set(rhs);
      applyReflectors(k, length, columns, reflectorTau, work, false);
      for (const i of kept) {
        let s = 0;
        for (let j = 0; j < k; j++) s += vt[i * k + j] * work[j];
        const coefficient = s / (sigma[i] * sigma[i]);
        for (let j = 0; j < k; j++) small[j] += coefficient * g[i * k + j];
      }
      for (let j = 0; j < k; j++) solution[permutation[j] * rhsCount + c] = small[j];
    } else {
      // Aᵀ P = Q R ⇒ A⁺ = Q V′ Σ⁻¹ U′ᵀ Pᵀ: x = Q [Σᵢ v′ᵢ (gᵢ · Pᵀb) / σᵢ²; 0].
      for (const i of kept) {
        let s = 0;
        for (let j = 0; j < k; j++) s += g[i * k + j] * rhs[permutation[j]];
        const coefficient = s / (sigma[i] * sigma[i]);
        for (let j = 0; j < k; j++) small[j] += coefficient * vt[i * k + j];
      }
      work.fill(0);
      work.set(small);
      applyReflectors(k, length, columns, reflectorTau, work, true);
      for (let j = 0; j < n; j++) solution[j * rhsCount + c] = work[j];
    }
  }
  for (let t = 0; t < solution.length; t++) solution[t] /= scale;
  return {
    solution: b instanceof Matrix ? new Matrix(n, rhsCount, solution) : solution,
    rank: kept.length,
    singularValues,
  };
}

/**
 * Householder QR with column pivoting (LAPACK `dgeqp3`'s strategy) of the
 * `length × count` matrix whose columns are the rows of `columns` (row-major storage
 * makes every reflector and its application unit-stride): at step j the remaining column
 * of largest norm is swapped in, so `|R₀₀| ≥ |R₁₁| ≥ …` and a rank deficiency shows up
 * as a tiny trailing block. Reflector j is `I − τⱼ vⱼ vⱼᵀ` with
 * `vⱼ = (0…0, 1, columns[j, j+1:])`; `R[j, l] = columns[l, j]` for j < l and
 * `R[j, j] = diagonal[j]`. Returns the permutation: column j of `A P` is column
 * `permutation[j]` of `A`.
 */
function householderQRPivoted(
  count: number,
  length: number,
  columns: Float64Array,
  tau: Float64Array,
  diagonal: Float64Array,
): Int32Array {
  const permutation = Int32Array.from({ length: count }, (_, j) => j);
  // Squared norms of the not yet reduced parts, downdated each step (LAPACK dlaqp2) and
  // recomputed when cancellation makes the downdate unreliable.
  const partial = new Float64Array(count);
  const exact = new Float64Array(count);
  for (let l = 0; l < count; l++) {
    let s = 0;
    for (let t = l * length; t < (l + 1) * length; t++) s += columns[t] * columns[t];
    partial[l] = s;
    exact[l] = s;
  }
  const recomputeThreshold = Math.sqrt(Number.EPSILON);
  for (let j = 0; j < count; j++) {
    let pivot = j;
    for (let l = j + 1; l < count; l++) if (partial[l] > partial[pivot]) pivot = l;
    if (pivot !== j) {
      swapRows(columns, length, j, pivot);
      [partial[j], partial[pivot]] = [partial[pivot], partial[j]];
      [exact[j], exact[pivot]] = [exact[pivot], exact[j]];
      [permutation[j], permutation[pivot]] = [permutation[pivot], permutation[j]];
    }
    reflectColumn(j, count, length, columns, tau, diagonal);
    for (let l = j + 1; l < count; l++) {
      if (partial[l] === 0) continue;
      const rowL = l * length;
      const r = columns[rowL + j];
      const remaining = Math.max(0, 1 - (r * r) / partial[l]);
      if (remaining * (partial[l] / exact[l]) <= recomputeThreshold) {
        let s = 0;
        for (let t = rowL + j + 1; t < rowL + length; t++) s += columns[t] * columns[t];
        partial[l] = s;
        exact[l] = s;
      } else {
        partial[l] *= remaining;
      }
    }
  }
  return permutation;
}

function swapRows(data: Float64Array, length: number, i: number, j: number): void {
  const rowI = i * length;
  const rowJ = j * length;
  for (let t = 0; t < length; t++) {
    const x = data[rowI + t];
    data[rowI + t] = data[rowJ + t];
    data[rowJ + t] = x;
  }
}

/** Householder step j of {@link householderQRPivoted}: forms reflector j, applies it to rows > j. */
function reflectColumn(
  j: number,
  count: number,
  length: number,
  columns: Float64Array,
  tau: Float64Array,
  diagonal: Float64Array,
): void {
  const rowJ = j * length;
  let scale = 0;
  for (let t = j; t < length; t++) scale = Math.max(scale, Math.abs(columns[rowJ + t]));
  if (scale === 0) {
    tau[j] = 0;
    diagonal[j] = 0;
    return;
  }
  // Norm on scaled entries so huge or tiny columns neither overflow nor underflow.
  let tailSquares = 0;
  for (let t = j + 1; t < length; t++) {
    const x = columns[rowJ + t] / scale;
    tailSquares += x * x;
  }
  const alpha = columns[rowJ + j];
  if (tailSquares === 0) {
    // Below-diagonal part already zero: no reflection needed.
    tau[j] = 0;
    diagonal[j] = alpha;
    return;
  }
  const scaledAlpha = alpha / scale;
  const norm = scale * Math.sqrt(scaledAlpha * scaledAlpha + tailSquares);
  const beta = alpha >= 0 ? -norm : norm;
  tau[j] = (beta - alpha) / beta;
  const inverse = 1 / (alpha - beta);
  for (let t = j + 1; t < length; t++) columns[rowJ + t] *= inverse;
  diagonal[j] = beta;
  const t0 = tau[j];
  for (let l = j + 1; l < count; l++) {
    const rowL = l * length;
    let s = columns[rowL + j];
    for (let t = j + 1; t < length; t++) s += columns[rowJ + t] * columns[rowL + t];
    s *= t0;
    columns[rowL + j] -= s;
    for (let t = j + 1; t < length; t++) columns[rowL + t] -= s * columns[rowJ + t];
  }
}

/** `x ← Qᵀ x` (reflectors in order) or, with `reverse`, `x ← Q x`. */
function applyReflectors(
  count: number,
  length: number,
  columns: Float64Array,
  tau: Float64Array,
  x: Float64Array,
  reverse: boolean,
): void {
  for (let step = 0; step < count; step++) {
    const j = reverse ? count - 1 - step : step;
    const t0 = tau[j];
    if (t0 === 0) continue;
    const rowJ = j * length;
    let s = x[j];
    for (let t = j + 1; t < length; t++) s += columns[rowJ + t] * x[t];
    s *= t0;
    x[j] -= s;
    for (let t = j + 1; t < length; t++) x[t] -= s * columns[rowJ + t];
  }
}

/**
 * One-sided Jacobi (Hestenes): rotates pairs of rows of `g` (the rows of `R`) until
 * all non-negligible ones are mutually orthogonal, `|gᵢ·gⱼ| ≤ k·ε·‖gᵢ‖‖gⱼ‖`; the same rotations applied to
 * the rows of `vt` accumulate `Vᵀ`. Then row i of `g` is `σᵢ uᵢ`.
 */
function oneSidedJacobi(k: number, g: Float64Array, vt: Float64Array): void {
  const tolerance = Math.max(k, 1) * Number.EPSILON;
  let frobeniusSquared = 0;
  for (let t = 0; t < k * k; t++) frobeniusSquared += g[t] * g[t];
  // Rows below ε·‖R‖_F are rounding noise: rotating them against large rows only stirs
  // that noise and may never converge, so they are left alone. As ‖R‖_F ≤ √k·σ_max, they
  // stay below the default cutoff ε·max(m, n)·σ_max.
  const negligible = Number.EPSILON * Number.EPSILON * frobeniusSquared;
  // Squared row norms, kept exact: recomputed while rotating (no extra pass), so a pair
  // that needs no rotation costs one dot product instead of three.
  const normsSquared = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let t = i * k; t < (i + 1) * k; t++) s += g[t] * g[t];
    normsSquared[i] = s;
  }
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let i = 0; i < k - 1; i++) {
      const rowI = i * k;
      for (let j = i + 1; j < k; j++) {
        const rowJ = j * k;
        const alpha = normsSquared[i];
        const beta = normsSquared[j];
        if (alpha <= negligible || beta <= negligible) continue;
        let gamma = 0;
        for (let t = 0; t < k; t++) gamma += g[rowI + t] * g[rowJ + t];
        if (gamma === 0 || Math.abs(gamma) <= tolerance * Math.sqrt(alpha) * Math.sqrt(beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        let alphaNew = 0;
        let betaNew = 0;
        for (let p = 0; p < k; p++) {
          const x = g[rowI + p];
          const y = g[rowJ + p];
          const xNew = c * x - s * y;
          const yNew = s * x + c * y;
          g[rowI + p] = xNew;
          g[rowJ + p] = yNew;
          alphaNew += xNew * xNew;
          betaNew += yNew * yNew;
        }
        normsSquared[i] = alphaNew;
        normsSquared[j] = betaNew;
        for (let p = 0; p < k; p++) {
          const x = vt[rowI + p];
          const y = vt[rowJ + p];
          vt[rowI + p] = c * x - s * y;
          vt[rowJ + p] = s * x + c * y;
        }
      }
    }
    if (!rotated) return;
  }
  throw new LinalgError(
    'A',
    `the one-sided Jacobi SVD did not converge in ${MAX_SWEEPS} sweeps; expected a finite matrix`,
  );
}
