import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CellError } from '@benignlab/experiments/node';
import { LinalgError } from '@benignlab/linalg';
import { afterAll, describe, expect, it } from 'vitest';
import { describeError } from '../src/report-error.js';
import { RuntimeError } from '../src/runtime-error.js';
import { UsageError } from '../src/usage-error.js';
import { writeNpy } from './npy-writer.js';
import { BIN, runCli } from './run-cli.js';
import { runInProcess } from './run-in-process.js';

const scratch = mkdtempSync(join(tmpdir(), 'benignlab-errors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const INJECT = fileURLToPath(new URL('./fixtures/inject-fs-failure.mjs', import.meta.url));

function expectOneLine(result: { code: number | null; stderr: string }, code: number, text?: string) {
  expect(result.code).toBe(code);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^benignlab/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  if (text) expect(lines[0]).toContain(text);
}

describe('the top-level error handler', () => {
  const errno = (code: string, path: string) =>
    Object.assign(new Error(`${code}: something, write '${path}'`), { code, path, syscall: 'write' });

  it.each([
    [new UsageError('--n', 'got "x"; expected an integer'), 2, 'benignlab: --n: got "x"'],
    [errno('ENOSPC', '/out/e1.png'), 1, 'cannot write /out/e1.png: no space left on the device (ENOSPC)'],
    [errno('EROFS', '/out'), 1, 'read-only (EROFS)'],
    [errno('EACCES', '/out'), 1, 'permission denied (EACCES)'],
    [new RuntimeError('--out', 'x is a file'), 1, 'benignlab: --out: x is a file'],
    [new LinalgError('X', 'is empty'), 1, 'benignlab: X: is empty'],
    [
      new CellError('e5', 'rep=0', { name: 'NtkError', message: 'bad\nsecond line', stack: 'at worker' }),
      1,
      'e5 cell rep=0 failed: NtkError: bad',
    ],
  ])('%s → exit %i, one line', (error, status, line) => {
    const described = describeError(error, false);
    expect(described.status).toBe(status);
    expect(described.line).toContain(line);
    expect(described.line).not.toContain('\n');
    expect(described.stack).toBeUndefined();
  });

  it('an unknown error is reported as a bug; its stack only under --debug', () => {
    const bug = new TypeError('cannot read properties of undefined');
    const plain = describeError(bug, false);
    expect(plain.status).toBe(1);
    expect(plain.line).toContain('internal error (a bug in benignlab');
    expect(plain.line).toContain('rerun with --debug');
    expect(plain.stack).toBeUndefined();
    expect(describeError(bug, true).stack).toContain('TypeError');
  });
});

describe('failures are one line and an exit code, checked before any work (in process)', () => {
  it.each([
    [['run', 'e5', '--quick', '--set', 'widths=3,5'], 2, 'even integers'],
    [
      ['run', 'e1', '--quick', '--set', 'alphaAbsolute=0', '--set', 'alphaRelative=0'],
      2,
      'number in (0, 10]',
    ],
    [
      ['run', 'e1', '--quick', '--seeds', '2', '--set', 'replicates=3'],
      2,
      '--seeds: conflicts with --set replicates',
    ],
    [['reproduce', '--seed', '-5'], 2, '--seed: got "-5"; expected an integer ≥ 0'],
    [['run', 'e1', '--seed', '-5'], 2, '--seed: got "-5"; expected an integer ≥ 0'],
  ])('%j → exit %i', async (argv, code, text) => {
    expectOneLine(await runInProcess(argv), code, text);
  });

  it('a --config that is not JSON is one line', async () => {
    const path = join(scratch, 'bad.json');
    writeFileSync(path, '{\n  "ns": [50,\n  }\n');
    expectOneLine(await runInProcess(['run', 'e1', '--config', path]), 2, 'is not valid JSON');
  });

  it('--out that is a file (or below one) fails before work, for run and reproduce', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'x');
    expectOneLine(await runInProcess(['run', 'e1', '--quick', '--out', file]), 1, 'is a file');
    expectOneLine(
      await runInProcess(['run', 'e1', '--quick', '--out', join(file, 'sub')]),
      1,
      'not a directory',
    );
    expectOneLine(
      await runInProcess(['reproduce', '--quick', '--only', 'e1', '--out', file]),
      1,
      'is a file',
    );
  });

  it('an empty .npy design (0×p) is a data-file error', async () => {
    const x = join(scratch, 'empty-X.npy');
    const y = join(scratch, 'empty-y.npy');
    writeFileSync(x, writeNpy([], [0, 3]));
    writeFileSync(y, writeNpy([], [0]));
    expectOneLine(
      await runInProcess(['fit', '--x', x, '--y', y, '--model', 'minnorm']),
      2,
      'empty 0×3 array',
    );
  });
});

describe('failing files and streams (spawned CLI)', () => {
  it('stdout on a full device: one line, exit 1', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" list > /dev/full`], {
      encoding: 'utf8',
    });
    expectOneLine({ code: result.status, stderr: result.stderr }, 1, 'no space left on the device (ENOSPC)');
  });

  it('stdout closed early (| head -2): no stack, no error line', () => {
    const result = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" "${BIN}" theory --covariance isotropic:p=100 --n 50 --lambdas 1e-4:10:3000 | head -2 > /dev/null`,
      ],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
  });

  it('a full disk while publishing the results leaves the older run intact', async () => {
    const out = join(scratch, 'full-disk');
    expect((await runCli(['run', 'e1', '--quick', '--workers', '1', '--out', out])).code).toBe(0);
    const snapshot = () =>
      readdirSync(out)
        .filter((name) => name.startsWith('e1'))
        .map((name) => [name, readFileSync(join(out, name), 'base64')]);
    const before = snapshot();
    const result = spawnSync(
      process.execPath,
      ['--import', INJECT, BIN, 'run', 'e1', '--quick', '--workers', '1', '--seed', '9', '--out', out],
      { encoding: 'utf8', env: { ...process.env, INJECT_MATCH: '.png', INJECT_CODE: 'ENOSPC' } },
    );
    expectOneLine(
      { code: result.status, stderr: result.stderr.replace(/^benignlab run: .*reused.*\n/m, '') },
      1,
      'no space left',
    );
    expect(snapshot()).toEqual(before);
    expect(readdirSync(out).filter((name) => name.startsWith('.benignlab-staging'))).toEqual([]);
  });

  it('an edited cell is recomputed by run (one line saying so) and refused by merge', async () => {
    const out = join(scratch, 'edited');
    expect((await runCli(['run', 'e1', '--quick', '--workers', '1', '--out', out])).code).toBe(0);
    const original = readFileSync(join(out, 'e1.json'), 'utf8');
    const cells = join(out, 'cells', 'e1');
    const name = readdirSync(cells).find((f) => /^[0-9a-f]{64}\.json$/.test(f)) as string;
    const text = readFileSync(join(cells, name), 'utf8');
    const record = JSON.parse(text);
    record.rows[0].risk *= 10;
    writeFileSync(join(cells, name), JSON.stringify(record));
    const copy = join(scratch, 'edited-copy');
    cpSync(out, copy, { recursive: true });
    const merged = await runCli(['merge', copy]);
    expectOneLine(merged, 1, name);
    const rerun = await runCli(['run', 'e1', '--quick', '--workers', '1', '--out', out]);
    expect(rerun.code).toBe(0);
    expect(
      rerun.stderr.split('\n').filter((line) => line.includes(name) && line.includes('recomputing')),
    ).toHaveLength(1);
    expect(readFileSync(join(out, 'e1.json'), 'utf8')).toBe(original);
  });
});
