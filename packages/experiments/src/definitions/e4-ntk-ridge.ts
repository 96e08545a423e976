import { ridgeTheoryPathGrouped } from '@benignlab/adversarial-risk';
import { makeDesign } from '@benignlab/data';
import { ntkRegression } from '@benignlab/ntk';
import type { ExperimentDefinition } from '../core/definition.js';
import { ExperimentError } from '../core/errors.js';
import { aggregate, fmt, logLogSlope } from '../core/stats.js';
import type { ConfigSchema, Row, Summary, Verdict } from '../core/types.js';
import { holds } from '../core/verdict.js';
import { seriesFigure } from '../figures/series-figure.js';
import { type E2Config, type E2DesignConfig, e2Design, e2Ridge } from './e2-ridge.js';
import { gramCellCost, gramKernelRisks } from './gram-cells.js';
import { logGrid } from './lambda-grid.js';
import { type KernelRisks, kernelRisks, kernelSchema, kernelTruthRows, layersOf } from './ntk-common.js';
import { twoLevelTailDesign } from './ridge-sweep-cell.js';
import { checkDenseSizes, DENSE_MAX_N, samplerSchema } from './sampler.js';
import {
  bestCompromise,
  twoLevelDesignSpec,
  twoLevelDimension,
  twoLevelSpectrum,
} from './two-level-design.js';

/** Config of e4: e2's trade-off design, NTK kernel ridge over λ, n varying. */
export type E4Config = E2DesignConfig & {
  ns: number[];
  sampler: string;
  replicates: number;
  lambdaMin: number;
  lambdaMax: number;
  lambdaCount: number;
  layers: string;
  testSize: number;
  pgdTestSize: number;
  pgdSteps: number;
  pgdRestarts: number;
  alphaAbsolute: number;
  growthThreshold: number;
};

const designKeys = [
  'exponentA',
  'exponentB',
  'spikes',
  'weakSpikes',
  'weakExponent',
  'weakShare',
  'sigma',
  'thetaNorm',
] as const;

// Built by a pure call: a bundle that does not use e4 drops it (and with it e2 and the figures).
const schema: ConfigSchema<E4Config> = /* @__PURE__ */ (() => ({
  ns: {
    type: 'integerList',
    default: [100, 200, 400, 800, 1600, 3200],
    quick: [100, 200, 400],
    min: 10,
    max: 20000,
    increasing: true,
    minLength: 2,
    description: `sample sizes n (e2’s trade-off design, p = ⌈n^a⌉ + s + s_w; the dense sampler takes n ≤ ${DENSE_MAX_N})`,
  },
  sampler: samplerSchema('gram', ['gram', 'dense']),
  replicates: {
    type: 'integer',
    default: 2,
    quick: 2,
    min: 1,
    max: 1000,
    description: 'draws (seeds) per n',
  },
  ...(Object.fromEntries(designKeys.map((key) => [key, e2Ridge.schema[key]])) as Pick<
    ConfigSchema<E2Config>,
    (typeof designKeys)[number]
  >),
  lambdaMin: {
    type: 'number',
    default: 1e-4,
    min: 1e-12,
    max: 1e6,
    description: 'smallest positive kernel ridge λ',
  },
  lambdaMax: { type: 'number', default: 10, min: 1e-12, max: 1e6, description: 'largest kernel ridge λ' },
  lambdaCount: {
    type: 'integer',
    default: 11,
    quick: 7,
    min: 3,
    max: 200,
    description:
      'log-spaced λ values (plus λ = 0, the interpolator; each costs a prediction and a gradient on the test points)',
  },
  ...kernelSchema,
  layers: { ...kernelSchema.layers, default: 'both' },
  testSize: { ...kernelSchema.testSize, default: 200, quick: 100 },
  pgdTestSize: { ...kernelSchema.pgdTestSize, default: 0, quick: 0 },
  growthThreshold: {
    type: 'number',
    default: 0.05,
    min: 0,
    max: 1,
    description: 'G “grows” when its log-log slope over n exceeds this',
  },
}))();

/** One n of e4 for one NTK variant: the best compromise and the prices. */
export interface E4Point {
  layers: string;
  n: number;
  /** G = min_λ max(R/min R, harm ratio), from the means over draws. */
  value: number;
  lambda: number;
  riskRatio: number;
  harmRatio: number;
  priceOfRobustness: number;
  priceOfAccuracy: number;
  /** The interpolator’s (λ = 0) harm ratio. */
  interpolatorHarm: number;
  /** The same from the linearization (linear ridge at λ_lin = c·tr Σ/n + λ/s). */
  theoryValue: number;
}

