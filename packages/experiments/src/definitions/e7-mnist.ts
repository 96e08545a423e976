import { type DifferentiablePredictor, estimateRisks, frontier } from '@benignlab/adversarial-risk';
import { Matrix, matvec, norm2 } from '@benignlab/linalg';
import { ridgePath } from '@benignlab/linear-models';
import { ntkRegression } from '@benignlab/ntk';
import type { ExperimentDefinition } from '../core/definition.js';
import { ExperimentError } from '../core/errors.js';
import { importOptional } from '../core/optional-import.js';
import { aggregate, fmt } from '../core/stats.js';
import type { ConfigSchema, Row, Summary, Verdict } from '../core/types.js';
import { seriesFigure } from '../figures/series-figure.js';
import { logGrid } from './lambda-grid.js';

/** Config of e7. */
export type E7Config = {
  model: string;
  digits: number[];
  labelNoise: number[];
  standardize: boolean;
  nTrain: number;
  nTest: number;
  replicates: number;
  lambdaMin: number;
  lambdaMax: number;
  lambdaCount: number;
  alphaRelative: number;
};

const schema: ConfigSchema<E7Config> = {
  model: {
    type: 'enum',
    default: 'ntk',
    values: ['ntk', 'linear'],
    description:
      'ntk: NTK kernel regression (both layers) over λ, λ = 0 interpolates; linear: ridge on the 784 pixels (n < p, but not a benign spectrum)',
  },
  digits: {
    type: 'integerList',
    default: [3, 8],
    min: 0,
    max: 9,
    minLength: 2,
    description: 'the digit pair [a, b]: a is labelled +1, b −1',
  },
  labelNoise: {
    type: 'numberList',
    default: [0, 0.1, 0.2],
    quick: [0, 0.2],
    min: 0,
    max: 0.5,
    increasing: true,
    description: 'probabilities of flipping each training label',
  },
  standardize: {
    type: 'boolean',
    default: false,
    description:
      'standardize pixels (per-pixel z-scores); off by default: raw intensities keep the decaying spectrum that makes interpolation benign',
  },
  nTrain: {
    type: 'integer',
    default: 400,
    quick: 300,
    min: 10,
    max: 1500,
    description: 'training images (p = 784)',
  },
  nTest: {
    type: 'integer',
    default: 400,
    quick: 200,
    min: 10,
    max: 1000,
    description: 'test images (human labels)',
  },
  replicates: {
    type: 'integer',
    default: 3,
    quick: 2,
    min: 1,
    max: 100,
    description: 'splits and flips (seeds)',
  },
  lambdaMin: { type: 'number', default: 1e-4, min: 1e-12, max: 1e6, description: 'smallest ridge λ' },
  lambdaMax: { type: 'number', default: 100, min: 1e-12, max: 1e6, description: 'largest ridge λ' },
  lambdaCount: {
    type: 'integer',
    default: 13,
    quick: 9,
    min: 3,
    max: 500,
    description: 'log-spaced λ values',
  },
  alphaRelative: {
    type: 'number',
    default: 0.05,
    min: 0,
    exclusiveMin: true,
    max: 1,
    description: 'relative ℓ2 budget: α = α_rel × RMS length of the (standardized) training images',
  },
};

/** Per label-noise level: the interpolator against the best ridge. */
export interface E7Comparison {
  labelNoise: number;
  minNormRisk: number;
  minNormAdvRisk: number;
  minNormTestError: number;
  bestRidgeRisk: number;
  bestRidgeAdvRisk: number;
  bestRidgeTestError: number;
  /** R_α(min-norm) / min over λ of R_α(ridge). */
  harmFactor: number;
}

/** The summary of e7. */
export interface E7Summary extends Summary {
  comparisons: E7Comparison[];
}

/**
 * The fitted predictor at each λ, from one factorization: NTK kernel ridge (`withLambda`
 * reuses the eigendecomposition of K(X, X); `norm2` is the RKHS norm² αᵀKα) or linear
 * ridge (`ridgePath`; `norm2` is ‖θ̂_λ‖²).
 */
