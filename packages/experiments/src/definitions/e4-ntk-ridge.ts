import { frontier } from '@benignlab/adversarial-risk';
import { makeDesign } from '@benignlab/data';
import { ntkRegression } from '@benignlab/ntk';
import type { ExperimentDefinition } from '../core/definition.js';
import { ExperimentError } from '../core/errors.js';
import { aggregate, fmt } from '../core/stats.js';
import type { ConfigSchema, Row, Summary, Verdict } from '../core/types.js';
import { seriesFigure } from '../figures/series-figure.js';
import { gramDraw } from './gram-cells.js';
import { logGrid } from './lambda-grid.js';
import { kernelRisks, kernelSchema, layersOf } from './ntk-common.js';
import { checkDenseSizes, DENSE_MAX_N, samplerSchema } from './sampler.js';
import {
  dimensionAt,
  type SpikedDesignConfig,
  spikedDesignSchema,
  spikedDesignSpec,
} from './spiked-design.js';

/** Config of e4. */
export type E4Config = SpikedDesignConfig & {
  n: number;
  replicates: number;
  lambdaMin: number;
  lambdaMax: number;
  lambdaCount: number;
  layers: string;
  testSize: number;
  pgdTestSize: number;
  pgdSteps: number;
  pgdRestarts: number;
  alphaRelative: number;
  sampler: string;
};

const schema: ConfigSchema<E4Config> = {
  n: {
    type: 'integer',
    default: 3200,
    quick: 200,
    min: 10,
    max: 20000,
    description: `sample size n (the dense sampler takes n ≤ ${DENSE_MAX_N})`,
  },
  replicates: { type: 'integer', default: 3, quick: 2, min: 1, max: 1000, description: 'draws (seeds)' },
  ...spikedDesignSchema,
  lambdaMin: { type: 'number', default: 1e-4, min: 1e-12, max: 1e6, description: 'smallest kernel ridge λ' },
  lambdaMax: { type: 'number', default: 10, min: 1e-12, max: 1e6, description: 'largest kernel ridge λ' },
  lambdaCount: {
    type: 'integer',
    default: 9,
    quick: 7,
    min: 3,
    max: 200,
    description: 'log-spaced λ values (each costs a prediction and a gradient on the test points)',
  },
  ...kernelSchema,
  layers: { ...kernelSchema.layers, default: 'both' },
  testSize: { ...kernelSchema.testSize, default: 200, quick: 100 },
  pgdTestSize: { ...kernelSchema.pgdTestSize, default: 0, quick: 0 },
  sampler: samplerSchema('gram', ['gram', 'dense']),
};

/** The summary of e4. */
export interface E4Summary extends Summary {
  /** Per NTK variant: the λ best for R and for R_α (first-order, relative budget) and the prices. */
  tradeoffs: {
    layers: string;
    lambdaBestStandard: number;
    lambdaBestAdversarial: number;
    riskAtBestStandard: number;
    advRiskAtBestStandard: number;
    riskAtBestAdversarial: number;
    advRiskAtBestAdversarial: number;
    priceOfRobustness: number;
    priceOfAccuracy: number;
  }[];
}

/**
 * e4: NTK kernel ridge regression over λ (`K + nλI`, [Theory §5](https://benignlab.github.io/theory.html#section-5)) at fixed n: per
 * (replicate, variant) one fit, then `withLambda` for every λ of the grid, each measured
 * on fresh test points (R, E‖∇f̂‖², first-order R_α under the relative budget).
 *
 * @example
 * ```ts
 * const { result } = await runExperiment(e4NtkRidge, { quick: true });
 * (result.summary as E4Summary).tradeoffs[0]?.priceOfRobustness; // > 1
 * ```
 */
