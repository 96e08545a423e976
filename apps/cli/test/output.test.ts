import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReproduceArgs } from '../src/commands/reproduce-options.js';
import { AtomicWriter } from '../src/output/atomic-writer.js';
import { escapeHtml } from '../src/output/report-html.js';
import { UsageError } from '../src/usage-error.js';

const dir = mkdtempSync(join(tmpdir(), 'benignlab-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('AtomicWriter', () => {
  it('creates directories, replaces files whole and leaves no temporary file', () => {
    const writer = new AtomicWriter();
    const path = join(dir, 'nested', 'out.json');
    writer.write(path, '{"a":1}');
    writer.write(path, new Uint8Array([123, 125]));
    expect(readFileSync(path, 'utf8')).toBe('{}');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['out.json']);
    writer.cleanup();
  });
});

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('parseReproduceArgs', () => {
  it('has defaults: all experiments, all cores, seed 2024, ./benignlab-results', () => {
    const options = parseReproduceArgs([], 4);
    expect(options).toMatchObject({ quick: false, out: 'benignlab-results', seed: 2024, workers: 4 });
    expect(options.only[0]).toBe('e1');
  });

  it('parses every flag', () => {
    const options = parseReproduceArgs(
      ['--quick', '--out', 'x', '--only', 'e3,e1', '--seed', '5', '--workers=3'],
      2,
    );
    expect(options).toMatchObject({ quick: true, out: 'x', only: ['e1', 'e3'], seed: 5, workers: 3 });
  });

  it.each([
    [['--workers', '0'], '--workers'],
    [['--seed', 'x'], '--seed'],
    [['--only', ''], '--only'],
    [['--out', ''], '--out'],
    [['--nope'], '--nope'],
  ])('%j raises a UsageError naming %s', (argv, flag) => {
    try {
      parseReproduceArgs(argv, 2);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).argument).toBe(flag);
    }
  });
});
