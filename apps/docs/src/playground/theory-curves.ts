import { ridgeTheoryPath } from '@benignlab/adversarial-risk';
import {
  dimensionAt,
  maxTheoryDimension,
  ntkEffectiveLambda,
  type PlaygroundParameters,
  parameterRanges,
  spikedSpectrum,
  spikedTrace,
} from './parameters.ts';

/** One point of a theory curve, tidy for Observable Plot. */
export interface CurvePoint {
  /** The swept variable: n for the n sweep, λ for the λ sweep. */
  x: number;
  /** `'R'`, `'R_α'` or `'R_α(θ*)'`. */
  quantity: string;
  value: number;
}

/** Both theory figures' data. */
export interface TheoryCurves {
  /** Risks of the chosen model against n at the chosen λ. */
  bySampleSize: CurvePoint[];
  /** Risks against λ at the chosen n (ridge for min-norm/ridge, NTK ridge for NTK). */
  byLambda: CurvePoint[];
  /** p at the chosen n, tr Σ, the absolute α used, and the ridge parameter of the model. */
  dimension: number;
  traceSigma: number;
  alphaAbsolute: number;
  modelLambda: number;
}

/** The n grid of the n sweep: half-octaves from 50 to 25,600, cut where p exceeds {@link maxTheoryDimension}. */
export function sampleSizeGrid(a: number): number[] {
  const grid: number[] = [];
  for (let k = 0; k <= 18; k++) {
    const n = Math.round(50 * 2 ** (k / 2));
    if (dimensionAt(n, a) > maxTheoryDimension) break;
    grid.push(n);
  }
  return grid;
}

/** The λ grid of the λ sweep: 61 log-spaced values over the slider's range. */
export function lambdaGrid(): Float64Array {
  const { min, max } = parameterRanges.lambda;
  const count = 61;
  const grid = new Float64Array(count);
  for (let k = 0; k < count; k++) grid[k] = min * (max / min) ** (k / (count - 1));
  return grid;
}

/** The ridge parameter the chosen model amounts to at sample size n (0 for min-norm). */
export function modelLambda(params: PlaygroundParameters, n: number, lambda = params.lambda): number {
  if (params.model === 'min-norm') return 0;
  if (params.model === 'ridge') return lambda;
  return ntkEffectiveLambda(n, lambda, params.ntkLayers, spikedTrace(n, params.a, params.b));
}

/** α in absolute units: α itself, or α_rel·√tr Σ (ℓ2, [Theory §3](https://benignlab.github.io/theory.html#section-3)). */
export function absoluteBudget(params: PlaygroundParameters, n: number): number {
  return params.budget === 'absolute'
    ? params.alpha
    : params.alpha * Math.sqrt(spikedTrace(n, params.a, params.b));
}

/**
 * The playground's theory curves, from `ridgeTheoryPath` ([Theory §4](https://benignlab.github.io/theory.html#section-4)): for each n of the
 * sweep the deterministic-equivalent R and R_α of the chosen model, and at the chosen n
 * the same over a λ grid. The NTK curves use the linearized kernel's implicit ridge
 * (see {@link ntkEffectiveLambda}), an approximation that the simulation checks.
 *
 * @example
 * ```ts
 * const curves = theoryCurves({ ...defaultParameters, model: 'min-norm' });
 * curves.bySampleSize.filter((p) => p.quantity === 'R'); // falls with n
 * ```
 */
export function theoryCurves(params: PlaygroundParameters): TheoryCurves {
  const sigma2 = params.sigma * params.sigma;
  const bySampleSize: CurvePoint[] = [];
  for (const n of sampleSizeGrid(params.a)) {
    const { eigenvalues, thetaStar } = spikedSpectrum(n, params.a, params.b);
    const path = ridgeTheoryPath({ eigenvalues, thetaStar, sigma2, n, lambdas: [modelLambda(params, n)] });
    const alpha = absoluteBudget(params, n);
    bySampleSize.push(
      { x: n, quantity: 'R', value: path.risk[0] as number },
      { x: n, quantity: 'R_α', value: path.adversarialRisk(alpha)[0] as number },
      { x: n, quantity: 'R_α(θ*)', value: alpha * alpha },
    );
  }

  const n = params.n;
  const { eigenvalues, thetaStar } = spikedSpectrum(n, params.a, params.b);
  const lambdas = lambdaGrid();
  const effective = Float64Array.from(lambdas, (lambda) =>
    modelLambda({ ...params, model: params.model === 'min-norm' ? 'ridge' : params.model }, n, lambda),
  );
  const path = ridgeTheoryPath({ eigenvalues, thetaStar, sigma2, n, lambdas: effective });
  const alpha = absoluteBudget(params, n);
  const adversarial = path.adversarialRisk(alpha);
  const byLambda: CurvePoint[] = [];
  for (let k = 0; k < lambdas.length; k++) {
    byLambda.push(
      { x: lambdas[k] as number, quantity: 'R', value: path.risk[k] as number },
      { x: lambdas[k] as number, quantity: 'R_α', value: adversarial[k] as number },
    );
  }
  return {
    bySampleSize,
    byLambda,
    dimension: eigenvalues.length,
    traceSigma: spikedTrace(n, params.a, params.b),
    alphaAbsolute: alpha,
    modelLambda: modelLambda(params, n),
  };
}
