import { adversarialRisk, type FrontierPoint, frontier, standardRisk } from '@benignlab/adversarial-risk';
import { makeDesign } from '@benignlab/data';
import { norm2 } from '@benignlab/linalg';
import { adversarialTraining, gradientDescent, ridgePath } from '@benignlab/linear-models';
import type { ExperimentDefinition } from '../core/definition.js';
import { aggregate, fmt } from '../core/stats.js';
import { asTruth } from '../core/truth-rows.js';
import type { ConfigSchema, Row, Summary, Verdict } from '../core/types.js';
import { holds } from '../core/verdict.js';
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
  alphaAbsolute: number;
  rotatedBasis: boolean;
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
  replicates: { type: 'integer', default: 2, quick: 2, min: 1, max: 1000, description: 'draws (seeds)' },
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
  alphaAbsolute: {
    type: 'number',
    default: 0.5,
    min: 0,
    exclusiveMin: true,
    max: 10,
    description:
      'absolute ℓ2 evaluation budget α (R_α(θ*) = α²‖θ*‖² fixed); ℓ2 training budgets are multiples of α, ℓ∞ ones of α/√p',
  },
  rotatedBasis: {
    type: 'boolean',
    default: true,
    description:
      'also run every draw with a Haar-rotated eigenbasis of Σ (θ* dense in the coordinates instead of 5-sparse); costs O(p³) per draw',
  },
};

/** Where one comparator sits against the ridge frontier (from means over draws). */
export interface E6Placement {
  method: string;
  /** `'identity'` (Σ diagonal, θ* sparse in the coordinates) or `'rotated'` (Haar eigenbasis). */
  basis: string;
  parameter: number;
  risk: number;
  advRisk: number;
  harm: number;
  /** R_α over the ridge frontier's R_α at the same R: > 1 above (worse), < 1 below (better). */
  ratioToFrontier: number;
  /** R over ridge's best R. */
  riskToRidgeBest: number;
  /** R_α over ridge's best R_α. */
  advRiskToRidgeBest: number;
}

/** The summary of e6. */
export interface E6Summary extends Summary {
  ridge: Record<
    string,
    {
      bestRisk: number;
      bestAdvRisk: number;
      bestHarm: number;
      lambdaBestStandard: number;
      lambdaBestAdversarial: number;
    }
  >;
  placements: E6Placement[];
  /** Share of draws in which some GD stopping time has both R and R_α below ridge's best over λ. */
  gdDominanceShare: number;
}

const METHODS = {
  ridge: 'ridge over λ',
  'advTrain-l2': 'adversarial training ℓ2',
  'advTrain-linf': 'adversarial training ℓ∞',
  gd: 'early-stopped GD',
} as const;

function basesOf(config: E6Config): string[] {
  return config.rotatedBasis ? ['identity', 'rotated'] : ['identity'];
}

/**
 * e6: comparators beyond the paper on e1’s design at fixed n: ℓ2 and ℓ∞ adversarially
 * trained linear regression (`adversarialTraining`, budgets ε_train = factor × α in ℓ2,
 * factor × α/√p in ℓ∞) and early-stopped gradient descent (`gradientDescent`, continued
 * from the previous stop), each evaluated by exact Gaussian R, ℓ2 R_α and the harm ratio
 * under the absolute budget α, against the ridge path over λ. Every draw runs with Σ
 * diagonal and, optionally, with a Haar-rotated eigenbasis (the same spectrum; θ* no
 * longer sparse in the coordinates), which only the ℓ∞ method can notice.
 *
 * e6 draws the dense n×p design (no `sampler` key), on purpose. The spectral route rotates
 * the *sample* space (W = O·D·Oᵀ with an n×n Haar O): the squared loss of min-norm, ridge
 * and gradient descent is invariant to that, but adversarial training's per-sample
 * absolute residuals |yᵢ − ⟨xᵢ, θ⟩| are not. ℓ2 adversarial training could run exactly on
 * the Gram route (Bartlett W, θ = Xᵀa: its objective sees θ only through Xθ and ‖θ‖₂);
 * ℓ∞ training (penalty ‖θ‖₁) cannot, and the rotated-basis comparison needs it in the
 * coordinates. e6 is a fixed-n comparator (n = 150) whose claims are not asymptotic, so
 * the dense draw costs little and covers every method.
 *
 * @example
 * ```ts
 * // A tiny run (one draw, n = 40) to show the call; drop `overrides` for the --quick sizes.
 * const overrides = { n: 40, replicates: 1, lambdaCount: 11, gdSteps: [1, 10, 100], maxIterations: 20 };
 * const { result } = await runExperiment(e6Comparators, { quick: true, overrides });
 * (result.summary as E6Summary).gdDominanceShare; // share of draws where GD beats ridge on both risks
 * ```
 */
