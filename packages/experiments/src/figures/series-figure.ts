import * as Plot from '@observablehq/plot';
import type { FigureSpec } from '../core/definition.js';
import type { AggregatePoint } from '../core/stats.js';

/**
 * The one figure layout of the suite: simulated means with ±1 s.e. error bars (dots)
 * beside theory curves (dashed lines), several quantities as coloured series, usually
 * on log-log axes. The legend is drawn with Plot marks inside the SVG (not Plot's HTML
 * swatches) so the standalone SVG and PNG files carry it.
 */

/** A palette readable in print and by most colour-blind readers (Okabe–Ito). */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

/** One quantity drawn in a figure. */
export interface Series {
  /** Legend label, e.g. `"standard risk R"`. */
  label: string;
  /** Simulated points (mean ± s.e. over replicates). */
  simulated?: AggregatePoint[];
  /** Theory curve, drawn dashed. */
  theory?: { x: number; y: number }[];
  /** Connect simulated points with a thin line (used when there is no theory curve). */
  connect?: boolean;
}

/** Input of {@link seriesFigure}. */
export interface SeriesFigureInput {
  id: string;
  title: string;
  caption: string;
  x: { label: string; log?: boolean };
  y: { label: string; log?: boolean };
  series: Series[];
  /** Extra marks drawn on top (reference lines, annotations). */
  marks?: Plot.Markish[];
  width?: number;
  height?: number;
}

interface SimPoint {
  series: string;
  x: number;
  y: number;
  low: number;
  high: number;
}

/**
 * A figure spec (Plot options) of simulated series with error bars and theory curves.
 *
 * @param input `id`, `title`, `caption`; the axes `x` and `y` (`label`, `log`); `series`: each a `label` with `simulated` points (mean ± s.e.) and/or a `theory` curve
 * @example
 * ```ts
 * const rows = [{ n: 50, risk: 0.4 }, { n: 50, risk: 0.5 }, { n: 100, risk: 0.3 }, { n: 100, risk: 0.32 }];
 * const spec = seriesFigure({ id: 'e1', title: 'Min-norm vs n', caption: '…',
 *   x: { label: 'n', log: true }, y: { label: 'value', log: true },
 *   series: [{ label: 'R', simulated: aggregate(rows, 'n', 'risk') }] });
 * spec.options; // Plot options; renderFigure(spec, document) draws them
 * ```
 */
