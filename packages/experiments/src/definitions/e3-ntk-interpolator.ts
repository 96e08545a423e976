import { makeDesign } from '@benignlab/data';
import { ntkRegression } from '@benignlab/ntk';
import type { ExperimentDefinition } from '../core/definition.js';
import { aggregate, fmt, logLogSlope } from '../core/stats.js';
import type { ConfigSchema, Row, Summary, Verdict } from '../core/types.js';
import { seriesFigure } from '../figures/series-figure.js';
import { gramDraw } from './gram-cells.js';
import { kernelRisks, kernelSchema, layersOf } from './ntk-common.js';
import { checkDenseSizes, DENSE_MAX_N, samplerSchema } from './sampler.js';
import {
  dimensionAt,
  type SpikedDesignConfig,
  spikedDesignSchema,
  spikedDesignSpec,
} from './spiked-design.js';

/** Config of e3. */
export type E3Config = SpikedDesignConfig & {
  ns: number[];
  replicates: number;
  layers: string;
  testSize: number;
  pgdTestSize: number;
  pgdSteps: number;
  pgdRestarts: number;
  alphaRelative: number;
  sampler: string;
};

const schema: ConfigSchema<E3Config> = {
  ns: {
    type: 'integerList',
    default: [50, 100, 200, 400, 800, 1600, 3200],
    quick: [50, 100, 200, 400],
    min: 10,
    max: 20000,
    increasing: true,
    minLength: 2,
    description: `sample sizes n (same spiked design as e1, p = ⌈n^a⌉ + s; the dense sampler takes n ≤ ${DENSE_MAX_N})`,
  },
  replicates: {
    type: 'integer',
    default: 4,
    quick: 3,
    min: 1,
    max: 1000,
    description: 'draws (seeds) per n',
  },
  ...spikedDesignSchema,
  ...kernelSchema,
  sampler: samplerSchema('gram', ['gram', 'dense']),
};

/** Slopes over n of one NTK variant. */
export interface E3Slopes {
  risk: number;
  gradNorm2: number;
  advRiskFirstOrder: number;
  advRiskPgd: number | null;
  /** Slope of R_α/R (first-order). */
  advToStandard: number;
  /** Slope of α²·E‖∇f̂‖². */
  gradientFloor: number;
}

/** The summary of e3. */
export interface E3Summary extends Summary {
  /** Log-log slopes over n per NTK variant (`first`, `both`); R_α under the relative budget. */
  slopes: Record<string, E3Slopes>;
  simulated: Record<string, Record<string, { n: number; mean: number; se: number }[]>>;
}

const QUANTITIES = [
  'risk',
  'gradNorm2',
  'advRiskFirstOrder',
  'advRiskPgd',
  'advToStandard',
  'gradientFloor',
] as const;

/**
 * Adds R_α/R (how many times the adversarial risk exceeds the standard one) and the
 * floor α²·E‖∇f̂‖² of the first-order R_α (it is ≥ this whatever R is).
 */
function withRatios(risks: ReturnType<typeof kernelRisks>) {
  return {
    ...risks,
    advToStandard: risks.advRiskFirstOrder / risks.risk,
    gradientFloor: risks.alpha * risks.alpha * risks.gradNorm2,
  };
}

/**
 * e3: the NTK interpolator (kernel regression with λ = 0) on e1's data as n grows
 * ([Theory §5](https://benignlab.github.io/theory.html#section-5), §7). Per (n, replicate, variant): fit `ntkRegression`, then on fresh
 * test points estimate R, the mean squared input-gradient norm E‖∇f̂(x)‖² and R_α
 * (first-order under both budgets; PGD, a lower bound, under the relative budget).
 *
 * @example
 * ```ts
 * const { result } = await runExperiment(e3NtkInterpolator, { quick: true });
 * (result.summary as E3Summary).slopes.first.gradNorm2 > 0; // gradients grow
 * ```
 */
