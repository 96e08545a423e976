import type { DifferentiablePredictor } from '@benignlab/adversarial-risk';
import { estimateRisks } from '@benignlab/adversarial-risk';
import { type Design, deriveSeed } from '@benignlab/data';
import { Matrix } from '@benignlab/linalg';
import { asTruth } from '../core/truth-rows.js';
import type { ParamSpec, Row } from '../core/types.js';

/** Which NTK variants an experiment fits: one of them, or both side by side. */
export type LayersChoice = 'first' | 'both' | 'first+both';

/** The NTK variants a {@link LayersChoice} stands for. */
export function layersOf(choice: string): ('first' | 'both')[] {
  return choice === 'first+both' ? ['first', 'both'] : [choice as 'first' | 'both'];
}

/** Schema entries shared by the kernel experiments (e3, e4). */
export const kernelSchema = {
  layers: {
    type: 'enum',
    default: 'first+both',
    values: ['first', 'both', 'first+both'],
    description: 'NTK variant: first layer trained (K₁), both layers (K₁ + K₂), or both side by side',
  },
  testSize: {
    type: 'integer',
    default: 300,
    quick: 150,
    min: 10,
    max: 100000,
    description: 'fresh test points for R, gradient norms and first-order R_α',
  },
  pgdTestSize: {
    type: 'integer',
    default: 30,
    quick: 20,
    min: 0,
    max: 100000,
    description: 'test points attacked by PGD (each step costs one prediction and one gradient); 0 skips PGD',
  },
  pgdSteps: { type: 'integer', default: 8, quick: 6, min: 1, max: 1000, description: 'PGD ascent steps' },
  pgdRestarts: {
    type: 'integer',
    default: 1,
    min: 0,
    max: 100,
    description: 'PGD random restarts after the run from δ = 0',
  },
  alphaAbsolute: {
    type: 'number',
    default: 0.5,
    min: 0,
    exclusiveMin: true,
    max: 10,
    description: 'absolute ℓ2 budget α; the truth’s R_α(θ*) = α²‖θ*‖² stays fixed as n grows',
  },
} as const satisfies Record<string, ParamSpec>;

/** Settings of {@link kernelRisks}. */
export interface KernelRiskSettings {
  testSize: number;
  pgdTestSize: number;
  pgdSteps: number;
  pgdRestarts: number;
  alphaAbsolute: number;
}

/** Risks of one kernel predictor on fresh test points, as row columns. */
export interface KernelRisks {
  [column: string]: number | null;
  risk: number;
  riskSe: number;
  gradNorm2: number;
  gradNorm2Se: number;
  advRiskFirstOrder: number;
  advRiskFirstOrderSe: number;
  advRiskPgd: number | null;
  advRiskPgdSe: number | null;
  alpha: number;
  /** R_α(θ*) = α²‖θ*‖² of the linear truth (its input gradient is θ*). */
  truthAdvRisk: number;
  /** First-order R_α over R_α(θ*). */
  harmFirstOrder: number;
  /** PGD R_α (a lower bound) over R_α(θ*). */
  harmPgd: number | null;
}

/**
 * Standard risk, mean squared input-gradient norm and adversarial risk of a kernel
 * predictor against the linear truth `f*(x) = ⟨x, θ*⟩`, via `estimateRisks`:
 * first-order R_α on `testSize` points and PGD R_α (a lower bound) on the first
 * `pgdTestSize` of them, both under the absolute budget α, and the harm ratios over R_α(θ*) = α²‖θ*‖². Test points come from the
 * design's test stream, seeded from `seed`.
 *
 * @example
 * ```ts
 * const risks = kernelRisks(ntkRegression(X, y, { layers: 'first' }), design, settings, seed);
 * ```
 */
export function kernelRisks(
  predictor: DifferentiablePredictor,
  design: Design,
  settings: KernelRiskSettings,
  seed: number,
): KernelRisks {
  const test = design.testSample(settings.testSize, deriveSeed(seed, 'test')).X;
  return kernelRisksOn(predictor, test, design.thetaStar, settings.alphaAbsolute, settings, seed);
}

/**
 * {@link kernelRisks} on given test points `test` (rows) against the linear truth
 * `⟨x, thetaStar⟩` under the absolute ℓ2 budget `alpha`: the same estimates (first-order
 * on every row, PGD on the first `pgdTestSize`) and the harm ratios over
 * R_α(f*) = α²‖θ*‖² (the truth's input gradient is θ* everywhere).
 *
 * @example
 * ```ts
 * const risks = kernelRisksOn(fit, sample.points.slice(n), sample.embeddedThetaStar, 0.5, settings, seed);
 * ```
 */