/** The summary of e4. */
export interface E4Summary extends Summary {
  points: E4Point[];
  /** Log-log slopes over n per NTK variant: simulated G and its linearization theory. */
  slopes: Record<string, { compromise: number; theoryCompromise: number }>;
}

function kernelLambdas(config: E4Config): number[] {
  return [0, ...logGrid(config.lambdaMin, config.lambdaMax, config.lambdaCount)];
}

/**
 * The linear ridge λ that NTK kernel ridge `(K + nλI)` acts as in high dimension
 * (`ntkLinearization`): K₁ ≈ (XXᵀ + tr Σ·I)/4 gives λ_lin = tr Σ/n + 4λ; K₁ + K₂ ≈
 * (XXᵀ + (1 − 1/π)·tr Σ·I)/2 (plus a rank-one term in the norms) gives
 * λ_lin = (1 − 1/π)·tr Σ/n + 2λ.
 *
 * @param layers the NTK variant: `'first'` for K₁, anything else (e.g. `'both'`) for K₁ + K₂
 * @param lambda the kernel ridge parameter λ ≥ 0 (of `K + nλI`)
 * @param trace tr Σ, the trace of the feature covariance (> 0)
 * @param n the sample size n ≥ 1
 * @example
 * ```ts
 * linearizedLambda('first', 0, 6, 100); // 0.06
 * ```
 */
export function linearizedLambda(layers: string, lambda: number, trace: number, n: number): number {
  return layers === 'first' ? trace / n + 4 * lambda : ((1 - 1 / Math.PI) * trace) / n + 2 * lambda;
}

/**
 * e4: NTK kernel ridge regression (`K + nλI`) over λ as n grows, on e2’s trade-off
 * design (robust truth, absolute budget). Per (n, variant, draw): one fit, then
 * `withLambda` for each λ, each measured on fresh test points (R, E‖∇f̂‖², first-order
 * R_α and the harm ratio R_α/R_α(θ*)). The claim is e2’s for the kernel model: the best
 * compromise G(n) = min_λ max(R/min R, harm ratio) grows, so no λ keeps both small.
 *
 * @example
 * ```ts
 * // A tiny run (n = 100, 200; one draw); drop `overrides` for the --quick sizes.
 * const overrides = { ns: [100, 200], replicates: 1, lambdaCount: 3, testSize: 20 };
 * const { result } = await runExperiment(e4NtkRidge, { quick: true, overrides });
 * (result.summary as E4Summary).slopes.both?.compromise; // > 0 at the --quick sizes
 * ```
 */
