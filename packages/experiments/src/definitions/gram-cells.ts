import type { SpikedTailDesign } from '@benignlab/data';
import { Matrix } from '@benignlab/linalg';
import { ntkGramRegressionPath, ntkKernelExpansion } from '@benignlab/ntk';
import { meanSe } from '../core/stats.js';
import { type KernelRiskSettings, type KernelRisks, kernelRisksFrom, pgdRisk } from './ntk-common.js';

/**
 * The kernel experiments' risks from one exact Gram draw of a spiked design with an
 * isotropic tail (e3's spiked design, e2's two-level design): n training and
 * `settings.testSize` test points jointly (Bartlett), the NTK fit at every λ of `lambdas`
 * from the Gram matrix alone (`ntkGramRegressionPath`: Cholesky for one λ, one
 * eigendecomposition for a path), and for each λ the risks on the test points under the
 * absolute budget α (R, E‖∇f̂‖², first-order R_α and the harm ratio over
 * R_α(f*) = α²‖θ*‖²), as `kernelRisks` gives them on a dense draw. No p-dimensional vector.
 *
 * PGD (when `settings.pgdTestSize > 0`) attacks the first test points in the draw's
 * isometric realization (n + testSize + s coordinates with the points' exact inner
 * products): equal in law to the dense route for the run from δ = 0 (its steps stay in the
 * points' span); the random restarts start inside the realization instead of R^p, so that
 * lower bound can differ slightly.
 *
 * @param design the spiked design (`spikedTailDesign`)
 * @param n training points
 * @param seed the cell's seed (the draw's streams and PGD's)
 * @param layers the NTK variant
 * @param settings test and attack sizes, the absolute budget `alphaAbsolute`
 * @param lambdas kernel ridge parameters λ ≥ 0 (0 interpolates); one row of risks each
 * @example
 * ```ts
 * const [risks] = gramKernelRisks(spectralDesignAt(config, 3200), 3200, cell.seed, 'first', config, [0]);
 * risks.harmFirstOrder; // R_α(f̂)/R_α(f*)
 * ```
 */
export function gramKernelRisks(
  design: SpikedTailDesign,
  n: number,
  seed: number,
  layers: 'first' | 'both',
  settings: KernelRiskSettings,
  lambdas: readonly number[],
): KernelRisks[] {
  const t = settings.testSize;
  const alpha = settings.alphaAbsolute;
  const sample = design.gramSample(n, t, seed);
  const fits = ntkGramRegressionPath(sample.gram(), n, sample.y, { layers, lambdas });
  const { points, embeddedThetaStar } = sample;
  const d = points.cols;
  const training = new Matrix(n, d, points.data.subarray(0, n * d));
  const test = new Matrix(t, d, points.data.subarray(n * d));
  return fits.map((fit) => {
    const standard: number[] = [];
    const gradNorm2: number[] = [];
    const adversarial: number[] = [];
    for (let r = 0; r < t; r++) {
      const residual = (fit.predictions[r] as number) - (sample.clean[n + r] as number);
      const norm2 = fit.inputGradientNormsSquared[r] as number;
      standard.push(residual * residual);
      gradNorm2.push(norm2);
      adversarial.push((Math.abs(residual) + alpha * Math.sqrt(norm2)) ** 2);
    }
    const estimate = (values: number[]) => {
      const { mean, se } = meanSe(values);
      return { mean, standardError: se };
    };
    return kernelRisksFrom(
      { risk: estimate(standard), gradNorm2: estimate(gradNorm2), advRiskFirstOrder: estimate(adversarial) },
      pgdRisk(
        ntkKernelExpansion(training, fit.coefficients, { layers }),
        test,
        embeddedThetaStar,
        alpha,
        settings,
        seed,
      ),
      embeddedThetaStar,
      alpha,
    );
  });
}

/**
 * Estimated multiply-adds of one {@link gramKernelRisks} cell (the pool runs the costliest
 * cells first): the panelled Bartlett Gram matrix N³/6 (N = n + testSize), the fit (Cholesky
 * n³/3 for one λ; the eigendecomposition, measured at about 2n³ in these units, for a
 * path), t·n² per λ for the gradient norms, and PGD's three n×N products per attacked point,
 * step and run.
 *
 * @example
 * ```ts
 * gramCellCost(3200, config, 1); // e3's interpolator cell at n = 3200
 * ```
 */
export function gramCellCost(n: number, settings: KernelRiskSettings, lambdaCount: number): number {
  const N = n + settings.testSize;
  const fit = lambdaCount === 1 ? n ** 3 / 3 : 2 * n ** 3;
  const pgd =
    settings.pgdTestSize > 0
      ? 3 * settings.pgdTestSize * (settings.pgdSteps + 1) * (settings.pgdRestarts + 1) * n * N
      : 0;
  return N ** 3 / 6 + fit + lambdaCount * (settings.testSize * n * n + pgd);
}
