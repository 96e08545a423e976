import { assertSeed, createRng } from '@benignlab/data';
import {
  assertKnownOptions,
  assertMatrix,
  assertVector,
  describeValue,
  type Matrix,
} from '@benignlab/linalg';
import type * as tf from '@tensorflow/tfjs';
import { NtkError } from '../errors.js';
import { type NtkLayers, readLayers } from '../layers.js';
import { matrixToTensor, scoped, tensorToMatrix, tensorToVector } from './tensor-conversion.js';
import { tfjs } from './tfjs-module.js';
import { resolveTrainOptions, type TrainOptions } from './training-options.js';

/** Options of the {@link TwoLayerNetwork} constructor. */
export interface TwoLayerNetworkOptions {
  /** Input dimension d (a positive integer). */
  inputDim: number;
  /** Number of hidden units m (an even integer ≥ 2: units come in symmetric pairs). */
  width: number;
  /** Trained layers: `'first'` (w only) or `'both'` (w and a, the default). */
  train?: NtkLayers;
  /** Initialization; `'symmetric'` (the default and only one): pairs with equal w, opposite a. */
  init?: 'symmetric';
  /** Seed of the first-layer draws (an integer from 0 to 2^53 − 1). */
  seed: number;
}

/** Relative parameter movement `‖θ − θ₀‖ / ‖θ₀‖`, the signature of lazy training. */
export interface WeightMovement {
  /** `‖W − W₀‖_F / ‖W₀‖_F` for the first layer. */
  firstLayer: number;
  /** `‖a − a₀‖ / ‖a₀‖` for the output weights (0 when they are not trained). */
  secondLayer: number;
  /** Over all trained parameters together. */
  trained: number;
}

/** What {@link TwoLayerNetwork.train} returns. */
export interface TrainingReport {
  /** Gradient steps taken. */
  steps: number;
  /** Training loss `(1/2n) Σ (f(xᵢ) − yᵢ)²` after the last step. */
  loss: number;
  /** Loss before each step (length `steps`), then `loss` is the value after the last. */
  losses: Float64Array;
  /** Whether the loss reached `tolerance` (false when none was given or the step cap hit first). */
  converged: boolean;
  /** Relative weight movement from initialization after training. */
  movement: WeightMovement;
}

/**
 * A two-layer ReLU network in the NTK parameterization ([Theory §5](https://benignlab.github.io/theory.html#section-5)), in float32 with
 * TensorFlow.js:
 *
 * `f(x) = m^{-1/2} Σ_{j=1}^m a_j relu(⟨w_j, x⟩)`, `w_j ~ N(0, I_d)`, `a_j = ±1`.
 *
 * The initialization is symmetric: units j and j + m/2 share `w_j` and have `a = +1`
 * and `a = −1`, so `f ≡ 0` at start (up to float32 rounding) and a lazily trained wide
 * network converges to NTK kernel regression from zero ({@link ntkRegression}). The
 * first-layer draws come from `@benignlab/data`'s seeded generator (float64 N(0, 1),
 * rounded to float32), so a seed gives the same network on every platform and backend.
 *
 * Runs on tfjs' active backend. When `@tensorflow/tfjs-backend-wasm` is installed it is
 * the default in Node (about twice as fast as the CPU backend; browsers keep WebGL);
 * `await tf.setBackend('cpu')` picks another. Tensors live until {@link TwoLayerNetwork.dispose}.
 *
 * @example
 * ```ts
 * const X = Matrix.fromRows([[1, 0], [0, 1], [1, 1]]);
 * const y = Float64Array.of(1, -1, 0.5);
 * const net = new TwoLayerNetwork({ inputDim: 2, width: 256, train: 'both', seed: 1 });
 * const report = net.train(X, y, { learningRate: 1, tolerance: 1e-6 });
 * report.movement.trained; // ~ m^{-1/2}: the weights barely move
 * net.predict(X); // ≈ ntkRegression(X, y).predict(X) = [1, -1, 0.5]
 * net.dispose();
 * ```
 */
export class TwoLayerNetwork {
  /** Input dimension d. */
  readonly inputDim: number;
  /** Hidden width m. */
  readonly width: number;
  /** Which layers {@link TwoLayerNetwork.train} updates (and which NTK applies). */
  readonly trainedLayers: NtkLayers;
  /** The initialization scheme. */
  readonly init: 'symmetric' = 'symmetric';
  /** The seed of the first-layer draws. */
  readonly seed: number;
  private readonly firstLayer: tf.Variable<tf.Rank.R2>;
  private readonly secondLayer: tf.Variable<tf.Rank.R2>;
  private readonly initialFirstLayer: tf.Tensor2D;
  private readonly initialSecondLayer: tf.Tensor2D;
  private readonly outputScale: number;
  private disposed = false;

