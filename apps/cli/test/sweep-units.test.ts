import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getExperiment, planExperiment, type Row } from '@benignlab/experiments';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AtomicWriter } from '../src/output/atomic-writer.js';
import { cellFileText, readCellFile } from '../src/sweep/cell-file.js';
import { canonicalJson, cellHash } from '../src/sweep/cell-hash.js';
import { cellPath, planFile, plannedCellHash, writePlanFile } from '../src/sweep/cell-store.js';
import { MergeError, mergeDirectories } from '../src/sweep/merge-cells.js';
import { cellsOfShard, parseShard, shardFor, WHOLE_RUN } from '../src/sweep/shard.js';
import { kubernetesJob, shellQuote, slurmScript } from '../src/sweep/sweep-script-text.js';
import { UsageError } from '../src/usage-error.js';
import { thrown } from './thrown.js';

const scratch = mkdtempSync(join(tmpdir(), 'benignlab-sweep-units-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('shards', () => {
  it('parses i/N and refuses anything else, naming --shard', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3, source: '--shard' });
    for (const bad of ['0/3', '4/3', '3', '1/0', 'a/b', '-1/2', '1.5/3']) {
      const error = thrown(() => parseShard(bad));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toContain(`--shard: got "${bad}"; expected i/N`);
    }
  });

  it('reads Slurm arrays starting at 0 or 1, and Kubernetes indexed jobs', () => {
    const slurm = (id: string, min: string | undefined, count: string) =>
      shardFor(undefined, undefined, {
        SLURM_ARRAY_TASK_ID: id,
        SLURM_ARRAY_TASK_MIN: min,
        SLURM_ARRAY_TASK_COUNT: count,
      });
    expect(slurm('0', '0', '4')).toMatchObject({ index: 1, count: 4 });
    expect(slurm('4', '1', '4')).toMatchObject({ index: 4, count: 4 });
    expect(slurm('2', undefined, '4')).toMatchObject({ index: 3, count: 4 });
    expect(thrown(() => slurm('4', '0', '4')).message).toContain('SLURM_ARRAY_TASK_ID: task 4 (min 0)');
    expect(shardFor(undefined, 3, { JOB_COMPLETION_INDEX: '2' })).toMatchObject({ index: 3, count: 3 });
    expect(
      shardFor(undefined, undefined, { JOB_COMPLETION_INDEX: '0', BENIGNLAB_SHARD_COUNT: '5' }),
    ).toMatchObject({
      index: 1,
      count: 5,
    });
    expect(thrown(() => shardFor(undefined, undefined, { JOB_COMPLETION_INDEX: '0' })).message).toContain(
      '--shard-count N or set BENIGNLAB_SHARD_COUNT',
    );
    expect(thrown(() => shardFor(undefined, 2, {})).message).toContain(
      '--shard-count: needs JOB_COMPLETION_INDEX',
    );
    expect(
      shardFor('1/2', undefined, { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_COUNT: '9' }),
    ).toMatchObject({
      index: 1,
      count: 2,
    });
    expect(shardFor(undefined, undefined, {})).toEqual(WHOLE_RUN);
  });

  it('the shards of a plan partition its cells (property)', () => {
    const cells = planExperiment(getExperiment('e1'), { quick: true }).cells;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: cells.length + 3 }), (count) => {
        const seen = Array.from({ length: count }, (_, k) =>
          cellsOfShard(cells, { index: k + 1, count, source: '--shard' }).map((cell) => cell.index),
        );
        const all = seen.flat().sort((a, b) => a - b);
        expect(all).toEqual(cells.map((cell) => cell.index));
        const sizes = seen.map((slice) => slice.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('cell hashes and files', () => {
  it('the hash depends on the config’s content, not its key order, and on key and seed', () => {
    const a = cellHash({ experiment: 'e1', config: { ns: [1, 2], sigma2: 0.25 }, key: 'k', seed: 1 });
    const b = cellHash({ experiment: 'e1', config: { sigma2: 0.25, ns: [1, 2] }, key: 'k', seed: 1 });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
    expect(cellHash({ experiment: 'e1', config: { ns: [1, 2], sigma2: 0.25 }, key: 'k', seed: 2 })).not.toBe(
      a,
    );
    expect(cellHash({ experiment: 'e1', config: { ns: [1, 3], sigma2: 0.25 }, key: 'k', seed: 1 })).not.toBe(
      a,
    );
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });

  it('rows round-trip exactly, NaN, ±Infinity and −0 included (property)', () => {
    const value = fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.oneof(fc.string({ minLength: 1 }), fc.constant('__proto__')), value), {
          minLength: 1,
          maxLength: 4,
        }),
        (rows) => {
          const path = join(scratch, 'roundtrip.json');
          const header = { hash: 'h', experiment: 'e1', key: 'k', seed: 3 };
          writeFileSync(path, cellFileText({ ...header, ms: 1 }, rows as Row[]));
          const read = readCellFile(path, header);
          expect(read.ok).toBe(true);
          if (read.ok) expect(read.rows).toEqual(rows);
          if (read.ok) {
            read.rows.forEach((row, r) => {
              for (const [name, v] of Object.entries(row)) expect(Object.is(v, rows[r]?.[name])).toBe(true);
            });
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('truncated, foreign or malformed cell files are reported, never trusted', () => {
    const header = { hash: 'h', experiment: 'e1', key: 'k', seed: 3 };
    const text = cellFileText({ ...header, ms: 1 }, [{ n: 1, risk: 0.5 }]);
    const path = join(scratch, 'cell.json');
    const cases: [string, string][] = [
      [text.slice(0, text.length - 10), 'not valid JSON'],
      [text.replace('"seed":3', '"seed":4'), 'seed 4; expected 3'],
      [text.replace('benignlab-cell/2', 'other'), 'format other'],
      [text.replace('"risk":0.5', '"risk":[1]'), 'checksum does not match'],
    ];
    for (const [content, detail] of cases) {
      writeFileSync(path, content);
      const read = readCellFile(path, header);
      expect(read.ok).toBe(false);
      if (!read.ok) {
        expect(read.reason).toBe('corrupt');
        expect(read.detail).toContain(detail);
      }
    }
    expect(readCellFile(join(scratch, 'nowhere.json'), header)).toMatchObject({
      ok: false,
      reason: 'missing',
    });
  });
});

describe('merge errors', () => {
  const plan = planExperiment(getExperiment('e1'), { quick: true, overrides: { ns: [20, 40, 80] } });
  const writer = new AtomicWriter();
  const writeCells = (directory: string, indices: number[], risk = 0.5) => {
    writePlanFile(writer, directory, planFile(plan, 3));
    for (const index of indices) {
      const cell = plan.cells[index];
      if (!cell) throw new Error('no cell');
      const hash = plannedCellHash(plan, cell);
      writer.write(
        cellPath(directory, 'e1', hash),
        cellFileText({ hash, experiment: 'e1', key: cell.key, seed: cell.seed, ms: 1 }, [{ risk }]),
      );
    }
  };

  it('names how many cells are missing, which ones and the shard that likely failed', () => {
    const directory = join(scratch, 'missing');
    const fromShards1And2 = plan.cells.map((cell) => cell.index).filter((index) => index % 3 !== 2);
    writeCells(directory, fromShards1And2);
    const missing = plan.cells.length - fromShards1And2.length;
    const error = thrown(() => mergeDirectories([directory]));
    expect(error).toBeInstanceOf(MergeError);
    expect(error.message).toContain(
      `e1: ${missing} of ${plan.cells.length} cells missing (${plan.cells[2]?.key}`,
    );
    expect(error.message).toContain(`shard 3/3 (${missing}) likely failed`);
    expect(error.message).toContain('rerun it with the same options and --shard 3/3');
  });

  it('refuses a cell whose copies in two directories differ', () => {
    const all = plan.cells.map((cell) => cell.index);
    writeCells(join(scratch, 'one'), all, 0.5);
    writeCells(join(scratch, 'two'), [0], 0.75);
    const error = thrown(() => mergeDirectories([join(scratch, 'one'), join(scratch, 'two')]));
    expect(error).toBeInstanceOf(MergeError);
    expect(error.message).toContain(`cell ${plan.cells[0]?.key} has different rows in`);
  });

  it('refuses directories without plan files, naming them', () => {
    const empty = join(scratch, 'empty');
    writer.write(join(empty, 'note.txt'), 'nothing');
    expect(thrown(() => mergeDirectories([empty])).message).toContain('no plan files');
    expect(thrown(() => mergeDirectories([join(scratch, 'absent')])).message).toContain('is not a directory');
  });
});

describe('sweep scripts', () => {
  const spec = {
    id: 'e2',
    runArgs: ['--quick', '--set', 'ns=50,100', '--set', "label=it's"],
    out: '/scratch/my sweep',
    shards: 8,
    cpus: 4,
    time: '01:30:00',
    image: 'node:20-slim',
    pvc: 'claim',
    version: '0.1.0',
  };

  it('quotes shell arguments only when needed', () => {
    expect(shellQuote('ns=50,100')).toBe('ns=50,100');
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('a b')).toBe("'a b'");
  });

  it('the sbatch script is a job array of N tasks running the shard', () => {
    const lines = slurmScript(spec).split('\n');
    expect(lines[0]).toBe('#!/bin/bash');
    const directives = lines.filter((line) => line.startsWith('#SBATCH '));
    expect(directives).toEqual([
      '#SBATCH --job-name=benignlab-e2',
      '#SBATCH --array=1-8',
      '#SBATCH --cpus-per-task=4',
      '#SBATCH --time=01:30:00',
      '#SBATCH --output=benignlab-e2-%A_%a.log',
    ]);
    const run = lines.filter((line) => line.startsWith('benignlab run '));
    expect(run).toEqual([
      `benignlab run e2 --quick --set ns=50,100 --set 'label=it'\\''s' --shard "\${SLURM_ARRAY_TASK_ID}/8" --workers "\${SLURM_CPUS_PER_TASK:-1}" --out '/scratch/my sweep'`,
    ]);
    expect(lines.findIndex((l) => l.startsWith('#SBATCH'))).toBeLessThan(
      lines.findIndex((l) => !l.startsWith('#')),
    );
    expect(slurmScript(spec)).toContain(
      `--wrap 'npx --yes benignlab@0.1.0 merge '\\''/scratch/my sweep'\\'''\n`,
    );
  });

  it('the Kubernetes manifest is an Indexed Job with N completions and the shard count', () => {
    const text = kubernetesJob(spec);
    expect(text).toContain('kind: Job\n');
    expect(text).toContain('  completionMode: Indexed\n  completions: 8\n  parallelism: 8\n');
    const args = /args: (\[.*\])/.exec(text)?.[1];
    expect(JSON.parse(args ?? '[]')).toEqual([
      'run',
      'e2',
      ...spec.runArgs,
      '--shard-count',
      '8',
      '--workers',
      '4',
      '--out',
      '/scratch/my sweep',
    ]);
    expect(text).toContain('claimName: "claim"');
    expect(text).toContain('mountPath: "/scratch/my sweep"');
    expect(text).not.toContain('\t');
  });
});
