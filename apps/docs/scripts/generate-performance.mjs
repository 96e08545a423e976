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
  const header = `| ${columns.map(escapeProse).join(' | ')} |\n|${columns.map(() => '---').join('|')}|`;
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

/** Renders one benchmark JSON file: its scalar metadata as a list, then every table in it. */
export function renderBenchFile(title, json) {
  const parts = [`### ${escapeProse(title)}`];
  const metadata = metadataEntries(json);
  if (metadata.length) parts.push(metadata.map(([k, v]) => `- **${escapeProse(k)}**: ${cell(v)}`).join('\n'));
  for (const { path, rows } of findTables(json)) {
    if (path.length) parts.push(`**${escapeProse(path.join(' › '))}**`);
    parts.push(markdownTable(rows));
  }
  return parts.join('\n\n');
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
    sections.push('', `## ${name}`, '');
    for (const file of files) {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      sections.push(renderBenchFile(file.replace(/\.json$/, ''), json), '');
    }
  }
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
