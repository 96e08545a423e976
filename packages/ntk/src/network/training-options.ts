import { assertFiniteNumber, assertKnownOptions, describeValue } from '@benignlab/linalg';
import { NtkError } from '../errors.js';

/** What {@link TrainOptions.onStep} receives after each gradient step. */
export interface TrainingStep {
  /** Steps taken so far (1 after the first update). */
  step: number;
  /** Training loss `(1/2n) Σᵢ (f(xᵢ) − yᵢ)²` before this step's update. */
  loss: number;
  /** `‖θ − θ₀‖ / ‖θ₀‖` over the trained parameters, after the update. */
  relativeWeightMovement: number;
}

/** Options of `TwoLayerNetwork.train` (full-batch gradient descent). */
export interface TrainOptions {
  /** Step size η > 0 of `θ ← θ − η ∇L(θ)`. */
  learningRate: number;
  /** Maximum number of steps (a positive integer). Default 100 000 when only `tolerance` is given. */
  steps?: number;
  /** Stop once the training loss is ≤ this (≥ 0). */
  tolerance?: number;
  /** Called after every step; returning `false` stops training (anything else, `void` included, continues). */
  // biome-ignore lint/suspicious/noConfusingVoidType: a logging callback that returns nothing must type-check
  onStep?: (progress: TrainingStep) => boolean | void;
}

/** Step cap when the caller gives only a tolerance. */
export const DEFAULT_MAX_STEPS = 100_000;

/** Validated {@link TrainOptions}. */
export interface ResolvedTrainOptions {
  learningRate: number;
  maxSteps: number;
  tolerance: number;
  onStep: TrainOptions['onStep'];
}

export function resolveTrainOptions(options: TrainOptions): ResolvedTrainOptions {
  if (options === null || typeof options !== 'object') {
    throw new NtkError(
      'options',
      `expected { learningRate, steps | tolerance }, got ${describeValue(options)}`,
    );
  }
  assertKnownOptions('options', options, ['learningRate', 'steps', 'tolerance', 'onStep']);
  const learningRate = assertFiniteNumber('options.learningRate', options.learningRate);
  if (learningRate <= 0) {
    throw new NtkError('options.learningRate', `is ${learningRate}, expected a number > 0`);
  }
  if (options.steps === undefined && options.tolerance === undefined) {
    throw new NtkError('options', 'gives neither steps nor tolerance; expected at least one stopping rule');
  }
  let maxSteps = DEFAULT_MAX_STEPS;
  if (options.steps !== undefined) {
    if (!Number.isSafeInteger(options.steps) || options.steps < 1) {
      throw new NtkError('options.steps', `expected a positive integer, got ${describeValue(options.steps)}`);
    }
    maxSteps = options.steps;
  }
  const tolerance =
    options.tolerance === undefined ? -1 : assertFiniteNumber('options.tolerance', options.tolerance, 0);
  if (options.onStep !== undefined && typeof options.onStep !== 'function') {
    throw new NtkError('options.onStep', `expected a function, got ${describeValue(options.onStep)}`);
  }
  return { learningRate, maxSteps, tolerance, onStep: options.onStep };
}
