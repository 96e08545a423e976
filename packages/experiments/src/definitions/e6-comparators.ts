import {
  absoluteAlpha,
  adversarialRisk,
  type FrontierPoint,
  frontier,
  standardRisk,
} from '@benignlab/adversarial-risk';
import { makeDesign } from '@benignlab/data';
import { norm2 } from '@benignlab/linalg';
import { adversarialTraining, gradientDescent, ridgePath } from '@benignlab/linear-models';
import type { ExperimentDefinition } from '../core/definition.js';
import { aggregate, fmt } from '../core/stats.js';
import type { ConfigSchema, Row, Summary, Verdict } from '../core/types.js';
import { seriesFigure } from '../figures/series-figure.js';
import { ratioToFrontier } from './frontier-distance.js';
import { logGrid } from './lambda-grid.js';
import {
  dimensionAt,
  type SpikedDesignConfig,
  spikedDesignSchema,
  spikedDesignSpec,
} from './spiked-design.js';

/** Config of e6. */
export type E6Config = SpikedDesignConfig & {
  n: number;
  replicates: number;
  lambdaMin: number;
  lambdaMax: number;
  lambdaCount: number;
  epsilonFactors: number[];
  maxIterations: number;
  gdSteps: number[];
  alphaRelative: number;
};

const schema: ConfigSchema<E6Config> = {
  n: {
    type: 'integer',
    default: 150,
    quick: 100,
    min: 10,
    max: 3000,
    description: 'sample size n (e2’s design)',
  },
  replicates: { type: 'integer', default: 3, quick: 2, min: 1, max: 1000, description: 'draws (seeds)' },
  ...spikedDesignSchema,
  lambdaMin: {
    type: 'number',
    default: 1e-4,
    min: 1e-12,
    max: 1e6,
    description: 'smallest ridge λ (frontier)',
  },
  lambdaMax: { type: 'number', default: 10, min: 1e-12, max: 1e6, description: 'largest ridge λ (frontier)' },
  lambdaCount: {
    type: 'integer',
    default: 41,
    min: 3,
    max: 1000,
    description: 'λ values of the ridge frontier',
  },
  epsilonFactors: {
    type: 'numberList',
    default: [0.25, 1, 4],
    min: 0,
    max: 1000,
    increasing: true,
    description:
      'adversarial-training budgets ε_train as multiples of the evaluation budget α (in each norm)',
  },
  maxIterations: {
    type: 'integer',
    default: 100,
    quick: 50,
    min: 1,
    max: 100000,
    description:
      'iteration cap of adversarial training (interior-point iterations, typically 15–45 here); the duality gap reached is recorded per fit',
  },
  gdSteps: {
    type: 'integerList',
    default: [1, 3, 10, 30, 100, 300, 1000],
    quick: [1, 3, 10, 30, 100, 300],
    min: 0,
    max: 1000000,
    increasing: true,
    description: 'early-stopping times of gradient descent from zero (step 1/L)',
  },
  alphaRelative: {
    type: 'number',
    default: 0.05,
    min: 0,
    exclusiveMin: true,
    max: 1,
    description: 'relative ℓ2 evaluation budget α_rel: α = α_rel·√tr(Σ)',
  },
};

/** Where one comparator sits against the ridge frontier (from means over draws). */
export interface E6Placement {
  method: string;
  parameter: number;
  risk: number;
  advRisk: number;
  /** R_α over the ridge frontier's R_α at the same R: > 1 above (worse), < 1 below (better). */
  ratioToFrontier: number;
}

/** The summary of e6. */
export interface E6Summary extends Summary {
  ridge: { bestRisk: number; bestAdvRisk: number; lambdaBestStandard: number; lambdaBestAdversarial: number };
  placements: E6Placement[];
}

const METHODS = {
  ridge: 'ridge over λ',
  'advTrain-l2': 'adversarial training ℓ2',
  'advTrain-linf': 'adversarial training ℓ∞',
  gd: 'early-stopped GD',
} as const;

/**
 * e6: comparators beyond the paper on e2’s data at fixed n: ℓ2 and ℓ∞ adversarially
 * trained linear regression (`adversarialTraining`, budgets ε_train = factor × α) and
 * early-stopped gradient descent (`gradientDescent`, continued from the previous stop),
 * each evaluated by exact Gaussian R and ℓ2 R_α (relative budget) and placed against
 * the ridge frontier over λ.
 *
 * @example
 * ```ts
 * const { result } = await runExperiment(e6Comparators, { quick: true });
 * (result.summary as E6Summary).placements.filter((p) => p.method === 'gd');
 * ```
 */
