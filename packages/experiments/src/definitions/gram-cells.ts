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
 * relative budget α = α_rel·√tr(Σ).
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
  const design = spectralDesignAt(config, n);
  const sample = design.gramSample(n, config.testSize, seed);
  const { points } = sample;
  const d = points.cols;
  const X = new Matrix(n, d, points.data.subarray(0, n * d));
  const T = new Matrix(config.testSize, d, points.data.subarray(n * d));
  const fit = ntkRegression(X, sample.y, { layers, lambda: 0 });
  const alpha = config.alphaRelative * Math.sqrt(design.trace);
  const risksOf = (predictor: Parameters<typeof kernelRisksOn>[0]): KernelRisks =>
    kernelRisksOn(predictor, T, sample.embeddedThetaStar, alpha, config, seed);
  return { design, fit, risksOf };
}
