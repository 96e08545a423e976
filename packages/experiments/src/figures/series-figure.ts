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
  // Extra marks may widen the domain beyond the series: then Plot keeps its own ticks.
  const extent = (values: number[]) =>
    input.marks?.length
      ? undefined
      : values.length
        ? { low: Math.min(...values), high: Math.max(...values) }
        : undefined;
  const xExtent = extent([...simulated.map((p) => p.x), ...theory.map((p) => p.x)]);
  const yExtent = extent([...simulated.flatMap((p) => [p.low, p.high]), ...theory.map((p) => p.y)]);
  const xTicks =
    input.x.log && xExtent ? logAxisTicks(xExtent.low, xExtent.high, X_AXIS_PIXELS, 'x') : undefined;
  const yTicks = yLog && yExtent ? logAxisTicks(yExtent.low, yExtent.high, Y_AXIS_PIXELS, 'y') : undefined;
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
        // Chosen ticks are drawn by the axis marks below (see logAxisMarks).
        ...(xTicks ? { axis: null, grid: false } : {}),
      },
      y: {
        type: yLog ? 'log' : 'linear',
        label: input.y.label,
        grid: true,
        labelAnchor: 'center',
        tickFormat: '~g',
        ...(yTicks ? { axis: null, grid: false } : {}),
      },
      color: { domain: labels, range: labels.map((_, i) => colour(i)) },
      marks: [
        ...(xTicks ? logAxisMarks('x', xTicks, input.x.label) : []),
        ...(yTicks ? logAxisMarks('y', yTicks, input.y.label) : []),
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

// The plot's length along each axis on a 390 px phone, the narrowest layout a figure is
// drawn at (the docs site redraws it 280 px tall at the column's width): ticks that do not
// collide there do not collide on a wider drawing either.
const X_AXIS_PIXELS = 260;
const Y_AXIS_PIXELS = 200;

/** Mantissas of log-axis ticks, coarse to fine; each decade gets one set's multiples. */
const LOG_TICK_MANTISSAS = [
  [1],
  [1, 3],
  [1, 2, 5],
  [1, 1.5, 2, 3, 5, 7],
  [1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9],
  [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.8, 2, 2.2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9],
];

/**
 * A tick label like d3's `~g` (plain decimals, exponent form beyond 10⁶ and below 10⁻⁴,
 * trailing zeros dropped), for the chosen log-axis ticks.
 *
 * @param value the tick value
 * @example
 * ```ts
 * logTickLabel(0.0003); // '0.0003'
 * logTickLabel(2.5e7); // '2.5e+7'
 * ```
 */
export function logTickLabel(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-4)) {
    return Number(value.toPrecision(6))
      .toExponential()
      .replace(/\.?0+e/, 'e');
  }
  return String(Number(value.toPrecision(6)));
}

/**
 * The grid and axis of a log scale at chosen ticks, every one labelled. The scale's own axis
 * cannot do it: on a log scale Plot formats labels through d3's log tickFormat, which
 * blanks every label whose mantissa exceeds a count-based limit (0.003 and 0.03 vanish
 * from 0.003 … 30), a function `tickFormat` included; an explicit `text` channel is kept.
 */
function logAxisMarks(axis: 'x' | 'y', ticks: number[], label: string): Plot.Markish[] {
  const options = { label, labelAnchor: 'center' as const, text: (d: number) => logTickLabel(d) };
  return axis === 'x'
    ? [Plot.gridX(ticks), Plot.axisX(ticks, options)]
    : [Plot.gridY(ticks), Plot.axisY(ticks, options)];
}

/**
 * Ticks for a log axis over the data's extent [low, high]: the finest mantissa set whose
 * labels do not collide on an axis `pixels` long, so that both ends of the data sit near a
 * labelled tick. d3's default log ticks use the mantissas 1–9 only, which leaves e.g. a
 * range 0.17–1.75 without any label above 1. Labels are 12 px text: on a y axis a label
 * needs 14 px, on an x axis its width (about 7.5 px a character, `~g` format) plus 6 px.
 * When every power of ten would collide, every second or third one (counted down from the
 * top); undefined when even those collide (then Plot thins its own ticks).
 *
 * @param low smallest value drawn (> 0)
 * @param high largest value drawn (≥ low)
 * @param pixels the axis' drawn length in px
 * @param axis 'x' (labels side by side) or 'y' (labels stacked)
 * @example
 * ```ts
 * logAxisTicks(0.17, 1.75, 200, 'y'); // [0.2, 0.3, 0.5, 0.7, 1, 1.5]
 * ```
 */
export function logAxisTicks(
  low: number,
  high: number,
  pixels: number,
  axis: 'x' | 'y',
): number[] | undefined {
  if (!(low > 0) || !(high >= low) || !Number.isFinite(high)) return undefined;
  const span = Math.max(Math.log10(high / low), 0.05);
  const position = (t: number) => (Math.log10(t / low) / span) * pixels;
  const labelSize = (t: number) => (axis === 'y' ? 14 : logTickLabel(t).length * 7.5 + 6);
  const fits = (ticks: number[]) =>
    ticks.every(
      (t, i) =>
        i === 0 ||
        position(t) - position(ticks[i - 1] as number) >=
          (labelSize(t) + labelSize(ticks[i - 1] as number)) / 2,
    );
  const top = Math.floor(Math.log10(high * (1 + 1e-9)));
  const bottom = Math.ceil(Math.log10(low * (1 - 1e-9)));
  const powers = (step: number) => {
    const ticks: number[] = [];
    // Counted down from the largest power inside the range, so the top end is labelled.
    for (let decade = top; decade >= bottom; decade -= step)
      ticks.unshift(Number((10 ** decade).toPrecision(12)));
    return ticks;
  };
  // Many decades: every second or third power of ten, if every one collides.
  if (!fits(powers(1))) {
    const sparse = [2, 3].map(powers).find((ticks) => fits(ticks) && ticks.length >= 2);
    return sparse;
  }
  let best: number[] | undefined;
  for (const mantissas of LOG_TICK_MANTISSAS) {
    const ticks: number[] = [];
    for (let decade = Math.floor(Math.log10(low)) - 1; decade <= Math.ceil(Math.log10(high)); decade++) {
      for (const m of mantissas) {
        // Rounded so 10^-4 · 3 prints as 0.0003, not 0.00030000000000000003.
        const t = Number((m * 10 ** decade).toPrecision(12));
        if (t >= low * (1 - 1e-9) && t <= high * (1 + 1e-9)) ticks.push(t);
      }
    }
    ticks.sort((a, b) => a - b);
    if (!fits(ticks)) break;
    best = ticks;
  }
  return best && best.length >= 2 ? best : undefined;
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