export const e3NtkInterpolator: ExperimentDefinition<E3Config> = {
  id: 'e3',
  title: 'NTK interpolator vs n: benign for R, harmful for R_α',
  shows:
    'The two-layer network in the lazy (NTK) regime behaves like the linear interpolator: as n grows its standard risk falls while its input-gradient norms and adversarial risk grow.',
  schema,
  checkConfig(config) {
    checkDenseSizes('e3', config.sampler, config.ns);
  },
  cells(config) {
    return config.ns.flatMap((n) =>
      layersOf(config.layers).flatMap((layers) =>
        Array.from({ length: config.replicates }, (_, replicate) => ({
          key: `n=${n}/layers=${layers}/rep=${replicate}`,
          params: { n, layers, replicate },
          cost:
            (config.sampler === 'dense' ? dimensionAt(config, n) : n + config.testSize) *
            n *
            (n + 3 * config.testSize + 6 * config.pgdTestSize * config.pgdSteps * (config.pgdRestarts + 1)),
        })),
      ),
    );
  },
  async runCell(config, cell): Promise<Row[]> {
    const n = cell.params.n as number;
    const layers = cell.params.layers as 'first' | 'both';
    if (config.sampler === 'gram') {
      const draw = gramDraw(config, n, cell.seed, layers);
      return [
        {
          n,
          p: draw.design.p,
          layers,
          replicate: cell.params.replicate as number,
          seed: cell.seed,
          ...withRatios(draw.risksOf(draw.fit)),
          sampler: 'gram',
        },
      ];
    }
    const design = makeDesign(spikedDesignSpec(config, n));
    const { X, y } = design.sample(n, cell.seed);
    const fit = ntkRegression(X, y, { layers, lambda: 0 });
    return [
      {
        n,
        p: design.p,
        layers,
        replicate: cell.params.replicate as number,
        seed: cell.seed,
        ...withRatios(kernelRisks(fit, design, config, cell.seed)),
        sampler: 'dense',
      },
    ];
  },
  summarize(config, rows): E3Summary {
    const slopes: Record<string, E3Slopes> = {};
    const simulated: E3Summary['simulated'] = {};
    const verdicts: Verdict[] = [];
    for (const layers of layersOf(config.layers)) {
      const mine = (row: Row) => row.layers === layers;
      const series: Record<string, { n: number; mean: number; se: number }[]> = {};
      for (const q of QUANTITIES) {
        series[q] = aggregate(rows, 'n', q, mine).map((p) => ({ n: p.x, mean: p.mean, se: p.se }));
      }
      simulated[layers] = series;
      const slope = (q: string) => {
        const points = series[q] ?? [];
        return logLogSlope(
          points.map((p) => p.n),
          points.map((p) => p.mean),
        );
      };
      const pgd = config.pgdTestSize > 0 ? slope('advRiskPgd') : null;
      const s: E3Slopes = {
        risk: slope('risk'),
        gradNorm2: slope('gradNorm2'),
        advRiskFirstOrder: slope('advRiskFirstOrder'),
        advRiskPgd: pgd,
        advToStandard: slope('advToStandard'),
        gradientFloor: slope('gradientFloor'),
      };
      // PGD R_α over R, from the means: the attack-based check of the same growth.
      const pgdRatioGrows =
        pgd !== null &&
        (series.advRiskPgd?.at(-1)?.mean ?? 0) / (series.risk?.at(-1)?.mean ?? 1) >
          (series.advRiskPgd?.[0]?.mean ?? 0) / (series.risk?.[0]?.mean ?? 1);
      slopes[layers] = s;
      const kernel = layers === 'first' ? 'K₁ (first layer)' : 'K₁ + K₂ (both layers)';
      const first = (q: string) => series[q]?.[0]?.mean ?? Number.NaN;
      const last = (q: string) => series[q]?.at(-1)?.mean ?? Number.NaN;
      const range = `n = ${config.ns[0]} → ${config.ns.at(-1)}`;
      verdicts.push(
        {
          claim: `NTK interpolator, ${kernel}: the standard risk R falls as n grows.`,
          supported: s.risk < 0 && last('risk') < first('risk'),
          budget: null,
          evidence: `R ${fmt(first('risk'))} → ${fmt(last('risk'))} (${range}), log-log slope ${fmt(s.risk)}.`,
          numbers: { slope: s.risk, first: first('risk'), last: last('risk') },
        },
        {
          claim: `NTK interpolator, ${kernel}: the mean squared input-gradient norm E‖∇f̂(x)‖² grows with n.`,
          supported: s.gradNorm2 > 0 && last('gradNorm2') > first('gradNorm2'),
          budget: null,
          evidence: `E‖∇f̂‖² ${fmt(first('gradNorm2'))} → ${fmt(last('gradNorm2'))} (${range}), slope ${fmt(s.gradNorm2)}.`,
          numbers: { slope: s.gradNorm2, first: first('gradNorm2'), last: last('gradNorm2') },
        },
        {
          claim: `NTK interpolator, ${kernel}: its adversarial risk R_α is a growing multiple of R, and its floor α²·E‖∇f̂‖² grows, so R_α cannot follow R to zero (relative budget α_rel = ${config.alphaRelative}).`,
          supported: s.advToStandard > 0 && s.gradientFloor > 0 && (pgd === null || pgdRatioGrows),
          budget: 'relative',
          evidence: `R_α/R (first-order) ${fmt(first('advToStandard'))} → ${fmt(last('advToStandard'))}, slope ${fmt(s.advToStandard)}; α²E‖∇f̂‖² ${fmt(first('gradientFloor'))} → ${fmt(last('gradientFloor'))}, slope ${fmt(s.gradientFloor)}. R_α itself: first-order ${fmt(first('advRiskFirstOrder'))} → ${fmt(last('advRiskFirstOrder'))} (slope ${fmt(s.advRiskFirstOrder)})${pgd === null ? '' : `, PGD lower bound ${fmt(first('advRiskPgd'))} → ${fmt(last('advRiskPgd'))} (slope ${fmt(pgd)})`}${s.advRiskFirstOrder < 0 ? '; at these n R_α is still dominated by the falling R, as e1’s absolute-budget harm ratio is at small n' : ''}.`,
          numbers: {
            slopeAdvToStandard: s.advToStandard,
            slopeGradientFloor: s.gradientFloor,
            slopeFirstOrder: s.advRiskFirstOrder,
            slopePgd: pgd,
          },
        },
      );
    }
    return { slopes, simulated, verdicts };
  },
  figures(result) {
    const config = result.config;
    const summary = result.summary as E3Summary;
    return layersOf(config.layers).map((layers, k) => {
      const s = summary.simulated[layers] ?? {};
      const name = layers === 'first' ? 'K₁, first layer trained' : 'K₁ + K₂, both layers trained';
      const points = (q: string) => (s[q] ?? []).map((p) => ({ x: p.n, mean: p.mean, se: p.se, count: 0 }));
      return seriesFigure({
        id: k === 0 ? 'e3' : layers,
        title: `NTK interpolator vs n (${name}; λ = 0, e1’s data)`,
        caption: `The kernel model interpolates noisy labels benignly: R falls, while the mean squared input-gradient norm E‖∇f̂‖² grows and R_α becomes a growing multiple of R. R_α under the relative budget α = ${config.alphaRelative}·√tr(Σ): first-order (|f − f*| + α‖∇f‖)² on ${config.testSize} test points, PGD (${config.pgdSteps} steps, ${config.pgdRestarts} restart(s); a lower bound) on ${config.pgdTestSize}. Mean ± 1 s.e. over ${config.replicates} draws.`,
        x: { label: 'sample size n', log: true },
        y: { label: 'value', log: true },
        series: [
          { label: 'standard risk R', simulated: points('risk'), connect: true },
          { label: 'E‖∇f̂(x)‖²', simulated: points('gradNorm2'), connect: true },
          { label: 'R_α, first-order', simulated: points('advRiskFirstOrder'), connect: true },
          ...(config.pgdTestSize > 0
            ? [{ label: 'R_α, PGD (lower bound)', simulated: points('advRiskPgd'), connect: true }]
            : []),
          { label: 'R_α / R (first-order)', simulated: points('advToStandard'), connect: true },
        ],
      });
    });
  },
  tables(result) {
    const summary = result.summary as E3Summary;
    const rows: (string | number)[][] = [];
    for (const [layers, series] of Object.entries(summary.simulated)) {
      for (const [k, point] of (series.risk ?? []).entries()) {
        const cell = (q: string) => {
          const p = series[q]?.[k];
          return p ? `${fmt(p.mean)} ± ${fmt(p.se)}` : '';
        };
        rows.push([
          layers,
          point.n,
          cell('risk'),
          cell('gradNorm2'),
          cell('advRiskFirstOrder'),
          cell('advRiskPgd'),
          cell('advToStandard'),
        ]);
      }
    }
    return [
      {
        title: 'NTK interpolator on fresh test points (mean ± s.e. over draws)',
        columns: ['layers', 'n', 'R', 'E‖∇f̂‖²', 'R_α first-order', 'R_α PGD', 'R_α / R'],
        rows,
      },
    ];
  },
};
