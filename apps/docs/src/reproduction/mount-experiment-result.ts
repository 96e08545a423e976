import { type ExperimentResult, findExperiment, renderFigure } from '@benignlab/experiments';

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
 * just the first figure, the experiment's headline. Nothing experiment-specific lives in the site.
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
  options: { mainFigureOnly?: boolean } = {},
): void {
  const document = container.ownerDocument;
  const experiment = findExperiment(result.id);
  const nodes: HTMLElement[] = [];
  const figures = experiment.figures(result);
  for (const spec of options.mainFigureOnly ? figures.slice(0, 1) : figures) {
    const figure = element(document, 'figure', undefined, 'bl-figure bl-experiment-figure');
    figure.dataset.testid = `experiment-figure-${spec.id}`;
    figure.append(
      renderFigure(spec, document),
      element(document, 'figcaption', `${spec.title}. ${spec.caption}`),
    );
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
          typeof value === 'number' ? String(Number(value.toPrecision(4))) : (value ?? ''),
        );
        // On a phone each row becomes a card of "column: value" lines (custom.css).
        cell.dataset.label = table.columns[index] ?? '';
        tr.append(cell);
      }
      html.append(tr);
    }
    wrapper.append(html);
    nodes.push(wrapper);
  }
  container.replaceChildren(...nodes);
}
