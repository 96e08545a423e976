import { absoluteAlpha, estimateRisks } from '@benignlab/adversarial-risk';
import { deriveSeed, makeDesign } from '@benignlab/data';
import { ntkRegression } from '@benignlab/ntk';
import type { ExperimentDefinition } from '../core/definition.js';
import { importOptional } from '../core/optional-import.js';
import { aggregate, fmt, logLogSlope } from '../core/stats.js';
import type { ConfigSchema, Row, Summary, Verdict } from '../core/types.js';
import { seriesFigure } from '../figures/series-figure.js';
import {
  dimensionAt,
  type SpikedDesignConfig,
  spikedDesignSchema,
  spikedDesignSpec,
} from './spiked-design.js';

/** Config of e5. */
export type E5Config = SpikedDesignConfig & {
  n: number;
  widths: number[];
  replicates: number;
  learningRate: number;
  tolerance: number;
  maxSteps: number;
  testSize: number;
  pgdSteps: number;
  pgdRestarts: number;
  alphaRelative: number;
};

const schema: ConfigSchema<E5Config> = {
  n: {
    type: 'integer',
    default: 30,
    min: 5,
    max: 2000,
    description: 'training points (e1’s design at this n; small, because tfjs trains on the CPU)',
  },
  widths: {
    type: 'integerList',
    default: [256, 1024, 4096],
    quick: [256, 1024],
    min: 2,
    max: 65536,
    multipleOf: 2,
    increasing: true,
    minLength: 2,
    description: 'hidden widths m of the two-layer networks (even: symmetric initialization)',
  },
  replicates: {
    type: 'integer',
    default: 2,
    min: 1,
    max: 100,
    description: 'draws of data and initialization',
  },
  ...spikedDesignSchema,
  learningRate: { type: 'number', default: 1, min: 1e-6, max: 100, description: 'full-batch GD step size η' },
  tolerance: {
    type: 'number',
    default: 1e-4,
    min: 0,
    max: 1,
    description: 'stop when the training loss (1/2n)Σ(f − y)² reaches this (interpolation)',
  },
  maxSteps: { type: 'integer', default: 2000, min: 1, max: 1000000, description: 'GD step cap' },
  testSize: {
    type: 'integer',
    default: 60,
    quick: 40,
    min: 5,
    max: 10000,
    description: 'test points for the distance to the NTK predictor, R and PGD R_α',
  },
  pgdSteps: { type: 'integer', default: 8, quick: 5, min: 1, max: 1000, description: 'PGD ascent steps' },
  pgdRestarts: { type: 'integer', default: 1, min: 0, max: 100, description: 'PGD random restarts' },
  alphaRelative: {
    type: 'number',
    default: 0.05,
    min: 0,
    exclusiveMin: true,
    max: 1,
    description: 'relative ℓ2 budget α_rel: α = α_rel·√tr(Σ)',
  },
};

/** The summary of e5. */
export interface E5Summary extends Summary {
  /** Log-log slopes over width: distance to the NTK predictor (lazy theory: −1/2) and weight movement. */
  slopes: { distanceToNtk: number; weightMovement: number };
  /** PGD R_α of the NTK predictor (the infinite-width limit), mean over draws. */
  ntkAdvRiskPgd: number;
}

type NetworkModule = typeof import('@benignlab/ntk/network');
type TensorFlowModule = typeof import('@tensorflow/tfjs');

const needsTensorFlow = 'e5 trains networks on TensorFlow.js';

/**
 * The network subpath and tfjs, loaded when e5 runs (never bundled with the main entry).
 * Silences tfjs's one-time "install tfjs-node" banner, which would otherwise go to stderr.
 */
async function loadNetworks(): Promise<NetworkModule> {
  const networks = await importOptional<NetworkModule>(
    '@benignlab/ntk/network',
    '@tensorflow/tfjs',
    needsTensorFlow,
  );
  const tf = await importOptional<TensorFlowModule>('@tensorflow/tfjs', '@tensorflow/tfjs', needsTensorFlow);
  tf.enableProdMode();
  return networks;
}

/**
 * e5: finite-width two-layer networks (`TwoLayerNetwork` on tfjs, NTK parameterization,
 * symmetric initialization, both layers trained by full-batch GD to interpolation) on
 * e1's data at small n. Per draw: the NTK predictor (`ntkRegression`, both layers,
 * λ = 0) and, for each width, the trained network's relative distance to it on test
 * points, its relative weight movement ‖θ − θ₀‖/‖θ₀‖, its R and its PGD R_α (relative
 * budget), all via `estimateRisks` (the network's input gradients come from tf.grad).
 *
 * @example
 * ```ts
 * // A tiny run (n = 10, widths 64 and 256) to show the call; drop `overrides` for the --quick sizes.
 * const overrides = { n: 10, widths: [64, 256], replicates: 1, testSize: 10, maxSteps: 300 };
 * const { result } = await runExperiment(e5FiniteWidth, { quick: true, overrides });
 * (result.summary as E5Summary).slopes.distanceToNtk; // < 0 (≈ −1/2 at the full sizes)
 * ```
 */
