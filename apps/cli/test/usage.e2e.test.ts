import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('benignlab usage errors (spawned CLI)', () => {
  it.each([
    [['reproduce', '--workers', '0'], '--workers: got "0"; expected an integer ≥ 1'],
    [['reproduce', '--workers', 'many'], '--workers: got "many"; expected an integer ≥ 1'],
    [['reproduce', '--seed=-3'], '--seed: got "-3"; expected an integer ≥ 0'],
    // One parser for every command: the same message as `run --seed -3`.
    [['reproduce', '--seed', '-3'], '--seed: got "-3"; expected an integer ≥ 0'],
    [['run', 'e1', '--seed', '-3'], '--seed: got "-3"; expected an integer ≥ 0'],
    [['reproduce', '--seed', '1.5'], '--seed: got "1.5"; expected an integer ≥ 0'],
    [['reproduce', '--only', 'e1,e9'], '--only: unknown experiment "e9"; expected ids from e1'],
    [['reproduce', '--bogus'], '--bogus'],
    [['reproduce', '--out'], '--out'],
    [['reproduce', 'extra'], 'reproduce'],
    [['frobnicate'], 'frobnicate: unknown command; expected one of: reproduce'],
  ])('%j exits 2 with one line naming the problem', async (args, expected) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(expected);
    expect(lines[0]?.startsWith('benignlab: ')).toBe(true);
  });

  it('prints help with examples and exits 0', async () => {
    const result = await runCli(['reproduce', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: benignlab reproduce');
    expect(result.stdout).toContain('Examples:');
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('reproduce');
  });

  it('prints the version', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
