// The Performance page, built from the packages' committed benchmark results
// (packages/*/bench-results/*.json, written by each package's `pnpm bench`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeProse } from './page-utils.mjs';

function formatValue(value) {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    if (Number.isInteger(value)) return String(value);
    const magnitude = Math.abs(value);
    return magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e6)
      ? value.toExponential(3)
      : value.toPrecision(4);
  }
  if (value === null || value === undefined) return '';
  if (isScalarList(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'object') return escapeProse(JSON.stringify(value));
  return escapeProse(String(value));
}

function cell(value) {
  return formatValue(value).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isScalarList(value) {
  return Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object');
}

function rowTitle(row, index) {
  return String(row.label ?? row.case ?? row.name ?? row.id ?? `row ${index + 1}`);
}

/**
 * Every array of plain objects in a JSON value, with the key path that leads to it;
 * tables nested inside a row (e.g. the implementations of one benchmark case) follow it,
 * their path naming the row by its label/case/name.
 */
export function findTables(value, path = []) {
  if (Array.isArray(value)) {
    if (!value.length || !value.every(isPlainObject)) return [];
    const nested = value.flatMap((row, index) =>
      Object.entries(row).flatMap(([key, child]) =>
        child !== null && typeof child === 'object'
          ? findTables(child, [...path, rowTitle(row, index), key])
          : [],
      ),
    );
    return [{ path, rows: value }, ...nested];
  }
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([key, child]) => findTables(child, [...path, key]));
  }
  return [];
}

/** A column or key name for readers: `timeRatioOursOverNumpy` → `time ratio ours over numpy`. */
export function humanize(key) {
  // Split before a capitalized word, lower-case plain words, keep units such as MiB.
  return String(key)
    .replace(/([a-z0-9])(?=[A-Z][a-z])/g, '$1 ')
    .replace(/\b([A-Z])([a-z]+)\b/g, (_, first, rest) => first.toLowerCase() + rest);
}

/** A markdown table whose columns are the union of the rows' scalar keys, in first-seen order. */
export function markdownTable(rows) {
  const columns = [];
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (!columns.includes(key) && (value === null || typeof value !== 'object' || isScalarList(value))) {
        columns.push(key);
      }
    }
  }
  const header = `| ${columns.map((c) => escapeProse(humanize(c))).join(' | ')} |\n|${columns.map(() => '---').join('|')}|`;
  return `${header}\n${rows.map((row) => `| ${columns.map((c) => cell(row[c])).join(' | ')} |`).join('\n')}`;
}

/** Scalar settings of a bench file (machine, command, date…), nested objects flattened to `a.b`. */
function metadataEntries(value, prefix = '') {
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const name = `${prefix}${key}`;
    if (child === null || typeof child !== 'object' || isScalarList(child)) return [[name, child]];
    return isPlainObject(child) ? metadataEntries(child, `${name}.`) : [];
  });
}

/** A table's title from its key path, without the container keys (`results › gram › rows` → `gram`). */
function tableTitle(path) {
  return (
    path
      .filter((key) => !['results', 'rows', 'cases'].includes(key))
      // Keys are identifiers (humanized); row labels such as "symEig n=1000" stay as written.
      .map((key) => (/^[a-z]+[A-Z]\w*$/.test(key) ? humanize(key) : key))
      .join(', ')
  );
}

/**
 * A raw table in a box that scrolls sideways when the table is wider than the column, with
 * shadows at the edges that have more columns behind them (custom.css), focusable so the
 * keyboard can scroll it too.
 */
