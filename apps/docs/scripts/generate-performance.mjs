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
      parts.push(markdownTable(rows));
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
