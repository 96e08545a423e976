import { ridgeTheoryPathGrouped } from '@benignlab/adversarial-risk';
import { makeDesign } from '@benignlab/data';
import { ntkRegression } from '@benignlab/ntk';
import type { ExperimentDefinition } from '../core/definition.js';
import { aggregate, fmt, logLogSlope } from '../core/stats.js';
import { rawAgreementText, theoryAgreement } from '../core/theory-agreement.js';
import type { ConfigSchema, Row, Summary, Verdict } from '../core/types.js';
import { holds } from '../core/verdict.js';
import { seriesFigure } from '../figures/series-figure.js';
import { linearizedLambda } from './e4-ntk-ridge.js';
import { gramDraw } from './gram-cells.js';
import { kernelRisks, kernelSchema, kernelTruthRows, layersOf } from './ntk-common.js';
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
  alphaAbsolute: number;
  growthThreshold: number;
  theoryNs: number[];
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
    description: `sample sizes n (same spiked design as e1, p = ⌈n^a⌉ + s; the dense sampler takes n ≤ ${DENSE_MAX_N}); growth is judged over the larger half, past the crossover where R still dominates R_α`,
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
  growthThreshold: {
    type: 'number',
    default: 0.05,
    min: 0,
    max: 1,
    description: 'the harm ratio “grows” when its log-log slope over the larger half of ns exceeds this',
  },
  theoryNs: {
    type: 'integerList',
    default: [50, 100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600],
    min: 10,
    max: 1e9,
    increasing: true,
    minLength: 2,
    description:
      'sample sizes of the theory line: linear ridge at the NTK’s implicit λ_eff (grouped spectra, cheap)',
  },
  sampler: samplerSchema('gram', ['gram', 'dense']),
};

/** Slopes over the larger half of the simulated n, for one NTK variant. */
export interface E3Slopes {
  risk: number;
  gradNorm2: number;
  advRiskFirstOrder: number;
  advRiskPgd: number | null;
  /** Slope of the harm ratio R_α(f̂)/R_α(f*) (first-order). */
  harmFirstOrder: number;
  /** Slope of the PGD harm ratio (a lower bound), or null without PGD. */
  harmPgd: number | null;
}

/** One point of the theory line: linear ridge at the NTK’s implicit λ_eff. */
export interface E3TheoryPoint {
  layers: string;
  n: number;
  lambdaEffective: number;
  risk: number;
  advRisk: number;
  harm: number;
}

/** The summary of e3. */
export interface E3Summary extends Summary {
  /** Log-log slopes over the larger half of ns, per NTK variant (`first`, `both`); absolute budget. */
  slopes: Record<string, E3Slopes>;
  simulated: Record<string, Record<string, { n: number; mean: number; se: number }[]>>;
  theory: E3TheoryPoint[];
}

const QUANTITIES = [
  'risk',
  'gradNorm2',
  'advRiskFirstOrder',
  'advRiskPgd',
  'harmFirstOrder',
  'harmPgd',
] as const;

/**
 * The theory line of e3: NTK regression with λ = 0 behaves like linear ridge at
 * `λ_eff = tr Σ/n` (K₁) or `(1 − 1/π)·tr Σ/n` (K₁ + K₂) (`ntkLinearization`); its R, R_α
 * and harm ratio from the deterministic equivalents, under the absolute budget.
 *
 * @param config e3's configuration; uses `exponentA` a (p = ⌈n^a⌉ tail coordinates), `exponentB` b (tail variance n^(−b)), `spikes`, `thetaNorm` ‖θ*‖, `sigma` σ and `alphaAbsolute` α
 * @param layers the NTK variant: `'first'` for K₁, anything else (e.g. `'both'`) for K₁ + K₂
 * @param n the sample size n ≥ 1
 * @example
 * ```ts
 * e3Theory(defaultConfig(e3NtkInterpolator.schema), 'first', 3200).harm; // ≈ 4.5
 * ```
 */
