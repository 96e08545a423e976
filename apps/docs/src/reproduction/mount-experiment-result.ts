import { type ExperimentResult, type FigureSpec, findExperiment, renderFigure } from '@benignlab/experiments';
import { narrowFigure } from './narrow-figure.ts';

function element<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/**
 * Draws a committed experiment result the way the CLI's report does: every figure of the
 * experiment's own `figures(result)` (Observable Plot, the CLI's charting library), its
 * tables (the verdicts are rendered by the page at build time). `mainFigureOnly` draws
 * just the first figure, the experiment's headline; `thumbnail` keeps its full-width layout
 * (shrunk by the gallery) instead of redrawing it for a narrow column. Nothing
 * experiment-specific lives in the site.
 *
 * @example
 * ```ts
 * const result = await (await fetch('/results/e1.generated.json')).json();
 * mountExperimentResult(document.querySelector('#e1')!, result);
 * ```
 */
export function mountExperimentResult(
  container: HTMLElement,
  result: ExperimentResult,
  options: { mainFigureOnly?: boolean; thumbnail?: boolean } = {},
): void {
  const document = container.ownerDocument;
  const experiment = findExperiment(result.id);
  const nodes: HTMLElement[] = [];
  const figures = experiment.figures(result);
  const drawn: { spec: FigureSpec; figure: HTMLElement }[] = [];
  // On a narrow column (a phone) each figure is drawn at the column's width, legend below.
  // A thumbnail keeps the full drawing, shrunk, so it looks like the figure it links to.
  const columnWidth = () =>
    options.thumbnail
      ? Number.POSITIVE_INFINITY
      : container.clientWidth || (container.ownerDocument.defaultView?.innerWidth ?? 760);
  for (const spec of options.mainFigureOnly ? figures.slice(0, 1) : figures) {
    const figure = element(document, 'figure', undefined, 'bl-figure bl-experiment-figure');
    figure.dataset.testid = `experiment-figure-${spec.id}`;
    drawFigure(figure, spec, columnWidth());
    drawn.push({ spec, figure });
    nodes.push(figure);
  }
  for (const table of options.mainFigureOnly ? [] : experiment.tables(result)) {
    const wrapper = element(document, 'div');
    wrapper.append(element(document, 'h4', table.title));
    const html = element(document, 'table');
    const head = element(document, 'tr');
    for (const column of table.columns) head.append(element(document, 'th', column));
    html.append(head);
    for (const row of table.rows) {
      const tr = element(document, 'tr');
      for (const [index, value] of row.entries()) {
        const cell = element(
          document,
          'td',
          // Counts (n, widths) exactly: n = 1 638 400 must not read 1638000.
          typeof value === 'number'
            ? String(Number.isInteger(value) ? value : Number(value.toPrecision(4)))
            : (value ?? ''),
        );
        // On a phone each row becomes a card of "column: value" lines (custom.css).
        cell.dataset.label = table.columns[index] ?? '';
        // A number never wraps: "0.37 5" over two lines misreads (custom.css).
        if (/^[-+−]?[\d.,]+(e[-+]?\d+)?( ?%)?$/.test(cell.textContent ?? '')) cell.classList.add('bl-number');
        tr.append(cell);
      }
      html.append(tr);
    }
    wrapper.append(html);
    nodes.push(wrapper);
  }
  container.replaceChildren(...nodes);
  // Redraw when the column's width changes (a phone turned sideways, a resized window).
  const View = container.ownerDocument.defaultView;
  if (View && 'ResizeObserver' in View) {
    let width = columnWidth();
    new View.ResizeObserver(() => {
      const now = columnWidth();
      if (Math.abs(now - width) < 8) return;
      width = now;
      for (const { spec, figure } of drawn) drawFigure(figure, spec, now);
    }).observe(container);
  }
}

/** Fills `figure` with the plot of `spec` laid out for a `width` px column, its legend and caption. */
function drawFigure(figure: HTMLElement, spec: FigureSpec, width: number): void {
  const document = figure.ownerDocument;
  const { spec: laidOut, legend } = narrowFigure(spec, width);
  const parts: HTMLElement[] = [renderFigure(laidOut, document) as HTMLElement];
  if (legend.length) {
    const list = element(document, 'ul', undefined, 'bl-figure-legend');
    for (const entry of legend) {
      const item = element(document, 'li');
      const swatch = element(document, 'span', entry.kind === 'dash' ? '– –' : '●', 'bl-figure-swatch');
      swatch.style.color = entry.colour;
      item.append(swatch, document.createTextNode(` ${entry.label}`));
      list.append(item);
    }
    parts.push(list);
  }
  parts.push(element(document, 'figcaption', `${spec.title}. ${spec.caption}`));
  figure.replaceChildren(...parts);
}