export const e6Comparators: ExperimentDefinition<E6Config> = {
  id: 'e6',
  title: 'Comparators: adversarial training and early-stopped GD against the ridge path',
  shows:
    'Beyond the paper: early-stopped gradient descent Pareto-dominates the whole ridge path on the spiked design (its spectral filter cuts off more sharply), and ℓ∞ adversarial training beats ridge only while θ* is sparse in the coordinates — with a Haar-rotated eigenbasis its advantage vanishes.',
  schema,
  cells(config) {
    const p = dimensionAt(config, config.n);
    return basesOf(config).flatMap((basis) =>
      Array.from({ length: config.replicates }, (_, replicate) => ({
        key: `basis=${basis}/rep=${replicate}`,
        params: { basis, replicate },
        // The same draw of z in both bases: only the eigenbasis differs.
        seedKey: `rep=${replicate}`,
        cost:
          basis === 'rotated'
            ? 2 * config.n * config.n * p * (1 + config.maxIterations * config.epsilonFactors.length) +
              3 * p * p * p +
              config.n * p * p
            : 2 * config.n * config.n * p * (2 + 2 * config.maxIterations * config.epsilonFactors.length) +
              2 * config.n * p * (config.gdSteps.at(-1) ?? 0),
      })),
    );
  },
  async runCell(config, cell): Promise<Row[]> {
    const n = config.n;
    const basis = cell.params.basis as string;
    const spec = spikedDesignSpec(config, n);
    const design = makeDesign(
      basis === 'rotated'
        ? { ...spec, covariance: { ...spec.covariance, basis: 'random' as const, basisSeed: cell.seed } }
        : spec,
    );
    const { X, y } = design.sample(n, cell.seed);
    // Σ = B diag(λ) Bᵀ with the rotated basis B when there is one.
    const { covariance } = design;
    const { thetaStar } = design;
    const alpha = config.alphaAbsolute;
    const truth = alpha * alpha * config.thetaNorm * config.thetaNorm;
    const evaluation = { alpha, budget: 'absolute' as const };
    const base = { n, p: design.p, basis, replicate: cell.params.replicate as number, seed: cell.seed };
    const measure = (method: string, parameter: number, coef: Float64Array): Row => {
      const advRisk = adversarialRisk(coef, thetaStar, covariance, evaluation);
      return {
        ...base,
        method,
        parameter,
        risk: standardRisk(coef, thetaStar, covariance),
        norm2: norm2(coef) ** 2,
        advRisk,
        harm: advRisk / truth,
      };
    };
    const rows: Row[] = [];
    const path = ridgePath(X, y, { thetaStar, covariance });
    for (const lambda of logGrid(config.lambdaMin, config.lambdaMax, config.lambdaCount)) {
      rows.push(measure('ridge', lambda, path.coef(lambda)));
    }
    // ℓ2 training and GD are rotation invariant (the same numbers in both bases): the
    // rotated basis runs only what can tell the bases apart, ridge and ℓ∞ training.
    const rotated = basis === 'rotated';
    for (const norm of rotated ? (['linf'] as const) : (['l2', 'linf'] as const)) {
      const scale = norm === 'l2' ? alpha : alpha / Math.sqrt(design.p);
      for (const factor of config.epsilonFactors) {
        const model = adversarialTraining(X, y, {
          epsilon: factor * scale,
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
    for (const steps of rotated ? [] : config.gdSteps) {
      const model = gradientDescent(X, y, { steps: steps - done, ...(coef ? { init: coef } : {}) });
      coef = model.coef;
      done = steps;
      rows.push(measure('gd', steps, coef));
    }
    return rows;
  },
  truthRows(config, rows) {
    const norm2 = config.thetaNorm ** 2;
    return rows.map((row) =>
      asTruth(row, {
        zero: ['risk'],
        one: ['harm'],
        set: { norm2, advRisk: config.alphaAbsolute ** 2 * norm2 },
      }),
    );
  },
  summarize(config, rows): E6Summary {
    const truth = config.alphaAbsolute ** 2 * config.thetaNorm ** 2;
    const ridge: E6Summary['ridge'] = {};
    const placements: E6Placement[] = [];
    for (const basis of basesOf(config)) {
      const mean = (method: string, column: string) =>
        aggregate(rows, 'parameter', column, (r) => r.method === method && r.basis === basis);
      const ridgeRisk = mean('ridge', 'risk');
      const ridgeAdv = mean('ridge', 'advRisk');
      if (ridgeRisk.length === 0) continue;
      const ridgePoints: FrontierPoint[] = ridgeRisk.map((r, k) => ({
        lambda: r.x,
        standardRisk: r.mean,
        adversarialRisk: ridgeAdv[k]?.mean as number,
      }));
      const f = frontier(ridgePoints);
      ridge[basis] = {
        bestRisk: f.bestStandard.standardRisk,
        bestAdvRisk: f.bestAdversarial.adversarialRisk,
        bestHarm: f.bestAdversarial.adversarialRisk / truth,
        lambdaBestStandard: f.lambdaBestStandard,
        lambdaBestAdversarial: f.lambdaBestAdversarial,
      };
      for (const method of ['advTrain-l2', 'advTrain-linf', 'gd']) {
        const risk = mean(method, 'risk');
        const adv = mean(method, 'advRisk');
        risk.forEach((r, k) => {
          const a = adv[k]?.mean as number;
          placements.push({
            method,
            basis,
            parameter: r.x,
            risk: r.mean,
            advRisk: a,
            harm: a / truth,
            ratioToFrontier: ratioToFrontier(f.points, r.mean, a),
            riskToRidgeBest: r.mean / f.bestStandard.standardRisk,
            advRiskToRidgeBest: a / f.bestAdversarial.adversarialRisk,
          });
        });
      }
    }
    // Per draw: does some GD stop beat ridge's best R and ridge's best R_α at once?
    const draws = [...new Set(rows.filter((r) => r.basis === 'identity').map((r) => r.replicate as number))];
    const dominated = draws.filter((replicate) => {
      const mine = rows.filter((r) => r.basis === 'identity' && r.replicate === replicate);
      const ridgeRows = mine.filter((r) => r.method === 'ridge');
      const bestRisk = Math.min(...ridgeRows.map((r) => r.risk as number));
      const bestAdv = Math.min(...ridgeRows.map((r) => r.advRisk as number));
      return mine.some(
        (r) => r.method === 'gd' && (r.risk as number) < bestRisk && (r.advRisk as number) < bestAdv,
      );
    });
    const gdDominanceShare = draws.length > 0 ? dominated.length / draws.length : Number.NaN;
    const verdicts = e6Verdicts(config, ridge, placements, gdDominanceShare, truth);
    return { ridge, placements, gdDominanceShare, verdicts };
  },
  figures(result) {
    const config = result.config;
    const series = basesOf(config).flatMap((basis) =>
      (Object.keys(METHODS) as (keyof typeof METHODS)[])
        .filter((method) => basis === 'identity' || method === 'ridge' || method === 'advTrain-linf')
        .map((method) => {
          const where = (r: Row) => r.method === method && r.basis === basis;
          const risk = aggregate(result.rows, 'parameter', 'risk', where);
          const harm = aggregate(result.rows, 'parameter', 'harm', where);
          const points = risk.map((r, k) => ({
            x: r.mean,
            mean: harm[k]?.mean as number,
            se: harm[k]?.se as number,
            count: r.count,
          }));
          return {
            label: `${METHODS[method]}${basis === 'rotated' ? ', rotated basis' : ''}`,
            simulated: points,
            connect: true,
          };
        }),
    );
    return [
      seriesFigure({
        id: 'e6',
        title: `Comparators against the ridge path (n = ${config.n})`,
        caption: `Each method traced over its own knob: ridge over λ, adversarial training with ε_train = ${config.epsilonFactors.join(', ')} × α (ℓ2) or × α/√p (ℓ∞), gradient descent stopped after ${config.gdSteps.join(', ')} steps. Axes: exact Gaussian R and the harm ratio R_α(θ̂)/R_α(θ*) under the absolute ℓ2 budget α = ${config.alphaAbsolute} (R_α(θ*) = ${fmt(config.alphaAbsolute ** 2 * config.thetaNorm ** 2)}); mean over ${config.replicates} draws (± 1 s.e.).${config.rotatedBasis ? ' “Rotated basis”: the same draws with a Haar-random eigenbasis of Σ (ridge is rotation invariant; ℓ∞ training is not).' : ''}`,
        x: { label: 'standard risk R', log: true },
        y: { label: 'harm ratio R_α(θ̂)/R_α(θ*)', log: true },
        series,
      }),
    ];
  },
  tables(result) {
    const summary = result.summary as E6Summary;
    return [
      {
        title: 'Comparators against ridge (means over draws; absolute budget)',
        columns: [
          'method',
          'basis',
          'knob',
          'R',
          'R_α',
          'harm ratio',
          'R ÷ ridge’s best R',
          'R_α ÷ ridge’s best R_α',
          'R_α ÷ ridge R_α at equal R',
        ],
        rows: summary.placements.map((p) => [
          METHODS[p.method as keyof typeof METHODS] ?? p.method,
          p.basis,
          p.method === 'gd'
            ? `${p.parameter} steps`
            : `ε = ${p.parameter}·α${p.method === 'advTrain-linf' ? '/√p' : ''}`,
          fmt(p.risk),
          fmt(p.advRisk),
          fmt(p.harm),
          fmt(p.riskToRidgeBest),
          fmt(p.advRiskToRidgeBest),
          fmt(p.ratioToFrontier),
        ]),
      },
    ];
  },
};

function e6Verdicts(
  config: E6Config,
  ridge: E6Summary['ridge'],
  placements: E6Placement[],
  gdDominanceShare: number,
  truth: number,
): Verdict[] {
  const verdicts: Verdict[] = [];
  const gd = placements.filter((p) => p.method === 'gd' && p.basis === 'identity');
  // The stopping time that beats ridge most on both counts at once.
  const score = (p: E6Placement) => Math.max(p.riskToRidgeBest, p.advRiskToRidgeBest);
  const gdBest = gd.reduce((a, b) => (score(b) < score(a) ? b : a), gd[0] as E6Placement);
  const identity = ridge.identity;
  const gdDecision = {
    name: 'max(R ÷ ridge’s best R, R_α ÷ ridge’s best R_α) at GD’s best stopping time (means)',
    value: gdBest ? score(gdBest) : null,
    comparison: '<' as const,
    threshold: 1,
  };
  verdicts.push({
    claim:
      'Early-stopped gradient descent Pareto-dominates the whole ridge path here: at a few steps both its R and its R_α are below the best ridge achieves for either over λ.',
    supported: holds(gdDecision),
    budget: 'absolute',
    evidence: `After ${gdBest?.parameter} steps: R ${fmt(gdBest?.risk)} = ${fmt(gdBest?.riskToRidgeBest)}× ridge’s best R ${fmt(identity?.bestRisk)}, R_α ${fmt(gdBest?.advRisk)} = ${fmt(gdBest?.advRiskToRidgeBest)}× ridge’s best R_α ${fmt(identity?.bestAdvRisk)} (harm ratio ${fmt(gdBest?.harm)} vs ${fmt(identity?.bestHarm)}); per draw, some stopping time dominates in ${fmt(100 * gdDominanceShare)} % of draws. By stopping time, R and R_α relative to ridge’s best: ${gd.map((p) => `${p.parameter}: ${fmt(p.riskToRidgeBest)}, ${fmt(p.advRiskToRidgeBest)}`).join('; ')}. Why: GD’s spectral filter 1 − (1 − ηs)^t leaves a residual that decays geometrically in the eigenvalue s of XXᵀ/n, ridge’s s/(s + λ) only algebraically (λ/(s + λ)); with the spikes’ s ≈ 1 and the tail’s s far below, a few steps fit the spikes almost fully while barely fitting the noise-carrying tail, a cut ridge cannot make. R_α(θ*) = ${fmt(truth)}.`,
    falsifiedBy:
      'No stopping time with both R and R_α below ridge’s best over λ (then GD would sit on or above the ridge trade-off, as the implicit-ridge view of early stopping predicts).',
    decidedBy: gdDecision,
    truthAdversarialRisk: truth,
    numbers: {
      steps: gdBest?.parameter ?? null,
      riskToRidgeBest: gdBest?.riskToRidgeBest ?? null,
      advRiskToRidgeBest: gdBest?.advRiskToRidgeBest ?? null,
      dominanceShare: gdDominanceShare,
    },
  });
  const linfBest = (basis: string) => {
    const mine = placements.filter((p) => p.method === 'advTrain-linf' && p.basis === basis);
    return mine.reduce((a, b) => (b.advRisk < a.advRisk ? b : a), mine[0] as E6Placement);
  };
  const diag = linfBest('identity');
  const diagRatio = diag ? diag.advRisk / (identity?.bestAdvRisk ?? Number.NaN) : null;
  const diagDecision = {
    name: 'ℓ∞ adversarial training’s best R_α ÷ ridge’s best R_α (Σ diagonal)',
    value: diagRatio,
    comparison: '<' as const,
    threshold: 0.9,
  };
  verdicts.push({
    claim:
      'With Σ diagonal (θ* 5-sparse in the coordinates), ℓ∞ adversarial training beats ridge: its best R_α is more than 10 % below ridge’s best.',
    supported: holds(diagDecision),
    budget: 'absolute',
    evidence: `Best ℓ∞-trained R_α ${fmt(diag?.advRisk)} (ε = ${diag?.parameter}·α/√p, R ${fmt(diag?.risk)}, harm ratio ${fmt(diag?.harm)}) vs ridge’s best ${fmt(identity?.bestAdvRisk)} (harm ratio ${fmt(identity?.bestHarm)}): ratio ${fmt(diagRatio)}. Its ℓ1-type penalty favours coordinate-sparse θ, and here the truth is sparse in exactly those coordinates. R_α(θ*) = ${fmt(truth)}.`,
    falsifiedBy: 'ℓ∞ training’s best R_α within 10 % of ridge’s best or above it.',
    decidedBy: diagDecision,
    truthAdversarialRisk: truth,
    numbers: { ratio: diagRatio, bestAdvRisk: diag?.advRisk ?? null },
  });
  if (config.rotatedBasis) {
    const rotated = linfBest('rotated');
    const rotatedRatio = rotated ? rotated.advRisk / (ridge.rotated?.bestAdvRisk ?? Number.NaN) : null;
    const change = rotatedRatio !== null && diagRatio !== null ? rotatedRatio / diagRatio : null;
    const rotatedDecision = {
      name: '(ℓ∞ best R_α ÷ ridge best R_α, rotated basis) ÷ (the same, Σ diagonal)',
      value: change,
      comparison: '>' as const,
      threshold: 1.2,
    };
    verdicts.push({
      claim:
        'With a Haar-rotated eigenbasis (same spectrum, θ* dense in the coordinates) ℓ∞ adversarial training loses that advantage: relative to ridge its best R_α gets markedly worse, so the advantage came from the coordinate sparsity of θ*, not from adversarial training.',
      supported: holds(rotatedDecision) && (rotatedRatio ?? 0) >= 0.9,
      budget: 'absolute',
      evidence: `Rotated basis: best ℓ∞-trained R_α ${fmt(rotated?.advRisk)} (ε = ${rotated?.parameter}·α/√p) vs ridge’s best ${fmt(ridge.rotated?.bestAdvRisk)}: ratio ${fmt(rotatedRatio)} (Σ diagonal: ${fmt(diagRatio)}), ${fmt(change)}× worse relative to ridge. Ridge itself is rotation invariant: best R_α ${fmt(identity?.bestAdvRisk)} (diagonal) vs ${fmt(ridge.rotated?.bestAdvRisk)} (rotated). R_α(θ*) = ${fmt(truth)}.`,
      falsifiedBy:
        'ℓ∞ training keeping its advantage over ridge after the rotation (ratio to ridge below 0.9, or less than 1.2× worse than with Σ diagonal).',
      decidedBy: rotatedDecision,
      truthAdversarialRisk: truth,
      numbers: { ratioRotated: rotatedRatio, ratioDiagonal: diagRatio, change },
    });
  }
  return verdicts;
}
