import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { experimentIds } from '@benignlab/experiments';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../src/commands/definitions.js';
import { runInProcess } from './run-in-process.js';

const scratch = mkdtempSync(join(tmpdir(), 'benignlab-cli-property-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
// `run` and `reproduce` get `--out <a file>` appended, so a valid command line stops at
// the output check (exit 1, one line) before any computation: the parser is what is tested.
const FILE = join(scratch, 'not-a-directory');
writeFileSync(FILE, 'x');

const commands = [
  ...commandDefinitions.map((definition) => definition.name),
  'help',
  '--version',
  'frobnicate',
];
const flagNames = [...new Set(commandDefinitions.flatMap((d) => d.flags.map((f) => `--${f.name}`)))];
const enumValues = [...new Set(commandDefinitions.flatMap((d) => d.flags.flatMap((f) => f.values ?? [])))];

/** Tokens a user might type, right or wrong, and mutations of them. */
const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...flagNames) },
  { weight: 2, arbitrary: fc.constantFrom(...experimentIds, 'e0', 'e1,e2', 'all') },
  { weight: 2, arbitrary: fc.constantFrom(...enumValues) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '0',
      '1',
      '2',
      '-5',
      '1.5',
      '1e3',
      '1e-3',
      '0x10',
      'NaN',
      'Infinity',
      '',
      ' ',
      '3/4',
      '0/2',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'isotropic:p=50',
      'spiked:p=60,s=3,tail=0.01',
      'widths=2,4',
      'replicates=1',
      'ns=50',
      'bogus=1',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('-h', '--help', '--json', '--', '-', '--debug', '--x=', '--seed=-1'),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...flagNames)
      .chain((flag) => fc.string({ maxLength: 6 }).map((tail) => `${flag}=${tail}`)),
  },
);

describe('the command line under random and mutated input (property)', () => {
  it('exits 0 with its output, or 1/2 with exactly one stderr line, never a stack', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...commands),
        fc.array(token, { maxLength: 7 }),
        async (command, args) => {
          const heavy = command === 'run' || command === 'reproduce';
          const argv = [command, ...args, ...(heavy ? ['--out', FILE] : [])];
          const result = await runInProcess(argv);
          expect([0, 1, 2]).toContain(result.code);
          if (result.code === 0) {
            expect(result.stderr).toBe('');
            expect(result.stdout.length).toBeGreaterThan(0);
            const json = args.includes('--json') && !args.some((a) => a === '--help' || a === '-h');
            if (json && !['help', '--version'].includes(command))
              expect(() => JSON.parse(result.stdout)).not.toThrow();
          } else {
            expect(result.stdout).toBe('');
            const lines = result.stderr.split('\n');
            expect(lines[0]).toMatch(/^benignlab/);
            expect(lines[0]).not.toContain('internal error');
            const end = args.indexOf('--');
            const debug = (end < 0 ? args : args.slice(0, end)).includes('--debug');
            // --debug adds the stack below the line; without it, one line and its newline.
            if (!debug) {
              expect(lines).toHaveLength(2);
              expect(result.stderr).not.toMatch(/\n\s+at /);
            }
          }
        },
      ),
      { numRuns: 250 },
    );
  });
});