function predictorsOf(
  model: string,
  X: Matrix,
  y: Float64Array,
): (lambda: number) => { predictor: DifferentiablePredictor; norm2: number } {
  if (model === 'ntk') {
    const fit = ntkRegression(X, y, { layers: 'both', lambda: 0 });
    return (lambda) => {
      const at = fit.withLambda(lambda);
      return { predictor: at, norm2: at.rkhsNormSquared };
    };
  }
  const path = ridgePath(X, y);
  return (lambda) => {
    const coef = path.coef(lambda);
    return {
      norm2: norm2(coef) ** 2,
      predictor: {
        predict: (T: Matrix) => matvec(T, coef),
        inputGradient: (T: Matrix) => {
          const G = new Matrix(T.rows, T.cols);
          for (let i = 0; i < T.rows; i++) G.data.set(coef, i * T.cols);
          return G;
        },
      },
    };
  };
}

/**
 * e7: real data. MNIST digit pairs (`mnistRegression` from `@benignlab/data/mnist`,
 * ±1 human labels, training labels flipped with probability `labelNoise`). Per (noise,
 * replicate): one NTK fit (or `ridgePath` with `model: 'linear'`), then at λ = 0 (the
 * interpolator) and every λ of the grid, the squared risk and the adversarial risk
 * against the human labels on test images (`estimateRisks`, first-order) and the test
 * classification error.
 *
 * @example
 * ```ts
 * // A tiny run (60 images, one draw) to show the call; drop `overrides` for the --quick sizes.
 * const overrides = { nTrain: 60, nTest: 60, replicates: 1, lambdaCount: 5 };
 * const { result } = await runExperiment(e7Mnist, { quick: true, overrides });
 * (result.summary as E7Summary).comparisons.at(-1)?.harmFactor; // > 1 with label noise
 * ```
 */
