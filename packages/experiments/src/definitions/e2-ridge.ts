import {
  absoluteAlpha,
  type FrontierPoint,
  frontier,
  gaussianAdversarialRisk,
  ridgeTheoryPath,
} from '@benignlab/adversarial-risk';
import { makeDesign } from '@benignlab/data';
import { ridgePath } from '@benignlab/linear-models';
import type { ExperimentDefinition } from '../core/definition.js';
import { ExperimentError } from '../core/errors.js';
import { aggregate, fmt } from '../core/stats.js';
import type { Budget, ConfigSchema, Row, Summary, Verdict } from '../core/types.js';
import { seriesFigure } from '../figures/series-figure.js';
import { logGrid } from './lambda-grid.js';
import { checkDenseSizes, DENSE_MAX_N, samplerSchema } from './sampler.js';
import { budgetedRisks, spectralFits } from './spectral-cells.js';
import {
  budgetSchema,
  dimensionAt,
  type SpikedDesignConfig,
  spikedDesignSchema,
  spikedDesignSpec,
} from './spiked-design.js';

/** Config of e2. */
export type E2Config = SpikedDesignConfig & {
  ns: number[];
  replicates: number;
  lambdaMin: number;
  lambdaMax: number;
  lambdaCount: number;
  alphaAbsolute: number;
  alphaRelative: number;
  theoryNs: number[];
  sampler: string;
};

const schema: ConfigSchema<E2Config> = {
  ns: {
    type: 'integerList',
    default: [100, 200, 400, 800, 1600, 3200, 6400, 12800],
    quick: [100, 200, 400, 800, 1600],
    min: 10,
    max: 100000,
    increasing: true,
    description: `sample sizes n simulated (the λ sweep is drawn at each; the dense sampler takes n ≤ ${DENSE_MAX_N})`,
  },
  replicates: {
    type: 'integer',
    default: 6,
    quick: 3,
    min: 1,
    max: 1000,
    description: 'draws (seeds) per n',
  },
  ...spikedDesignSchema,
  lambdaMin: {
    type: 'number',
    default: 1e-5,
    min: 1e-12,
    max: 1e6,
    description: 'smallest ridge parameter λ',
  },
  lambdaMax: { type: 'number', default: 10, min: 1e-12, max: 1e6, description: 'largest ridge parameter λ' },
  lambdaCount: {
    type: 'integer',
    default: 31,
    quick: 21,
    min: 3,
    max: 1000,
    description: 'log-spaced λ values simulated (theory uses 4× as many)',
  },
  ...budgetSchema,
  theoryNs: {
    type: 'integerList',
    default: [100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600],
    min: 10,
    max: 100000,
    increasing: true,
    minLength: 2,
    description: 'sample sizes of the across-n theory (best λ for R and for R_α at each n)',
  },
  sampler: samplerSchema('spectral', ['spectral', 'dense']),
};

/** The two best ridge parameters at one n under one budget, and what each costs. */
export interface E2Tradeoff {
  n: number;
  budget: Budget;
  lambdaBestStandard: number;
  riskAtBestStandard: number;
  advRiskAtBestStandard: number;
  lambdaBestAdversarial: number;
  riskAtBestAdversarial: number;
  advRiskAtBestAdversarial: number;
  priceOfRobustness: number;
  priceOfAccuracy: number;
}

/** The summary of e2. */
export interface E2Summary extends Summary {
  /** Best λ for R and for R_α, from the simulated means at each simulated n. */
  simulatedTradeoffs: E2Tradeoff[];
  /** The same from the theory curves, across theoryNs. */
  theoryTradeoffs: E2Tradeoff[];
  /** Theory curves over λ at each simulated n (for the figures). */
  theoryCurves: {
    n: number;
    lambda: number;
    risk: number;
    advRiskAbsolute: number;
    advRiskRelative: number;
  }[];
}

