import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CellValue, Row } from '@benignlab/experiments';

/**
 * Format tag of a cell file; bumped if the layout ever changes. Version 2 added the
 * row type (`columns`) and the `checksum`; version-1 files are recomputed.
 */
export const CELL_FORMAT = 'benignlab-cell/2';

/** The kind of one column's values: what every row of a cell must hold in it. */
export type ColumnKind = 'number' | 'string' | 'boolean' | 'null';

function kindOf(value: CellValue): ColumnKind {
  return value === null ? 'null' : (typeof value as ColumnKind);
}

/** One shape of row: column names in order, each with the kind of its values. */
type RowShape = [string, ColumnKind][];

/**
 * The row type of a cell's rows: the distinct row shapes (column names in order with the
 * kind of their values) in order of first appearance. A cell may hold rows of several
 * shapes (e6: adversarial training adds columns); a number column may be null in some
 * rows (a measurement that does not apply), so `number` and `null` admit each other.
 */
function rowType(rows: readonly Row[]): RowShape[] {
  const shapes = new Map<string, RowShape>();
  for (const row of rows) {
    const names = Object.keys(row).join('\u0000');
    if (!shapes.has(names))
      shapes.set(
        names,
        Object.entries(row).map(([name, value]) => [name, kindOf(value)]),
      );
  }
  return [...shapes.values()];
}

function fitsKind(value: CellValue, kind: ColumnKind): boolean {
  const actual = kindOf(value);
  return (
    actual === kind || (actual === 'null' && kind === 'number') || (actual === 'number' && kind === 'null')
  );
}

/**
 * The checksum of a cell file: SHA-256 (hex) of the JSON of its identity, row type and
 * stored (tagged) rows, in the file's own key order, so any edit of a number, a column
 * name or order, or a row is detected on reading.
 *
 * @param identity the cell's header without `ms`: `hash` (of the configuration), `experiment` id, cell `key` and `seed`
 * @param columns the row type as stored in the file (column names and kinds, in order)
 * @param rows the stored rows, with special numbers already tagged
 * @example
 * ```ts
 * cellChecksum({ hash, experiment: 'e1', key, seed }, record.columns, record.rows); // 64 hex digits
 * ```
 */
export function cellChecksum(identity: Omit<CellHeader, 'ms'>, columns: unknown, rows: unknown): string {
  const { hash, experiment, key, seed } = identity;
  return createHash('sha256')
    .update(JSON.stringify([hash, experiment, key, seed, columns, rows]))
    .digest('hex');
}

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
 * The text of a cell file: format tag, identity, timing, the row type, the rows with
 * non-finite numbers tagged, and a checksum over identity, row type and rows.
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
  const columns = rowType(rows);
  const { hash, experiment, key, seed, ms } = header;
  const checksum = cellChecksum(header, columns, encoded);
  return `${JSON.stringify({ format: CELL_FORMAT, hash, experiment, key, seed, ms, columns, rows: encoded, checksum })}\n`;
}

/** Outcome of reading a cell file: its rows, or why it cannot be used. */
export type CellRead =
  | { ok: true; rows: Row[]; ms: number; text: string }
  | { ok: false; reason: 'missing' | 'corrupt' | 'unreadable'; detail: string };

/**
 * Reads and validates a cell file against the identity it must have. A file that is
 * missing, truncated, not JSON, of another format, of another cell (hash, experiment,
 * key or seed differ), whose checksum does not match its content, or with a row that
 * does not match the cell's row type (same columns in the same order, each value of its
 * column's kind, at least one row) is reported as `corrupt`, never trusted. A path that
 * cannot be read at all (a directory, no permission) is `unreadable`: rewriting it would
 * fail too.
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
    const why = code === 'EISDIR' ? 'is a directory, not a cell file' : `cannot be read (${code})`;
    return { ok: false, reason: 'unreadable', detail: why };
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
  if (typeof record.checksum !== 'string') {
    return { ok: false, reason: 'corrupt', detail: 'has no checksum' };
  }
  if (record.checksum !== cellChecksum(expected, record.columns, record.rows)) {
    return {
      ok: false,
      reason: 'corrupt',
      detail: 'checksum does not match its content (edited or damaged)',
    };
  }
  return readRows(record.columns, record.rows, text, typeof record.ms === 'number' ? record.ms : 0);
}

const KINDS: readonly string[] = ['number', 'string', 'boolean', 'null'];

function readShape(raw: unknown): RowShape | undefined {
  if (!Array.isArray(raw)) return undefined;
  const shape: RowShape = [];
  for (const entry of raw) {
    if (!Array.isArray(entry) || entry.length !== 2) return undefined;
    const [name, kind] = entry as unknown[];
    if (typeof name !== 'string' || typeof kind !== 'string' || !KINDS.includes(kind)) return undefined;
    shape.push([name, kind as ColumnKind]);
  }
  return new Set(shape.map(([name]) => name)).size === shape.length ? shape : undefined;
}

function readColumns(raw: unknown): Map<string, RowShape> | undefined {
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  const shapes = new Map<string, RowShape>();
  for (const entry of raw) {
    const shape = readShape(entry);
    if (!shape) return undefined;
    shapes.set(shape.map(([name]) => name).join('\u0000'), shape);
  }
  return shapes;
}

function readRows(rawColumns: unknown, rawRows: unknown, text: string, ms: number): CellRead {
  const shapes = readColumns(rawColumns);
  if (!shapes) {
    return { ok: false, reason: 'corrupt', detail: 'columns is not a list of row shapes' };
  }
  if (!Array.isArray(rawRows)) return { ok: false, reason: 'corrupt', detail: 'rows is not an array' };
  if (rawRows.length === 0) return { ok: false, reason: 'corrupt', detail: 'has no rows' };
  const rows: Row[] = [];
  for (const [r, raw] of (rawRows as unknown[]).entries()) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      return { ok: false, reason: 'corrupt', detail: `row ${r} is not an object` };
    }
    const names = Object.keys(raw);
    const shape = shapes.get(names.join('\u0000'));
    if (!shape) {
      return {
        ok: false,
        reason: 'corrupt',
        detail: `row ${r} has columns ${names.join(',')}; expected the columns of one of its ${shapes.size} row shapes`,
      };
    }
    const entries: [string, CellValue][] = [];
    for (const [name, kind] of shape) {
      const stored = (raw as Record<string, unknown>)[name];
      const decoded = decodeValue(stored);
      if (decoded === undefined || !fitsKind(decoded, kind)) {
        return {
          ok: false,
          reason: 'corrupt',
          detail: `row ${r}, column ${name}: got ${JSON.stringify(stored)}; expected a ${kind}`,
        };
      }
      entries.push([name, decoded]);
    }
    // fromEntries defines own properties, so a column named __proto__ stays a column.
    rows.push(Object.fromEntries(entries) as Row);
  }
  return { ok: true, rows, ms, text };
}
