import type { SpikedTailDesign } from '@benignlab/data';
import { Matrix } from '@benignlab/linalg';
import { ntkRegression } from '@benignlab/ntk';
import { type KernelRiskSettings, type KernelRisks, kernelRisksOn } from './ntk-common.js';
import { spectralDesignAt } from './spectral-cells.js';
import type { SpikedDesignConfig } from './spiked-design.js';

/**
 * One draw of the shared spiked design for the kernel experiments from the exact Gram
 * sampler: n training and `testSize` test points jointly (Bartlett), as an isometric
 * realization in n + testSize + s dimensions (no p-dimensional vector), the NTK fit on the
 * training rows and a function giving the risks of any fit on the test rows under the
 * absolute budget α (and the harm ratios over R_α(f*) = α²‖θ*‖²).
 *
 * Equal in law to the dense route for everything that sees the points through inner
 * products (the fit, R, the gradient norms, first-order R_α) and for PGD from δ = 0 (its
 * steps stay in the points' span); PGD's random restarts start inside the realization's
 * n + testSize + s dimensions instead of R^p, so that lower bound can differ slightly.
 *
 * @example
 * ```ts
 * const draw = gramDraw(config, 3200, cell.seed, 'first');
 * draw.risksOf(draw.fit); // R, E‖∇f̂‖², R_α (first-order, PGD)
 * ```
 */
export function gramDraw(
  config: SpikedDesignConfig & KernelRiskSettings,
  n: number,
  seed: number,
  layers: 'first' | 'both',
) {
  return gramDrawOf(spectralDesignAt(config, n), n, seed, layers, config);
}

/**
 * {@link gramDraw} for any spiked design with an isotropic tail (e.g. e2's two-level
 * design): the NTK interpolator on n training points and `risksOf` on `settings.testSize`
 * test points, under the absolute ℓ2 budget `settings.alphaAbsolute`.
 *
 * @example
 * ```ts
 * const draw = gramDrawOf(twoLevelTailDesign(design, 800), 800, seed, 'both', settings);
 * draw.risksOf(draw.fit.withLambda(0.01));
 * ```
 */
export function gramDrawOf(
  design: SpikedTailDesign,
  n: number,
  seed: number,
  layers: 'first' | 'both',
  settings: KernelRiskSettings,
) {
  const sample = design.gramSample(n, settings.testSize, seed);
  const { points } = sample;
  const d = points.cols;
  const X = new Matrix(n, d, points.data.subarray(0, n * d));
  const T = new Matrix(settings.testSize, d, points.data.subarray(n * d));
  const fit = ntkRegression(X, sample.y, { layers, lambda: 0 });
  const risksOf = (predictor: Parameters<typeof kernelRisksOn>[0]): KernelRisks =>
    kernelRisksOn(predictor, T, sample.embeddedThetaStar, settings.alphaAbsolute, settings, seed);
  return { design, fit, risksOf };
}
