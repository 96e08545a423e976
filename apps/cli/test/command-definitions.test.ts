import { describe, expect, it } from 'vitest';
import { USAGE } from '../src/cli.js';
import {
  commandDefinitions,
  describeCommand,
  fitCommand,
  reproduceCommand,
  runCommand,
} from '../src/commands/definitions.js';
import { extraCommands } from '../src/commands/extra-commands.js';
import { cliGuideMarkdown, formatCommandHelp, usageLine } from '../src/commands/help-text.js';
import { parseCommandLine } from '../src/commands/parse-command-line.js';
import { parseReproduceArgs } from '../src/commands/reproduce-options.js';
import { usageErrorOf } from './usage-error-of.js';

describe('command definitions', () => {
  it('every command is dispatched, listed in the top-level usage and has examples', () => {
    for (const command of commandDefinitions) {
      expect(USAGE).toContain(`  ${command.name} `);
      expect(command.examples.length).toBeGreaterThan(0);
      for (const example of command.examples)
        expect(example.command.startsWith(`benignlab ${command.name}`)).toBe(true);
      if (command.name !== 'reproduce') expect(extraCommands[command.name]).toBeTypeOf('function');
    }
  });

  it('every command but reproduce takes --json, --seed and --help', () => {
    for (const command of commandDefinitions.filter((c) => c.name !== 'reproduce')) {
      const names = command.flags.map((f) => f.name);
      expect(names).toEqual(expect.arrayContaining(['json', 'seed', 'help']));
    }
  });

  it('the reproduce definition lists exactly the flags parseReproduceArgs accepts', () => {
    const sample: Record<string, string[]> = {
      quick: ['--quick'],
      out: ['--out', 'x'],
      only: ['--only', 'e1'],
      seed: ['--seed', '3'],
      workers: ['--workers', '2'],
      'fast-kernels': ['--fast-kernels'],
      help: ['--help'],
    };
    expect(reproduceCommand.flags.map((f) => f.name).sort()).toEqual(Object.keys(sample).sort());
    for (const args of Object.values(sample)) expect(() => parseReproduceArgs(args, 2)).not.toThrow();
  });

  it('--help text and the docs guide are generated from the definitions', () => {
    const help = formatCommandHelp(fitCommand);
    expect(help.startsWith('Usage: benignlab fit --x FILE --y FILE --model MODEL [options]')).toBe(true);
    for (const flag of fitCommand.flags) expect(help).toContain(`--${flag.name}`);
    expect(help).toContain('one of minnorm, ridge, ntk, ntk-ridge');
    expect(help).toContain('Examples:');
    expect(usageLine(describeCommand)).toBe('benignlab describe <id> [options]');
    const guide = cliGuideMarkdown();
    for (const command of commandDefinitions) {
      expect(guide).toContain(`## \`benignlab ${command.name}\``);
      for (const flag of command.flags) expect(guide).toContain(`--${flag.name}`);
    }
  });
});

describe('parseCommandLine', () => {
  it('reads --flag value, --flag=value, switches, repeatable flags and defaults', () => {
    const parsed = parseCommandLine(runCommand, [
      'e1',
      '--set',
      'ns=50,100',
      '--set=replicates=2',
      '--quick',
      '--workers=3',
    ]);
    expect(parsed.positionals).toEqual(['e1']);
    expect(parsed.flags).toMatchObject({
      set: ['ns=50,100', 'replicates=2'],
      quick: true,
      workers: 3,
      out: 'benignlab-results',
    });
    expect(parsed.given.has('out')).toBe(false);
    expect(parsed.given.has('workers')).toBe(true);
  });

  it.each([
    [['e1', '--bogus'], '--bogus', /unknown option for "benignlab run"; expected one of --quick/],
    [['e1', '--workers'], '--workers', /needs a value N/],
    [['e1', '--workers', '--quick'], '--workers', /needs a value/],
    [['e1', '--workers', '0'], '--workers', /got "0"; expected an integer ≥ 1/],
    [['e1', '--workers', '1.5'], '--workers', /expected an integer/],
    [['e1', '--seed', '0x10'], '--seed', /got "0x10"/],
    [['e1', '--quick=yes'], '--quick', /is a switch/],
    [['e1', '--out', 'a', '--out', 'b'], '--out', /more than once/],
    [['e1', 'e2'], 'e2', /unexpected extra argument/],
    [[], '<id>', /is missing/],
    [['e0'], '<id>', /got "e0"; expected one of e1/],
  ])('%j → %s', (args, argument, message) => {
    const error = usageErrorOf(() => parseCommandLine(runCommand, args as string[]));
    expect(error.argument).toBe(argument);
    expect(error.message).toMatch(message);
  });

  it('--help skips the required-flag checks', () => {
    expect(parseCommandLine(fitCommand, ['--help']).flags.help).toBe(true);
    expect(usageErrorOf(() => parseCommandLine(fitCommand, [])).argument).toBe('--x');
  });
});
