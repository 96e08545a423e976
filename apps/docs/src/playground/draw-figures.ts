import * as Plot from '@observablehq/plot';
import type { SimulatedPoint } from './simulation.ts';
import type { CurvePoint } from './theory-curves.ts';

/** Colours per quantity (Okabe–Ito, as in the CLI's figures). */
export const quantityColors = { R: '#0072B2', R_α: '#D55E00', 'R_α(θ*)': '#009E73' } as const;

/** A legend with only the quantities a figure draws, in a fixed colour each. */
function colorScale(quantities: Set<string>) {
  const domain = (Object.keys(quantityColors) as (keyof typeof quantityColors)[]).filter((q) =>
    quantities.has(q),
  );
  return { legend: true, domain, range: domain.map((q) => quantityColors[q]) };
}

/** Input of {@link drawRiskFigure}. */
export interface RiskFigureInput {
  theory: CurvePoint[];
  simulated?: SimulatedPoint[];
  xLabel: string;
  /** d3-format of the x ticks; default `'~g'`. */
  xTickFormat?: string;
  /** A dashed vertical marker (the chosen n or λ). */
  marker?: number;
  title: string;
  document: Document;
  /** Width in CSS pixels (the figure's column); default 480. Text stays 12 px at any width. */
  width?: number;
  /** x ranges shaded as "theory not trusted here" (the NTK line outside its trust region). */
  untrusted?: { x1: number; x2: number }[];
}

/**
 * A log–log figure of theory curves (lines) with simulated means ± one standard error
 * (dots and bars), drawn with Observable Plot like the CLI's figures.
 *
 * @example
 * ```ts
 * container.append(drawRiskFigure({ theory: curves.bySampleSize, xLabel: 'n', title: 'Risk vs n', document }));
 * ```
 */
export function drawRiskFigure(input: RiskFigureInput): SVGSVGElement | HTMLElement {
  const simulated = (input.simulated ?? []).filter((p) => p.mean > 0);
  const theory = input.theory.filter((p) => p.value > 0 && Number.isFinite(p.value));
  const marks: Plot.Markish[] = [
    Plot.rect(input.untrusted ?? [], {
      x1: 'x1',
      x2: 'x2',
      fill: '#999999',
      fillOpacity: 0.22,
      ariaDescription: 'theory not trusted here',
    }),
    Plot.gridX({ stroke: '#ddd', strokeOpacity: 1 }),
    Plot.gridY({ stroke: '#ddd', strokeOpacity: 1 }),
    Plot.line(theory, { x: 'x', y: 'value', stroke: 'quantity', strokeWidth: 2 }),
  ];
  if (input.marker !== undefined) {
    marks.push(Plot.ruleX([input.marker], { stroke: '#555', strokeDasharray: '4 3' }));
  }
  if (simulated.length) {
    marks.push(
      Plot.ruleX(simulated, {
        x: 'x',
        y1: (p: SimulatedPoint) => Math.max(p.mean - p.standardError, p.mean * 0.05),
        y2: (p: SimulatedPoint) => p.mean + p.standardError,
        stroke: 'quantity',
      }),
      Plot.dot(simulated, { x: 'x', y: 'mean', fill: 'quantity', r: 3.5, stroke: 'white', tip: true }),
    );
  }
  const plot = Plot.plot({
    document: input.document,
    title: input.title,
    width: Math.round(input.width ?? 480),
    height: Math.round(Math.min(320, Math.max(240, (input.width ?? 480) * 0.68))),
    marginLeft: 56,
    // Room for the x label's arrow at the right end.
    marginRight: 28,
    x: { type: 'log', label: input.xLabel, tickFormat: input.xTickFormat ?? '~g' },
    y: { type: 'log', label: 'risk', tickFormat: '~g' },
    color: colorScale(new Set(theory.map((p) => p.quantity))),
    style: { fontSize: '12px', background: 'white' },
    marks,
  });
  // With a title and legend Plot wraps the chart in a <figure>; mark the chart itself.
  const chart = plot instanceof SVGSVGElement ? plot : plot.querySelector(':scope > svg:last-of-type');
  chart?.setAttribute('data-role', 'plot');
  return plot;
}