  /**
   * @param options `inputDim` d (integer ≥ 1), `width` m (even integer ≥ 2: symmetric pairs), `seed` of the first-layer draws (integer), `train`: `'both'` (default) or `'first'` layer, `init`: `'symmetric'` (default, the only one)
   */
  constructor(options: TwoLayerNetworkOptions) {
    if (options === null || typeof options !== 'object') {
      throw new NtkError('options', `expected { inputDim, width, seed, ... }, got ${describeValue(options)}`);
    }
    assertKnownOptions('options', options, ['inputDim', 'width', 'train', 'init', 'seed']);
    const { inputDim, width } = options;
    if (!Number.isSafeInteger(inputDim) || inputDim < 1) {
      throw new NtkError('options.inputDim', `expected a positive integer, got ${describeValue(inputDim)}`);
    }
    if (!Number.isSafeInteger(width) || width < 2 || width % 2 !== 0) {
      throw new NtkError(
        'options.width',
        `expected an even integer ≥ 2 (units come in symmetric pairs), got ${describeValue(width)}`,
      );
    }
    if (options.init !== undefined && options.init !== 'symmetric') {
      throw new NtkError('options.init', `expected 'symmetric', got ${describeValue(options.init)}`);
    }
    this.inputDim = inputDim;
    this.width = width;
    this.trainedLayers = readLayers('options.train', options.train);
    this.seed = assertSeed('options.seed', options.seed);
    this.outputScale = 1 / Math.sqrt(width);

    const half = width / 2;
    const draws = createRng(this.seed).fillNormal(new Float64Array(half * inputDim));
    const weights = new Float32Array(width * inputDim);
    weights.set(draws);
    weights.set(weights.subarray(0, half * inputDim), half * inputDim);
    const signs = new Float32Array(width);
    signs.fill(1, 0, half);
    signs.fill(-1, half);
    this.initialFirstLayer = tfjs.tensor2d(weights, [width, inputDim]);
    this.initialSecondLayer = tfjs.tensor2d(signs, [width, 1]);
    this.firstLayer = tfjs.variable(this.initialFirstLayer, true);
    this.secondLayer = tfjs.variable(this.initialSecondLayer, this.trainedLayers === 'both');
  }

  /**
   * Network outputs `f(xᵢ)` at the rows of `X` (computed in float32).
   *
   * @param X n×d inputs
   * @returns length-n outputs
   * @example
   * ```ts
   * const net = new TwoLayerNetwork({ inputDim: 2, width: 256, train: 'both', seed: 1 });
   * net.predict(Matrix.fromRows([[1, 0]])); // Float64Array [≈0] at initialization
   * ```
   */
  predict(X: Matrix): Float64Array {
    this.checkInputs('X', X);
    return scoped(() => tensorToVector(this.forward(matrixToTensor(X))));
  }

  /**
   * Input gradients `∇_x f(x)` at the rows of `X`, by automatic differentiation (`tf.grad`):
   * `∇_x f = m^{-1/2} Σ_j a_j 1[⟨w_j, x⟩ > 0] w_j` (relu'(0) = 0).
   *
   * @param X n×d inputs
   * @returns an n×d matrix (same shape as `X`), row i the gradient at row i
   * @example
   * ```ts
   * const net = new TwoLayerNetwork({ inputDim: 2, width: 256, train: 'both', seed: 1 });
   * const G = net.inputGradient(Matrix.fromRows([[1, 0], [0, 1]])); // 2×2, row i = ∇f at row i
   * ```
   */
  inputGradient(X: Matrix): Matrix {
    this.checkInputs('X', X);
    return scoped(() => {
      // Each output depends on its own row only, so ∇ of the sum gives every row's gradient.
      const gradient = tfjs.grad((inputs: tf.Tensor) => this.forward(inputs as tf.Tensor2D).sum())(
        matrixToTensor(X),
      );
      return tensorToMatrix(gradient as tf.Tensor2D);
    });
  }

