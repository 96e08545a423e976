import { type Matrix, matvec, symEig } from '@benignlab/linalg';
import type { NtkRegression } from './ntk-regression.js';

/**
 * One eigendecomposition `K(X, X) = U diag(μ) Uᵀ` with the projected targets `Uᵀ Y`,
 * shared by every ridge parameter λ of a kernel-regression path ([Theory §2](https://benignlab.github.io/theory.html#section-2): one
 * O(n³) factorization, then O(n²) per λ). The last argument of the
 * {@link NtkRegression} constructor; {@link ntkRegression} builds it for you.
 *
 * @example
 * ```ts
 * const X = Matrix.fromRows([[1, 0], [0, 1]]);
 * const spectrum = new KernelSpectrum(ntkKernel(X, X), Float64Array.of(1, -1));
 * spectrum.eigenvalues; // descending
 * ```
 */
export class KernelSpectrum {
  /** Eigenvalues μ₁ ≥ … ≥ μₙ of K(X, X); those at rounding level are set to exactly 0. */
  readonly eigenvalues: Float64Array;
  /** n×n orthogonal matrix U, column i the eigenvector of `eigenvalues[i]`. */
  readonly eigenvectors: Matrix;
  /** `c = Uᵀ Y`, the targets in the eigenbasis. */
  readonly projectedTargets: Float64Array;
  /** Number of training points n (the `n` of the `K + nλI` convention). */
  readonly n: number;
  /** Eigenvalues ≤ this (n·ε·μ₁) count as zero: the kernel's numerical null space. */
  readonly cutoff: number;

  /**
   * Decomposes `kernel` once and projects `targets` onto its eigenvectors.
   * @param kernel the n×n symmetric kernel matrix K(X, X) of the training points
   * @param targets the length-n training targets Y, projected onto the eigenvectors
   */
  constructor(kernel: Matrix, targets: Float64Array) {
    const { values, vectors } = symEig(kernel);
    this.n = kernel.rows;
    this.cutoff = this.n * Number.EPSILON * Math.max(values[0], 0);
    for (let i = 0; i < values.length; i++) if (values[i] <= this.cutoff) values[i] = 0;
    this.eigenvalues = values;
    this.eigenvectors = vectors;
    this.projectedTargets = matvec(vectors, targets, { transpose: true });
  }

  /**
   * Spectral filter `1/(μᵢ + nλ)` written into `out`; for λ = 0 the null space gets 0
   * (pseudo-inverse), which gives the minimum-RKHS-norm interpolant.
   * @param lambda the ridge parameter λ ≥ 0 (the shift is nλ); 0 gives the pseudo-inverse
   * @param out a length-n array the filter values are written into (and returned)
   * @example
   * ```ts
   * const X = Matrix.fromRows([[1, 0], [0, 1]]);
   * const spectrum = new KernelSpectrum(ntkKernel(X, X), Float64Array.of(1, -1));
   * spectrum.filter(0, new Float64Array(2)); // 1/μᵢ ≈ [0.863, 1.189]
   * ```
   */
  filter(lambda: number, out: Float64Array): Float64Array {
    const shift = this.n * lambda;
    for (let i = 0; i < this.n; i++) {
      const denominator = this.eigenvalues[i] + shift;
      out[i] = denominator > 0 ? 1 / denominator : 0;
    }
    return out;
  }

  /**
   * Mean squared training residual `(1/n)‖Y − Kα‖² = (1/n)Σ cᵢ²(1 − μᵢ fᵢ)²` for a filter f.
   * @param filter the length-n spectral filter f (e.g. from {@link KernelSpectrum.filter}), α = U diag(f) Uᵀ Y
   * @example
   * ```ts
   * const X = Matrix.fromRows([[1, 0], [0, 1]]);
   * const spectrum = new KernelSpectrum(ntkKernel(X, X), Float64Array.of(1, -1));
   * spectrum.trainingError(spectrum.filter(0, new Float64Array(2))); // 0: λ = 0 interpolates
   * spectrum.trainingError(spectrum.filter(0.1, new Float64Array(2))); // ≈ 0.037
   * ```
   */
  trainingError(filter: Float64Array): number {
    let sum = 0;
    for (let i = 0; i < this.n; i++) {
      const residual = this.projectedTargets[i] * (1 - this.eigenvalues[i] * filter[i]);
      sum += residual * residual;
    }
    return sum / this.n;
  }

  /**
   * RKHS norm² of the fit, `αᵀKα = Σ μᵢ cᵢ² fᵢ²` for a filter f.
   * @param filter the length-n spectral filter f (e.g. from {@link KernelSpectrum.filter}), α = U diag(f) Uᵀ Y
   * @example
   * ```ts
   * const X = Matrix.fromRows([[1, 0], [0, 1]]);
   * const spectrum = new KernelSpectrum(ntkKernel(X, X), Float64Array.of(1, -1));
   * spectrum.rkhsNormSquared(spectrum.filter(0, new Float64Array(2))); // ≈ 2.38
   * ```
   */
  rkhsNormSquared(filter: Float64Array): number {
    let sum = 0;
    for (let i = 0; i < this.n; i++) {
      const component = this.projectedTargets[i] * filter[i];
      sum += this.eigenvalues[i] * component * component;
    }
    return sum;
  }
}
