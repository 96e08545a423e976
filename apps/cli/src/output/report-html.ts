import {
  decisionText,
  type ExperimentResult,
  fmt,
  type ParamSpec,
  type TableSpec,
  type Verdict,
} from '@benignlab/experiments';
import { type ProducedWith, reproducibilityNote } from '../commands/kernel-choice.js';

/**
 * The self-contained report: one HTML file with inline SVG figures and inline CSS, no
 * scripts, no external resources, so it opens from disk anywhere and can be archived.
 */

/** Everything the report shows about one experiment. */
export interface ReportSection {
  result: ExperimentResult;
  shows: string;
  schema: Record<string, ParamSpec>;
  figures: { id: string; title: string; caption: string; svg: string; file: string }[];
  tables: TableSpec[];
  timings: { cellsMs: number; summaryMs: number; wallMs: number };
}

/** The run as a whole. */
export interface ReportRun {
  command: string;
  startedAt: string;
  seed: number;
  sizes: 'quick' | 'default';
  workers: number;
  /** The kernels and runtime that computed every number. */
  producedWith: ProducedWith;
  totalMs: number;
  versions: Record<string, string>;
}

/**
 * Escapes text for HTML content and attribute values.
 *
 * @param text any text
 * @example
 * ```ts
 * escapeHtml('R < 1 & "α"'); // 'R &lt; 1 &amp; &quot;α&quot;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function table(columns: string[], rows: (string | number | null)[][], className = ''): string {
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body = rows
    .map(
      (row) => `<tr>${row.map((v) => `<td>${escapeHtml(v === null ? '' : String(v))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table${className ? ` class="${className}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function verdictRows(id: string, verdicts: Verdict[]): string {
  return verdicts
    .map((v) => {
      // Results written before verdicts carried these fields show dashes.
      const decided = v.decidedBy ? decisionText(v.decidedBy) : '—';
      const truth =
        v.truthAdversarialRisk === null || v.truthAdversarialRisk === undefined
          ? '—'
          : fmt(v.truthAdversarialRisk);
      return `<tr class="${v.supported ? 'yes' : 'no'}"><td>${escapeHtml(id)}</td><td>${escapeHtml(v.claim)}</td><td>${v.budget ?? '—'}</td><td class="mark">${v.supported ? '✔ supported' : '✘ not supported'}</td><td>${escapeHtml(decided)}</td><td>${escapeHtml(truth)}</td><td>${escapeHtml(v.evidence)}</td><td>${escapeHtml(v.falsifiedBy ?? '—')}</td></tr>`;
    })
    .join('\n');
}

function verdictTable(sections: { id: string; verdicts: Verdict[] }[]): string {
  return `<table class="verdicts"><thead><tr><th scope="col">exp.</th><th scope="col">claim</th><th scope="col">budget</th><th scope="col">verdict</th><th scope="col">decided by</th><th scope="col">R_α(θ*)</th><th scope="col">the numbers</th><th scope="col">what would falsify it</th></tr></thead><tbody>
${sections.map((s) => verdictRows(s.id, s.verdicts)).join('\n')}
</tbody></table>`;
}

function configTable(section: ReportSection): string {
  const rows = Object.entries(section.result.config).map(([key, value]) => [
    key,
    Array.isArray(value) ? value.join(', ') : String(value),
    section.schema[key]?.description ?? '',
  ]);
  return table(['setting', 'value', 'meaning'], rows, 'config');
}

function sectionHtml(section: ReportSection): string {
  const { result } = section;
  const figures = section.figures
    .map(
      (f) =>
        `<figure id="fig-${escapeHtml(f.id)}">\n${f.svg}\n<figcaption><strong>${escapeHtml(f.title)}.</strong> ${escapeHtml(f.caption)} <span class="file">(${escapeHtml(f.file)}.svg, .png)</span></figcaption>\n</figure>`,
    )
    .join('\n');
  const tables = section.tables
    .map((t) => `<h3>${escapeHtml(t.title)}</h3>\n${table(t.columns, t.rows, 'numbers')}`)
    .join('\n');
  const seeds = result.cells.map((c) => [c.key, c.seed]);
  return `<section id="${escapeHtml(result.id)}">
<h2>${escapeHtml(result.id)} · ${escapeHtml(result.title)}</h2>
<p class="shows">${escapeHtml(section.shows)}</p>
${verdictTable([{ id: result.id, verdicts: result.summary.verdicts }])}
${figures}
${tables}
<h3>Configuration (${result.sizes} sizes)</h3>
${configTable(section)}
<details><summary>Seeds: ${result.cells.length} cells, each seeded from the top-level seed ${result.seed}</summary>
${table(['cell', 'seed'], seeds, 'seeds')}
</details>
<p class="timing">Time: ${seconds(section.timings.wallMs)} wall (${seconds(section.timings.cellsMs)} of cell compute, summary and theory ${seconds(section.timings.summaryMs)}). Data: ${escapeHtml(result.id)}.json (config, rows, summary) and ${escapeHtml(result.id)}.csv (${result.rows.length} tidy rows).</p>
</section>`;
}

const STYLE = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; background: #fff; margin: 0; }
main { max-width: 1100px; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { border-top: 2px solid #ddd; padding-top: 1.2rem; margin-top: 2.2rem; }
h3 { font-size: 1rem; margin-top: 1.4rem; }
table { border-collapse: collapse; margin: 0.6rem 0; font-size: 13px; }
th, td { border: 1px solid #ddd; padding: 3px 7px; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
table.numbers td { font-variant-numeric: tabular-nums; }
tr.yes td.mark { color: #05703a; font-weight: 600; white-space: nowrap; }
tr.no td.mark { color: #b00020; font-weight: 600; white-space: nowrap; }
figure { margin: 1.2rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 13px; color: #333; max-width: 760px; }
.file, .timing, .meta { color: #666; font-size: 13px; }
.shows { font-style: italic; }
`;

/**
 * The report as one HTML document.
 *
 * @param run how the run was made: `command`, `startedAt`, `seed`, `sizes`, `workers`, `totalMs` and package `versions`
 * @param sections one per experiment: its `result`, what it `shows`, `schema`, rendered `figures`, `tables` and `timings`
 * @example
 * ```ts
 * writer.write('out/report.html', reportHtml(run, sections));
 * ```
 */
