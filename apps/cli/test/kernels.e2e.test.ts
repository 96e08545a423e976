import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { supportedKernelVariants } from '@benignlab/linalg/wasm-kernels';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'benignlab-kernels-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SMALL = ['e1', '--quick', '--set', 'ns=20,40', '--seeds', '2', '--workers', '1'];
const runtime = `node ${process.versions.node}`;

function cellNames(out: string): string[] {
  return readdirSync(join(out, 'cells', 'e1')).filter((name) => /^[0-9a-f]{64}\.json$/.test(name));
}

describe('kernels: strict by default, --fast-kernels on request', () => {
  it('run records the strict kernels and the runtime; --fast-kernels gets cell files of its own', async () => {
    const out = join(scratch, 'run');
    const strict = await runCli(['run', ...SMALL, '--out', out, '--json']);
    expect(strict.code).toBe(0);
    const strictResult = JSON.parse(strict.stdout);
    expect(strictResult.producedWith).toEqual({ kernels: 'strict', variant: 'wasm-simd', runtime });
    expect(JSON.parse(readFileSync(join(out, 'e1.json'), 'utf8')).producedWith).toEqual(
      strictResult.producedWith,
    );
    const strictCells = cellNames(out);
    expect(strictCells).toHaveLength(4);

    const fast = await runCli(['run', ...SMALL, '--out', out, '--json', '--fast-kernels']);
    expect(fast.code).toBe(0);
    // Nothing reused: cells of the fast kernels may differ in the last bits, so they are named apart.
    expect(fast.stderr).not.toMatch(/reused \(--fresh/);
    const fastResult = JSON.parse(fast.stdout);
    expect(fastResult.producedWith).toEqual({
      kernels: 'fastest',
      variant: supportedKernelVariants().fma ? 'wasm-fma' : 'wasm-simd',
      runtime,
    });
    expect(cellNames(out)).toHaveLength(8);
    // Same numbers up to the last bits.
    const risk = (result: { rows: { risk: number }[] }) => result.rows.map((row) => row.risk);
    risk(fastResult).forEach((value: number, i: number) => {
      expect(Math.abs(value - (risk(strictResult)[i] as number))).toBeLessThanOrEqual(
        1e-12 * Math.abs(value),
      );
    });

    // merge names the cells by the policy it is given: the fast ones here, as the shards ran.
    const merged = await runCli(['merge', out, '--out', join(scratch, 'merged'), '--json', '--fast-kernels']);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(readFileSync(join(scratch, 'merged', 'e1.csv'), 'utf8')).toBe(
      readFileSync(join(out, 'e1.csv'), 'utf8'),
    );
    expect(JSON.parse(readFileSync(join(scratch, 'merged', 'e1.json'), 'utf8')).producedWith.kernels).toBe(
      'fastest',
    );
  });

  it('reproduce says in the report which kernels and runtime computed the numbers, and what that means', async () => {
    const strictOut = join(scratch, 'strict');
    const fastOut = join(scratch, 'fast');
    const [strict, fast] = await Promise.all([
      runCli(['reproduce', '--quick', '--only', 'e1', '--workers', '1', '--out', strictOut]),
      runCli(['reproduce', '--quick', '--only', 'e1', '--workers', '1', '--out', fastOut, '--fast-kernels']),
    ]);
    expect(strict.code).toBe(0);
    expect(fast.code).toBe(0);
    const strictReport = readFileSync(join(strictOut, 'report.html'), 'utf8');
    expect(strictReport).toContain(`Computed on ${runtime} with the strict kernels (wasm-simd).`);
    expect(strictReport).toContain('on every supported runtime and processor');
    const fastReport = readFileSync(join(fastOut, 'report.html'), 'utf8');
    expect(fastReport).toContain('--fast-kernels');
    expect(fastReport).toContain('may differ from other runtimes and processors');
    expect(fastReport).toContain('in the last bits');
    expect(JSON.parse(readFileSync(join(strictOut, 'e1.json'), 'utf8')).producedWith.kernels).toBe('strict');
  });

  it('--fast-kernels takes no value', async () => {
    const result = await runCli(['reproduce', '--fast-kernels=yes']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
