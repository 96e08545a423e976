import type { Row } from './types.js';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Tidy rows as RFC 4180 CSV: a header with every column (first-seen order), one line per
 * row, numbers in JavaScript's shortest round-trip form (so the CSV is exact and
 * bit-stable), `null` as an empty field.
 *
 * @param rows tidy rows (column → number, string, boolean or `null`)
 * @example
 * ```ts
 * rowsToCsv([{ n: 50, risk: 0.07 }]); // "n,risk\n50,0.07\n"
 * ```
 */
export function rowsToCsv(rows: readonly Row[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  const lines = [columns.map(cell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(','));
  return `${lines.join('\n')}\n`;
}
