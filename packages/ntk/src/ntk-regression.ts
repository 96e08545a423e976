import {
  assertFiniteNumber,
  assertKnownOptions,
  assertMatrix,
  assertVector,
  describeValue,
  formatBytes,
  LinalgError,
  Matrix,
  matmul,
  matvec,
  toFloat64Vector,
  type VectorInput,
} from '@benignlab/linalg';
import { NtkError } from './errors.js';
import { KernelSpectrum } from './kernel-spectrum.js';
import { type NtkLayers, readLayers } from './layers.js';
import { kernelExpansionGradient } from './ntk-input-gradient.js';
import { ntkKernel } from './ntk-kernel.js';

/** Options of {@link ntkRegression}. */
export interface NtkRegressionOptions {
  /** Trained layers: `'first'` for `K₁`, `'both'` (default) for `K₁ + K₂`. */
  layers?: NtkLayers;
  /** Ridge parameter λ ≥ 0 in `K + nλI`; default 0 (the interpolant, lazy training's limit). */
  lambda?: number;
}

/**
 * Kernel ridge regression with the two-layer ReLU NTK ([Theory §5](https://benignlab.github.io/theory.html#section-5)):
 * `f̂(x) = K(x, X) α`, `α = (K(X, X) + nλI)^{-1} Y`, the same `nλ` convention as linear
 * ridge. λ = 0 interpolates (the limit of a lazily trained wide network started at
 * f ≡ 0); a singular `K(X, X)` (duplicated inputs) gets the pseudo-inverse, i.e. the
 * minimum-RKHS-norm interpolant.
 *
 * Cost: the kernel O(n²d) plus one symmetric eigendecomposition O(n³), which also serves
 * {@link NtkRegression.path} and {@link NtkRegression.withLambda} at O(n²) per λ.
 *
 * @param X n×d training inputs (rows)
 * @param y length-n training targets
 * @param options `layers` (default `'both'`), `lambda` (default 0)
 * @example
 * ```ts
 * const X = Matrix.fromRows([[1, 0], [0, 1], [1, 1]]);
 * const fit = ntkRegression(X, Float64Array.of(1, -1, 0.5), { layers: 'first' });
 * fit.predict(X); // ≈ [1, -1, 0.5] (interpolation)
 * fit.inputGradient(Matrix.fromRows([[0.5, 2]])); // 1×2 matrix of ∇f̂
 * ```
 */
export function ntkRegression(X: Matrix, y: VectorInput, options: NtkRegressionOptions = {}): NtkRegression {
  assertMatrix('X', X);
  const labels = assertVector('y', toFloat64Vector(y), X.rows);
  assertKnownOptions('options', options, ['layers', 'lambda']);
  const layers = readLayers('options.layers', options.layers);
  const lambda = readLambda('options.lambda', options.lambda ?? 0);
  const inputs = X.clone();
  const targets = labels.slice();
  let spectrum: KernelSpectrum;
  try {
    spectrum = new KernelSpectrum(ntkKernel(inputs, inputs, { layers }), targets);
  } catch (error) {
    // The n×n kernel (and its eigenvectors) is what cannot be allocated: name X and the memory.
    if (error instanceof LinalgError && error.argument === 'rows × cols') {
      const n = X.rows;
      throw new NtkError(
        'X',
        `has n = ${n} rows; the n×n NTK kernel would need ${formatBytes(n * n * 8)} (and its eigenvectors as much again), more than this runtime can allocate; expected fewer training points`,
      );
    }
    throw error;
  }
  return new NtkRegression(inputs, targets, layers, lambda, spectrum);
}

/**
 * A fitted NTK kernel-regression predictor `f̂(x) = Σᵢ αᵢ K(x, xᵢ)`,
 * `α = (K(X, X) + nλI)^{-1} Y` ([Theory §5](https://benignlab.github.io/theory.html#section-5)); create it with {@link ntkRegression}.
 * Inputs are n×d (rows are points); predictions are in label units.
 *
 * @example
 * ```ts
 * const fit = ntkRegression(Matrix.fromRows([[1, 0], [0, 1]]), Float64Array.of(1, -1));
 * fit.coefficients; // α, length 2
 * fit.trainingError; // 0: λ = 0 interpolates
 * fit.withLambda(0.1).trainingError; // > 0 once the ridge term shrinks the fit
 * ```
 */
export class NtkRegression {
  /** Which kernel: `'first'` (`K₁`) or `'both'` (`K₁ + K₂`). */
  readonly layers: NtkLayers;
  /** The ridge parameter λ of `K + nλI`. */
  readonly lambda: number;
  /** The training inputs X (n×d, a private copy). */
  readonly inputs: Matrix;
  /** The training targets Y (length n, a private copy). */
  readonly targets: Float64Array;
  /** `α = (K(X, X) + nλI)^{-1} Y`, length n: `f̂(x) = Σᵢ αᵢ K(x, xᵢ)`. */
  readonly coefficients: Float64Array;
  private readonly spectrum: KernelSpectrum;
  private readonly filterValues: Float64Array;