export const e6Comparators: ExperimentDefinition<E6Config> = {
  id: 'e6',
  title: 'Comparators: adversarial training and early-stopped GD against the ridge frontier',
  shows:
    'Where adversarial training (ℓ2, ℓ∞) and early-stopped gradient descent sit against the ridge trade-off between R and R_α (a comparison beyond the paper).',
  schema,
  cells(config) {
    const p = dimensionAt(config, config.n);
    return Array.from({ length: config.replicates }, (_, replicate) => ({
      key: `rep=${replicate}`,
      params: { replicate },
      cost:
        2 * config.n * config.n * p * (2 + config.maxIterations * config.epsilonFactors.length) +
        2 * config.n * p * (config.gdSteps.at(-1) ?? 0),
    }));
  },
  async runCell(config, cell): Promise<Row[]> {
    const n = config.n;
    const design = makeDesign(spikedDesignSpec(config, n));
    const { X, y } = design.sample(n, cell.seed);
    const covariance = { eigenvalues: design.eigenvalues };
    const { thetaStar } = design;
    const evaluation = { alpha: config.alphaRelative, budget: 'relative' as const };
    const base = { n, p: design.p, replicate: cell.params.replicate as number, seed: cell.seed };
    const measure = (method: string, parameter: number, coef: Float64Array): Row => ({
      ...base,
      method,
      parameter,
      risk: standardRisk(coef, thetaStar, covariance),
      norm2: norm2(coef) ** 2,
      advRisk: adversarialRisk(coef, thetaStar, covariance, evaluation),
    });
    const rows: Row[] = [];
    const path = ridgePath(X, y, { thetaStar, covariance });
    for (const lambda of logGrid(config.lambdaMin, config.lambdaMax, config.lambdaCount)) {
      rows.push(measure('ridge', lambda, path.coef(lambda)));
    }
    for (const norm of ['l2', 'linf'] as const) {
      const alpha = absoluteAlpha(config.alphaRelative, 'relative', norm, design.eigenvalues);
      for (const factor of config.epsilonFactors) {
        const model = adversarialTraining(X, y, {
          epsilon: factor * alpha,
          norm,
          maxIterations: config.maxIterations,
        });
        rows.push({
          ...measure(`advTrain-${norm}`, factor, model.coef),
          converged: model.converged,
          relativeDualityGap: model.relativeDualityGap,
        });
      }
    }
    let coef: Float64Array | undefined;
    let done = 0;
    for (const steps of config.gdSteps) {
      const model = gradientDescent(X, y, { steps: steps - done, ...(coef ? { init: coef } : {}) });
      coef = model.coef;
      done = steps;
      rows.push(measure('gd', steps, coef));
    }
    return rows;
  },
  summarize(_config, rows): E6Summary {
    const mean = (method: string, column: string) =>
      aggregate(rows, 'parameter', column, (r) => r.method === method);
    const ridgeRisk = mean('ridge', 'risk');
    const ridgeAdv = mean('ridge', 'advRisk');
    const ridgePoints: FrontierPoint[] = ridgeRisk.map((r, k) => ({
      lambda: r.x,
      standardRisk: r.mean,
      adversarialRisk: ridgeAdv[k]?.mean as number,
    }));
    const f = frontier(ridgePoints);
    const placements: E6Placement[] = [];
    for (const method of ['advTrain-l2', 'advTrain-linf', 'gd']) {
      const risk = mean(method, 'risk');
      const adv = mean(method, 'advRisk');
      risk.forEach((r, k) => {
        const a = adv[k]?.mean as number;
        placements.push({
          method,
          parameter: r.x,
          risk: r.mean,
          advRisk: a,
          ratioToFrontier: ratioToFrontier(f.points, r.mean, a),
        });
      });
    }
    const ridge = {
      bestRisk: f.bestStandard.standardRisk,
      bestAdvRisk: f.bestAdversarial.adversarialRisk,
      lambdaBestStandard: f.lambdaBestStandard,
      lambdaBestAdversarial: f.lambdaBestAdversarial,
    };
    const verdicts: Verdict[] = [];
    const gd = placements.filter((p) => p.method === 'gd');
    const gdBest = gd.reduce((a, b) => (b.ratioToFrontier < a.ratioToFrontier ? b : a), gd[0] as E6Placement);
    verdicts.push({
      claim:
        'Early-stopped gradient descent is no better than ridge: at every stopping time it sits on or above the ridge frontier (within 10 %).',
      supported: gdBest.ratioToFrontier >= 0.9,
      budget: 'relative',
      evidence: `R_α relative to the ridge frontier at equal R, by stopping time: ${gd.map((p) => `${fmt(p.ratioToFrontier)}× (${p.parameter} steps)`).join(', ')}. Lowest: ${fmt(gdBest.ratioToFrontier)}× after ${gdBest.parameter} steps (R ${fmt(gdBest.risk)}, R_α ${fmt(gdBest.advRisk)}; ridge’s best R ${fmt(ridge.bestRisk)}, best R_α ${fmt(ridge.bestAdvRisk)}). Below 1 means GD’s sharper spectral filter beats ridge’s trade-off on this spiked design.`,
      numbers: { lowestRatio: gdBest.ratioToFrontier, stepsAtLowest: gdBest.parameter },
    });
    for (const method of ['advTrain-l2', 'advTrain-linf'] as const) {
      const mine = placements.filter((p) => p.method === method);
      const best = mine.reduce((a, b) => (b.advRisk < a.advRisk ? b : a), mine[0] as E6Placement);
      verdicts.push({
        claim: `${METHODS[method][0]?.toUpperCase()}${METHODS[method].slice(1)} is no better than ridge: at every budget it sits on or above the ridge frontier (within 10 %).`,
        supported: Math.min(...mine.map((p) => p.ratioToFrontier)) >= 0.9,
        budget: 'relative',
        evidence: `R_α relative to the ridge frontier at equal R: ${mine.map((p) => `${fmt(p.ratioToFrontier)}× (ε = ${p.parameter}α)`).join(', ')}; its lowest R_α ${fmt(best.advRisk)} comes with R ${fmt(best.risk)} (ridge’s best R: ${fmt(ridge.bestRisk)}).`,
        numbers: { lowestRatio: Math.min(...mine.map((p) => p.ratioToFrontier)), bestAdvRisk: best.advRisk },
      });
    }
    return { ridge, placements, verdicts };
  },
  figures(result) {
    const config = result.config;
    const series = (Object.keys(METHODS) as (keyof typeof METHODS)[]).map((method) => {
      const risk = aggregate(result.rows, 'parameter', 'risk', (r) => r.method === method);
      const adv = aggregate(result.rows, 'parameter', 'advRisk', (r) => r.method === method);
      const points = risk.map((r, k) => ({
        x: r.mean,
        mean: adv[k]?.mean as number,
        se: adv[k]?.se as number,
        count: r.count,
      }));
      return { label: METHODS[method], simulated: points, connect: true };
    });
    return [
      seriesFigure({
        id: 'e6',
        title: `Comparators against the ridge frontier (n = ${config.n})`,
        caption: `Each method traced over its own knob: ridge over λ (its lower-left edge is the frontier), adversarial training with ε_train = ${config.epsilonFactors.join(', ')} × α in ℓ2 and ℓ∞, gradient descent stopped after ${config.gdSteps.join(', ')} steps. Axes: exact Gaussian R and ℓ2 R_α under the relative budget α = ${config.alphaRelative}·√tr(Σ); mean over ${config.replicates} draws (± 1 s.e. in R_α).`,
        x: { label: 'standard risk R', log: true },
        y: { label: 'adversarial risk R_α', log: true },
        series,
      }),
    ];
  },
  tables(result) {
    const summary = result.summary as E6Summary;
    return [
      {
        title: 'Comparators against the ridge frontier (means over draws)',
        columns: ['method', 'knob', 'R', 'R_α', 'R_α ÷ frontier R_α at equal R'],
        rows: summary.placements.map((p) => [
          METHODS[p.method as keyof typeof METHODS] ?? p.method,
          p.method === 'gd' ? `${p.parameter} steps` : `ε = ${p.parameter}·α`,
          fmt(p.risk),
          fmt(p.advRisk),
          fmt(p.ratioToFrontier),
        ]),
      },
    ];
  },
};
