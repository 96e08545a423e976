import { adversarialRisk, harmRatio, ridgeTheory, standardRisk } from '@benignlab/adversarial-risk';
import { makeDesign } from '@benignlab/data';
import { matvec, norm2 } from '@benignlab/linalg';
import { minNorm } from '@benignlab/linear-models';
import type { ExperimentDefinition } from '../core/definition.js';
import { ExperimentError } from '../core/errors.js';
import { aggregate, fmt, logLogSlope } from '../core/stats.js';
import { rawAgreementText, theoryAgreement } from '../core/theory-agreement.js';
import { asTruth } from '../core/truth-rows.js';
import type { ConfigSchema, Row, Summary, Verdict } from '../core/types.js';
import { holds } from '../core/verdict.js';
import { seriesFigure } from '../figures/series-figure.js';
import { checkDenseSizes, DENSE_MAX_N, samplerSchema } from './sampler.js';
import { budgetedRisks, spectralFits } from './spectral-cells.js';
import {
  budgetSchema,
  dimensionAt,
  type SpikedDesignConfig,
  spikedDesignSchema,
  spikedDesignSpec,
} from './spiked-design.js';

/** Config of e1. */
export type E1Config = SpikedDesignConfig & {
  ns: number[];
  replicates: number;
  alphaAbsolute: number;
  alphaRelative: number;
  theoryNs: number[];
  largeN: number;
  growthThreshold: number;
  sampler: string;
};

const schema: ConfigSchema<E1Config> = {
  ns: {
    type: 'integerList',
    default: [50, 100, 200, 400, 800, 1600, 3200, 6400, 12800],
    quick: [50, 100, 200, 400, 800, 1600, 3200],
    min: 10,
    max: 100000,
    increasing: true,
    minLength: 2,
    description: `sample sizes n simulated (p = ⌈n^a⌉ + s grows with n; the dense sampler takes n ≤ ${DENSE_MAX_N})`,
  },
  replicates: {
    type: 'integer',
    default: 8,
    quick: 4,
    min: 1,
    max: 1000,
    description: 'independent draws (seeds) per n',
  },
  ...spikedDesignSchema,
  ...budgetSchema,
  theoryNs: {
    type: 'integerList',
    default: [50, 100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600],
    min: 10,
    max: 100000,
    increasing: true,
    minLength: 2,
    description: 'sample sizes of the theory curves (deterministic equivalents, cheap)',
  },
  largeN: {
    type: 'integer',
    default: 1600,
    min: 10,
    max: 100000,
    description: 'theory slopes (the harm ratio’s growth) are fitted over n ≥ largeN',
  },
  growthThreshold: {
    type: 'number',
    default: 0.05,
    min: 0,
    max: 1,
    description: 'a quantity “grows” when its log-log slope exceeds this (“falls” below minus this)',
  },
  sampler: samplerSchema('spectral', ['spectral', 'dense']),
};

/** One theory point of e1 (min-norm, λ = 0). */
export interface E1TheoryPoint {
  n: number;
  p: number;
  risk: number;
  norm2: number;
  advRiskAbsolute: number;
  advRiskRelative: number;
  harmAbsolute: number;
  harmRelative: number;
}

/** The summary of e1. */
export interface E1Summary extends Summary {
  /** Log-log slopes over the simulated n; `advRisk` under the relative budget α_rel. */
  slopes: { risk: number; norm2: number; advRisk: number };
  /** Slopes of the absolute-budget quantities over the simulated n (the harm ratio dips at small n). */
  absoluteSlopes: { advRisk: number; harmRatio: number };
  /** Slopes of the theory curves over n ≥ largeN. */
  theorySlopes: {
    risk: number;
    norm2: number;
    advRiskRelative: number;
    harmAbsolute: number;
    harmRelative: number;
  };
  theory: E1TheoryPoint[];
  simulated: Record<string, { n: number; mean: number; se: number }[]>;
}

