import { availableParallelism } from 'node:os';
import { findExtraCommand } from './commands/extra-commands.js';
import { type CommandIo, reproduce } from './commands/reproduce.js';
import { parseReproduceArgs, REPRODUCE_USAGE } from './commands/reproduce-options.js';
import { reportError } from './report-error.js';
import { UsageError } from './usage-error.js';
import { versions } from './versions.js';

/** Top-level usage text. */
export const USAGE = `Usage: benignlab <command> [options]

Commands:
  reproduce    run the reproduction suite and write the report (benignlab reproduce --help)
  list         list the experiments of the suite
  describe     show an experiment's settings: defaults, quick sizes, allowed ranges
  run          run one experiment with any setting changed
  fit          fit min-norm, ridge or NTK regression to your own data (CSV or .npy)
  theory       deterministic-equivalent theory curves, instantly
  merge        combine the cell files of shard runs (run --shard i/N) into one run's results
  sweep-script print an sbatch job-array script or a Kubernetes Indexed Job for a sharded run

Every command takes --help (with examples).

Options:
  -h, --help     show this help
  -v, --version  show the version
  --debug        on an internal error, print its stack (also BENIGNLAB_DEBUG=1)`;

/** `--debug` anywhere before `--` (taken out of the arguments), or `BENIGNLAB_DEBUG=1`. */
function takeDebugFlag(
  argv: string[],
  env: Record<string, string | undefined>,
): { argv: string[]; debug: boolean } {
  const end = argv.indexOf('--');
  const head = end < 0 ? argv : argv.slice(0, end);
  const tail = end < 0 ? [] : argv.slice(end);
  const kept = head.filter((arg) => arg !== '--debug');
  const debug = kept.length !== head.length || env.BENIGNLAB_DEBUG === '1';
  return { argv: [...kept, ...tail], debug };
}

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit status:
 * 0 success, 1 failure, 2 usage error, each failure one stderr line (naming the bad flag
 * or value, or the file that could not be written); an internal error is reported as a
 * bug, with its stack only under `--debug`.
 *
 * @param argv the command line without `node` and the script, e.g. `process.argv.slice(2)`
 * @param io where output goes and the environment read: `stdout`, `stderr` (each `write(text)`, optional `isTTY`, `columns`) and `env` (default: the process's own)
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2));
 * ```
 */
export async function main(
  argv: string[],
  io: CommandIo = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  const { argv: args, debug } = takeDebugFlag(argv, io.env);
  const [command, ...rest] = args;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
      io.stdout.write(`${versions().benignlab}\n`);
      return 0;
    }
    if (command === 'reproduce') {
      const options = parseReproduceArgs(rest, availableParallelism());
      if (options.help) {
        io.stdout.write(`${REPRODUCE_USAGE}\n`);
        return 0;
      }
      await reproduce(options, io);
      return 0;
    }
    const extra = findExtraCommand(command);
    if (extra) return await extra(rest, io);
    throw new UsageError(
      command,
      'unknown command; expected one of: reproduce, list, describe, run, fit, theory, merge, sweep-script (see benignlab --help)',
    );
  } catch (error) {
    return reportError(error, io.stderr, debug);
  }
}