function tradeoff(n: number, budget: Budget, points: FrontierPoint[]): E2Tradeoff {
  const f = frontier(points);
  return {
    n,
    budget,
    lambdaBestStandard: f.lambdaBestStandard,
    riskAtBestStandard: f.bestStandard.standardRisk,
    advRiskAtBestStandard: f.bestStandard.adversarialRisk,
    lambdaBestAdversarial: f.lambdaBestAdversarial,
    riskAtBestAdversarial: f.bestAdversarial.standardRisk,
    advRiskAtBestAdversarial: f.bestAdversarial.adversarialRisk,
    priceOfRobustness: f.priceOfRobustness,
    priceOfAccuracy: f.priceOfAccuracy,
  };
}

function theoryPath(config: E2Config, n: number, lambdas: number[]) {
  const design = makeDesign(spikedDesignSpec(config, n));
  const path = ridgeTheoryPath({
    eigenvalues: design.eigenvalues,
    // The theory curves take θ* in the eigenbasis of Σ.
    thetaStar: design.thetaStarEigen,
    sigma2: config.sigma * config.sigma,
    n,
    lambdas,
  });
  return {
    path,
    relative: path.points(config.alphaRelative, { budget: 'relative' }),
    absolute: path.points(config.alphaAbsolute, { budget: 'absolute' }),
  };
}

/**
 * The theory's best λ for R and for R_α at n, under the relative then the absolute
 * budget. The λ grid includes 0 (min-norm) and widens the configured range to
 * [10⁻⁷, 10³], so neither best λ is pinned at the grid's edge as n grows.
 *
 * @example
 * ```ts
 * const [relative] = e2TheoryTradeoffs(defaultConfig(e2Ridge.schema), 25600);
 * relative.advRiskAtBestStandard; // ≈ 3: R_α at the λ best for R
 * ```
 */
export function e2TheoryTradeoffs(config: E2Config, n: number): [E2Tradeoff, E2Tradeoff] {
  const wide = [
    0,
    ...logGrid(Math.min(config.lambdaMin, 1e-7), Math.max(config.lambdaMax, 1e3), config.lambdaCount * 4),
  ];
  const theory = theoryPath(config, n, wide);
  return [tradeoff(n, 'relative', theory.relative), tradeoff(n, 'absolute', theory.absolute)];
}

/**
 * e2: ridge regression over λ ([Theory §7](https://benignlab.github.io/theory.html#section-7)). Per (n, replicate): one `ridgePath` gives
 * R(λ) and ‖θ̂_λ‖² on the λ grid; R_α(λ) follows from the Gaussian closed form under
 * both budgets. The summary finds, at each n, the λ best for R and the λ best for R_α
 * (`frontier`), from the simulated means and from the theory curves up to n = 25 600.
 *
 * @example
 * ```ts
 * const { result } = await runExperiment(e2Ridge, { quick: true });
 * (result.summary as E2Summary).theoryTradeoffs.at(-1)?.priceOfRobustness; // ≫ 1 under the relative budget
 * ```
 */