/**
 * The min-norm theory point at n ([Theory §4](https://benignlab.github.io/theory.html#section-4) with λ = 0): `ridgeTheory`'s R, ‖θ̂₀‖²,
 * R_α under both budgets and the harm ratios, for e1's design.
 * @param config e1's config (design, noise σ, budgets α and α_rel)
 * @param n sample size n ≥ 1 (p = ⌈n^a⌉ + s follows from it)
 *
 * @example
 * ```ts
 * e1Theory(defaultConfig(e1MinNorm.schema), 800).norm2; // ≈ 8.25
 * ```
 */
export function e1Theory(config: E1Config, n: number): E1TheoryPoint {
  const design = makeDesign(spikedDesignSpec(config, n));
  const sigma2 = config.sigma * config.sigma;
  const curve = ridgeTheory({
    eigenvalues: design.eigenvalues,
    // The theory curves take θ* in the eigenbasis of Σ.
    thetaStar: design.thetaStarEigen,
    sigma2,
    n,
    lambda: 0,
  });
  const advRiskAbsolute = curve.adversarialRisk(config.alphaAbsolute, { budget: 'absolute' });
  const advRiskRelative = curve.adversarialRisk(config.alphaRelative, { budget: 'relative' });
  return {
    n,
    p: design.eigenvalues.length,
    risk: curve.risk,
    norm2: curve.normSquared,
    advRiskAbsolute,
    advRiskRelative,
    harmAbsolute: curve.harmRatio(config.alphaAbsolute, { budget: 'absolute' }),
    harmRelative: curve.harmRatio(config.alphaRelative, { budget: 'relative' }),
  };
}

const COLUMNS = {
  risk: 'standard risk R',
  norm2: '‖θ̂‖²',
  advRiskRelative: 'R_α, relative budget',
  advRiskAbsolute: 'R_α, absolute budget',
} as const;

/**
 * e1: the minimum-norm interpolator as n grows ([Theory §7](https://benignlab.github.io/theory.html#section-7)). Per (n, replicate): draw
 * the spiked design, fit `minNorm`, and measure the exact Gaussian risks `R`, `‖θ̂‖²`,
 * `R_α` and the harm ratio `R_α(θ̂)/R_α(θ*)` under the absolute budget α and the relative
 * budget α = α_rel·√tr(Σ). Theory curves (`ridgeTheory` at λ = 0) run to n = 25 600.
 *
 * @example
 * ```ts
 * // A small run (n = 50, 100, 200; two draws); drop `overrides` for the --quick sizes.
 * const { result } = await runExperiment(e1MinNorm, { quick: true, overrides: { ns: [50, 100, 200], replicates: 2 } });
 * (result.summary as E1Summary).slopes.risk; // < 0, benign: R falls
 * ```
 */