  /** @internal Use {@link ntkRegression}. */
  constructor(
    inputs: Matrix,
    targets: Float64Array,
    layers: NtkLayers,
    lambda: number,
    spectrum: KernelSpectrum,
  ) {
    this.inputs = inputs;
    this.targets = targets;
    this.layers = layers;
    this.lambda = lambda;
    this.spectrum = spectrum;
    this.filterValues = spectrum.filter(lambda, new Float64Array(spectrum.n));
    const scaled = new Float64Array(spectrum.n);
    for (let i = 0; i < spectrum.n; i++) scaled[i] = spectrum.projectedTargets[i] * this.filterValues[i];
    this.coefficients = matvec(spectrum.eigenvectors, scaled);
  }

  /** Eigenvalues of K(X, X), descending (those at rounding level are exactly 0). */
  get kernelEigenvalues(): Float64Array {
    return this.spectrum.eigenvalues.slice();
  }

  /** Mean squared training residual `(1/n)‖Y − f̂(X)‖²` (0 for the interpolant). */
  get trainingError(): number {
    return this.spectrum.trainingError(this.filterValues);
  }

  /** Squared RKHS norm of the fit, `‖f̂‖²_K = αᵀ K(X, X) α` (the analogue of ‖θ̂‖²). */
  get rkhsNormSquared(): number {
    return this.spectrum.rkhsNormSquared(this.filterValues);
  }

  /**
   * Predictions `f̂(t) = K(t, X) α` at the rows of `T`.
   *
   * @param T t×d test inputs
   * @returns length-t predictions
   * @example
   * ```ts
   * const fit = ntkRegression(Matrix.fromRows([[1, 0], [0, 1], [1, 1]]), Float64Array.of(1, -1, 0.5));
   * fit.predict(Matrix.fromRows([[0.2, -1]])); // Float64Array [f̂(0.2, -1)]
   * ```
   */
  predict(T: Matrix): Float64Array {
    assertTestInputs('T', T, this.inputs);
    return matvec(ntkKernel(T, this.inputs, { layers: this.layers }), this.coefficients);
  }

  /**
   * Analytic input gradients `∇_x f̂(x) = Σᵢ αᵢ ∇_x K(x, xᵢ)` at the rows of `T` (see
   * {@link ntkInputGradient} for the formulas and the conventions where K has a kink).
   *
   * @param T t×d points
   * @returns a t×d matrix, row r the gradient at row r of `T`
   * @example
   * ```ts
   * const fit = ntkRegression(Matrix.fromRows([[1, 0], [0, 1], [1, 1]]), Float64Array.of(1, -1, 0.5));
   * const T = Matrix.fromRows([[0.5, 2], [-1, 0]]); // 2 test points
   * const G = fit.inputGradient(T); // 2×2, same shape as T
   * ```
   */
  inputGradient(T: Matrix): Matrix {
    assertTestInputs('T', T, this.inputs);
    return kernelExpansionGradient(T, this.inputs, this.coefficients, this.layers === 'both');
  }

  /**
   * The same kernel fit at another λ, reusing this fit's eigendecomposition (O(n²)).
   *
   * @param lambda the new ridge penalty λ ≥ 0 (α = (K + λ·n·I)⁻¹ Y; 0 interpolates)
   * @example
   * ```ts
   * const fit = ntkRegression(Matrix.fromRows([[1, 0], [0, 1], [1, 1]]), Float64Array.of(1, -1, 0.5));
   * const ridge = fit.withLambda(0.1); // α = (K + 0.1·n·I)^{-1} Y
   * ```
   */
  withLambda(lambda: number): NtkRegression {
    return new NtkRegression(
      this.inputs,
      this.targets,
      this.layers,
      readLambda('lambda', lambda),
      this.spectrum,
    );
  }

  /**
   * A path of fits over λ from this fit's single eigendecomposition of K(X, X):
   * `α_λ = U diag(1/(μᵢ + nλ)) Uᵀ Y`, O(n²) per λ (no new factorization).
   *
   * @param lambdas ridge parameters, each finite and ≥ 0 (any order; kept as given)
   * @example
   * ```ts
   * const fit = ntkRegression(Matrix.fromRows([[1, 0], [0, 1], [1, 1]]), Float64Array.of(1, -1, 0.5));
   * const T = Matrix.fromRows([[0.5, 2], [-1, 0]]); // 2 test points
   * const path = fit.path([0, 1e-3, 1e-2, 1e-1]);
   * path.predict(T).row(2); // predictions at λ = 1e-2
   * path.rkhsNormsSquared; // how the fit's norm shrinks with λ
   * ```
   */
  path(lambdas: readonly number[] | Float64Array): NtkRegressionPath {
    if (!Array.isArray(lambdas) && !(lambdas instanceof Float64Array)) {
      throw new NtkError('lambdas', `expected an array of numbers, got ${describeValue(lambdas)}`);
    }
    if (lambdas.length === 0) throw new NtkError('lambdas', 'is empty; expected at least one λ ≥ 0');
    const values = Float64Array.from(lambdas, (lambda, k) => readLambda(`lambdas[${k}]`, lambda));
    return new NtkRegressionPath(this, values, this.spectrum);
  }
}

