import { readFileSync } from 'node:fs';
import type { CellValue, Row } from '@benignlab/experiments';

/** Format tag of a cell file; bumped if the layout ever changes. */
export const CELL_FORMAT = 'benignlab-cell/1';

/**
 * JSON cannot hold NaN, ±Infinity or −0, which rows may contain; they are stored as
 * `{ "number": "NaN" }` (rows never hold objects, so the tag is unambiguous) and read
 * back exactly, which is what makes merged results byte-identical to unsharded ones.
 */
function encodeValue(value: CellValue): CellValue | { number: string } {
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) {
    return { number: Object.is(value, -0) ? '-0' : String(value) };
  }
  return value;
}

const SPECIAL: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
  '-0': -0,
};

function decodeValue(value: unknown): CellValue | undefined {
  if (
    value === null ||
    typeof value === 'number' ||
    typeof value === 'string' ||
    typeof value === 'boolean'
  ) {
    return value;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const tag = (value as { number?: unknown }).number;
    if (typeof tag === 'string' && Object.hasOwn(SPECIAL, tag)) return SPECIAL[tag];
  }
  return undefined;
}

/** What a cell file records besides its rows. */
export interface CellHeader {
  hash: string;
  experiment: string;
  key: string;
  seed: number;
  /** Wall time of the cell in ms (informative; not part of any result). */
  ms: number;
}

/**
 * The text of a cell file: format tag, identity, timing and the rows with non-finite
 * numbers tagged.
 *
 * @param header the cell's identity (`hash`, `experiment`, `key`, `seed`) and its compute time `ms`
 * @param rows the rows the cell produced
 * @example
 * ```ts
 * writer.write(path, cellFileText({ hash, experiment: 'e1', key, seed, ms }, rows));
 * ```
 */
export function cellFileText(header: CellHeader, rows: readonly Row[]): string {
  const encoded = rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([name, value]) => [name, encodeValue(value)])),
  );
  return `${JSON.stringify({ format: CELL_FORMAT, ...header, rows: encoded })}\n`;
}

/** Outcome of reading a cell file: its rows, or why it cannot be used. */
export type CellRead =
  | { ok: true; rows: Row[]; ms: number; text: string }
  | { ok: false; reason: 'missing' | 'corrupt'; detail: string };

/**
 * Reads and validates a cell file against the identity it must have. A file that is
 * missing, truncated, not JSON, of another format, of another cell (hash, experiment,
 * key or seed differ) or with malformed rows is reported, never trusted.
 *
 * @param path the cell file to read
 * @param expected the identity it must carry (`hash`, `experiment`, `key`, `seed`); a mismatch counts as corrupt
 * @example
 * ```ts
 * const read = readCellFile(path, { hash, experiment: 'e1', key, seed });
 * if (read.ok) rowsByCell[i] = read.rows;
 * ```
 */
export function readCellFile(path: string, expected: Omit<CellHeader, 'ms'>): CellRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'missing', detail: 'not on disk' };
    return { ok: false, reason: 'corrupt', detail: `cannot be read (${code})` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'corrupt', detail: 'not valid JSON (truncated?)' };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, reason: 'corrupt', detail: 'not a JSON object' };
  }
  const record = parsed as Record<string, unknown>;
  if (record.format !== CELL_FORMAT) {
    return {
      ok: false,
      reason: 'corrupt',
      detail: `format ${String(record.format)}; expected ${CELL_FORMAT}`,
    };
  }
  for (const field of ['hash', 'experiment', 'key', 'seed'] as const) {
    if (record[field] !== expected[field]) {
      return {
        ok: false,
        reason: 'corrupt',
        detail: `${field} ${JSON.stringify(record[field])}; expected ${JSON.stringify(expected[field])}`,
      };
    }
  }
  if (!Array.isArray(record.rows)) return { ok: false, reason: 'corrupt', detail: 'rows is not an array' };
  const rows: Row[] = [];
  for (const [r, raw] of (record.rows as unknown[]).entries()) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      return { ok: false, reason: 'corrupt', detail: `row ${r} is not an object` };
    }
    const entries: [string, CellValue][] = [];
    for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
      const decoded = decodeValue(value);
      if (decoded === undefined) {
        return {
          ok: false,
          reason: 'corrupt',
          detail: `row ${r}, column ${name}: not a number, string or boolean`,
        };
      }
      entries.push([name, decoded]);
    }
    // fromEntries defines own properties, so a column named __proto__ stays a column.
    rows.push(Object.fromEntries(entries) as Row);
  }
  const ms = typeof record.ms === 'number' ? record.ms : 0;
  return { ok: true, rows, ms, text };
}
