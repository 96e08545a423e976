import * as Plot from '@observablehq/plot';
import type { FigureSpec } from '../core/definition.js';

/** One cell of a {@link heatMapFigure}. */
export interface HeatCell {
  /** Facet (panel) label, e.g. `"a = 1.5, b = 1"`. */
  panel: string;
  /** Column value (drawn as an ordinal band). */
  x: number;
  /** Row value (drawn as an ordinal band). */
  y: number;
  /** The colour value; non-finite values draw grey. */
  value: number;
  /** The text printed in the cell. */
  label: string;
}

/** Input of {@link heatMapFigure}. */
export interface HeatMapInput {
  id: string;
  title: string;
  caption: string;
  x: { label: string };
  y: { label: string };
  /** Colour: what the value means, and the symmetric-diverging centre (e.g. the class threshold). */
  colour: { label: string; pivot: number };
  cells: HeatCell[];
  width?: number;
  height?: number;
}

/**
 * A faceted heat map: one panel per design family, ordinal axes for two design
 * parameters, a diverging colour (blue below `pivot`, red above) for the value, and
 * the value printed in each cell. The colour key is drawn with marks inside the SVG so
 * standalone SVG and PNG files carry it.
 *
 * @param input the map: `id`, `title`, `caption`; axis labels `x.label`, `y.label`; `colour.label` and `colour.pivot` (the diverging centre); `cells` (each with `panel`, `x`, `y`, `value`, `label`); optional `width` and `height`
 * @example
 * ```ts
 * const spec = heatMapFigure({ id: 'e8', title: 'Map', caption: '…', x: { label: 'c' }, y: { label: 'w' },
 *   colour: { label: 'growth exponent', pivot: 0.05 },
 *   cells: [{ panel: 'a = 1.5', x: 0, y: 1, value: 0.12, label: '0.12' }] });
 * ```
 */
export function heatMapFigure(input: HeatMapInput): FigureSpec {
  const panels = [...new Set(input.cells.map((c) => c.panel))];
  const finite = input.cells.filter((c) => Number.isFinite(c.value));
  const extent = Math.max(...finite.map((c) => Math.abs(c.value - input.colour.pivot)), Number.EPSILON);
  const xs = [...new Set(input.cells.map((c) => c.x))].sort((a, b) => a - b);
  const ys = [...new Set(input.cells.map((c) => c.y))].sort((a, b) => b - a);
  const panelWidth = Math.max(220, 46 * xs.length);
  const key = [
    { text: `colour: ${input.colour.label}`, fill: 'currentColor' },
    { text: `blue: below ${input.colour.pivot} (ridge escapes)`, fill: '#2166ac' },
    { text: `red: above ${input.colour.pivot} (trade-off)`, fill: '#b2182b' },
  ];
  return {
    id: input.id,
    title: input.title,
    caption: input.caption,
    options: {
      width: input.width ?? Math.max(520, 80 + panelWidth * panels.length),
      height: input.height ?? 170 + 34 * ys.length,
      marginLeft: 64,
      marginTop: 92,
      marginBottom: 58,
      style: {
        fontFamily: 'DejaVu Sans, Liberation Sans, Arial, sans-serif',
        fontSize: '12px',
        background: 'white',
      },
      fx: { domain: panels, label: null, padding: 0.08 },
      x: { type: 'band', domain: xs, label: input.x.label, labelAnchor: 'center', tickFormat: '~g' },
      y: { type: 'band', domain: ys, label: input.y.label, labelAnchor: 'center', tickFormat: '~g' },
      color: {
        type: 'diverging',
        scheme: 'RdBu',
        reverse: true,
        pivot: input.colour.pivot,
        domain: [input.colour.pivot - extent, input.colour.pivot + extent],
        unknown: '#dddddd',
      },
      marks: [
        Plot.cell(input.cells, {
          fx: 'panel',
          x: 'x',
          y: 'y',
          fill: (d: HeatCell) => (Number.isFinite(d.value) ? d.value : Number.NaN),
          inset: 0.5,
        }),
        Plot.text(input.cells, {
          fx: 'panel',
          x: 'x',
          y: 'y',
          text: 'label',
          fontSize: 12,
          fill: (d: HeatCell) =>
            Number.isFinite(d.value) && Math.abs(d.value - input.colour.pivot) > 0.6 * extent
              ? 'white'
              : 'black',
        }),
        ...key.map((entry, i) =>
          Plot.text([entry.text], {
            frameAnchor: 'top-left',
            dy: -62 + 13 * i,
            text: (d: string) => d,
            textAnchor: 'start',
            lineAnchor: 'middle',
            fill: entry.fill,
            fontSize: 11,
            // Only in the first panel, so the key is drawn once.
            fx: () => panels[0],
          }),
        ),
        Plot.text([input.title], {
          frameAnchor: 'top-left',
          dy: -80,
          text: (d: string) => d,
          textAnchor: 'start',
          lineAnchor: 'middle',
          fontSize: 14,
          fontWeight: 'bold',
          fill: 'currentColor',
          fx: () => panels[0],
        }),
      ],
    },
  };
}