/** Checks test inputs: a finite Matrix with the training inputs' column count d. */
function assertTestInputs(name: string, T: Matrix, inputs: Matrix): void {
  assertMatrix(name, T);
  if (T.cols !== inputs.cols) {
    throw new NtkError(
      name,
      `is ${T.shape}; expected ${inputs.cols} columns (the training inputs are ${inputs.shape})`,
    );
  }
}

/**
 * NTK kernel-regression fits over a grid of λ sharing one eigendecomposition
 * `K(X, X) = U diag(μ) Uᵀ`: row k of {@link NtkRegressionPath.coefficients} is
 * `α_k = U diag(1/(μ + nλ_k)) Uᵀ Y` (O(n²) per λ); create it with {@link NtkRegression.path}.
 *
 * @example
 * ```ts
 * const fit = ntkRegression(Matrix.fromRows([[1, 0], [0, 1], [1, 1]]), Float64Array.of(1, -1, 0.5));
 * const path = fit.path([0, 0.01, 1]);
 * path.trainingErrors; // [0, …, …]: grows with λ
 * path.rkhsNormsSquared; // ‖f̂_λ‖²_K, shrinks with λ
 * ```
 */
export class NtkRegressionPath {
  /** The ridge parameters, in the order given. */
  readonly lambdas: Float64Array;
  /** L×n matrix, row k the coefficients α at `lambdas[k]`. */
  readonly coefficients: Matrix;
  /** `‖f̂_λ‖²_K` per λ. */
  readonly rkhsNormsSquared: Float64Array;
  /** `(1/n)‖Y − f̂_λ(X)‖²` per λ. */
  readonly trainingErrors: Float64Array;
  private readonly base: NtkRegression;

  /** @internal Use {@link NtkRegression.path}. */
  constructor(base: NtkRegression, lambdas: Float64Array, spectrum: KernelSpectrum) {
    const n = spectrum.n;
    const count = lambdas.length;
    this.base = base;
    this.lambdas = lambdas;
    this.rkhsNormsSquared = new Float64Array(count);
    this.trainingErrors = new Float64Array(count);
    const filtered = new Matrix(count, n);
    const filter = new Float64Array(n);
    for (let k = 0; k < count; k++) {
      spectrum.filter(lambdas[k], filter);
      this.rkhsNormsSquared[k] = spectrum.rkhsNormSquared(filter);
      this.trainingErrors[k] = spectrum.trainingError(filter);
      const row = k * n;
      for (let i = 0; i < n; i++) filtered.data[row + i] = spectrum.projectedTargets[i] * filter[i];
    }
    // Row k of (filtered · Uᵀ) is (U · filteredₖ)ᵀ = α at λₖ.
    this.coefficients = matmul(filtered, spectrum.eigenvectors, { transposeB: true });
  }

  /**
   * Predictions of every fit on the path, from one kernel evaluation K(T, X).
   *
   * @param T t×d test inputs
   * @returns an L×t matrix, row k the predictions at `lambdas[k]`
   * @example
   * ```ts
   * const fit = ntkRegression(Matrix.fromRows([[1, 0], [0, 1], [1, 1]]), Float64Array.of(1, -1, 0.5));
   * const T = Matrix.fromRows([[0.5, 2], [-1, 0]]); // 2 test points
   * const P = fit.path([0, 0.1]).predict(T); // 2×2: λ × test point
   * P.row(1); // predictions at λ = 0.1
   * ```
   */
  predict(T: Matrix): Matrix {
    assertTestInputs('T', T, this.base.inputs);
    const kernel = ntkKernel(T, this.base.inputs, { layers: this.base.layers });
    return matmul(this.coefficients, kernel, { transposeB: true });
  }

  /**
   * The fit at `lambdas[index]` as a full predictor (with `inputGradient`).
   *
   * @param index position in the `lambdas` grid of the path, an integer from 0 to `lambdas.length − 1`
   * @example
   * ```ts
   * const fit = ntkRegression(Matrix.fromRows([[1, 0], [0, 1], [1, 1]]), Float64Array.of(1, -1, 0.5));
   * const T = Matrix.fromRows([[0.5, 2], [-1, 0]]); // 2 test points
   * fit.path([0, 0.1]).at(1).inputGradient(T); // ∇f̂ at λ = 0.1
   * ```
   */
  at(index: number): NtkRegression {
    if (!Number.isInteger(index) || index < 0 || index >= this.lambdas.length) {
      throw new NtkError(
        'index',
        `is ${describeValue(index)}; expected an integer in [0, ${this.lambdas.length - 1}]`,
      );
    }
    return this.base.withLambda(this.lambdas[index]);
  }
}

function readLambda(name: string, value: unknown): number {
  return assertFiniteNumber(name, value, 0);
}
