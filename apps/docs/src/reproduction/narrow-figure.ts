import type { FigureSpec } from '@benignlab/experiments';

/** One legend entry of a figure: a dot or a dashed line in `colour`, then `label`. */
export interface LegendEntry {
  label: string;
  colour: string;
  kind: 'dot' | 'dash';
}

// The fields of Observable Plot's mark objects this layout reads (set by their constructors).
interface MarkFields {
  frameAnchor?: string;
  data?: unknown;
  fill?: string;
  textAnchor?: string;
}

/** Narrowest drawing width: below it a figure keeps this width and its box scrolls. */
export const MIN_FIGURE_WIDTH = 280;

/**
 * The layout of an experiment figure for a column `width` px wide (a phone): drawn at that
 * width, so its 12 px text stays 12 px instead of being shrunk with the SVG, with the legend
 * moved out of the right-hand margin (where it takes 200 px) into an HTML list under the
 * plot, and the title mark dropped (the caption below the figure repeats it). A column at
 * least as wide as the figure gets the figure unchanged and no list.
 *
 * The experiments' figures put their legend marks at `frameAnchor: 'top-right'` and their
 * title at `'top-left'`; each legend label is a left-aligned text mark after its swatch (a
 * dot, or a "– –" text for the dashed theory lines).
 *
 * @example
 * ```ts
 * const { spec: phone, legend } = narrowFigure(spec, 358);
 * figure.append(renderFigure(phone, document));
 * ```
 */
export function narrowFigure(spec: FigureSpec, width: number): { spec: FigureSpec; legend: LegendEntry[] } {
  const fullWidth = spec.options.width ?? 640;
  if (!(width < fullWidth)) return { spec, legend: [] };
  const drawnWidth = Math.max(MIN_FIGURE_WIDTH, Math.floor(width));
  const marks = (spec.options.marks ?? []) as MarkFields[];
  const legend: LegendEntry[] = [];
  let swatch: { colour: string; kind: 'dot' | 'dash' } | undefined;
  for (const mark of marks) {
    if (mark.frameAnchor !== 'top-right') continue;
    const text = Array.isArray(mark.data) ? String(mark.data[0]) : '';
    if (mark.textAnchor === 'start' && swatch) {
      legend.push({ label: text, ...swatch });
      swatch = undefined;
    } else {
      swatch = { colour: mark.fill ?? 'currentColor', kind: text === '– –' ? 'dash' : 'dot' };
    }
  }
  const kept = marks.filter((mark) => mark.frameAnchor !== 'top-right' && mark.frameAnchor !== 'top-left');
  const fullHeight = spec.options.height ?? 400;
  return {
    spec: {
      ...spec,
      options: {
        ...spec.options,
        width: drawnWidth,
        height: Math.max(280, Math.round((fullHeight * drawnWidth) / fullWidth) + 60),
        marginTop: 16,
        marginRight: 16,
        marks: kept as NonNullable<FigureSpec['options']['marks']>,
      },
    },
    legend,
  };
}