export const e4NtkRidge: ExperimentDefinition<E4Config> = {
  id: 'e4',
  title: 'NTK ridge over λ and n: the same trade-off for the kernel model',
  shows:
    'For kernel ridge regression with the NTK on e2’s trade-off design, as for linear ridge, no λ keeps both R near its best and the harm ratio R_α(f̂)/R_α(f*) bounded as n grows (absolute budget, robust truth).',
  schema,
  checkConfig(config) {
    checkDenseSizes('e4', config.sampler, config.ns);
    if (config.lambdaMax <= config.lambdaMin) {
      throw new ExperimentError('e4.lambdaMax', `got ${config.lambdaMax}; expected a value above lambdaMin`);
    }
    if (!(config.exponentA - 1 < config.exponentB)) {
      throw new ExperimentError(
        'e4.exponentB',
        `got ${config.exponentB}; expected b > a − 1 = ${config.exponentA - 1}`,
      );
    }
    if (config.weakExponent > config.exponentB) {
      throw new ExperimentError(
        'e4.weakExponent',
        `got ${config.weakExponent}; expected c ≤ b = ${config.exponentB}`,
      );
    }
  },
  cells(config) {
    return config.ns.flatMap((n) =>
      layersOf(config.layers).flatMap((layers) =>
        Array.from({ length: config.replicates }, (_, replicate) => ({
          key: `n=${n}/layers=${layers}/rep=${replicate}`,
          params: { n, layers, replicate },
          cost:
            config.sampler === 'dense'
              ? twoLevelDimension(e2Design(config, 'trade-off'), n) *
                n *
                (n +
                  (config.lambdaCount + 1) *
                    (3 * config.testSize +
                      6 * config.pgdTestSize * config.pgdSteps * (config.pgdRestarts + 1)))
              : gramCellCost(n, config, config.lambdaCount + 1),
        })),
      ),
    );
  },
  async runCell(config, cell): Promise<Row[]> {
    const n = cell.params.n as number;
    const layers = cell.params.layers as 'first' | 'both';
    const base = { n, layers, replicate: cell.params.replicate as number, seed: cell.seed };
    if (config.sampler === 'gram') {
      const design = twoLevelTailDesign(e2Design(config, 'trade-off'), n);
      const lambdas = kernelLambdas(config);
      const risks = gramKernelRisks(design, n, cell.seed, layers, config, lambdas);
      return lambdas.map((lambda, k) => ({
        ...base,
        p: design.p,
        lambda,
        ...(risks[k] as KernelRisks),
        sampler: 'gram',
      }));
    }
    const design = makeDesign(twoLevelDesignSpec(e2Design(config, 'trade-off'), n));
    const { X, y } = design.sample(n, cell.seed);
    const fit = ntkRegression(X, y, { layers, lambda: 0 });
    return kernelLambdas(config).map((lambda) => ({
      n,
      p: design.p,
      layers,
      replicate: cell.params.replicate as number,
      seed: cell.seed,
      lambda,
      ...kernelRisks(lambda === 0 ? fit : fit.withLambda(lambda), design, config, cell.seed),
      sampler: 'dense',
    }));
  },
  truthRows(config, rows) {
    return kernelTruthRows(config.thetaNorm, rows);
  },
  summarize(config, rows): E4Summary {
    const points: E4Point[] = [];
    const slopes: E4Summary['slopes'] = {};
    const lambdas = kernelLambdas(config);
    const designConfig = e2Design(config, 'trade-off');
    for (const layers of layersOf(config.layers)) {
      const mine: E4Point[] = [];
      for (const n of config.ns) {
        const at = (r: Row) => r.layers === layers && r.n === n;
        if (!rows.some(at)) continue;
        const risk = aggregate(rows, 'lambda', 'risk', at);
        const harm = aggregate(rows, 'lambda', 'harmFirstOrder', at);
        const best = bestCompromise(
          risk.map((r) => r.x),
          risk.map((r) => r.mean),
          harm.map((h) => h.mean),
        );
        const spectrum = twoLevelSpectrum(designConfig, n);
        let trace = 0;
        for (let g = 0; g < spectrum.values.length; g++) {
          trace += (spectrum.values[g] as number) * (spectrum.multiplicities[g] as number);
        }
        const path = ridgeTheoryPathGrouped({
          spectrum,
          sigma2: config.sigma * config.sigma,
          n,
          lambdas: lambdas.map((lambda) => linearizedLambda(layers, lambda, trace, n)),
        });
        const theory = bestCompromise(lambdas, path.risk, path.harmRatio(config.alphaAbsolute));
        mine.push({
          layers,
          n,
          value: best.value,
          lambda: best.lambda,
          riskRatio: best.riskRatio,
          harmRatio: best.harmRatio,
          priceOfRobustness: best.riskRatioAtBestHarm,
          priceOfAccuracy: best.harmAtBestRisk / best.bestHarm,
          interpolatorHarm: harm.find((h) => h.x === 0)?.mean ?? Number.NaN,
          theoryValue: theory.value,
        });
      }
      points.push(...mine);
      slopes[layers] = {
        compromise: logLogSlope(
          mine.map((p) => p.n),
          mine.map((p) => p.value),
        ),
        theoryCompromise: logLogSlope(
          mine.map((p) => p.n),
          mine.map((p) => p.theoryValue),
        ),
      };
    }
    const truth = config.alphaAbsolute ** 2 * config.thetaNorm ** 2;
    const verdicts: Verdict[] = layersOf(config.layers).map((layers) => {
      const mine = points.filter((p) => p.layers === layers);
      const kernel = layers === 'first' ? 'K₁' : 'K₁ + K₂';
      const range = `n = ${config.ns[0]} → ${config.ns.at(-1)}`;
      const decision = {
        name: `log-log slope of the simulated best compromise G over ${range} (${kernel})`,
        value: slopes[layers]?.compromise ?? null,
        comparison: '>' as const,
        threshold: config.growthThreshold,
      };
      return {
        claim: `NTK kernel ridge (${kernel}) on e2’s trade-off design: for every λ, R and the harm ratio cannot both stay small as n grows — G(n) = min_λ max(R/min R, R_α/R_α(f*)) grows (absolute budget α = ${config.alphaAbsolute}, first-order R_α).`,
        supported: holds(decision),
        budget: 'absolute',
        evidence: `${mine.map((p) => `n = ${p.n}: G ${fmt(p.value)} (λ ${fmt(p.lambda)}: R/min R ${fmt(p.riskRatio)}, harm ${fmt(p.harmRatio)}), price of robustness ${fmt(p.priceOfRobustness)}, of accuracy ${fmt(p.priceOfAccuracy)}, interpolator harm ${fmt(p.interpolatorHarm)}`).join('; ')}. Slope of G ${fmt(slopes[layers]?.compromise)}; linear-ridge linearization (λ_lin = ${layers === 'first' ? 'tr Σ/n + 4λ' : '(1 − 1/π)·tr Σ/n + 2λ'}) ${mine.map((p) => fmt(p.theoryValue)).join(', ')} (slope ${fmt(slopes[layers]?.theoryCompromise)}). R_α(f*) = ${fmt(truth)} at every n.`,
        falsifiedBy: `A kernel ridge λ (per n) keeping both R/min R and the harm ratio bounded: the simulated G not growing over ${range} (slope ≤ ${config.growthThreshold}).`,
        decidedBy: decision,
        truthAdversarialRisk: truth,
        numbers: {
          slope: slopes[layers]?.compromise ?? null,
          theorySlope: slopes[layers]?.theoryCompromise ?? null,
          firstG: mine[0]?.value ?? null,
          lastG: mine.at(-1)?.value ?? null,
        },
      } satisfies Verdict;
    });
    return { points, slopes, verdicts };
  },
  figures(result) {
    const config = result.config;
    const summary = result.summary as E4Summary;
    const nFig = config.ns.at(-1) as number;
    const series = layersOf(config.layers).flatMap((layers) => {
      const mine = (row: Row) => row.layers === layers && row.n === nFig && (row.lambda as number) > 0;
      const name = layers === 'first' ? 'K₁' : 'K₁+K₂';
      const risk = aggregate(result.rows, 'lambda', 'risk', mine);
      const minRisk = Math.min(...risk.map((r) => r.mean));
      return [
        {
          label: `R / min R, ${name}`,
          simulated: risk.map((r) => ({ ...r, mean: r.mean / minRisk, se: r.se / minRisk })),
          connect: true,
        },
        {
          label: `harm ratio (first-order), ${name}`,
          simulated: aggregate(result.rows, 'lambda', 'harmFirstOrder', mine),
          connect: true,
        },
      ];
    });
    const acrossN = seriesFigure({
      id: 'e4',
      title: 'NTK kernel ridge: best compromise G(n) over λ as n grows',
      caption: `G(n) = min over λ of max(R/min R, R_α/R_α(f*)) for NTK kernel ridge (K + nλI, λ = 0 and ${config.lambdaCount} values in [${config.lambdaMin}, ${config.lambdaMax}]) on e2’s trade-off design; growing G means every λ pays in accuracy or robustness. Absolute budget α = ${config.alphaAbsolute}, first-order R_α on ${config.testSize} test points, R_α(f*) = ${fmt(config.alphaAbsolute ** 2 * config.thetaNorm ** 2)}. Dots: from the means over ${config.replicates} draws; dashed: linear ridge at the linearization’s λ (theory).`,
      x: { label: 'sample size n', log: true },
      y: { label: 'G(n)', log: true },
      series: layersOf(config.layers).map((layers) => ({
        label: layers === 'first' ? 'K₁ (first layer)' : 'K₁ + K₂ (both layers)',
        simulated: summary.points
          .filter((p) => p.layers === layers)
          .map((p) => ({ x: p.n, mean: p.value, se: 0, count: config.replicates })),
        theory: summary.points.filter((p) => p.layers === layers).map((p) => ({ x: p.n, y: p.theoryValue })),
      })),
    });
    const overLambda = seriesFigure({
      id: 'over-lambda',
      title: `NTK kernel ridge over λ at n = ${nFig}`,
      caption: `Small λ gives R near its best but a large harm ratio; large λ the reverse. Absolute budget α = ${config.alphaAbsolute}; mean ± 1 s.e. over ${config.replicates} draws.`,
      x: { label: 'ridge parameter λ', log: true },
      y: { label: 'ratio', log: true },
      series,
    });
    return [acrossN, overLambda];
  },
  tables(result) {
    const summary = result.summary as E4Summary;
    return [
      {
        title: `Best compromise G and the prices per n (absolute budget α = ${result.config.alphaAbsolute}, first-order R_α)`,
        columns: [
          'layers',
          'n',
          'G',
          'λ at G',
          'R/min R',
          'harm ratio',
          'price of robustness',
          'price of accuracy',
          'interpolator harm',
          'G, linearization',
        ],
        rows: summary.points.map((p) => [
          p.layers,
          p.n,
          fmt(p.value),
          fmt(p.lambda),
          fmt(p.riskRatio),
          fmt(p.harmRatio),
          fmt(p.priceOfRobustness),
          fmt(p.priceOfAccuracy),
          fmt(p.interpolatorHarm),
          fmt(p.theoryValue),
        ]),
      },
    ];
  },
};