export function e3Theory(config: E3Config, layers: string, n: number): E3TheoryPoint {
  const p = Math.ceil(n ** config.exponentA);
  const tail = n ** -config.exponentB;
  const trace = config.spikes + p * tail;
  const lambdaEffective = linearizedLambda(layers, 0, trace, n);
  const path = ridgeTheoryPathGrouped({
    spectrum: {
      values: [1, tail],
      multiplicities: [config.spikes, p],
      thetaStarSquared: [config.thetaNorm ** 2, 0],
    },
    sigma2: config.sigma * config.sigma,
    n,
    lambdas: [lambdaEffective],
  });
  return {
    layers,
    n,
    lambdaEffective,
    risk: path.risk[0] as number,
    advRisk: path.adversarialRisk(config.alphaAbsolute)[0] as number,
    harm: path.harmRatio(config.alphaAbsolute)[0] as number,
  };
}

/** The larger half of the simulated n (at least two): where the growth is judged. */
function upperHalf(ns: readonly number[]): number[] {
  return ns.slice(Math.min(Math.floor(ns.length / 2), ns.length - 2));
}

/**
 * e3: the NTK interpolator (kernel regression with λ = 0) on e1's data as n grows
 * (the paper's third result). Per (n, replicate, variant): fit `ntkRegression`, then on
 * fresh test points estimate R, the mean squared input-gradient norm E‖∇f̂(x)‖², R_α
 * (first-order, and PGD, a lower bound) under the absolute budget α, and the harm ratio
 * R_α(f̂)/R_α(f*) with R_α(f*) = α²‖θ*‖² fixed. The theory line is linear ridge at the
 * NTK's implicit λ_eff = tr Σ/n.
 *
 * @example
 * ```ts
 * // A small run (n = 50, 100; one draw) to show the call; drop `overrides` for the --quick sizes.
 * const overrides = { ns: [50, 100], replicates: 1, testSize: 30, pgdTestSize: 5 };
 * const { result } = await runExperiment(e3NtkInterpolator, { quick: true, overrides });
 * (result.summary as E3Summary).slopes.first.harmFirstOrder; // > 0 at the --quick sizes: harm grows
 * ```
 */
