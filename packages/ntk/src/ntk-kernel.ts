import { assertKnownOptions, assertMatrix, gram, type Matrix, matmul } from '@benignlab/linalg';
import { NtkError } from './errors.js';
import { type NtkLayers, readLayers } from './layers.js';
import { AngleScratch, INV_TWO_PI, pairAngle, rowNorms } from './pair-angle.js';
import type { Product } from './trusted-product.js';

/** Options of {@link ntkKernel}. */
export interface NtkKernelOptions {
  /** Trained layers: `'first'` gives `K₁`, `'both'` (default) gives `K₁ + K₂`. */
  layers?: NtkLayers;
}

/**
 * The neural tangent kernel matrix of the infinitely wide two-layer ReLU network
 * `f(x) = m^{-1/2} Σ_j a_j relu(⟨w_j, x⟩)`, `w_j ~ N(0, I_d)`, `a_j = ±1` ([Theory §5](https://benignlab.github.io/theory.html#section-5)).
 * With `u = ⟨a, b⟩`, `c = u / (‖a‖‖b‖)`, `φ = arccos c`:
 *
 * - `K₁(a, b) = u · (π − φ) / (2π)` (first layer trained),
 * - `K₂(a, b) = ‖a‖‖b‖ · (sin φ + (π − φ) cos φ) / (2π)` (added when both layers are trained).
 *
 * Entry (i, j) of the result is `K(aᵢ, bⱼ)` for rows `aᵢ` of `A` and `bⱼ` of `B`.
 * Passing the same matrix object twice (`ntkKernel(X, X)`) takes the symmetric fast path:
 * one Gram product `X Xᵀ` (half the work of a general product) and an exactly symmetric
 * result. The cosine is clamped to [-1, 1] and nearly parallel pairs get their angle from
 * the chord between unit vectors, so duplicated and rescaled rows are exact; a zero row
 * gives a zero kernel row (both kernels vanish at 0).
 *
 * Units: `K₁` and `K₂` scale like `‖a‖‖b‖` (squared input units).
 *
 * @param A n×d matrix, rows are inputs (finite)
 * @param B m×d matrix, rows are inputs (finite); pass `A` itself for K(A, A)
 * @param options `layers` (`'first' | 'both'`, default `'both'`)
 * @returns a new n×m matrix
 * @example
 * ```ts
 * const X = Matrix.fromRows([[1, 0], [1, 1]]);
 * ntkKernel(X, X, { layers: 'first' }).get(0, 1); // 1 · (π − π/4)/(2π) = 0.375
 * ```
 */
export function ntkKernel(A: Matrix, B: Matrix, options: NtkKernelOptions = {}): Matrix {
  assertMatrix('A', A);
  assertKnownOptions('options', options, ['layers']);
  const layers = readLayers('options.layers', options.layers);
  const both = layers === 'both';
  if (B !== A) {
    assertMatrix('B', B);
    if (B.cols !== A.cols) {
      throw new NtkError(
        'B',
        `is ${B.shape} but A is ${A.shape}; expected B with ${A.cols} columns (the same input dimension)`,
      );
    }
  }
  const scaleA = homogeneityScale(A);
  const scaleB = B === A ? scaleA : homogeneityScale(B);
  if (scaleA === 1 && scaleB === 1) return B === A ? symmetricKernel(A, both) : generalKernel(A, B, both);
  // Both kernels are positively homogeneous, K(s·a, t·b) = s·t·K(a, b) for s, t > 0, so
  // inputs of extreme scale are computed at scale 1 (power-of-two factors: exact) and
  // scaled back; a kernel value beyond float64 is a typed error, never ∞ or NaN.
  const unitA = scaledByPowerOfTwo(A, 1 / scaleA);
  const kernel =
    B === A ? symmetricKernel(unitA, both) : generalKernel(unitA, scaledByPowerOfTwo(B, 1 / scaleB), both);
  const values = kernel.data;
  for (let k = 0; k < values.length; k++) values[k] = (values[k] as number) * scaleA * scaleB;
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k] as number)) {
      const name = scaleA >= scaleB ? 'A' : 'B';
      throw new NtkError(
        name,
        `has entries of order ${name === 'A' ? scaleA : scaleB}, so kernel values (which scale like ‖a‖‖b‖) exceed the float64 range (about 1.8e308); expected inputs of a representable scale (rescale them)`,
      );
    }
  }
  return kernel;
}

