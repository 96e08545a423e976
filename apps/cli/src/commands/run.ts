import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { CancelledError } from '@benignlab/experiments/node';
import { AtomicWriter } from '../output/atomic-writer.js';
import { checkOutputDirectory } from '../output/output-set.js';
import { cellsDirectory } from '../sweep/cell-store.js';
import { type SweepRun, startSweep } from '../sweep/run-sweep.js';
import { shardFor } from '../sweep/shard.js';
import { ProgressBar } from '../terminal/progress.js';
import { styleFor } from '../terminal/style.js';
import { verdictTable } from '../terminal/verdict-table.js';
import { runCommand } from './definitions.js';
import { resultJson, writeExperimentFiles } from './experiment-files.js';
import { formatCommandHelp } from './help-text.js';
import { chooseKernels } from './kernel-choice.js';
import type { CommandIo } from './reproduce.js';
import { parseRunArgs } from './run-options.js';

/**
 * `benignlab run <id>`: one experiment with settings from `--config`, `--set` and
 * `--seeds`, its cells on a worker pool (results identical for any `--workers`), each
 * cell's rows written to `<out>/cells/<id>/<hash>.json` as it finishes (cells already
 * there are reused unless `--fresh`), then `<id>.json`, `<id>.csv` and the figures
 * written atomically into `--out`. With `--shard i/N` (or the Slurm/Kubernetes
 * environment) only that slice's cells are run and written. Prints the verdicts, or with
 * `--json` the result (the content of `<id>.json`) and nothing else. SIGINT/SIGTERM stop
 * the workers and remove temporary files; finished cells stay for the resume.
 *
 * @example
 * ```ts
 * await runMain(['e1', '--quick', '--set', 'ns=50,100', '--out', 'results'], io);
 * ```
 */
export async function runMain(argv: readonly string[], io: CommandIo): Promise<number> {
  const { options, plan } = parseRunArgs(argv, availableParallelism());
  if (options.help || !plan) {
    io.stdout.write(`${formatCommandHelp(runCommand)}\n`);
    return 0;
  }
  const shard = shardFor(options.shard, options.shardCount, io.env);
  const producedWith = chooseKernels(options.fastKernels);
  const id = plan.experiment.id;
  const started = performance.now();
  const out = resolve(options.out);
  const cellsDir = cellsDirectory(out, id);
  checkOutputDirectory(out, '--out');
  const writer = new AtomicWriter();
  const bar = new ProgressBar(io.stderr, styleFor(io.stderr, io.env), started);
  const label = shard.count === 1 ? id : `${id} shard ${shard.index}/${shard.count} (${shard.source})`;
  let sweep: SweepRun | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    bar.finish();
    writer.cleanup();
    const kept = (sweep?.reused ?? 0) + (sweep?.computed() ?? 0);
    io.stderr.write(
      `benignlab: interrupted by ${signal}; ${kept} finished cells are kept in ${cellsDir} and nothing partial is left; rerun the same command to resume\n`,
    );
    void (sweep?.cancel() ?? Promise.resolve()).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    sweep = startSweep(plan, {
      out,
      shard,
      workers: options.workers,
      fresh: options.fresh,
      writer,
      onProgress: (event) => bar.update(event),
      onCorrupt: (path, detail) =>
        io.stderr.write(`benignlab run: ${path}: ${detail}; recomputing that cell\n`),
      onStaleRemoved: (names) =>
        io.stderr.write(
          `benignlab run: removed ${names.length} temporary ${names.length === 1 ? 'file' : 'files'} of an interrupted run from ${cellsDir}\n`,
        ),
    });
    if (sweep.reused > 0) {
      io.stderr.write(
        `benignlab run: ${label}: ${sweep.reused} cells already in ${cellsDir} are reused (--fresh recomputes them)\n`,
      );
    }
    const outcome = await sweep.outcome;
    bar.finish();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const counts = `${outcome.cells} cells (${outcome.computed} computed, ${outcome.reused} reused)`;
    if (!outcome.result) {
      const message = `${label}: ${counts} in ${seconds} s, written to ${cellsDir}; when every shard is done: benignlab merge ${out}`;
      if (options.json) {
        io.stdout.write(
          `${JSON.stringify({ id, shard: `${shard.index}/${shard.count}`, cells: outcome.cells, reused: outcome.reused, computed: outcome.computed, directory: cellsDir })}\n`,
        );
        io.stderr.write(`benignlab run: ${message}\n`);
      } else {
        io.stdout.write(`${message}\n`);
      }
      return 0;
    }
    const result = outcome.result;
    const files = writeExperimentFiles(out, plan.experiment, result, producedWith);
    if (options.json) {
      io.stdout.write(resultJson(result, producedWith));
      io.stderr.write(
        `benignlab run: ${id}: ${counts} in ${seconds} s; wrote ${files.join(', ')} to ${out}\n`,
      );
      return 0;
    }
    const style = styleFor(io.stdout, io.env);
    io.stdout.write(
      `${verdictTable([{ id: result.id, verdicts: result.summary.verdicts }], style, io.stdout.columns ?? 110)}\n\n`,
    );
    io.stdout.write(`${id}: ${counts} in ${seconds} s. Wrote ${files.join(', ')} to ${out}\n`);
    return 0;
  } catch (error) {
    bar.finish();
    writer.cleanup();
    if (error instanceof CancelledError) return 1;
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