export function scrollingTable(markdown, label) {
  const name = escapeProse(String(label)).replace(/"/g, '&quot;');
  return `<div class="bl-table-scroll" tabindex="0" role="region" aria-label="${name} (scrolls sideways)">\n\n${markdown}\n\n</div>`;
}

/** Renders one benchmark JSON file: its scalar metadata as a list, then every table in it, collapsed. */
export function renderBenchFile(title, json) {
  const parts = [`### ${escapeProse(title)}`];
  const metadata = metadataEntries(json);
  const tables = findTables(json);
  const summaryOf = (pattern) => metadata.find(([key]) => pattern.test(key))?.[1];
  const facts = [
    ['processor', summaryOf(/(^|\.)cpu(\.model)?$/i)],
    ['date', summaryOf(/(^|\.)date$/i)],
    ['command', summaryOf(/(^|\.)command$/i)],
  ].filter(([, value]) => value !== undefined && value !== null);
  if (facts.length)
    parts.push(
      facts
        .map(([k, v]) => `${k}: ${k === 'command' ? `\`${String(v).replace(/`/g, '')}\`` : cell(v)}`)
        .join(' · '),
    );
  if (metadata.length || tables.length) {
    // Everything measured stays on the page, collapsed: the summary above is what most readers need.
    parts.push(
      `<details><summary>All settings and measurements (${tables.length} table${tables.length === 1 ? '' : 's'})</summary>`,
    );
    if (metadata.length)
      parts.push(metadata.map(([k, v]) => `- **${escapeProse(k)}**: ${cell(v)}`).join('\n'));
    for (const { path, rows } of tables) {
      const heading = tableTitle(path);
      if (heading) parts.push(`**${escapeProse(heading)}**`);
      parts.push(scrollingTable(markdownTable(rows), heading || title));
    }
    parts.push('</details>');
  }
  return parts.join('\n\n');
}

// Keys holding benignlab's time divided by numpy's (not numpy against numpy).
const ratioToNumpyKey = /^(?!numpy)\w*(ratio\w*numpy|overnumpy)\w*$/i;

/**
 * One summary row per measured case that reports a time ratio to numpy: the package, the
 * benchmark file, the case (with the implementation and threads when the file lists them)
 * and the processor the file names.
 */
export function numpyRatioRows(packageName, file, json) {
  const metadata = metadataEntries(json);
  const processor = metadata.find(([key]) => /(^|\.)cpu(\.model)?$/i.test(key))?.[1];
  const rows = [];
  for (const { path, rows: tableRows } of findTables(json)) {
    for (const [index, row] of tableRows.entries()) {
      if (row.implementation === 'numpy') continue;
      for (const [key, value] of Object.entries(row)) {
        if (!ratioToNumpyKey.test(key) || typeof value !== 'number' || !Number.isFinite(value)) continue;
        const what = [
          tableTitle(path),
          row.implementation ?? rowTitle(row, index),
          row.threads ? `${row.threads} thread${row.threads === 1 ? '' : 's'}` : '',
        ]
          .filter(Boolean)
          .join(', ');
        rows.push({
          package: packageName,
          benchmark: file,
          case: what,
          measure: humanize(key),
          ratio: value,
          processor: typeof processor === 'string' ? processor : '',
        });
      }
    }
  }
  return rows;
}

/** A time in seconds for a reader: `0.0771` → `77.1 ms`, `2.66` → `2.66 s`. */
export function formatSeconds(seconds) {
  if (seconds < 1e-3) return `${Number((seconds * 1e6).toPrecision(3))} µs`;
  if (seconds < 1) return `${Number((seconds * 1e3).toPrecision(3))} ms`;
  return `${Number(seconds.toPrecision(3))} s`;
}

/** Whose implementation a row measures: benignlab's own kernels or one of the references. */
function implementationFamily(implementation) {
  const name = String(implementation).toLowerCase();
  if (name.includes('numpy')) return 'numpy';
  if (name.includes('ml-matrix')) return 'ml-matrix';
  return 'benignlab';
}

/**
 * The bar charts of a bench file: one per table whose rows name an `implementation` and a
 * `medianSeconds` (a case at one size: benignlab's kernels, numpy and ml-matrix, each at
 * every thread count measured). Bars are HTML on a log time scale, so they reflow on a phone
 * and their text stays text; extrapolated timings (measured smaller, scaled up) are striped.
 * Returns `''` when the file has no such table.
 */
export function benchCharts(title, json) {
  const charts = [];
  for (const { path, rows } of findTables(json)) {
    const timed = rows.filter(
      (row) =>
        row.implementation !== undefined && typeof row.medianSeconds === 'number' && row.medianSeconds > 0,
    );
    if (timed.length < 2) continue;
    const times = timed.map((row) => row.medianSeconds);
    // Log scale from a third of the fastest (so its bar is visible) to the slowest.
    const low = Math.log(Math.min(...times) / 3);
    const high = Math.log(Math.max(...times));
    const width = (seconds) => (100 * (Math.log(seconds) - low)) / (high - low || 1);
    const bars = timed.map((row) => {
      const family = implementationFamily(row.implementation);
      const threads =
        typeof row.threads === 'number' ? ` · ${row.threads} thread${row.threads === 1 ? '' : 's'}` : '';
      const label = `${family === 'benignlab' ? 'benignlab ' : ''}${row.implementation}${threads}`;
      const value = `${formatSeconds(row.medianSeconds)}${row.extrapolated ? ' (extrapolated)' : ''}`;
      return (
        `<div class="bl-bar-row" data-family="${family}" data-seconds="${row.medianSeconds}">` +
        `<span class="bl-bar-label">${escapeProse(label)}</span>` +
        `<span class="bl-bar-track"><span class="bl-bar bl-bar-${family}${row.extrapolated ? ' bl-bar-extrapolated' : ''}" style="width: ${width(row.medianSeconds).toFixed(1)}%"></span></span>` +
        `<span class="bl-bar-value">${escapeProse(value)}</span></div>`
      );
    });
    const heading = tableTitle(path) || title;
    charts.push(
      `<figure class="bl-bench-chart" data-testid="bench-chart">` +
        `<figcaption class="bl-bench-caption"><strong>${escapeProse(heading)}</strong> (${escapeProse(title)}): median time, log scale; shorter is faster</figcaption>` +
        bars.join('') +
        '</figure>',
    );
  }
  return charts.join('\n');
}

/** The whole page; `packages` is `[{ slug, folder, name }]`. */
export function generatePerformancePage({ workspaceRoot, packages }) {
  const sections = [
    '# Performance',
    '',
    "Benchmark tables copied at build time from each package's committed",
    '`bench-results/*.json`. Each was produced by `pnpm bench` in that package (the root',
    '`node scripts/pnpm.mjs bench` runs them all), timing benignlab beside its reference',
    '(numpy through `python3`, ml-matrix) in the same run, medians over several runs. The',
    "figures are from the machine that ran them (see each package's README for the",
    'hardware); ratios are more portable than absolute times.',
  ];
  const missing = [];
  const summary = [];
  const details = [];
  const charts = [];
  for (const { folder, name } of packages) {
    const dir = join(workspaceRoot, folder, 'bench-results');
    const files = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .sort()
      : [];
    if (!files.length) {
      missing.push(name);
      continue;
    }
    details.push('', `## ${name}`, '');
    for (const file of files) {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const title = file.replace(/\.json$/, '');
      summary.push(...numpyRatioRows(name, title, json));
      const fileCharts = benchCharts(title, json);
      if (fileCharts) charts.push(fileCharts);
      details.push(renderBenchFile(title, json), '');
    }
  }
  if (summary.length) {
    const processors = [...new Set(summary.map((r) => r.processor).filter(Boolean))];
    sections.push(
      '',
      '## Summary: benignlab against numpy',
      '',
      `Time of benignlab divided by numpy's for the same work in the same run (below 1: benignlab is faster), on ${processors.length ? processors.map(escapeProse).join('; ') : 'the processor named in each file'}. Each package's section below has the full measurements.`,
      '',
      '| package | benchmark | case | measure | ours ÷ numpy |',
      '|---|---|---|---|---|',
      ...summary.map(
        (r) =>
          `| ${escapeProse(r.package)} | ${escapeProse(r.benchmark)} | ${cell(r.case)} | ${escapeProse(r.measure)} | ${cell(r.ratio)} |`,
      ),
    );
  }
  if (charts.length) {
    sections.push(
      '',
      '## Charts: benignlab, numpy and ml-matrix by size and threads',
      '',
      'Median time of each implementation for the same work, at every size and thread count measured. <span class="bl-bar-key bl-bar-benignlab"></span> benignlab <span class="bl-bar-key bl-bar-numpy"></span> numpy <span class="bl-bar-key bl-bar-ml-matrix"></span> ml-matrix; striped bars were measured at a smaller size and scaled up (see the measurements below).',
      '',
      ...charts,
    );
  }
  sections.push(...details);
  if (missing.length) {
    sections.push(
      '',
      '## Not benchmarked yet',
      '',
      `No committed \`bench-results/*.json\` in: ${missing.map((m) => `\`${m}\``).join(', ')}.`,
    );
  }
  return `<div v-pre>\n\n${sections.join('\n')}\n\n</div>\n`;
}