export const e5FiniteWidth: ExperimentDefinition<E5Config> = {
  id: 'e5',
  title: 'Finite-width networks approach the NTK predictor, and its fragility',
  shows:
    'Two-layer networks trained by gradient descent in the lazy regime approach the NTK interpolator as the width grows (their weights barely move), and inherit its adversarial risk, measured by PGD.',
  schema,
  cells(config) {
    const p = dimensionAt(config, config.n);
    // One cell per (draw, width), so the widest networks train in parallel; cells of one
    // draw share their seed, hence the same data, test points and NTK predictor.
    return Array.from({ length: config.replicates }, (_, replicate) =>
      config.widths.map((width) => ({
        key: `rep=${replicate}/width=${width}`,
        seedKey: `rep=${replicate}`,
        params: { replicate, width },
        cost:
          6 * width * p * (100 * config.n + config.testSize * config.pgdSteps * (config.pgdRestarts + 1) * 2),
      })),
    ).flat();
  },
  async runCell(config, cell): Promise<Row[]> {
    const { TwoLayerNetwork } = await loadNetworks();
    const width = cell.params.width as number;
    const design = makeDesign(spikedDesignSpec(config, config.n));
    const { X, y } = design.sample(config.n, cell.seed);
    const test = design.testSample(config.testSize, deriveSeed(cell.seed, 'test')).X;
    const alpha = absoluteAlpha(config.alphaRelative, 'relative', 'l2', design.eigenvalues);
    const attack = {
      sample: test,
      target: design.thetaStar,
      alpha,
      norm: 'l2' as const,
      method: 'pgd' as const,
      steps: config.pgdSteps,
      restarts: config.pgdRestarts,
      seed: deriveSeed(cell.seed, 'attack'),
    };
    const kernel = ntkRegression(X, y, { layers: 'both', lambda: 0 });
    const kernelPredictions = kernel.predict(test);
    const kernelRisks = estimateRisks(kernel, attack);
    let kernelEnergy = 0;
    for (const value of kernelPredictions) kernelEnergy += value * value;
    const network = new TwoLayerNetwork({
      inputDim: design.p,
      width,
      train: 'both',
      seed: deriveSeed(cell.seed, 'network', width),
    });
    try {
      const report = network.train(X, y, {
        learningRate: config.learningRate,
        steps: config.maxSteps,
        tolerance: config.tolerance,
      });
      const predictions = network.predict(test);
      let gap = 0;
      for (let i = 0; i < predictions.length; i++) {
        gap += ((predictions[i] as number) - (kernelPredictions[i] as number)) ** 2;
      }
      const risks = estimateRisks(network, attack);
      return [
        {
          n: config.n,
          p: design.p,
          replicate: cell.params.replicate as number,
          seed: cell.seed,
          width,
          steps: report.steps,
          trainLoss: report.loss,
          weightMovement: report.movement.trained,
          distanceToNtk: Math.sqrt(gap / kernelEnergy),
          risk: risks.standardRisk.mean,
          advRiskPgd: risks.adversarialRisk.mean,
          gradNorm2: risks.gradientNormSquared.mean,
          ntkRisk: kernelRisks.standardRisk.mean,
          ntkAdvRiskPgd: kernelRisks.adversarialRisk.mean,
        },
      ];
    } finally {
      network.dispose();
    }
  },
  summarize(config, rows): E5Summary {
    const distance = aggregate(rows, 'width', 'distanceToNtk');
    const movement = aggregate(rows, 'width', 'weightMovement');
    const adv = aggregate(rows, 'width', 'advRiskPgd');
    const slope = (points: { x: number; mean: number }[]) =>
      logLogSlope(
        points.map((p) => p.x),
        points.map((p) => p.mean),
      );
    const slopes = { distanceToNtk: slope(distance), weightMovement: slope(movement) };
    // Every cell of a draw recomputes the same NTK predictor; average it once per draw.
    const perDraw = new Map(rows.map((r) => [r.replicate, r.ntkAdvRiskPgd as number]));
    const ntkAdvRiskPgd = [...perDraw.values()].reduce((a, b) => a + b, 0) / perDraw.size;
    const widest = adv.at(-1);
    const narrowest = adv[0];
    const gapWidest = Math.abs((widest?.mean ?? Number.NaN) - ntkAdvRiskPgd) / ntkAdvRiskPgd;
    const gapNarrowest = Math.abs((narrowest?.mean ?? Number.NaN) - ntkAdvRiskPgd) / ntkAdvRiskPgd;
    const m0 = config.widths[0];
    const m1 = config.widths.at(-1);
    const verdicts: Verdict[] = [
      {
        claim: 'Trained finite-width networks approach the NTK predictor as the width grows (lazy training).',
        supported: slopes.distanceToNtk < 0 && (distance.at(-1)?.mean ?? 1) < (distance[0]?.mean ?? 0),
        budget: null,
        evidence: `Relative distance to the NTK interpolator on test points: ${distance.map((d) => `${fmt(d.mean)} (m = ${d.x})`).join(', ')}; log-log slope ${fmt(slopes.distanceToNtk)} (lazy-training theory: −1/2). Relative weight movement ${fmt(movement[0]?.mean)} → ${fmt(movement.at(-1)?.mean)} (slope ${fmt(slopes.weightMovement)}).`,
        falsifiedBy:
          'The distance to the NTK predictor not falling as the width grows (log-log slope ≥ 0, or the widest network no closer than the narrowest).',
        decidedBy: {
          name: 'log-log slope of the distance to the NTK predictor over the width',
          value: slopes.distanceToNtk,
          comparison: '<',
          threshold: 0,
        },
        truthAdversarialRisk: null,
        numbers: { slopeDistance: slopes.distanceToNtk, slopeMovement: slopes.weightMovement },
      },
      {
        claim: `The networks inherit the NTK predictor’s adversarial risk: the widest network’s PGD R_α is within 25 % of the NTK predictor’s (relative budget α_rel = ${config.alphaRelative}).`,
        supported: gapWidest <= 0.25,
        budget: 'relative',
        evidence: `PGD R_α (lower bound): NTK predictor ${fmt(ntkAdvRiskPgd)}; networks ${adv.map((a) => `${fmt(a.mean)} (m = ${a.x})`).join(', ')}; gap ${fmt(100 * gapNarrowest)} % at m = ${m0}, ${fmt(100 * gapWidest)} % at m = ${m1}.`,
        falsifiedBy:
          'The widest network’s PGD R_α more than 25 % away from the NTK predictor’s (then the kernel analysis would not describe the trained networks’ robustness).',
        decidedBy: {
          name: 'relative gap of the widest network’s PGD R_α to the NTK predictor’s',
          value: gapWidest,
          comparison: '<=',
          threshold: 0.25,
        },
        truthAdversarialRisk: null,
        numbers: { ntkAdvRiskPgd, widestAdvRiskPgd: widest?.mean ?? null, relativeGapWidest: gapWidest },
      },
    ];
    return { slopes, ntkAdvRiskPgd, verdicts };
  },
  figures(result) {
    const config = result.config;
    const distance = aggregate(result.rows, 'width', 'distanceToNtk');
    const first = distance[0];
    const reference = first
      ? config.widths.map((m) => ({ x: m, y: first.mean * Math.sqrt(first.x / m) }))
      : [];
    const summary = result.summary as E5Summary;
    return [
      seriesFigure({
        id: 'e5',
        title: `Finite-width networks vs the NTK predictor (n = ${config.n}, both layers trained)`,
        caption: `Two-layer networks of width m (tfjs, NTK parameterization, symmetric initialization) trained by full-batch GD to interpolation on e1’s design at n = ${config.n}. Their relative distance to the NTK interpolator shrinks with m (dashed: the lazy-training rate m^(−1/2) through the first point) and their weights barely move, while their PGD adversarial risk stays at the NTK predictor’s (dashed, ${fmt(summary.ntkAdvRiskPgd)}; relative budget α_rel = ${config.alphaRelative}). Mean ± 1 s.e. over ${config.replicates} draws.`,
        x: { label: 'width m', log: true },
        y: { label: 'value', log: true },
        series: [
          { label: 'distance to NTK predictor', simulated: distance, theory: reference },
          {
            label: 'relative weight movement',
            simulated: aggregate(result.rows, 'width', 'weightMovement'),
            connect: true,
          },
          {
            label: 'R_α (PGD), network vs NTK',
            simulated: aggregate(result.rows, 'width', 'advRiskPgd'),
            theory: config.widths.map((m) => ({ x: m, y: summary.ntkAdvRiskPgd })),
          },
          {
            label: 'standard risk R, network',
            simulated: aggregate(result.rows, 'width', 'risk'),
            connect: true,
          },
        ],
      }),
    ];
  },
  tables(result) {
    const rows = result.rows.map((r) => [
      r.replicate as number,
      r.width as number,
      r.steps as number,
      fmt(r.trainLoss as number),
      fmt(r.weightMovement as number),
      fmt(r.distanceToNtk as number),
      fmt(r.risk as number),
      fmt(r.advRiskPgd as number),
      fmt(r.ntkAdvRiskPgd as number),
    ]);
    return [
      {
        title: 'Networks against the NTK predictor, per draw',
        columns: [
          'draw',
          'width m',
          'GD steps',
          'train loss',
          'weight movement',
          'distance to NTK',
          'R',
          'R_α (PGD)',
          'NTK R_α (PGD)',
        ],
        rows,
      },
    ];
  },
};