export function reportHtml(run: ReportRun, sections: ReportSection[]): string {
  const supported = sections.reduce(
    (k, s) => k + s.result.summary.verdicts.filter((v) => v.supported).length,
    0,
  );
  const claims = sections.reduce((k, s) => k + s.result.summary.verdicts.length, 0);
  const versions = Object.entries(run.versions).map(([name, version]) => [name, version]);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>benignlab reproduction report</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Benign overfitting is harmful for adversarial robustness: reproduction report</h1>
<p class="meta">Hao &amp; Zhang, “The Surprising Harmfulness of Benign Overfitting for Adversarial Robustness” (arXiv:2401.12236). Produced by <code>${escapeHtml(run.command)}</code> on ${escapeHtml(run.startedAt)}; ${run.sizes} sizes; top-level seed ${run.seed}; ${run.workers} worker thread(s); total ${seconds(run.totalMs)}. ${escapeHtml(reproducibilityNote(run.producedWith))}</p>
<h2>Verdicts: ${supported} of ${claims} claims supported</h2>
<p>Each claim of the paper is checked against our simulations and theory curves. Claims about adversarial risk name the budget they were checked under: <em>absolute</em> (α as given) or <em>relative</em> (α = α_rel·√tr(Σ), the RMS length of an input), and are judged by the harm ratio R_α(θ̂)/R_α(θ*) against a truth that stays robust (R_α(θ*) is printed beside each). Every verdict names the one number that decided it, its threshold, and what result would have falsified the claim.</p>
${verdictTable(sections.map((s) => ({ id: s.result.id, verdicts: s.result.summary.verdicts })))}
${sections.map(sectionHtml).join('\n')}
<h2>Versions</h2>
${table(['component', 'version'], versions, 'versions')}
</main>
</body>
</html>
`;
}
