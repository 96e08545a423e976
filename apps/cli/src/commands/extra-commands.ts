import { describeMain } from './describe.js';
import { fitMain } from './fit.js';
import { listMain } from './list.js';
import { mergeMain } from './merge.js';
import type { CommandIo } from './reproduce.js';
import { runMain } from './run.js';
import { sweepScriptMain } from './sweep-script.js';
import { theoryMain } from './theory.js';

/** A command's entry point: arguments after the command name → exit status. */
export type CommandMain = (argv: readonly string[], io: CommandIo) => Promise<number>;

/** The commands besides `reproduce`, by name, for the dispatcher in cli.ts. */
export const extraCommands: Readonly<Record<string, CommandMain>> = {
  list: listMain,
  describe: describeMain,
  run: runMain,
  fit: fitMain,
  theory: theoryMain,
  merge: mergeMain,
  'sweep-script': sweepScriptMain,
};

/**
 * The entry point of a command other than `reproduce`, or `undefined`.
 *
 * @param name the command name as typed, e.g. `fit`
 * @example
 * ```ts
 * const main = findExtraCommand('fit');
 * if (main) process.exitCode = await main(['--help'], io);
 * ```
 */
export function findExtraCommand(name: string): CommandMain | undefined {
  return Object.hasOwn(extraCommands, name) ? extraCommands[name] : undefined;
}