export const e2Ridge: ExperimentDefinition<E2Config> = {
  id: 'e2',
  title: 'Ridge over λ: the trade-off between standard and adversarial risk',
  shows:
    'Under the relative budget no single ridge parameter makes both R and R_α small as n grows (the λ best for R lets R_α grow, the λ best for R_α keeps R from falling); under the absolute budget a well-chosen λ escapes.',
  schema,
  checkConfig(config) {
    checkDenseSizes('e2', config.sampler, config.ns);
    if (config.lambdaMax <= config.lambdaMin) {
      throw new ExperimentError(
        'e2.lambdaMax',
        `got ${config.lambdaMax}; expected a value above lambdaMin = ${config.lambdaMin}`,
      );
    }
  },
  cells(config) {
    return config.ns.flatMap((n) =>
      Array.from({ length: config.replicates }, (_, replicate) => ({
        key: `n=${n}/rep=${replicate}`,
        params: { n, replicate },
        cost: config.sampler === 'dense' ? n * n * dimensionAt(config, n) * 2 : 50 * n * n,
      })),
    );
  },
  async runCell(config, cell): Promise<Row[]> {
    const n = cell.params.n as number;
    if (config.sampler === 'spectral') return e2SpectralRows(config, n, cell);
    const design = makeDesign(spikedDesignSpec(config, n));
    const { X, y } = design.sample(n, cell.seed);
    const covariance = { eigenvalues: design.eigenvalues };
    const lambdas = logGrid(config.lambdaMin, config.lambdaMax, config.lambdaCount);
    const sweep = ridgePath(X, y, { thetaStar: design.thetaStar, covariance }).sweep(lambdas);
    const alphaRelative = absoluteAlpha(config.alphaRelative, 'relative', 'l2', design.eigenvalues);
    const risks = sweep.standardRisk as Float64Array;
    return lambdas.map((lambda, k) => {
      const risk = risks[k] as number;
      const norm = Math.sqrt(sweep.norm2[k] as number);
      return {
        n,
        p: design.eigenvalues.length,
        replicate: cell.params.replicate as number,
        seed: cell.seed,
        lambda,
        risk,
        norm2: sweep.norm2[k] as number,
        advRiskAbsolute: gaussianAdversarialRisk(risk, config.alphaAbsolute * norm),
        advRiskRelative: gaussianAdversarialRisk(risk, alphaRelative * norm),
        sampler: 'dense',
      };
    });
  },
  summarize(config, rows): E2Summary {
    const simulatedTradeoffs: E2Tradeoff[] = [];
    const theoryCurves: E2Summary['theoryCurves'] = [];
    const fine = logGrid(config.lambdaMin, config.lambdaMax, (config.lambdaCount - 1) * 4 + 1);
    for (const n of config.ns) {
      const at = (row: Row) => row.n === n;
      const risk = aggregate(rows, 'lambda', 'risk', at);
      for (const budget of ['relative', 'absolute'] as const) {
        const adv = aggregate(
          rows,
          'lambda',
          budget === 'relative' ? 'advRiskRelative' : 'advRiskAbsolute',
          at,
        );
        const points = risk.map((r, k) => ({
          lambda: r.x,
          standardRisk: r.mean,
          adversarialRisk: adv[k]?.mean as number,
        }));
        simulatedTradeoffs.push(tradeoff(n, budget, points));
      }
      const theory = theoryPath(config, n, fine);
      fine.forEach((lambda, k) => {
        theoryCurves.push({
          n,
          lambda,
          risk: theory.path.risk[k] as number,
          advRiskAbsolute: theory.absolute[k]?.adversarialRisk as number,
          advRiskRelative: theory.relative[k]?.adversarialRisk as number,
        });
      });
    }
    const wide = [
      0,
      ...logGrid(Math.min(config.lambdaMin, 1e-7), Math.max(config.lambdaMax, 1e3), config.lambdaCount * 4),
    ];
    const theoryTradeoffs: E2Tradeoff[] = [];
    for (const n of config.theoryNs) {
      const theory = theoryPath(config, n, wide);
      theoryTradeoffs.push(
        tradeoff(n, 'relative', theory.relative),
        tradeoff(n, 'absolute', theory.absolute),
      );
    }
    const verdicts = e2Verdicts(config, simulatedTradeoffs, theoryTradeoffs, rows, theoryCurves);
    return { simulatedTradeoffs, theoryTradeoffs, theoryCurves, verdicts };
  },
  figures(result) {
    const config = result.config;
    const summary = result.summary as E2Summary;
    const nFig = config.ns.at(-1) as number;
    const at = (row: Row) => row.n === nFig;
    const curves = summary.theoryCurves.filter((c) => c.n === nFig);
    const sim = (column: string) => aggregate(result.rows, 'lambda', column, at);
    const main = seriesFigure({
      id: 'e2',
      title: `Ridge over λ at n = ${nFig}: standard vs adversarial risk`,
      caption: `R(λ) and R_α(λ) of ridge regression on e1’s spiked design at n = ${nFig} (p = ${dimensionAt(config, nFig)}). R_α under the relative budget α = ${config.alphaRelative}·√tr(Σ) and the absolute budget α = ${config.alphaAbsolute}. The λ that minimizes R is far from the one that minimizes R_α. Dots: mean ± 1 s.e. over ${config.replicates} draws; dashed: theory.`,
      x: { label: 'ridge parameter λ', log: true },
      y: { label: 'risk', log: true },
      series: [
        {
          label: 'standard risk R',
          simulated: sim('risk'),
          theory: curves.map((c) => ({ x: c.lambda, y: c.risk })),
        },
        {
          label: 'R_α, relative budget',
          simulated: sim('advRiskRelative'),
          theory: curves.map((c) => ({ x: c.lambda, y: c.advRiskRelative })),
        },
        {
          label: 'R_α, absolute budget',
          simulated: sim('advRiskAbsolute'),
          theory: curves.map((c) => ({ x: c.lambda, y: c.advRiskAbsolute })),
        },
      ],
    });
    const pick = (budget: Budget, field: keyof E2Tradeoff) =>
      summary.theoryTradeoffs
        .filter((t) => t.budget === budget)
        .map((t) => ({ x: t.n, y: t[field] as number }));
    const simPick = (budget: Budget, field: keyof E2Tradeoff) =>
      summary.simulatedTradeoffs
        .filter((t) => t.budget === budget)
        .map((t) => ({ x: t.n, mean: t[field] as number, se: 0, count: config.replicates }));
    const acrossN = seriesFigure({
      id: 'across-n',
      title: 'The trade-off across n (relative budget): no λ makes both risks small',
      caption: `At each n, the λ best for R (blue, orange) and the λ best for R_α (green, pink), relative budget α_rel = ${config.alphaRelative}. With the λ best for R, R falls but R_α grows; with the λ best for R_α, R stays put. Dashed: theory (λ ≥ 0 including min-norm) to n = ${Math.max(...config.theoryNs)}; dots: best λ on the simulated means.`,
      x: { label: 'sample size n', log: true },
      y: { label: 'risk', log: true },
      series: [
        {
          label: 'R at λ best for R',
          theory: pick('relative', 'riskAtBestStandard'),
          simulated: simPick('relative', 'riskAtBestStandard'),
        },
        {
          label: 'R_α at λ best for R',
          theory: pick('relative', 'advRiskAtBestStandard'),
          simulated: simPick('relative', 'advRiskAtBestStandard'),
        },
        {
          label: 'R at λ best for R_α',
          theory: pick('relative', 'riskAtBestAdversarial'),
          simulated: simPick('relative', 'riskAtBestAdversarial'),
        },
        {
          label: 'R_α at λ best for R_α',
          theory: pick('relative', 'advRiskAtBestAdversarial'),
          simulated: simPick('relative', 'advRiskAtBestAdversarial'),
        },
        {
          label: 'best R_α, absolute budget',
          theory: pick('absolute', 'advRiskAtBestAdversarial'),
          simulated: simPick('absolute', 'advRiskAtBestAdversarial'),
        },
      ],
    });
    const frontierSeries = config.ns.map((n) => {
      const risk = aggregate(result.rows, 'lambda', 'risk', (r) => r.n === n);
      const adv = aggregate(result.rows, 'lambda', 'advRiskRelative', (r) => r.n === n);
      const curve = summary.theoryCurves.filter((c) => c.n === n);
      return {
        label: `n = ${n}`,
        simulated: risk.map((r, k) => ({
          x: r.mean,
          mean: adv[k]?.mean as number,
          se: adv[k]?.se as number,
          count: r.count,
        })),
        theory: curve.map((c) => ({ x: c.risk, y: c.advRiskRelative })),
      };
    });
    const frontierFigure = seriesFigure({
      id: 'frontier',
      title: 'Ridge frontier: R_α against R over λ (relative budget)',
      caption: `Each curve traces ridge regression over λ ∈ [${config.lambdaMin}, ${config.lambdaMax}] at one n: moving along it trades standard risk for adversarial risk. Relative budget α_rel = ${config.alphaRelative}. Dots: simulated means (± 1 s.e. in R_α); dashed: theory.`,
      x: { label: 'standard risk R', log: true },
      y: { label: 'adversarial risk R_α', log: true },
      series: frontierSeries,
    });
    return [main, acrossN, frontierFigure];
  },
  tables(result) {
    const summary = result.summary as E2Summary;
    const row = (t: E2Tradeoff, source: string) => [
      source,
      t.n,
      t.budget,
      fmt(t.lambdaBestStandard),
      fmt(t.riskAtBestStandard),
      fmt(t.advRiskAtBestStandard),
      fmt(t.lambdaBestAdversarial),
      fmt(t.riskAtBestAdversarial),
      fmt(t.advRiskAtBestAdversarial),
      fmt(t.priceOfRobustness),
    ];
    return [
      {
        title: 'Best λ for R and for R_α, and the price of robustness R(λ_adv)/R(λ_std)',
        columns: ['source', 'n', 'budget', 'λ_std', 'R', 'R_α', 'λ_adv', 'R', 'R_α', 'price'],
        rows: [
          ...summary.simulatedTradeoffs.map((t) => row(t, 'simulation')),
          ...summary.theoryTradeoffs.map((t) => row(t, 'theory')),
        ],
      },
    ];
  },
};