  /**
   * The empirical (finite-width) NTK at the current parameters,
   * `K̂(x, x') = Σ_θ ∂f(x)/∂θ · ∂f(x')/∂θ` over the trained parameters θ:
   *
   * - first layer: `(1/m) Σ_j a_j² 1[⟨w_j, x⟩ > 0] 1[⟨w_j, x'⟩ > 0] ⟨x, x'⟩`;
   * - output weights (when trained): `(1/m) Σ_j relu(⟨w_j, x⟩) relu(⟨w_j, x'⟩)`.
   *
   * These are the exact Jacobian contractions, evaluated as matrix products in float32.
   * At initialization it converges to {@link ntkKernel} as m → ∞ with fluctuations of
   * order m^{-1/2} (m/2 independent unit pairs).
   *
   * @param A n×d inputs
   * @param B k×d inputs (default `A`)
   * @returns the n×k matrix K̂(A, B)
   * @example
   * ```ts
   * const net = new TwoLayerNetwork({ inputDim: 2, width: 256, train: 'both', seed: 1 });
   * const X = Matrix.fromRows([[1, 0], [0, 1]]);
   * const Khat = net.empiricalNtk(X); // 2×2, ≈ ntkKernel(X, X, { layers: net.trainedLayers })
   * ```
   */
  empiricalNtk(A: Matrix, B: Matrix = A): Matrix {
    this.checkInputs('A', A);
    if (B !== A) this.checkInputs('B', B);
    return scoped(() => {
      const left = matrixToTensor(A);
      const right = B === A ? left : matrixToTensor(B);
      const preLeft = tfjs.matMul(left, this.firstLayer, false, true);
      const preRight = B === A ? preLeft : tfjs.matMul(right, this.firstLayer, false, true);
      const squaredOutput = tfjs.square(this.secondLayer).reshape([1, this.width]);
      const activeLeft = tfjs.step(preLeft).mul(squaredOutput);
      const activeRight = tfjs.step(preRight);
      let kernel = tfjs
        .matMul(activeLeft, activeRight, false, true)
        .mul(tfjs.matMul(left, right, false, true));
      if (this.trainedLayers === 'both') {
        kernel = kernel.add(tfjs.matMul(tfjs.relu(preLeft), tfjs.relu(preRight), false, true));
      }
      return tensorToMatrix(kernel.div(this.width) as tf.Tensor2D);
    });
  }

  /**
   * Full-batch gradient descent on `L(θ) = (1/2n) Σᵢ (f(xᵢ) − yᵢ)²` over the trained
   * layers: `θ ← θ − η ∇L(θ)` (gradients by `tf.variableGrads`). Stops after `steps`, once
   * `L ≤ tolerance`, or when `onStep` returns `false`; whichever comes first. Continues
   * from the current parameters if called again.
   *
   * In the lazy regime (large m) the relative weight movement is O(m^{-1/2}) and the
   * trained network matches {@link ntkRegression} with λ = 0. Gradient descent is stable
   * for `η < 2n / λ_max(K̂(X, X))`.
   *
   * @param X n×d training inputs
   * @param y length-n targets
   * @param options `learningRate`, `steps` and/or `tolerance`, optional `onStep`
   * @returns the number of steps, final loss, loss history and weight movement
   * @throws NtkError when the loss becomes non-finite (learning rate too large)
   * @example
   * ```ts
   * const X = Matrix.fromRows([[1, 0], [0, 1], [1, 1]]);
   * const y = Float64Array.of(1, -1, 0.5);
   * const net = new TwoLayerNetwork({ inputDim: 2, width: 256, train: 'both', seed: 1 });
   * const report = net.train(X, y, {
   *   learningRate: 1,
   *   steps: 200,
   *   onStep: ({ step, loss }) => {
   *     if (step % 50 === 0) console.log(step, loss);
   *   },
   * });
   * ```
   */
  train(X: Matrix, y: Float64Array, options: TrainOptions): TrainingReport {
    this.checkInputs('X', X);
    assertVector('y', y, X.rows);
    const { learningRate, maxSteps, tolerance, onStep } = resolveTrainOptions(options);
    const inputs = matrixToTensor(X);
    const targets = tfjs.tensor1d(Float32Array.from(y));
    const variables = this.trainedLayers === 'both' ? [this.firstLayer, this.secondLayer] : [this.firstLayer];
    const lossOf = (): tf.Scalar => tfjs.sub(this.forward(inputs), targets).square().mean().div(2);
    const losses: number[] = [];
    let converged = false;
    try {
      for (let step = 1; step <= maxSteps; step++) {
        const loss = scoped(() => {
          const { value, grads } = tfjs.variableGrads(lossOf, variables);
          for (const variable of variables)
            variable.assign(variable.sub(grads[variable.name].mul(learningRate)));
          return value.dataSync()[0];
        });
        if (!Number.isFinite(loss)) {
          throw new NtkError(
            'options.learningRate',
            `is ${learningRate} and the loss became ${loss} at step ${step}; expected a smaller learning rate (stable below 2n/λ_max of the empirical NTK)`,
          );
        }
        losses.push(loss);
        if (
          onStep !== undefined &&
          onStep({ step, loss, relativeWeightMovement: this.weightMovement().trained }) === false
        ) {
          break;
        }
        if (loss <= tolerance) {
          converged = true;
          break;
        }
      }
      const finalLoss = scoped(() => lossOf().dataSync()[0]);
      if (tolerance >= 0 && finalLoss <= tolerance) converged = true;
      return {
        steps: losses.length,
        loss: finalLoss,
        losses: Float64Array.from(losses),
        converged,
        movement: this.weightMovement(),
      };
    } finally {
      inputs.dispose();
      targets.dispose();
    }
  }

