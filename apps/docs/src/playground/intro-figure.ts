import { drawRiskFigure } from './draw-figures.ts';
import { defaultParameters } from './parameters.ts';
import { theoryCurves } from './theory-curves.ts';

/**
 * The introduction's one picture: theory curves of the min-norm interpolator against n on
 * THEORY.md §7's spiked design under the relative ℓ2 budget α_rel = 0.05 — R falls while
 * R_α grows away from the robust truth's R_α(θ*).
 *
 * @example
 * ```ts
 * mountIntroFigure(document.querySelector('#intro-figure')!);
 * ```
 */
export function mountIntroFigure(container: HTMLElement): void {
  const curves = theoryCurves({ ...defaultParameters, model: 'min-norm' });
  container.replaceChildren(
    drawRiskFigure({
      theory: curves.bySampleSize,
      xLabel: 'sample size n',
      title: 'Min-norm interpolator: benign for R, harmful for R_α',
      document: container.ownerDocument,
    }),
  );
}