/** Largest |entry| beyond which (or below which) the kernel is computed at scale 1. */
const EXTREME_SCALE = 2 ** 400;

/**
 * 1 for inputs of ordinary scale (so their bits never change), else the power of two
 * nearest above the largest |entry|: a safe divisor against overflow of ‖a‖² and
 * underflow of the products.
 */
export function homogeneityScale(X: Matrix): number {
  let largest = 0;
  for (let k = 0; k < X.data.length; k++) largest = Math.max(largest, Math.abs(X.data[k] as number));
  if (largest === 0 || (largest < EXTREME_SCALE && largest > 1 / EXTREME_SCALE)) return 1;
  return 2 ** Math.max(-1022, Math.min(1023, Math.ceil(Math.log2(largest))));
}

function scaledByPowerOfTwo(X: Matrix, factor: number): Matrix {
  const copy = X.clone();
  for (let k = 0; k < copy.data.length; k++) copy.data[k] = (copy.data[k] as number) * factor;
  return copy;
}

/**
 * K(A, B) from one general product and the row norms; `normsB` and `product` let a caller
 * that keeps B fixed (a kernel expansion) pass B's norms once and skip re-validating B.
 */
export function generalKernel(
  A: Matrix,
  B: Matrix,
  both: boolean,
  normsB: Float64Array = rowNorms(B.data, B.rows, B.cols),
  product: Product = matmul,
): Matrix {
  const kernel = product(A, B, { transposeB: true });
  const normsA = rowNorms(A.data, A.rows, A.cols);
  const values = kernel.data;
  const d = A.cols;
  const m = B.rows;
  const scratch = new AngleScratch();
  for (let i = 0; i < A.rows; i++) {
    const normA = normsA[i];
    const rowOffset = i * m;
    for (let j = 0; j < m; j++) {
      values[rowOffset + j] = kernelEntry(
        values[rowOffset + j],
        normA,
        normsB[j],
        A.data,
        i * d,
        B.data,
        j * d,
        d,
        both,
        scratch,
      );
    }
  }
  return kernel;
}

/** K(X, X) from one Gram product; upper triangle computed, mirrored (exact symmetry). */
function symmetricKernel(X: Matrix, both: boolean): Matrix {
  const kernel = gram(X);
  const n = X.rows;
  const d = X.cols;
  const values = kernel.data;
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) norms[i] = Math.sqrt(values[i * n + i]);
  const scratch = new AngleScratch();
  for (let i = 0; i < n; i++) {
    // φ = 0 on the diagonal: K₁ = ‖x‖²/2 and K₂ = ‖x‖²/2.
    const squaredNorm = values[i * n + i];
    values[i * n + i] = both ? squaredNorm : squaredNorm / 2;
    const normI = norms[i];
    for (let j = i + 1; j < n; j++) {
      const entry = kernelEntry(
        values[i * n + j],
        normI,
        norms[j],
        X.data,
        i * d,
        X.data,
        j * d,
        d,
        both,
        scratch,
      );
      values[i * n + j] = entry;
      values[j * n + i] = entry;
    }
  }
  return kernel;
}

/** One kernel value from the inner product `u` and the two norms. */
function kernelEntry(
  u: number,
  normA: number,
  normB: number,
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  d: number,
  both: boolean,
  scratch: AngleScratch,
): number {
  const normProduct = normA * normB;
  if (normProduct === 0) return 0;
  pairAngle(u, normA, normB, a, aOffset, b, bOffset, d, scratch);
  const complement = Math.PI - scratch.angle;
  const first = u * complement * INV_TWO_PI;
  if (!both) return first;
  return first + normProduct * (scratch.sine + complement * scratch.cosine) * INV_TWO_PI;
}
