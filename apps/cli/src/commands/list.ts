import { experiments } from '@benignlab/experiments';
import { listCommand } from './definitions.js';
import { formatCommandHelp } from './help-text.js';
import { parseCommandLine } from './parse-command-line.js';
import type { CommandIo } from './reproduce.js';

/**
 * `benignlab list`: the experiments of the suite (id, title, the claim each shows), as a
 * table or with `--json` as an array of `{ id, title, shows }`.
 *
 * @example
 * ```ts
 * await listMain(['--json'], io); // [{"id":"e1","title":…}, …]
 * ```
 */
export async function listMain(argv: readonly string[], io: CommandIo): Promise<number> {
  const { flags } = parseCommandLine(listCommand, argv);
  if (flags.help === true) {
    io.stdout.write(`${formatCommandHelp(listCommand)}\n`);
    return 0;
  }
  const entries = experiments.map((e) => ({ id: e.id, title: e.title, shows: e.shows }));
  if (flags.json === true) {
    io.stdout.write(`${JSON.stringify(entries)}\n`);
    return 0;
  }
  const titleWidth = Math.max(...entries.map((e) => e.title.length));
  for (const e of entries) io.stdout.write(`${e.id.padEnd(4)} ${e.title.padEnd(titleWidth)}  ${e.shows}\n`);
  io.stdout.write('\nSettings of one experiment: benignlab describe <id>\n');
  return 0;
}
