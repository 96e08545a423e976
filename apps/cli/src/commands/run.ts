import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { CancelledError, runPlans, type SuiteRun } from '@benignlab/experiments/node';
import { AtomicWriter } from '../output/atomic-writer.js';
import { ProgressBar } from '../terminal/progress.js';
import { styleFor } from '../terminal/style.js';
import { verdictTable } from '../terminal/verdict-table.js';
import { runCommand } from './definitions.js';
import { resultJson, writeExperimentFiles } from './experiment-files.js';
import { formatCommandHelp } from './help-text.js';
import type { CommandIo } from './reproduce.js';
import { parseRunArgs } from './run-options.js';

/**
 * `benignlab run <id>`: one experiment with settings from `--config`, `--set` and
 * `--seeds`, its cells on a worker pool (results identical for any `--workers`), then
 * `<id>.json`, `<id>.csv` and the figures written atomically into `--out`. Prints the
 * verdicts, or with `--json` the result (the content of `<id>.json`) and nothing else.
 * SIGINT/SIGTERM stop the workers and remove temporary files.
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
  const started = performance.now();
  const out = resolve(options.out);
  const writer = new AtomicWriter();
  const bar = new ProgressBar(io.stderr, styleFor(io.stderr, io.env), started);
  let suite: SuiteRun | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    bar.finish();
    writer.cleanup();
    io.stderr.write(`benignlab: interrupted by ${signal}; nothing partial left\n`);
    void (suite?.cancel() ?? Promise.resolve()).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    suite = runPlans([plan], { workers: options.workers, onProgress: (event) => bar.update(event) });
    const [timed] = await suite.results;
    bar.finish();
    if (!timed) throw new Error(`benignlab run: no result for ${plan.experiment.id}`);
    const files = writeExperimentFiles(writer, out, plan.experiment, timed.result);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (options.json) {
      io.stdout.write(resultJson(timed.result));
      io.stderr.write(
        `benignlab run: ${plan.experiment.id} in ${seconds} s; wrote ${files.join(', ')} to ${out}\n`,
      );
      return 0;
    }
    const style = styleFor(io.stdout, io.env);
    io.stdout.write(
      `${verdictTable([{ id: timed.result.id, verdicts: timed.result.summary.verdicts }], style, io.stdout.columns ?? 110)}\n\n`,
    );
    io.stdout.write(
      `${plan.experiment.id}: ${plan.cells.length} cells in ${seconds} s. Wrote ${files.join(', ')} to ${out}\n`,
    );
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