export const e1MinNorm: ExperimentDefinition<E1Config> = {
  id: 'e1',
  title: 'Min-norm interpolation vs n: benign for R, harmful for R_α',
  shows:
    'The min-norm interpolator’s standard risk R falls as n grows while ‖θ̂‖² and the harm ratio R_α(θ̂)/R_α(θ*) grow without bound, against a truth whose R_α(θ*) stays fixed (absolute budget); shown in simulation, with the theory beyond.',
  schema,
  checkConfig(config) {
    checkDenseSizes('e1', config.sampler, config.ns);
    if (config.theoryNs.filter((n) => n >= config.largeN).length < 2) {
      throw new ExperimentError(
        'e1.largeN',
        `got ${config.largeN}; expected at most the second-largest of theoryNs (${config.theoryNs.join(', ')})`,
      );
    }
  },
  cells(config) {
    return config.ns.flatMap((n) =>
      Array.from({ length: config.replicates }, (_, replicate) => ({
        key: `n=${n}/rep=${replicate}`,
        params: { n, replicate },
        cost: config.sampler === 'dense' ? n * n * dimensionAt(config, n) : 50 * n * n,
      })),
    );
  },
  async runCell(config, cell): Promise<Row[]> {
    const n = cell.params.n as number;
    if (config.sampler === 'spectral') return [e1SpectralRow(config, n, cell)];
    const design = makeDesign(spikedDesignSpec(config, n));
    const { X, y } = design.sample(n, cell.seed);
    const model = minNorm(X, y);
    const covariance = { eigenvalues: design.eigenvalues };
    const { thetaStar } = design;
    const fitted = matvec(X, model.coef);
    let residual = 0;
    for (let i = 0; i < n; i++)
      residual = Math.max(residual, Math.abs((fitted[i] as number) - (y[i] as number)));
    const absolute = { alpha: config.alphaAbsolute, budget: 'absolute' as const };
    const relative = { alpha: config.alphaRelative, budget: 'relative' as const };
    return [
      {
        n,
        p: design.eigenvalues.length,
        replicate: cell.params.replicate as number,
        seed: cell.seed,
        risk: standardRisk(model.coef, thetaStar, covariance),
        norm2: norm2(model.coef) ** 2,
        advRiskAbsolute: adversarialRisk(model.coef, thetaStar, covariance, absolute),
        advRiskRelative: adversarialRisk(model.coef, thetaStar, covariance, relative),
        harmAbsolute: harmRatio(model.coef, thetaStar, covariance, absolute),
        harmRelative: harmRatio(model.coef, thetaStar, covariance, relative),
        trainResidualMax: residual / Math.max(norm2(y), Number.MIN_VALUE),
        sampler: 'dense',
      },
    ];
  },
  truthRows(config, rows) {
    const norm2 = config.thetaNorm ** 2;
    return rows.map((row) => {
      const n = row.n as number;
      const trace = config.spikes + (dimensionAt(config, n) - config.spikes) * n ** -config.exponentB;
      return asTruth(row, {
        zero: ['risk', 'trainResidualMax'],
        one: ['harmAbsolute', 'harmRelative'],
        set: {
          norm2,
          advRiskAbsolute: config.alphaAbsolute ** 2 * norm2,
          advRiskRelative: config.alphaRelative ** 2 * trace * norm2,
        },
      });
    });
  },
  summarize(config, rows): E1Summary {
    const ns = config.ns;
    const column = (name: string) => aggregate(rows, 'n', name);
    const simulated: E1Summary['simulated'] = {};
    for (const name of [
      'risk',
      'norm2',
      'advRiskAbsolute',
      'advRiskRelative',
      'harmAbsolute',
      'harmRelative',
    ]) {
      simulated[name] = column(name).map((p) => ({ n: p.x, mean: p.mean, se: p.se }));
    }
    const slopeOf = (name: string) => {
      const points = simulated[name] ?? [];
      return logLogSlope(
        points.map((p) => p.n),
        points.map((p) => p.mean),
      );
    };
    const slopes = { risk: slopeOf('risk'), norm2: slopeOf('norm2'), advRisk: slopeOf('advRiskRelative') };
    const absoluteSlopes = { advRisk: slopeOf('advRiskAbsolute'), harmRatio: slopeOf('harmAbsolute') };
    const theoryGrid = [...new Set([...config.theoryNs, ...ns])].sort((a, b) => a - b);
    const theory = theoryGrid.map((n) => e1Theory(config, n));
    const large = theory.filter((t) => t.n >= config.largeN);
    const theorySlope = (pick: (t: E1TheoryPoint) => number) =>
      logLogSlope(
        large.map((t) => t.n),
        large.map(pick),
      );
    const theorySlopes = {
      risk: theorySlope((t) => t.risk),
      norm2: theorySlope((t) => t.norm2),
      advRiskRelative: theorySlope((t) => t.advRiskRelative),
      harmAbsolute: theorySlope((t) => t.harmAbsolute),
      harmRelative: theorySlope((t) => t.harmRelative),
    };
    const verdicts = e1Verdicts(config, simulated, slopes, absoluteSlopes, theory, theorySlopes);
    return { slopes, absoluteSlopes, theorySlopes, theory, simulated, verdicts };
  },
  figures(result) {
    const config = result.config;
    const summary = result.summary as E1Summary;
    const points = (name: string) =>
      (summary.simulated[name] ?? []).map((p) => ({ x: p.n, mean: p.mean, se: p.se, count: 0 }));
    const theoryOf = (pick: (t: E1TheoryPoint) => number) =>
      summary.theory.map((t) => ({ x: t.n, y: pick(t) }));
    const main = seriesFigure({
      id: 'e1',
      title: 'Min-norm interpolator vs n (spiked design, p = ⌈n^1.5⌉ + 5, λ_tail = 1/n)',
      caption: `Standard risk R falls while ‖θ̂₀‖² and the adversarial risk R_α grow. R_α under the absolute budget α = ${config.alphaAbsolute} (ℓ2; the verdicts’ budget) and, as a labelled extra, the relative budget α = ${config.alphaRelative}·√tr(Σ). Dots: mean ± 1 s.e. over ${config.replicates} draws per n; dashed: deterministic-equivalent theory to n = ${Math.max(...config.theoryNs)}.`,
      x: { label: 'sample size n', log: true },
      y: { label: 'value', log: true },
      series: [
        { label: COLUMNS.risk, simulated: points('risk'), theory: theoryOf((t) => t.risk) },
        { label: COLUMNS.norm2, simulated: points('norm2'), theory: theoryOf((t) => t.norm2) },
        {
          label: COLUMNS.advRiskRelative,
          simulated: points('advRiskRelative'),
          theory: theoryOf((t) => t.advRiskRelative),
        },
        {
          label: COLUMNS.advRiskAbsolute,
          simulated: points('advRiskAbsolute'),
          theory: theoryOf((t) => t.advRiskAbsolute),
        },
      ],
    });
    const harm = seriesFigure({
      id: 'harm',
      title: 'Harm ratio R_α(θ̂₀) / R_α(θ*) vs n',
      caption: `How much less robust the interpolator is than the truth. Absolute budget α = ${config.alphaAbsolute} (the verdicts’ budget): R_α(θ*) = α²‖θ*‖² = ${fmt(config.alphaAbsolute ** 2 * config.thetaNorm ** 2)} at every n, so the truth stays robust and the growth is the interpolator’s alone. Relative budget α_rel = ${config.alphaRelative}: a labelled extra, not evidence, since there R_α(θ*) = α_rel²·tr Σ·‖θ*‖² grows with n too. Dots: simulation ± 1 s.e.; dashed: theory.`,
      x: { label: 'sample size n', log: true },
      y: { label: 'R_α(θ̂₀) / R_α(θ*)', log: true },
      series: [
        {
          label: `absolute budget α = ${config.alphaAbsolute}`,
          simulated: points('harmAbsolute'),
          theory: theoryOf((t) => t.harmAbsolute),
        },
        {
          label: 'relative budget (labelled extra)',
          simulated: points('harmRelative'),
          theory: theoryOf((t) => t.harmRelative),
        },
      ],
    });
    return [main, harm];
  },
  tables(result) {
    const summary = result.summary as E1Summary;
    const cell = (name: string, n: number) => {
      const p = summary.simulated[name]?.find((q) => q.n === n);
      return p ? `${fmt(p.mean)} ± ${fmt(p.se)}` : '';
    };
    const simulatedNs = (summary.simulated.risk ?? []).map((p) => p.n);
    return [
      {
        title: 'Simulation (mean ± s.e.) beside theory, min-norm interpolator',
        columns: [
          'n',
          'p',
          'R',
          'R theory',
          '‖θ̂‖²',
          '‖θ̂‖² theory',
          'R_α rel.',
          'R_α abs.',
          'harm ratio abs.',
        ],
        rows: summary.theory.map((t) => {
          const sim = simulatedNs.includes(t.n);
          return [
            t.n,
            t.p,
            sim ? cell('risk', t.n) : '',
            fmt(t.risk),
            sim ? cell('norm2', t.n) : '',
            fmt(t.norm2),
            sim ? cell('advRiskRelative', t.n) : fmt(t.advRiskRelative),
            sim ? cell('advRiskAbsolute', t.n) : fmt(t.advRiskAbsolute),
            sim ? cell('harmAbsolute', t.n) : fmt(t.harmAbsolute),
          ];
        }),
      },
      {
        title: 'Log-log slopes over n',
        columns: ['quantity', 'simulation', `theory (n ≥ ${result.config.largeN})`],
        rows: [
          ['R', fmt(summary.slopes.risk), fmt(summary.theorySlopes.risk)],
          ['‖θ̂‖²', fmt(summary.slopes.norm2), fmt(summary.theorySlopes.norm2)],
          ['R_α (relative)', fmt(summary.slopes.advRisk), fmt(summary.theorySlopes.advRiskRelative)],
          [
            'harm ratio (absolute)',
            fmt(summary.absoluteSlopes.harmRatio),
            fmt(summary.theorySlopes.harmAbsolute),
          ],
        ],
      },
    ];
  },
};

