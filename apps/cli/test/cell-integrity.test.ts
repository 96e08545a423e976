import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getExperiment, planExperiment, type Row } from '@benignlab/experiments';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AtomicWriter, removeStaleTemporaries } from '../src/output/atomic-writer.js';
import { publishFiles } from '../src/output/output-set.js';
import { cellChecksum, cellFileText, readCellFile } from '../src/sweep/cell-file.js';
import { cellPath, planFile, plannedCellHash, writePlanFile } from '../src/sweep/cell-store.js';
import { MergeError, mergeDirectories } from '../src/sweep/merge-cells.js';
import { thrown } from './thrown.js';

const scratch = mkdtempSync(join(tmpdir(), 'benignlab-cell-integrity-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const header = { hash: 'a'.repeat(64), experiment: 'e1', key: 'n=50/rep=0', seed: 7 };
const rows: Row[] = [
  { n: 50, p: 400, replicate: 0, risk: 0.0324679399630365, norm2: 4.961378462520791, pgd: null },
  { n: 50, p: 400, replicate: 1, risk: 0.041, norm2: 5.5, pgd: 0.25 },
];
const text = cellFileText({ ...header, ms: 3 }, rows);

function readText(content: string) {
  const path = join(scratch, 'cell.json');
  writeFileSync(path, content);
  return readCellFile(path, header);
}

function edited(edit: (record: { rows: Record<string, unknown>[]; columns: unknown }) => void): string {
  const record = JSON.parse(text);
  edit(record);
  return `${JSON.stringify(record)}\n`;
}

describe('cell files are checked against their checksum and row type', () => {
  it('a written cell reads back exactly', () => {
    const read = readText(text);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.rows).toEqual(rows);
  });

  // Each of these was accepted as is (exit 0, altered results) before cell files had checksums.
  it.each([
    [
      'a number changed',
      (r: { rows: Record<string, unknown>[] }) => void (r.rows[0]!.risk = 0.324679399630365),
    ],
    [
      'a renamed column',
      (r: { rows: Record<string, unknown>[] }) => {
        r.rows[0]!.riskX = r.rows[0]!.risk;
        delete r.rows[0]!.risk;
      },
    ],
    ['a dropped column', (r: { rows: Record<string, unknown>[] }) => void delete r.rows[0]!.norm2],
    ['an extra row', (r: { rows: Record<string, unknown>[] }) => void r.rows.push({ ...r.rows[0] })],
    ['no rows', (r: { rows: Record<string, unknown>[] }) => void (r.rows = [])],
    [
      'a number stored as a string',
      (r: { rows: Record<string, unknown>[] }) => void (r.rows[0]!.risk = '0.03'),
    ],
    ['null in place of a number', (r: { rows: Record<string, unknown>[] }) => void (r.rows[0]!.norm2 = null)],
  ])('%s is detected', (_, edit) => {
    const read = readText(edited(edit));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toBe('corrupt');
  });

  it('one flipped digit is detected', () => {
    const at = text.indexOf('0.0324679399630365') + 10;
    const flipped = `${text.slice(0, at)}${text[at] === '9' ? '8' : '9'}${text.slice(at + 1)}`;
    expect(readText(flipped)).toMatchObject({
      ok: false,
      reason: 'corrupt',
      detail: expect.stringContaining('checksum'),
    });
  });

  it('rows that do not match the stored row type are refused even with a matching checksum', () => {
    const forge = (edit: (record: { rows: Record<string, unknown>[]; columns: unknown }) => void) => {
      const record = JSON.parse(text);
      edit(record);
      record.checksum = cellChecksum(header, record.columns, record.rows);
      return `${JSON.stringify(record)}\n`;
    };
    const cases: [string, (record: { rows: Record<string, unknown>[]; columns: unknown }) => void][] = [
      ['column risk', (r) => void (r.rows[0]!.risk = 'x')],
      ['has columns', (r) => void delete r.rows[1]!.risk],
      ['has no rows', (r) => void (r.rows = [])],
      ['columns is not a list', (r) => void (r.columns = 'n,p')],
    ];
    for (const [detail, edit] of cases) {
      const read = readText(forge(edit));
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.detail).toContain(detail);
    }
  });

  it('a directory in place of a cell file is unreadable, not corrupt', () => {
    const path = join(scratch, 'is-a-directory.json');
    mkdirSync(path, { recursive: true });
    expect(readCellFile(path, header)).toMatchObject({
      ok: false,
      reason: 'unreadable',
      detail: 'is a directory, not a cell file',
    });
  });

  it('any mutation of the file text is detected or leaves the rows exactly as written (property)', () => {
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('replace' as const),
        at: fc.nat(text.length - 1),
        char: fc.string({ minLength: 1, maxLength: 1 }),
      }),
      fc.record({
        kind: fc.constant('delete' as const),
        at: fc.nat(text.length - 1),
        length: fc.integer({ min: 1, max: 20 }),
      }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(text.length),
        chunk: fc.string({ maxLength: 8 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        let content = text;
        for (const m of mutations) {
          const at = Math.min(m.at, content.length);
          if (m.kind === 'replace') content = content.slice(0, at) + m.char + content.slice(at + 1);
          else if (m.kind === 'delete') content = content.slice(0, at) + content.slice(at + m.length);
          else content = content.slice(0, at) + m.chunk + content.slice(at);
        }
        const read = readText(content);
        if (read.ok) {
          expect(read.rows).toEqual(rows);
          read.rows.forEach((row, r) => {
            for (const [name, value] of Object.entries(row))
              expect(Object.is(value, rows[r]?.[name])).toBe(true);
          });
        } else {
          expect(['corrupt', 'unreadable']).toContain(read.reason);
          expect(read.detail.split('\n')).toHaveLength(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('temporary files of killed writers', () => {
  it('are removed when their process is gone, kept while it may still write', () => {
    const directory = join(scratch, 'temporaries');
    mkdirSync(directory, { recursive: true });
    const dead = `.${'b'.repeat(64)}.json.2147483646.0.tmp`; // no such pid
    const mine = `.${'c'.repeat(64)}.json.${process.pid}.0.tmp`;
    const foreign = `.${'d'.repeat(64)}.json.otherhost.12.0.tmp`;
    for (const name of [dead, mine, foreign, 'keep.json']) writeFileSync(join(directory, name), '{');
    expect(removeStaleTemporaries(directory)).toEqual([dead]);
    expect(readdirSync(directory).sort()).toEqual([mine, foreign, 'keep.json'].sort());
    // A day later, the other host's file is stale too.
    expect(removeStaleTemporaries(directory, Date.now() + 2 * 24 * 3600 * 1000)).toEqual([foreign]);
  });
});

describe('output sets are published all or nothing', () => {
  it('a failure while writing the set leaves the directory as it was', () => {
    const out = join(scratch, 'published');
    publishFiles(out, [
      { name: 'e1.json', contents: 'old json' },
      { name: 'e1.csv', contents: 'old csv' },
    ]);
    // The second file cannot be written (its directory does not exist in the staging area).
    expect(() =>
      publishFiles(out, [
        { name: 'e1.json', contents: 'new json' },
        { name: 'missing/e1.csv', contents: 'new csv' },
      ]),
    ).toThrow(/ENOENT/);
    expect(readFileSync(join(out, 'e1.json'), 'utf8')).toBe('old json');
    expect(readdirSync(out).sort()).toEqual(['e1.csv', 'e1.json']);
  });
});

describe('merge refuses edited cells and blames the right shard', () => {
  const plan = planExperiment(getExperiment('e1'), { quick: true, overrides: { ns: [20, 40, 80] } });
  const writer = new AtomicWriter();
  const writeCells = (directory: string, indices: number[], shards: number) => {
    writePlanFile(writer, directory, planFile(plan, shards));
    for (const index of indices) {
      const cell = plan.cells[index];
      if (!cell) throw new Error('no cell');
      const hash = plannedCellHash(plan, cell);
      writer.write(
        cellPath(directory, 'e1', hash),
        cellFileText({ hash, experiment: 'e1', key: cell.key, seed: cell.seed, ms: 1 }, [{ risk: 0.5 }]),
      );
    }
  };

  it('an edited cell is refused, naming its file', () => {
    const directory = join(scratch, 'edited');
    writeCells(
      directory,
      plan.cells.map((cell) => cell.index),
      1,
    );
    const cell = plan.cells[1]!;
    const path = cellPath(directory, 'e1', plannedCellHash(plan, cell));
    writeFileSync(path, readFileSync(path, 'utf8').replace('"risk":0.5', '"risk":5'));
    const error = thrown(() => mergeDirectories([directory]));
    expect(error).toBeInstanceOf(MergeError);
    expect(error.message).toContain(path);
    expect(error.message).toContain('checksum');
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('with shards of 2 and 4 in one directory, the missing cells are blamed on shard 2/2', () => {
    const directory = join(scratch, 'mixed-layouts');
    const all = plan.cells.map((cell) => cell.index);
    writeCells(
      directory,
      all.filter((i) => i % 2 === 0),
      2,
    ); // shard 1/2
    writeCells(
      directory,
      all.filter((i) => i % 4 === 0),
      4,
    ); // shard 1/4, ran last
    const error = thrown(() => mergeDirectories([directory]));
    expect(error.message).toContain('the run of shard 2/2');
    expect(error.message).toContain('--shard 2/2');
    expect(existsSync(join(directory, 'cells', 'e1'))).toBe(true);
  });
});