export const e3NtkInterpolator: ExperimentDefinition<E3Config> = {
  id: 'e3',
  title: 'NTK interpolator vs n: R → 0 while R_α and the harm ratio grow',
  shows:
    'The two-layer network in the lazy (NTK) regime overfits benignly and harmfully, like the linear interpolator: as n grows its standard risk R falls to zero while its adversarial risk R_α and the harm ratio R_α(f̂)/R_α(f*) grow, against a truth whose R_α(f*) stays fixed (absolute budget).',
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
          ...draw.risksOf(draw.fit),
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
        ...kernelRisks(fit, design, config, cell.seed),
        sampler: 'dense',
      },
    ];
  },
  truthRows(config, rows) {
    return kernelTruthRows(config.thetaNorm, rows);
  },
  summarize(config, rows): E3Summary {
    const slopes: Record<string, E3Slopes> = {};
    const simulated: E3Summary['simulated'] = {};
    const verdicts: Verdict[] = [];
    const theory: E3TheoryPoint[] = [];
    const judged = upperHalf(config.ns);
    const truth = config.alphaAbsolute ** 2 * config.thetaNorm ** 2;
    for (const layers of layersOf(config.layers)) {
      const mine = (row: Row) => row.layers === layers;
      const series: Record<string, { n: number; mean: number; se: number }[]> = {};
      for (const q of QUANTITIES) {
        series[q] = aggregate(rows, 'n', q, mine).map((p) => ({ n: p.x, mean: p.mean, se: p.se }));
      }
      simulated[layers] = series;
      const slope = (q: string) => {
        const points = (series[q] ?? []).filter((p) => judged.includes(p.n));
        return logLogSlope(
          points.map((p) => p.n),
          points.map((p) => p.mean),
        );
      };
      const pgd = config.pgdTestSize > 0;
      const s: E3Slopes = {
        risk: slope('risk'),
        gradNorm2: slope('gradNorm2'),
        advRiskFirstOrder: slope('advRiskFirstOrder'),
        advRiskPgd: pgd ? slope('advRiskPgd') : null,
        harmFirstOrder: slope('harmFirstOrder'),
        harmPgd: pgd ? slope('harmPgd') : null,
      };
      slopes[layers] = s;
      const line = [...new Set([...config.theoryNs, ...config.ns])]
        .sort((a, b) => a - b)
        .map((n) => e3Theory(config, layers, n));
      theory.push(...line);
      const kernel = layers === 'first' ? 'K₁ (first layer)' : 'K₁ + K₂ (both layers)';
      const at = (q: string, n: number) => series[q]?.find((p) => p.n === n)?.mean ?? Number.NaN;
      const path = (q: string) => judged.map((n) => fmt(at(q, n))).join(' → ');
      const range = `n = ${judged[0]} → ${judged.at(-1)}`;
      const harmDecision = {
        name: `log-log slope of the harm ratio (first-order) over ${range}, ${kernel}`,
        value: s.harmFirstOrder,
        comparison: '>' as const,
        threshold: config.growthThreshold,
      };
      const lastTheory = line.at(-1) as E3TheoryPoint;
      verdicts.push({
        claim: `NTK interpolator, ${kernel}: as n grows R falls to zero while R_α and the harm ratio R_α(f̂)/R_α(f*) grow (absolute budget α = ${config.alphaAbsolute}, first-order R_α).`,
        supported: holds(harmDecision) && s.risk < 0 && s.advRiskFirstOrder > 0,
        budget: 'absolute',
        evidence: `Simulation, ${range}: R ${path('risk')} (slope ${fmt(s.risk)}); R_α ${path('advRiskFirstOrder')} (slope ${fmt(s.advRiskFirstOrder)}); harm ratio ${path('harmFirstOrder')} (slope ${fmt(s.harmFirstOrder)}); E‖∇f̂‖² ${path('gradNorm2')}. Theory line (linear ridge at λ_eff = ${layers === 'first' ? 'tr Σ/n' : '(1 − 1/π)·tr Σ/n'}): harm ${judged.map((n) => fmt(line.find((t) => t.n === n)?.harm)).join(' → ')}, ${fmt(lastTheory.harm)} at n = ${lastTheory.n} with R ${fmt(lastTheory.risk)}. R_α(f*) = ${fmt(truth)} at every n.`,
        falsifiedBy: `The harm ratio not growing over ${range} (slope ≤ ${config.growthThreshold}), or R not falling, or R_α not growing.`,
        decidedBy: harmDecision,
        truthAdversarialRisk: truth,
        numbers: {
          slopeRisk: s.risk,
          slopeAdvRisk: s.advRiskFirstOrder,
          slopeHarm: s.harmFirstOrder,
          slopeGradNorm2: s.gradNorm2,
          lastHarm: at('harmFirstOrder', judged.at(-1) as number),
        },
      });
      if (pgd) {
        const pgdDecision = {
          name: `log-log slope of the PGD harm ratio (a lower bound) over ${range}, ${kernel}`,
          value: s.harmPgd,
          comparison: '>' as const,
          threshold: config.growthThreshold,
        };
        verdicts.push({
          claim: `NTK interpolator, ${kernel}: an actual attack (PGD, a lower bound on R_α) finds the same growth of the harm ratio.`,
          supported: holds(pgdDecision),
          budget: 'absolute',
          evidence: `PGD (${config.pgdSteps} steps, ${config.pgdRestarts} restart(s), ${config.pgdTestSize} points): harm ratio ${path('harmPgd')} (slope ${fmt(s.harmPgd)}); R_α ${path('advRiskPgd')}. R_α(f*) = ${fmt(truth)}.`,
          falsifiedBy: `The PGD harm ratio not growing over ${range} (then the first-order growth would not be realized by an attack).`,
          decidedBy: pgdDecision,
          truthAdversarialRisk: truth,
          numbers: { slopeHarmPgd: s.harmPgd, slopeAdvRiskPgd: s.advRiskPgd },
        });
      }
      // The linearization: R and the harm ratio within 25 % (or 3 s.e.) of linear ridge at λ_eff.
      const agreement = theoryAgreement(
        config.ns.flatMap((n) => {
          const t = line.find((q) => q.n === n) as E3TheoryPoint;
          return (
            [
              ['risk', t.risk],
              ['harmFirstOrder', t.harm],
            ] as const
          ).flatMap(([q, predicted]) => {
            const point = series[q]?.find((p) => p.n === n);
            return point ? [{ mean: point.mean, se: point.se, predicted }] : [];
          });
        }),
      );
      const worstGap = agreement.worstGapBeyondNoise;
      verdicts.push({
        claim: `NTK interpolator, ${kernel}: it behaves like linear ridge at the implicit λ_eff = ${layers === 'first' ? 'tr Σ/n' : '(1 − 1/π)·tr Σ/n'} (R and the harm ratio within 3 s.e. or 25 % of that theory line).`,
        supported: worstGap <= 0.25,
        budget: 'absolute',
        evidence: `Largest relative gap beyond 3 s.e. over n = ${config.ns.join(', ')}: ${fmt(100 * worstGap)} % (${rawAgreementText(agreement, fmt)}).`,
        falsifiedBy: 'A simulated R or harm ratio more than 3 s.e. and 25 % away from linear ridge at λ_eff.',
        decidedBy: {
          name: 'largest relative gap to the linearization',
          value: worstGap,
          comparison: '<=',
          threshold: 0.25,
        },
        truthAdversarialRisk: truth,
        numbers: {
          worstRelativeGap: worstGap,
          largestRawRelativeGap: agreement.largestRelativeGap,
          largestZ: agreement.largestZ,
        },
      });
    }
    return { slopes, simulated, theory, verdicts };
  },
  figures(result) {
    const config = result.config;
    const summary = result.summary as E3Summary;
    return layersOf(config.layers).map((layers, k) => {
      const s = summary.simulated[layers] ?? {};
      const name = layers === 'first' ? 'K₁, first layer trained' : 'K₁ + K₂, both layers trained';
      const points = (q: string) => (s[q] ?? []).map((p) => ({ x: p.n, mean: p.mean, se: p.se, count: 0 }));
      const line = (pick: (t: E3TheoryPoint) => number) =>
        summary.theory.filter((t) => t.layers === layers).map((t) => ({ x: t.n, y: pick(t) }));
      return seriesFigure({
        id: k === 0 ? 'e3' : layers,
        title: `NTK interpolator vs n (${name}; λ = 0, e1’s data)`,
        caption: `The kernel model interpolates noisy labels benignly (R falls) and harmfully: R_α and the harm ratio R_α(f̂)/R_α(f*) grow, with R_α(f*) = ${fmt(config.alphaAbsolute ** 2 * config.thetaNorm ** 2)} fixed (absolute budget α = ${config.alphaAbsolute}). R_α first-order (|f − f*| + α‖∇f‖)² on ${config.testSize} test points${config.pgdTestSize > 0 ? `, PGD (${config.pgdSteps} steps, ${config.pgdRestarts} restart(s); a lower bound) on ${config.pgdTestSize}` : ''}. Dots: mean ± 1 s.e. over ${config.replicates} draws; dashed: linear ridge at the implicit λ_eff (deterministic equivalents) to n = ${Math.max(...config.theoryNs)}.`,
        x: { label: 'sample size n', log: true },
        y: { label: 'value', log: true },
        series: [
          { label: 'standard risk R', simulated: points('risk'), theory: line((t) => t.risk) },
          {
            label: 'R_α, first-order',
            simulated: points('advRiskFirstOrder'),
            theory: line((t) => t.advRisk),
          },
          {
            label: 'harm ratio R_α(f̂)/R_α(f*)',
            simulated: points('harmFirstOrder'),
            theory: line((t) => t.harm),
          },
          ...(config.pgdTestSize > 0
            ? [{ label: 'harm ratio, PGD (lower bound)', simulated: points('harmPgd'), connect: true }]
            : []),
          { label: 'E‖∇f̂(x)‖²', simulated: points('gradNorm2'), connect: true },
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
        const t = summary.theory.find((q) => q.layers === layers && q.n === point.n);
        rows.push([
          layers,
          point.n,
          cell('risk'),
          fmt(t?.risk),
          cell('advRiskFirstOrder'),
          cell('harmFirstOrder'),
          fmt(t?.harm),
          cell('harmPgd'),
          cell('gradNorm2'),
        ]);
      }
    }
    return [
      {
        title: `NTK interpolator on fresh test points (mean ± s.e. over draws) beside linear ridge at λ_eff; absolute budget α = ${result.config.alphaAbsolute}, R_α(f*) = ${fmt(result.config.alphaAbsolute ** 2 * result.config.thetaNorm ** 2)}`,
        columns: [
          'layers',
          'n',
          'R',
          'R theory',
          'R_α first-order',
          'harm ratio',
          'harm theory',
          'harm ratio PGD',
          'E‖∇f̂‖²',
        ],
        rows,
      },
    ];
  },
};