function e1Verdicts(
  config: E1Config,
  simulated: E1Summary['simulated'],
  slopes: E1Summary['slopes'],
  absoluteSlopes: E1Summary['absoluteSlopes'],
  theory: E1TheoryPoint[],
  theorySlopes: E1Summary['theorySlopes'],
): Verdict[] {
  const first = (name: string) => simulated[name]?.[0]?.mean ?? Number.NaN;
  const last = (name: string) => simulated[name]?.at(-1)?.mean ?? Number.NaN;
  const path = (name: string) => (simulated[name] ?? []).map((p) => fmt(p.mean)).join(' → ');
  const nMin = config.ns[0] as number;
  const nMax = config.ns.at(-1) as number;
  const range = `n = ${nMin} → ${nMax}`;
  const tLast = theory.at(-1) as E1TheoryPoint;
  const truth = config.alphaAbsolute ** 2 * config.thetaNorm ** 2;
  // Deterministic equivalents carry an O(1/√n) bias at small n, and the mean has its
  // own sampling error: a point agrees when within 3 s.e. or 10 % of the theory.
  const agreement = theoryAgreement(
    theory
      .filter((t) => config.ns.includes(t.n))
      .flatMap((t) =>
        (['risk', 'norm2', 'harmAbsolute'] as const).map((name) => {
          const sim = simulated[name]?.find((p) => p.n === t.n);
          return { mean: sim?.mean ?? Number.NaN, se: sim?.se ?? Number.NaN, predicted: t[name] };
        }),
      ),
  );
  const worstAgreement = agreement.worstGapBeyondNoise;
  const riskDecision = {
    name: `log-log slope of the simulated R over ${range}`,
    value: slopes.risk,
    comparison: '<' as const,
    threshold: -config.growthThreshold,
  };
  const normDecision = {
    name: `log-log slope of the simulated ‖θ̂₀‖² over ${range}`,
    value: slopes.norm2,
    comparison: '>' as const,
    threshold: config.growthThreshold,
  };
  const harmDecision = {
    name: `log-log slope of the simulated harm ratio over ${range}`,
    value: absoluteSlopes.harmRatio,
    comparison: '>' as const,
    threshold: config.growthThreshold,
  };
  return [
    {
      claim: 'Benign overfitting: the min-norm interpolator’s standard risk R falls as n grows.',
      supported: holds(riskDecision),
      budget: null,
      evidence: `Simulation: R ${path('risk')} (${range}), log-log slope ${fmt(slopes.risk)}; theory ${fmt(tLast.risk)} at n = ${tLast.n} (slope over n ≥ ${config.largeN}: ${fmt(theorySlopes.risk)}).`,
      falsifiedBy: `R not falling over ${range} (slope ≥ −${config.growthThreshold}).`,
      decidedBy: riskDecision,
      truthAdversarialRisk: null,
      numbers: {
        slope: slopes.risk,
        first: first('risk'),
        last: last('risk'),
        theorySlope: theorySlopes.risk,
      },
    },
    {
      claim:
        'The interpolator’s norm ‖θ̂₀‖² grows without bound (like n^(1−a+b) = n^0.5 here) while ‖θ*‖ stays fixed.',
      supported: holds(normDecision),
      budget: null,
      evidence: `Simulation: ‖θ̂₀‖² ${path('norm2')}, slope ${fmt(slopes.norm2)} (theory over n ≥ ${config.largeN}: ${fmt(theorySlopes.norm2)}; expected ${fmt(1 - config.exponentA + config.exponentB)}); ‖θ*‖² = ${fmt(config.thetaNorm ** 2)}.`,
      falsifiedBy: `‖θ̂₀‖² not growing over ${range} (slope ≤ ${config.growthThreshold}).`,
      decidedBy: normDecision,
      truthAdversarialRisk: null,
      numbers: {
        slope: slopes.norm2,
        theorySlope: theorySlopes.norm2,
        expectedSlope: 1 - config.exponentA + config.exponentB,
      },
    },
    {
      claim: `Harmful overfitting: the interpolator’s harm ratio R_α(θ̂₀)/R_α(θ*) grows without bound while R falls (absolute budget α = ${config.alphaAbsolute}, the truth robust).`,
      supported: holds(harmDecision) && holds(riskDecision),
      budget: 'absolute',
      evidence: `Simulation: harm ratio ${path('harmAbsolute')} (${range}), slope ${fmt(absoluteSlopes.harmRatio)}; R_α ${path('advRiskAbsolute')}. Theory continues to ${fmt(tLast.harmAbsolute)} at n = ${tLast.n} (slope over n ≥ ${config.largeN}: ${fmt(theorySlopes.harmAbsolute)}). R_α(θ*) = ${fmt(truth)} at every n.`,
      falsifiedBy: `The simulated harm ratio not growing over ${range} (slope ≤ ${config.growthThreshold}), or R not falling.`,
      decidedBy: harmDecision,
      truthAdversarialRisk: truth,
      numbers: {
        simulatedSlope: absoluteSlopes.harmRatio,
        first: first('harmAbsolute'),
        last: last('harmAbsolute'),
        theorySlope: theorySlopes.harmAbsolute,
        theoryLast: tLast.harmAbsolute,
      },
    },
    {
      claim:
        'The deterministic-equivalent theory matches the simulation (R, ‖θ̂₀‖² and the harm ratio within 3 s.e. or 10 %).',
      supported: worstAgreement <= 0.1,
      budget: 'absolute',
      evidence: `Largest relative gap between simulated mean and theory beyond 3 s.e., over n = ${config.ns.join(', ')}: ${fmt(100 * worstAgreement)} % (${rawAgreementText(agreement, fmt)}).`,
      falsifiedBy: 'A simulated mean more than 3 s.e. and 10 % away from the theory at some n.',
      decidedBy: {
        name: 'largest relative gap, simulation vs theory',
        value: worstAgreement,
        comparison: '<=',
        threshold: 0.1,
      },
      truthAdversarialRisk: truth,
      numbers: {
        worstRelativeGap: worstAgreement,
        largestRawRelativeGap: agreement.largestRelativeGap,
        largestZ: agreement.largestZ,
      },
    },
  ];
}

/**
 * e1's row from the exact spectral sampler: the min-norm fit in the rotated basis (no n×p
 * design), the same columns as the dense route. `trainResidualMax` is ‖y − Xθ̂‖₂/‖y‖ here
 * (the rotation keeps ℓ2 norms, not the max), an upper bound of the dense route's value.
 */
function e1SpectralRow(
  config: E1Config,
  n: number,
  cell: { seed: number; params: Record<string, number | string> },
): Row {
  const { design, sample, fits } = spectralFits(config, n, cell.seed, [0]);
  const fit = fits[0] as NonNullable<(typeof fits)[0]>;
  let y2 = 0;
  for (const v of sample.y) y2 += v * v;
  return {
    n,
    p: design.p,
    replicate: cell.params.replicate as number,
    seed: cell.seed,
    ...budgetedRisks(fit, design, config.alphaAbsolute, config.alphaRelative),
    trainResidualMax: Math.sqrt((n * fit.trainingError) / Math.max(y2, Number.MIN_VALUE)),
    sampler: 'spectral',
  };
}