export function kernelRisksOn(
  predictor: DifferentiablePredictor,
  test: Matrix,
  thetaStar: Float64Array,
  alpha: number,
  settings: KernelRiskSettings,
  seed: number,
): KernelRisks {
  const firstOrder = estimateRisks(predictor, {
    sample: test,
    target: thetaStar,
    norm: 'l2',
    seed: deriveSeed(seed, 'attack'),
    alpha,
    method: 'first-order',
  });
  return kernelRisksFrom(
    {
      risk: firstOrder.standardRisk,
      gradNorm2: firstOrder.gradientNormSquared,
      advRiskFirstOrder: firstOrder.adversarialRisk,
    },
    pgdRisk(predictor, test, thetaStar, alpha, settings, seed),
    thetaStar,
    alpha,
  );
}

/** A mean with its standard error, as `estimateRisks` reports them. */
interface Estimate {
  mean: number;
  standardError: number;
}

/**
 * PGD R_α (a lower bound) on the first `pgdTestSize` rows of `test`, or null without PGD;
 * the attack's stream is `deriveSeed(seed, 'attack')`.
 */
export function pgdRisk(
  predictor: DifferentiablePredictor,
  test: Matrix,
  thetaStar: Float64Array,
  alpha: number,
  settings: KernelRiskSettings,
  seed: number,
): Estimate | null {
  if (settings.pgdTestSize <= 0) return null;
  const rows = Math.min(settings.pgdTestSize, test.rows);
  const attacked = new Matrix(rows, test.cols, test.data.subarray(0, rows * test.cols));
  return estimateRisks(predictor, {
    sample: attacked,
    target: thetaStar,
    norm: 'l2',
    seed: deriveSeed(seed, 'attack'),
    alpha,
    method: 'pgd',
    steps: settings.pgdSteps,
    restarts: settings.pgdRestarts,
  }).adversarialRisk;
}

/**
 * The row columns of {@link KernelRisks} from the first-order estimates and PGD's, with
 * the harm ratios over R_α(f*) = α²‖θ*‖².
 */
export function kernelRisksFrom(
  firstOrder: { risk: Estimate; gradNorm2: Estimate; advRiskFirstOrder: Estimate },
  pgd: Estimate | null,
  thetaStar: Float64Array,
  alpha: number,
): KernelRisks {
  let thetaNorm2 = 0;
  for (const t of thetaStar) thetaNorm2 += t * t;
  const truthAdvRisk = alpha * alpha * thetaNorm2;
  return {
    risk: firstOrder.risk.mean,
    riskSe: firstOrder.risk.standardError,
    gradNorm2: firstOrder.gradNorm2.mean,
    gradNorm2Se: firstOrder.gradNorm2.standardError,
    advRiskFirstOrder: firstOrder.advRiskFirstOrder.mean,
    advRiskFirstOrderSe: firstOrder.advRiskFirstOrder.standardError,
    advRiskPgd: pgd === null ? null : pgd.mean,
    advRiskPgdSe: pgd === null ? null : pgd.standardError,
    alpha,
    truthAdvRisk,
    harmFirstOrder: firstOrder.advRiskFirstOrder.mean / truthAdvRisk,
    harmPgd: pgd === null ? null : pgd.mean / truthAdvRisk,
  };
}

/**
 * The kernel experiments' rows with the truth f*(x) = ⟨x, θ*⟩ as the fitted model: R = 0,
 * input gradient θ* everywhere (E‖∇f‖² = ‖θ*‖²), R_α = R_α(f*) by first order and by PGD
 * (no attack does better than α‖θ*‖ against a linear truth), harm ratios 1.
 *
 * @example
 * ```ts
 * kernelTruthRows(1, rows); // for the truth-criterion check
 * ```
 */
export function kernelTruthRows(thetaNorm: number, rows: Row[]): Row[] {
  return rows.map((row) =>
    asTruth(row, {
      zero: ['risk', 'riskSe', 'gradNorm2Se', 'advRiskFirstOrderSe', 'advRiskPgdSe'],
      one: ['harmFirstOrder', 'harmPgd'],
      set: {
        gradNorm2: thetaNorm ** 2,
        advRiskFirstOrder: row.truthAdvRisk as number,
        ...(row.advRiskPgd === null ? {} : { advRiskPgd: row.truthAdvRisk as number }),
      },
    }),
  );
}
