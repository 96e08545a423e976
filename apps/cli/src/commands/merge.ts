import { resolve } from 'node:path';
import { MergeError, mergeDirectories } from '../sweep/merge-cells.js';
import { styleFor } from '../terminal/style.js';
import { verdictTable } from '../terminal/verdict-table.js';
import { mergeCommand } from './definitions.js';
import { writeExperimentFiles } from './experiment-files.js';
import { formatCommandHelp } from './help-text.js';
import { chooseKernels } from './kernel-choice.js';
import { parseCommandLine } from './parse-command-line.js';
import type { CommandIo } from './reproduce.js';

/**
 * `benignlab merge DIR…`: combines the cell files of shard runs into `<id>.json`,
 * `<id>.csv` and the figures, byte for byte what one unsharded run writes, in `--out`
 * (default: the first DIR). Missing or conflicting cells are a failure (exit 1) with a
 * line naming how many cells, which ones and the shard that likely failed.
 *
 * @example
 * ```ts
 * await mergeMain(['shard-1', 'shard-2', 'shard-3', '--out', 'merged'], io);
 * ```
 */
export async function mergeMain(argv: readonly string[], io: CommandIo): Promise<number> {
  const { flags, positionals } = parseCommandLine(mergeCommand, argv);
  if (flags.help === true) {
    io.stdout.write(`${formatCommandHelp(mergeCommand)}\n`);
    return 0;
  }
  // The cell files' names depend on the kernel policy (strict and fast cells never mix).
  const producedWith = chooseKernels(flags['fast-kernels'] === true);
  const directories = positionals.map((directory) => resolve(directory));
  const out = resolve((flags.out as string | undefined) ?? (directories[0] as string));
  let merged: ReturnType<typeof mergeDirectories>;
  try {
    merged = mergeDirectories(directories);
  } catch (error) {
    if (!(error instanceof MergeError)) throw error;
    io.stderr.write(`benignlab merge: ${error.message}\n`);
    return 1;
  }
  const written = merged.map(({ plan, result, duplicates }) => ({
    id: result.id,
    cells: plan.cells.length,
    duplicates,
    out,
    files: writeExperimentFiles(out, plan.experiment, result, producedWith),
    verdicts: result.summary.verdicts,
  }));
  if (flags.json === true) {
    io.stdout.write(
      `${JSON.stringify(written.map(({ id, cells, duplicates, out: directory, files }) => ({ id, cells, duplicates, out: directory, files })))}\n`,
    );
    return 0;
  }
  const style = styleFor(io.stdout, io.env);
  io.stdout.write(
    `${verdictTable(
      written.map(({ id, verdicts }) => ({ id, verdicts })),
      style,
      io.stdout.columns ?? 110,
    )}\n\n`,
  );
  for (const entry of written) {
    io.stdout.write(
      `${entry.id}: merged ${entry.cells} cells from ${directories.length} ${directories.length === 1 ? 'directory' : 'directories'}. Wrote ${entry.files.join(', ')} to ${out}\n`,
    );
  }
  return 0;
}
