import { type FigureSpec, renderFigure } from '@benignlab/experiments';
import { Resvg } from '@resvg/resvg-js';
import { parseHTML } from 'linkedom';

/**
 * Headless figures: Observable Plot draws the experiments' figure specs into a linkedom
 * DOM (no browser), giving standalone SVG; resvg rasterizes it to PNG with the system's
 * fonts (DejaVu/Liberation on Linux; any sans-serif elsewhere).
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The SVG markup of a figure spec.
 *
 * @param spec a figure spec, e.g. from an experiment's `figures(result)`
 * @example
 * ```ts
 * const svg = figureToSvg(getExperiment('e1').figures(result)[0]);
 * ```
 */
export function figureToSvg(spec: FigureSpec): string {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const element = renderFigure(spec, document as unknown as Document);
  if (element.tagName.toLowerCase() !== 'svg') {
    throw new Error(
      `figure ${spec.id}: Plot returned <${element.tagName}>, expected a bare <svg> (no HTML legend)`,
    );
  }
  if (!element.getAttribute('xmlns')) element.setAttribute('xmlns', SVG_NS);
  return element.outerHTML;
}

/**
 * Rasterizes SVG markup to PNG at `scale`× (2 = crisp on high-density screens and print).
 *
 * @param svg the SVG document as text
 * @param scale zoom factor: pixels per SVG unit (default 2, for sharp figures on high-density screens)
 * @example
 * ```ts
 * writeFileSync('e1.png', svgToPng(svg));
 * ```
 */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  const renderer = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return renderer.render().asPng();
}