export function seriesFigure(input: SeriesFigureInput): FigureSpec {
  const labels = input.series.map((s) => s.label);
  const colour = (i: number) => PALETTE[i % PALETTE.length] as string;
  const yLog = input.y.log ?? false;
  const simulated: SimPoint[] = [];
  const theory: { series: string; x: number; y: number }[] = [];
  for (const s of input.series) {
    for (const p of s.simulated ?? []) {
      if (!Number.isFinite(p.mean) || (yLog && p.mean <= 0)) continue;
      const se = Number.isFinite(p.se) ? p.se : 0;
      // On a log axis a bar reaching zero would be infinitely long; stop it at a tenth of the mean.
      const low = yLog ? Math.max(p.mean - se, p.mean / 10) : p.mean - se;
      simulated.push({ series: s.label, x: p.x, y: p.mean, low, high: p.mean + se });
    }
    for (const p of s.theory ?? []) {
      if (Number.isFinite(p.y) && (!yLog || p.y > 0)) theory.push({ series: s.label, x: p.x, y: p.y });
    }
  }
  const connected = simulated.filter((p) => input.series.find((s) => s.label === p.series)?.connect);
  const hasTheory = theory.length > 0;
  const hasSimulated = simulated.length > 0;
  const legendMarks: Plot.Markish[] = [];
  const legendEntry = (i: number, label: string, mark: 'dot' | 'dash', fill: string) => {
    const dy = 8 + 16 * i;
    if (mark === 'dot') {
      legendMarks.push(Plot.dot([0], { frameAnchor: 'top-right', dx: 16, dy, r: 3.5, fill }));
    } else {
      legendMarks.push(
        Plot.text(['– –'], {
          frameAnchor: 'top-right',
          dx: 16,
          dy,
          text: (d: string) => d,
          fill,
          lineAnchor: 'middle',
          fontWeight: 'bold',
          fontSize: 11,
        }),
      );
    }
    legendMarks.push(
      Plot.text([label], {
        frameAnchor: 'top-right',
        dx: 26,
        dy,
        text: (d: string) => d,
        textAnchor: 'start',
        lineAnchor: 'middle',
        fill: 'currentColor',
        fontSize: 11,
      }),
    );
  };
  for (const [i, label] of labels.entries()) legendEntry(i, label, 'dot', colour(i));
  let row = labels.length;
  if (hasSimulated) legendEntry(row++, 'dots: simulation ± 1 s.e.', 'dot', '#888888');
  if (hasTheory) legendEntry(row++, 'dashed: theory', 'dash', '#888888');
  const longest = Math.max(...[...labels, 'dots: simulation ± 1 s.e.'].map((l) => l.length));
  return {
    id: input.id,
    title: input.title,
    caption: input.caption,
    options: {
      width: input.width ?? 760,
      height: input.height ?? 420,
      marginLeft: 64,
      marginBottom: 44,
      marginTop: 44,
      // Keep points at the ends of the data off the frame.
      inset: 8,
      marginRight: 40 + Math.ceil(longest * 6.4),
      style: {
        fontFamily: 'DejaVu Sans, Liberation Sans, Arial, sans-serif',
        fontSize: '12px',
        background: 'white',
      },
      // Plain decimals ("0.02", "1,000"), not SI prefixes ("20m", "1k"): these are risks and sample sizes.
      x: {
        type: input.x.log ? 'log' : 'linear',
        label: input.x.label,
        grid: true,
        labelAnchor: 'center',
        tickFormat: '~g',
      },
      y: {
        type: yLog ? 'log' : 'linear',
        label: input.y.label,
        grid: true,
        labelAnchor: 'center',
        tickFormat: '~g',
      },
      color: { domain: labels, range: labels.map((_, i) => colour(i)) },
      marks: [
        Plot.frame({ stroke: '#bbbbbb' }),
        Plot.line(theory, {
          x: 'x',
          y: 'y',
          z: 'series',
          stroke: 'series',
          strokeDasharray: '5,3',
          strokeWidth: 1.5,
        }),
        Plot.line(connected, {
          x: 'x',
          y: 'y',
          z: 'series',
          stroke: 'series',
          strokeWidth: 1,
          strokeOpacity: 0.6,
        }),
        Plot.ruleX(simulated, { x: 'x', y1: 'low', y2: 'high', stroke: 'series', strokeWidth: 1.5 }),
        Plot.dot(simulated, { x: 'x', y: 'y', fill: 'series', r: 3.5 }),
        ...(input.marks ?? []),
        ...legendMarks,
        // The title is a mark too, so standalone SVG and PNG files carry it.
        Plot.text([input.title], {
          frameAnchor: 'top-left',
          dy: -30,
          text: (d: string) => d,
          textAnchor: 'start',
          lineAnchor: 'middle',
          fontSize: 14,
          fontWeight: 'bold',
          fill: 'currentColor',
        }),
      ],
    },
  };
}

/**
 * Draws a figure spec into `document` (a browser's, or a headless DOM such as linkedom's)
 * and returns the `<svg>` element.
 *
 * @param spec a figure spec, e.g. from an experiment's `figures(result)`
 * @param document the DOM document to create the SVG in
 * @example
 * ```ts browser
 * const { result } = await runExperiment(e1MinNorm, { quick: true, overrides: { ns: [50, 100], replicates: 2 } });
 * const [spec] = e1MinNorm.figures(result);
 * const svg = renderFigure(spec, document);
 * document.body.append(svg);
 * ```
 */
export function renderFigure(spec: FigureSpec, document: Document): SVGSVGElement | HTMLElement {
  return Plot.plot({ ...spec.options, document });
}