function e2Verdicts(
  config: E2Config,
  simulated: E2Tradeoff[],
  theory: E2Tradeoff[],
  rows: Row[],
  curves: E2Summary['theoryCurves'],
): Verdict[] {
  const relative = theory.filter((t) => t.budget === 'relative');
  const absolute = theory.filter((t) => t.budget === 'absolute');
  const rFirst = relative[0] as E2Tradeoff;
  const rLast = relative.at(-1) as E2Tradeoff;
  const aFirst = absolute[0] as E2Tradeoff;
  const aLast = absolute.at(-1) as E2Tradeoff;
  const nSim = config.ns.at(-1) as number;
  const simRelative = simulated.find((t) => t.n === nSim && t.budget === 'relative') as E2Tradeoff;
  const riskSim = aggregate(rows, 'lambda', 'risk', (r) => r.n === nSim);
  let worstGap = 0;
  for (const point of riskSim) {
    const curve = curves.find((c) => c.n === nSim && Math.abs(c.lambda - point.x) <= 1e-9 * point.x);
    if (curve) worstGap = Math.max(worstGap, Math.abs(point.mean - curve.risk) / curve.risk);
  }
  return [
    {
      claim: `Under the relative budget (α_rel = ${config.alphaRelative}) no single λ makes both R and R_α small: with the λ best for R, R_α grows with n; with the λ best for R_α, R does not fall.`,
      supported:
        rLast.advRiskAtBestStandard > 2 * rFirst.advRiskAtBestStandard &&
        rLast.priceOfRobustness > 5 &&
        rLast.priceOfRobustness > rFirst.priceOfRobustness,
      budget: 'relative',
      evidence: `Theory, n = ${rFirst.n} → ${rLast.n}: at the λ best for R, R ${fmt(rFirst.riskAtBestStandard)} → ${fmt(rLast.riskAtBestStandard)} while R_α ${fmt(rFirst.advRiskAtBestStandard)} → ${fmt(rLast.advRiskAtBestStandard)}; at the λ best for R_α, R ${fmt(rFirst.riskAtBestAdversarial)} → ${fmt(rLast.riskAtBestAdversarial)}; price of robustness ${fmt(rFirst.priceOfRobustness)} → ${fmt(rLast.priceOfRobustness)}.`,
      numbers: {
        advRiskAtBestStandardFirst: rFirst.advRiskAtBestStandard,
        advRiskAtBestStandardLast: rLast.advRiskAtBestStandard,
        riskAtBestAdversarialLast: rLast.riskAtBestAdversarial,
        riskAtBestStandardLast: rLast.riskAtBestStandard,
        priceOfRobustnessFirst: rFirst.priceOfRobustness,
        priceOfRobustnessLast: rLast.priceOfRobustness,
      },
    },
    {
      claim: `In simulation at n = ${nSim}, the λ best for R and the λ best for R_α differ, and each choice costs the other risk (relative budget).`,
      supported:
        simRelative.lambdaBestAdversarial > simRelative.lambdaBestStandard &&
        simRelative.priceOfRobustness > 1.1 &&
        simRelative.priceOfAccuracy > 1.1,
      budget: 'relative',
      evidence: `λ best for R ${fmt(simRelative.lambdaBestStandard)} (R ${fmt(simRelative.riskAtBestStandard)}, R_α ${fmt(simRelative.advRiskAtBestStandard)}); λ best for R_α ${fmt(simRelative.lambdaBestAdversarial)} (R ${fmt(simRelative.riskAtBestAdversarial)}, R_α ${fmt(simRelative.advRiskAtBestAdversarial)}); price of robustness ${fmt(simRelative.priceOfRobustness)}, of accuracy ${fmt(simRelative.priceOfAccuracy)}.`,
      numbers: {
        lambdaBestStandard: simRelative.lambdaBestStandard,
        lambdaBestAdversarial: simRelative.lambdaBestAdversarial,
        priceOfRobustness: simRelative.priceOfRobustness,
        priceOfAccuracy: simRelative.priceOfAccuracy,
      },
    },
    {
      claim: `Under the absolute budget (α = ${config.alphaAbsolute}) ridge with a well-chosen λ escapes: its best R_α falls as n grows.`,
      supported: aLast.advRiskAtBestAdversarial < 0.5 * aFirst.advRiskAtBestAdversarial,
      budget: 'absolute',
      evidence: `Theory: best R_α ${fmt(aFirst.advRiskAtBestAdversarial)} (n = ${aFirst.n}) → ${fmt(aLast.advRiskAtBestAdversarial)} (n = ${aLast.n}), with R ${fmt(aLast.riskAtBestAdversarial)} there.`,
      numbers: { first: aFirst.advRiskAtBestAdversarial, last: aLast.advRiskAtBestAdversarial },
    },
    {
      claim: 'The theory curves match the simulated ridge risks over λ (within 20 %).',
      supported: worstGap <= 0.2,
      budget: null,
      evidence: `Largest relative gap between simulated mean R(λ) and theory at n = ${nSim}: ${fmt(100 * worstGap)} %.`,
      numbers: { worstRelativeGap: worstGap },
    },
  ];
}

/** e2's rows from the exact spectral sampler: the ridge path in the rotated basis, the dense route's columns. */
function e2SpectralRows(
  config: E2Config,
  n: number,
  cell: { seed: number; params: Record<string, number | string> },
): Row[] {
  const lambdas = logGrid(config.lambdaMin, config.lambdaMax, config.lambdaCount);
  const { design, fits } = spectralFits(config, n, cell.seed, lambdas);
  return fits.map((fit, k) => {
    const risks = budgetedRisks(fit, design, config.alphaAbsolute, config.alphaRelative);
    return {
      n,
      p: design.p,
      replicate: cell.params.replicate as number,
      seed: cell.seed,
      lambda: lambdas[k] as number,
      risk: risks.risk,
      norm2: risks.norm2,
      advRiskAbsolute: risks.advRiskAbsolute,
      advRiskRelative: risks.advRiskRelative,
      sampler: 'spectral',
    };
  });
}
