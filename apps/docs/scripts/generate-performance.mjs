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
  return String(row.label ?? row.case ?? row.name ?? row.id ?? row.operation ?? `row ${index + 1}`);
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

/**
 * Renders one benchmark JSON file as one collapsed block: its name (and how many tables) as
 * the summary line; inside, the processor, date and command, its scalar metadata as a list,
 * then every table in it.
 */
export function renderBenchFile(title, json) {
  const metadata = metadataEntries(json);
  const tables = findTables(json);
  const summaryOf = (pattern) => metadata.find(([key]) => pattern.test(key))?.[1];
  const facts = [
    ['processor', summaryOf(/(^|\.)cpu(\.model)?$/i)],
    ['date', summaryOf(/(^|\.)date$/i)],
    ['command', summaryOf(/(^|\.)command$/i)],
  ].filter(([, value]) => value !== undefined && value !== null);
  // Everything measured stays on the page, collapsed: the summary and charts are what most readers need.
  const parts = [
    `<details class="bl-bench-file"><summary><strong>${escapeProse(title)}</strong>: ${tables.length ? `all settings and measurements (${tables.length} table${tables.length === 1 ? '' : 's'})` : 'settings and measurements'}</summary>`,
  ];
  if (facts.length)
    parts.push(
      facts
        .map(([k, v]) => `${k}: ${k === 'command' ? `\`${String(v).replace(/`/g, '')}\`` : cell(v)}`)
        .join(' · '),
    );
  if (metadata.length) parts.push(metadata.map(([k, v]) => `- **${escapeProse(k)}**: ${cell(v)}`).join('\n'));
  for (const { path, rows } of tables) {
    const heading = tableTitle(path);
    if (heading) parts.push(`**${escapeProse(heading)}**`);
    parts.push(scrollingTable(markdownTable(rows), heading || title));
  }
  parts.push('</details>');
  return parts.join('\n\n');
}

/**
 * Whether a bench file is a variant of another one: the same benchmark re-run on another
 * runtime, under load or at other sizes, named `<other>-<what differs>` (e.g.
 * `linalg-gram-1000-8000-…-Node-v24-22-3` beside `linalg`, `ridge-path-n500-p5000` beside
 * `ridge-path`). Variants stay in the full lists, not in the headline summary and charts.
 */
export function isVariant(title, titles) {
  return titles.some((other) => other !== title && title.startsWith(`${other}-`));
}

/**
 * The headline summary: per case of a (non-variant) bench file, benignlab's fastest
 * configuration against numpy, and ml-matrix against numpy where it was measured.
 */
export function headlineRatioRows(rows) {
  const cases = new Map();
  for (const row of rows) {
    const key = `${row.package}\u0000${row.benchmark}\u0000${row.group}`;
    const entry = cases.get(key) ?? {
      package: row.package,
      case: row.group,
      measure: row.measure,
      ours: undefined,
      mlMatrix: undefined,
    };
    // One measure per case (a file may also report e.g. the best-of-runs ratio).
    if (row.measure !== entry.measure) continue;
    if (row.family === 'benignlab' && (entry.ours === undefined || row.ratio < entry.ours.ratio))
      entry.ours = row;
    if (row.family === 'ml-matrix' && (entry.mlMatrix === undefined || row.ratio < entry.mlMatrix.ratio))
      entry.mlMatrix = row;
    cases.set(key, entry);
  }
  return [...cases.values()].filter((entry) => entry.ours !== undefined);
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
          // The case without the configuration: the headline summary keeps its fastest one.
          group:
            row.implementation !== undefined
              ? tableTitle(path) || rowTitle(row, index)
              : rowTitle(row, index),
          configuration: [
            row.implementation,
            row.threads ? `${row.threads} thread${row.threads === 1 ? '' : 's'}` : '',
          ]
            .filter(Boolean)
            .join(', '),
          family: row.implementation !== undefined ? implementationFamily(row.implementation) : 'benignlab',
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

/** Charts drawn open on the page; the others sit under one collapsed list. */
const OPEN_CHARTS = 4;

/** The whole page; `packages` is `[{ slug, folder, name }]`. */
export function generatePerformancePage({ workspaceRoot, packages }) {
  const sections = [
    '# Performance',
    '',
    'How fast benignlab is against numpy (through `python3`) and ml-matrix, timed side by side in',
    "the same run (medians over several runs) by each package's `pnpm bench` (the root",
    '`node scripts/pnpm.mjs bench` runs them all; the results are committed in',
    '`bench-results/*.json` and copied here at build time). Ratios are more portable than',
    'absolute times. The summary and a few charts are below; every measurement is in the',
    'collapsed lists at the end.',
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
    const titles = files.map((file) => file.replace(/\.json$/, ''));
    // Headline files first: a chart of a variant run is no headline.
    const ordered = [
      ...titles.filter((t) => !isVariant(t, titles)),
      ...titles.filter((t) => isVariant(t, titles)),
    ];
    details.push('', `### ${name}`, '');
    for (const title of ordered) {
      const json = JSON.parse(readFileSync(join(dir, `${title}.json`), 'utf8'));
      const variant = isVariant(title, titles);
      summary.push(...numpyRatioRows(name, title, json).map((row) => ({ ...row, variant })));
      const fileCharts = benchCharts(title, json);
      if (fileCharts) charts.push(...fileCharts.split('\n').map((chart) => ({ chart, variant })));
      details.push(renderBenchFile(title, json), '');
    }
  }
  if (summary.length) {
    const processors = [...new Set(summary.map((r) => r.processor).filter(Boolean))];
    const headline = headlineRatioRows(summary.filter((r) => !r.variant));
    sections.push(
      '',
      '## Summary: benignlab against numpy',
      '',
      `Time of benignlab divided by numpy's for the same work in the same run (below 1: benignlab is faster), on ${processors.length ? processors.map(escapeProse).join('; ') : 'the processor named in each file'}. Per case, benignlab's fastest configuration measured; ml-matrix's ratio to numpy where the bench ran it.`,
      '',
      '| package | case | ours ÷ numpy | our fastest configuration | ml-matrix ÷ numpy |',
      '|---|---|---|---|---|',
      ...headline.map(
        (r) =>
          `| ${escapeProse(r.package.replace('@benignlab/', ''))} | ${cell(r.case)} | ${cell(r.ours.ratio)} | ${cell(r.ours.configuration || r.ours.measure)} | ${r.mlMatrix ? cell(r.mlMatrix.ratio) : ''} |`,
      ),
      '',
      `<details class="bl-bench-all-ratios"><summary>Every ratio to numpy measured (${summary.length}, with every configuration, runtime and load)</summary>`,
      '',
      scrollingTable(
        [
          '| package | benchmark | case | measure | ratio to numpy |',
          '|---|---|---|---|---|',
          ...summary.map(
            (r) =>
              `| ${escapeProse(r.package)} | ${escapeProse(r.benchmark)} | ${cell(r.case)} | ${escapeProse(r.measure)} | ${cell(r.ratio)} |`,
          ),
        ].join('\n'),
        'Every ratio to numpy',
      ),
      '',
      '</details>',
    );
  }
  if (charts.length) {
    const headlineCharts = charts.filter((c) => !c.variant);
    const open = headlineCharts.slice(0, OPEN_CHARTS);
    const rest = [...headlineCharts.slice(OPEN_CHARTS), ...charts.filter((c) => c.variant)];
    sections.push(
      '',
      '## Charts: benignlab, numpy and ml-matrix by size and threads',
      '',
      'Median time of each implementation for the same work, at every thread count measured. <span class="bl-bar-key bl-bar-benignlab"></span> benignlab <span class="bl-bar-key bl-bar-numpy"></span> numpy <span class="bl-bar-key bl-bar-ml-matrix"></span> ml-matrix; striped bars were measured at a smaller size and scaled up (see the measurements below).',
      '',
      ...open.map((c) => c.chart),
    );
    if (rest.length)
      sections.push(
        '',
        `<details class="bl-bench-more-charts"><summary>${rest.length} more charts (other sizes, the browser, other runtimes and loads)</summary>`,
        '',
        ...rest.map((c) => c.chart),
        '',
        '</details>',
      );
  }
  if (details.length)
    sections.push('', '## All measurements', '', 'Per package and bench file, collapsed.', ...details);
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
