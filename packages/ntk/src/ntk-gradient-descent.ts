import {
  assertFiniteNumber,
  assertKnownOptions,
  assertMatrix,
  assertVector,
  type Matrix,
  matvec,
  toFloat64Vector,
  type VectorInput,
} from '@benignlab/linalg';
import { NtkError } from './errors.js';
import { KernelSpectrum } from './kernel-spectrum.js';
import { type NtkLayers, readLayers } from './layers.js';
import { kernelExpansionGradient } from './ntk-input-gradient.js';
import { ntkKernel } from './ntk-kernel.js';

/** Options of {@link ntkGradientDescent}. */
export interface NtkGradientDescentOptions {
  /** Trained layers: `'first'` for `K₁`, `'both'` (default) for `K₁ + K₂`. */
  layers?: NtkLayers;
  /** Step size η > 0 of gradient descent on `(1/2n)Σ(f(xᵢ) − yᵢ)²` (as `TwoLayerNetwork.train`). */
  learningRate: number;
}

/** The NTK predictor after t gradient steps; create it with {@link ntkGradientDescent}. */
export interface NtkGradientDescentPredictor {
  /** Number of gradient steps t. */
  readonly steps: number;
  /** `α_t`, length n: `f_t(x) = Σᵢ α_t,i K(x, xᵢ)`. */
  readonly coefficients: Float64Array;
  /**
   * Predictions `f_t` at the rows of T (t×d), length t.
   * @param T t×d test inputs (rows), d the training inputs' dimension
   */
  predict(T: Matrix): Float64Array;
  /**
   * Input gradients `∇_x f_t` at the rows of T, a matrix of T's shape.
   * @param T t×d test inputs (rows), d the training inputs' dimension
   */
  inputGradient(T: Matrix): Matrix;
}

/** Every step count of one training set, from one eigendecomposition. */
export interface NtkGradientDescent {
  /** Eigenvalues μ of K(X, X), descending. */
  readonly kernelEigenvalues: Float64Array;
  /** The largest stable step size `2n/μ₁` (gradient descent diverges above it). */
  readonly maxLearningRate: number;
  /**
   * The predictor after `steps` gradient steps (a non-negative integer), O(n²).
   * @param steps the number of gradient steps t, a non-negative integer
   */
  at(steps: number): NtkGradientDescentPredictor;
}

/**
 * The linearized (infinite-width) network trained by gradient descent, in closed form —
 * neural-tangents' `gradient_descent_mse` in discrete time. A lazily trained two-layer
 * network started at f ≡ 0 (`TwoLayerNetwork`, symmetric initialization) follows, on the
 * loss `(1/2n)Σ(f(xᵢ) − yᵢ)²` with step η,
 *
 * `f_t(X) = (I − (I − ηK/n)^t) y`, so `f_t(x) = K(x, X) U diag(g_t(μ)) Uᵀ y`,
 * `g_t(μ) = (1 − (1 − ημ/n)^t)/μ` (`= tη/n` at μ = 0),
 *
 * with `K(X, X) = U diag(μ) Uᵀ` decomposed once; each step count then costs O(n²). As
 * t → ∞ (η < 2n/μ₁) it tends to the interpolant `ntkRegression(X, y, { lambda: 0 })`.
 *
 * @param X n×d training inputs (rows)
 * @param y length-n targets
 * @param options `learningRate` η, `layers` (default `'both'`)
 * @throws NtkError when η ≥ 2n/μ₁ (gradient descent would diverge)
 * @example
 * ```ts
 * const X = Matrix.fromRows([[1, 0], [0, 1], [0.6, 0.8]]);
 * const gd = ntkGradientDescent(X, Float64Array.of(1, -1, 0.5), { learningRate: 1 });
 * gd.at(0).predict(X); // [0, 0, 0]: training starts at f ≡ 0
 * gd.at(10_000).predict(X); // ≈ [1, -1, 0.5]
 * ```
 */
export function ntkGradientDescent(
  X: Matrix,
  y: VectorInput,
  options: NtkGradientDescentOptions,
): NtkGradientDescent {
  assertMatrix('X', X);
  const labels = assertVector('y', toFloat64Vector(y), X.rows);
  assertKnownOptions('options', options, ['layers', 'learningRate']);
  const both = readLayers('options.layers', options.layers) === 'both';
  const learningRate = options.learningRate;
  assertFiniteNumber('options.learningRate', learningRate);
  if (!(learningRate > 0)) {
    throw new NtkError('options.learningRate', `got ${learningRate}; expected a step size > 0`);
  }
  const inputs = X.clone();
  const n = inputs.rows;
  const spectrum = new KernelSpectrum(ntkKernel(inputs, inputs, { layers: both ? 'both' : 'first' }), labels);
  const maxLearningRate = spectrum.eigenvalues[0] > 0 ? (2 * n) / spectrum.eigenvalues[0] : Infinity;
  if (learningRate >= maxLearningRate) {
    throw new NtkError(
      'options.learningRate',
      `got ${learningRate}; expected < 2n/μ₁ = ${maxLearningRate} (gradient descent diverges above it)`,
    );
  }
  const at = (steps: number): NtkGradientDescentPredictor => {
    if (!Number.isSafeInteger(steps) || steps < 0) {
      throw new NtkError('steps', `got ${steps}; expected a non-negative integer number of gradient steps`);
    }
    const scaled = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const mu = spectrum.eigenvalues[i];
      const rate = (learningRate * mu) / n;
      // 1 − (1 − r)^t, via expm1/log1p where r is small (no cancellation); 1 − r < 0 for
      // r ∈ (1, 2), where the integer power is exact enough.
      const decay = rate < 0.5 ? -Math.expm1(steps * Math.log1p(-rate)) : 1 - (1 - rate) ** steps;
      const filter = mu > 0 ? decay / mu : (steps * learningRate) / n;
      scaled[i] = spectrum.projectedTargets[i] * filter;
    }
    const coefficients = matvec(spectrum.eigenvectors, scaled);
    return {
      steps,
      coefficients,
      predict(T: Matrix): Float64Array {
        assertTestInputs(T, inputs);
        return matvec(ntkKernel(T, inputs, { layers: both ? 'both' : 'first' }), coefficients);
      },
      inputGradient(T: Matrix): Matrix {
        assertTestInputs(T, inputs);
        return kernelExpansionGradient(T, inputs, coefficients, both);
      },
    };
  };
  return { kernelEigenvalues: spectrum.eigenvalues.slice(), maxLearningRate, at };
}

function assertTestInputs(T: Matrix, X: Matrix): void {
  assertMatrix('T', T);
  if (T.cols !== X.cols)
    throw new NtkError('T', `is ${T.shape} but X is ${X.shape}; expected ${X.cols} columns`);
}