export const e4NtkRidge: ExperimentDefinition<E4Config> = {
  id: 'e4',
  title: 'NTK ridge over λ: the same trade-off for the kernel model',
  shows:
    'For kernel ridge regression with the NTK, as for linear ridge, the ridge parameter that minimizes R differs from the one that minimizes R_α: no λ makes both small.',
  schema,
  checkConfig(config) {
    checkDenseSizes('e4', config.sampler, [config.n], 'n');
    if (config.lambdaMax <= config.lambdaMin) {
      throw new ExperimentError('e4.lambdaMax', `got ${config.lambdaMax}; expected a value above lambdaMin`);
    }
  },
  cells(config) {
    return layersOf(config.layers).flatMap((layers) =>
      Array.from({ length: config.replicates }, (_, replicate) => ({
        key: `layers=${layers}/rep=${replicate}`,
        params: { layers, replicate },
        cost:
          (config.sampler === 'dense' ? dimensionAt(config, config.n) : config.n + config.testSize) *
          config.n *
          (config.n +
            config.lambdaCount *
              (3 * config.testSize + 6 * config.pgdTestSize * config.pgdSteps * (config.pgdRestarts + 1))),
      })),
    );
  },
  async runCell(config, cell): Promise<Row[]> {
    const layers = cell.params.layers as 'first' | 'both';
    if (config.sampler === 'gram') {
      const draw = gramDraw(config, config.n, cell.seed, layers);
      return logGrid(config.lambdaMin, config.lambdaMax, config.lambdaCount).map((lambda) => ({
        n: config.n,
        p: draw.design.p,
        layers,
        replicate: cell.params.replicate as number,
        seed: cell.seed,
        lambda,
        ...draw.risksOf(draw.fit.withLambda(lambda)),
        sampler: 'gram',
      }));
    }
    const design = makeDesign(spikedDesignSpec(config, config.n));
    const { X, y } = design.sample(config.n, cell.seed);
    const fit = ntkRegression(X, y, { layers, lambda: 0 });
    return logGrid(config.lambdaMin, config.lambdaMax, config.lambdaCount).map((lambda) => ({
      n: config.n,
      p: design.p,
      layers,
      replicate: cell.params.replicate as number,
      seed: cell.seed,
      lambda,
      ...kernelRisks(fit.withLambda(lambda), design, config, cell.seed),
      sampler: 'dense',
    }));
  },
  summarize(config, rows): E4Summary {
    const tradeoffs: E4Summary['tradeoffs'] = [];
    const verdicts: Verdict[] = [];
    for (const layers of layersOf(config.layers)) {
      const mine = (row: Row) => row.layers === layers;
      const risk = aggregate(rows, 'lambda', 'risk', mine);
      const adv = aggregate(rows, 'lambda', 'advRiskFirstOrder', mine);
      const f = frontier(
        risk.map((r, k) => ({ lambda: r.x, standardRisk: r.mean, adversarialRisk: adv[k]?.mean as number })),
      );
      const t = {
        layers,
        lambdaBestStandard: f.lambdaBestStandard,
        lambdaBestAdversarial: f.lambdaBestAdversarial,
        riskAtBestStandard: f.bestStandard.standardRisk,
        advRiskAtBestStandard: f.bestStandard.adversarialRisk,
        riskAtBestAdversarial: f.bestAdversarial.standardRisk,
        advRiskAtBestAdversarial: f.bestAdversarial.adversarialRisk,
        priceOfRobustness: f.priceOfRobustness,
        priceOfAccuracy: f.priceOfAccuracy,
      };
      tradeoffs.push(t);
      const kernel = layers === 'first' ? 'K₁' : 'K₁ + K₂';
      verdicts.push({
        claim: `NTK ridge (${kernel}, n = ${config.n}): the λ best for R and the λ best for R_α differ, and each choice costs the other risk (relative budget α_rel = ${config.alphaRelative}, first-order R_α).`,
        supported:
          t.lambdaBestAdversarial > t.lambdaBestStandard &&
          t.priceOfRobustness > 1.05 &&
          t.priceOfAccuracy > 1.05,
        budget: 'relative',
        evidence: `λ best for R ${fmt(t.lambdaBestStandard)} (R ${fmt(t.riskAtBestStandard)}, R_α ${fmt(t.advRiskAtBestStandard)}); λ best for R_α ${fmt(t.lambdaBestAdversarial)} (R ${fmt(t.riskAtBestAdversarial)}, R_α ${fmt(t.advRiskAtBestAdversarial)}); price of robustness ${fmt(t.priceOfRobustness)}, of accuracy ${fmt(t.priceOfAccuracy)}.`,
        numbers: {
          lambdaBestStandard: t.lambdaBestStandard,
          lambdaBestAdversarial: t.lambdaBestAdversarial,
          priceOfRobustness: t.priceOfRobustness,
          priceOfAccuracy: t.priceOfAccuracy,
        },
      });
    }
    return { tradeoffs, verdicts };
  },
  figures(result) {
    const config = result.config;
    const series = layersOf(config.layers).flatMap((layers) => {
      const mine = (row: Row) => row.layers === layers;
      const name = layers === 'first' ? 'K₁' : 'K₁+K₂';
      return [
        { label: `R, ${name}`, simulated: aggregate(result.rows, 'lambda', 'risk', mine), connect: true },
        {
          label: `R_α first-order, ${name}`,
          simulated: aggregate(result.rows, 'lambda', 'advRiskFirstOrder', mine),
          connect: true,
        },
        {
          label: `E‖∇f̂‖², ${name}`,
          simulated: aggregate(result.rows, 'lambda', 'gradNorm2', mine),
          connect: true,
        },
      ];
    });
    return [
      seriesFigure({
        id: 'e4',
        title: `NTK kernel ridge over λ at n = ${config.n}`,
        caption: `Kernel ridge regression with the NTK (K + nλI) on e1’s spiked design at n = ${config.n}. Small λ gives the smallest R but large input gradients and R_α; larger λ trades R for robustness. R_α first-order under the relative budget α = ${config.alphaRelative}·√tr(Σ), on ${config.testSize} test points; mean ± 1 s.e. over ${config.replicates} draws.`,
        x: { label: 'ridge parameter λ', log: true },
        y: { label: 'value', log: true },
        series,
      }),
    ];
  },
  tables(result) {
    const summary = result.summary as E4Summary;
    return [
      {
        title: 'Best λ for R and for R_α (first-order, relative budget)',
        columns: [
          'layers',
          'λ_std',
          'R',
          'R_α',
          'λ_adv',
          'R',
          'R_α',
          'price of robustness',
          'price of accuracy',
        ],
        rows: summary.tradeoffs.map((t) => [
          t.layers,
          fmt(t.lambdaBestStandard),
          fmt(t.riskAtBestStandard),
          fmt(t.advRiskAtBestStandard),
          fmt(t.lambdaBestAdversarial),
          fmt(t.riskAtBestAdversarial),
          fmt(t.advRiskAtBestAdversarial),
          fmt(t.priceOfRobustness),
          fmt(t.priceOfAccuracy),
        ]),
      },
    ];
  },
};