export const e7Mnist: ExperimentDefinition<E7Config> = {
  id: 'e7',
  title: 'Real data: MNIST digit pairs with label noise',
  shows:
    'On human-labelled images, the NTK interpolator of noisy training labels keeps its standard risk close to the best regularized fit’s but is far less robust: the same harm as in the theory.',
  schema,
  checkConfig(config) {
    if (config.digits.length !== 2 || config.digits[0] === config.digits[1]) {
      throw new ExperimentError(
        'e7.digits',
        `got [${config.digits.join(', ')}]; expected two different digits`,
      );
    }
    if (config.nTrain >= 784) {
      throw new ExperimentError(
        'e7.nTrain',
        `got ${config.nTrain}; expected fewer than p = 784 (so min-norm interpolates)`,
      );
    }
    if (config.lambdaMax <= config.lambdaMin) {
      throw new ExperimentError('e7.lambdaMax', `got ${config.lambdaMax}; expected a value above lambdaMin`);
    }
  },
  cells(config) {
    return config.labelNoise.flatMap((labelNoise) =>
      Array.from({ length: config.replicates }, (_, replicate) => ({
        key: `noise=${labelNoise}/rep=${replicate}`,
        params: { labelNoise, replicate },
        cost: 784 * config.nTrain * (config.nTrain + 4 * (config.lambdaCount + 1)) + 784 * config.nTest * 40,
      })),
    );
  },
  async runCell(config, cell): Promise<Row[]> {
    // The MNIST images (an optional package) are loaded only when e7 runs, never bundled.
    const { mnistRegression } = await importOptional<typeof import('@benignlab/data/mnist')>(
      '@benignlab/data/mnist',
      'mnist',
      'e7 reads the MNIST images',
    );
    const labelNoise = cell.params.labelNoise as number;
    const task = mnistRegression({
      digits: [config.digits[0] as number, config.digits[1] as number],
      labelNoise,
      standardize: config.standardize,
      seed: cell.seed,
      nTrain: config.nTrain,
      nTest: config.nTest,
    });
    const { X, y } = task.train;
    const test = task.test;
    let squaredLength = 0;
    for (const value of X.data) squaredLength += value * value;
    const alpha = config.alphaRelative * Math.sqrt(squaredLength / X.rows);
    const lambdas = [0, ...logGrid(config.lambdaMin, config.lambdaMax, config.lambdaCount)];
    const predictorAt = predictorsOf(config.model, X, y);
    return lambdas.map((lambda) => {
      const { predictor, norm2: fitNorm2 } = predictorAt(lambda);
      const risks = estimateRisks(predictor, {
        sample: test.X,
        target: () => test.clean,
        alpha,
        method: 'first-order',
      });
      const predictions = predictor.predict(test.X);
      let errors = 0;
      for (let i = 0; i < predictions.length; i++) {
        if (Math.sign(predictions[i] as number) !== Math.sign(test.clean[i] as number)) errors++;
      }
      return {
        labelNoise,
        replicate: cell.params.replicate as number,
        seed: cell.seed,
        flipped: task.train.flipped.reduce((a, b) => a + b, 0),
        lambda,
        risk: risks.standardRisk.mean,
        advRisk: risks.adversarialRisk.mean,
        norm2: fitNorm2,
        testError: errors / predictions.length,
        alpha,
      };
    });
  },
  summarize(config, rows): E7Summary {
    const comparisons: E7Comparison[] = config.labelNoise.map((labelNoise) => {
      const mine = (row: Row) => row.labelNoise === labelNoise;
      const risk = aggregate(rows, 'lambda', 'risk', mine);
      const adv = aggregate(rows, 'lambda', 'advRisk', mine);
      const error = aggregate(rows, 'lambda', 'testError', mine);
      const ridge = risk
        .map((r, k) => ({
          lambda: r.x,
          standardRisk: r.mean,
          adversarialRisk: adv[k]?.mean as number,
          testError: error[k]?.mean as number,
        }))
        .filter((p) => p.lambda > 0);
      const f = frontier(ridge);
      const bestError = ridge.reduce(
        (a, b) => (b.testError < a.testError ? b : a),
        ridge[0] as (typeof ridge)[0],
      );
      const minNorm = {
        risk: risk[0]?.mean as number,
        adv: adv[0]?.mean as number,
        error: error[0]?.mean as number,
      };
      return {
        labelNoise,
        minNormRisk: minNorm.risk,
        minNormAdvRisk: minNorm.adv,
        minNormTestError: minNorm.error,
        bestRidgeRisk: f.bestStandard.standardRisk,
        bestRidgeAdvRisk: f.bestAdversarial.adversarialRisk,
        bestRidgeTestError: bestError.testError,
        harmFactor: minNorm.adv / f.bestAdversarial.adversarialRisk,
      };
    });
    const noisy = comparisons.filter((c) => c.labelNoise > 0);
    const clean = comparisons.find((c) => c.labelNoise === 0);
    const worst = noisy.at(-1) ?? (comparisons.at(-1) as E7Comparison);
    const pair = `${config.digits[0]} vs ${config.digits[1]}`;
    const verdicts: Verdict[] = [
      {
        claim: `MNIST ${pair}: interpolating noisy labels is nearly benign for the standard risk: the interpolator's R is within 1.5× of the best ridge R.`,
        supported: noisy.every((c) => c.minNormRisk <= 1.5 * c.bestRidgeRisk),
        budget: null,
        evidence: noisy
          .map(
            (c) =>
              `noise ${c.labelNoise}: R ${fmt(c.minNormRisk)} vs best ridge ${fmt(c.bestRidgeRisk)}; test error ${fmt(100 * c.minNormTestError)} % vs ${fmt(100 * c.bestRidgeTestError)} %`,
          )
          .join('; '),
        falsifiedBy:
          'The interpolator’s R more than 1.5× the best ridge R at some label-noise level (overfitting would then not be benign here).',
        decidedBy: {
          name: 'largest ratio of the interpolator’s R to the best ridge R over the noise levels',
          value: Math.max(...noisy.map((c) => c.minNormRisk / c.bestRidgeRisk)),
          comparison: '<=',
          threshold: 1.5,
        },
        truthAdversarialRisk: null,
        numbers: {
          interpolatorRisk: worst.minNormRisk,
          bestRidgeRisk: worst.bestRidgeRisk,
          interpolatorTestError: worst.minNormTestError,
          bestRidgeTestError: worst.bestRidgeTestError,
        },
      },
      {
        claim: `MNIST ${pair}: interpolating noisy labels harms robustness: the interpolator's R_α exceeds the best ridge R_α by a factor that grows with label noise (relative budget α_rel = ${config.alphaRelative}).`,
        supported: worst.harmFactor > 1.5 && (clean === undefined || worst.harmFactor > clean.harmFactor),
        budget: 'relative',
        evidence: comparisons
          .map(
            (c) =>
              `noise ${c.labelNoise}: R_α ${fmt(c.minNormAdvRisk)} vs best ridge ${fmt(c.bestRidgeAdvRisk)} (×${fmt(c.harmFactor)})`,
          )
          .join('; '),
        // Real labels have no known truth θ*: the reference is the most robust ridge fit.
        falsifiedBy:
          'The interpolator’s R_α within 1.5× of the best ridge R_α at the highest label noise, or no larger factor than on clean labels.',
        decidedBy: {
          name: 'interpolator’s R_α over the best ridge R_α at the highest label noise',
          value: worst.harmFactor,
          comparison: '>',
          threshold: 1.5,
        },
        truthAdversarialRisk: null,
        numbers: { harmFactorWorst: worst.harmFactor, harmFactorClean: clean?.harmFactor ?? null },
      },
    ];
    return { comparisons, verdicts };
  },
  figures(result) {
    const config = result.config;
    const series = config.labelNoise.flatMap((labelNoise) => {
      const mine = (row: Row) => row.labelNoise === labelNoise && (row.lambda as number) > 0;
      return [
        {
          label: `R_α, noise ${labelNoise}`,
          simulated: aggregate(result.rows, 'lambda', 'advRisk', mine),
          connect: true,
        },
        {
          label: `R, noise ${labelNoise}`,
          simulated: aggregate(result.rows, 'lambda', 'risk', mine),
          connect: true,
        },
      ];
    });
    return [
      seriesFigure({
        id: 'e7',
        title: `MNIST ${config.digits[0]} vs ${config.digits[1]}: ${config.model === 'ntk' ? 'NTK kernel ridge' : 'linear ridge'} over λ, with label noise`,
        caption: `${config.model === 'ntk' ? 'NTK kernel regression (both layers)' : 'Linear regression'} on ${config.nTrain} MNIST images (784 pixels${config.standardize ? ', standardized' : ''}) with ±1 labels, training labels flipped with the given probability; risks against the human labels on ${config.nTest} test images. As λ → 0 the fit interpolates the noisy labels: R stays moderate while R_α (relative budget α_rel = ${config.alphaRelative} of the RMS image length, first-order) grows. The point at the smallest λ is closest to the interpolator (λ = 0 itself cannot sit on a log axis; it is in the table). Mean ± 1 s.e. over ${config.replicates} splits.`,
        x: { label: 'ridge parameter λ', log: true },
        y: { label: 'risk', log: true },
        series,
      }),
    ];
  },
  tables(result) {
    const summary = result.summary as E7Summary;
    return [
      {
        title: 'Interpolator (λ = 0) against the best ridge over λ, by label noise',
        columns: [
          'label noise',
          'R min-norm',
          'R best ridge',
          'R_α min-norm',
          'R_α best ridge',
          'harm factor',
          'test error min-norm',
          'test error best ridge',
        ],
        rows: summary.comparisons.map((c) => [
          c.labelNoise,
          fmt(c.minNormRisk),
          fmt(c.bestRidgeRisk),
          fmt(c.minNormAdvRisk),
          fmt(c.bestRidgeAdvRisk),
          fmt(c.harmFactor),
          `${fmt(100 * c.minNormTestError)} %`,
          `${fmt(100 * c.bestRidgeTestError)} %`,
        ]),
      },
    ];
  },
};