  /**
   * Relative movement of the weights since initialization (see {@link WeightMovement}).
   *
   * @example
   * ```ts
   * const net = new TwoLayerNetwork({ inputDim: 2, width: 256, train: 'both', seed: 1 });
   * net.weightMovement().trained; // 0 before training, O(m^{-1/2}) after lazy training
   * ```
   */
  weightMovement(): WeightMovement {
    this.checkAlive();
    return scoped(() => {
      const firstSquared = tfjs.sub(this.firstLayer, this.initialFirstLayer).square().sum().dataSync()[0];
      const firstNormSquared = tfjs.square(this.initialFirstLayer).sum().dataSync()[0];
      const secondSquared = tfjs.sub(this.secondLayer, this.initialSecondLayer).square().sum().dataSync()[0];
      const secondNormSquared = this.width;
      const both = this.trainedLayers === 'both';
      return {
        firstLayer: Math.sqrt(firstSquared / firstNormSquared),
        secondLayer: Math.sqrt(secondSquared / secondNormSquared),
        trained: both
          ? Math.sqrt((firstSquared + secondSquared) / (firstNormSquared + secondNormSquared))
          : Math.sqrt(firstSquared / firstNormSquared),
      };
    });
  }

  /**
   * The current first-layer weights W (m×d, row j is w_j), as float64.
   *
   * @example
   * ```ts
   * const net = new TwoLayerNetwork({ inputDim: 2, width: 256, train: 'both', seed: 1 });
   * net.firstLayerWeights().row(0); // w_1 (equal to row m/2 at initialization)
   * ```
   */
  firstLayerWeights(): Matrix {
    this.checkAlive();
    return tensorToMatrix(this.firstLayer);
  }

  /**
   * The current output weights a (length m), as float64.
   *
   * @example
   * ```ts
   * const net = new TwoLayerNetwork({ inputDim: 2, width: 256, train: 'both', seed: 1 });
   * net.secondLayerWeights(); // [1, …, 1, −1, …, −1] at initialization
   * ```
   */
  secondLayerWeights(): Float64Array {
    this.checkAlive();
    return tensorToVector(this.secondLayer);
  }

  /**
   * Frees the network's tensors; the network is unusable afterwards.
   *
   * @example
   * ```ts
   * const net = new TwoLayerNetwork({ inputDim: 2, width: 256, train: 'both', seed: 1 });
   * net.dispose(); // tf.memory().numTensors drops back
   * ```
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.firstLayer.dispose();
    this.secondLayer.dispose();
    this.initialFirstLayer.dispose();
    this.initialSecondLayer.dispose();
  }

  /** f(X) = m^{-1/2} relu(X Wᵀ) a for a float32 n×d tensor, as a length-n tensor. */
  private forward(inputs: tf.Tensor2D): tf.Tensor1D {
    const hidden = tfjs.relu(tfjs.matMul(inputs, this.firstLayer, false, true));
    return tfjs.matMul(hidden, this.secondLayer).reshape([inputs.shape[0]]).mul(this.outputScale);
  }

  private checkAlive(): void {
    if (this.disposed) throw new NtkError('network', 'has been disposed; create a new TwoLayerNetwork');
  }

  private checkInputs(name: string, X: Matrix): void {
    this.checkAlive();
    assertMatrix(name, X);
    if (X.cols !== this.inputDim) {
      throw new NtkError(name, `is ${X.shape}; expected ${this.inputDim} columns (the network's inputDim)`);
    }
  }
}
