import { resolve } from 'node:path';
import {
  type AnyExperiment,
  type ExperimentPlan,
  findExperiment,
  planExperiment,
} from '@benignlab/experiments';
import { CancelledError, runPlans, type SuiteRun, type TimedResult } from '@benignlab/experiments/node';
import { checkOutputDirectory, type OutputFile, publishFiles } from '../output/output-set.js';
import { type ReportSection, reportHtml } from '../output/report-html.js';
import { ProgressBar } from '../terminal/progress.js';
import { styleFor } from '../terminal/style.js';
import { verdictTable } from '../terminal/verdict-table.js';
import { versions } from '../versions.js';
import { experimentFiles } from './experiment-files.js';
import { chooseKernels } from './kernel-choice.js';
import type { ReproduceOptions } from './reproduce-options.js';

/** Streams and environment of a command (injectable for tests). */
export interface CommandIo {
  stdout: { isTTY?: boolean; columns?: number; write(text: string): unknown };
  stderr: { isTTY?: boolean; columns?: number; write(text: string): unknown };
  env: Record<string, string | undefined>;
}

/** What a reproduce run wrote and found. */
export interface ReproduceOutcome {
  results: TimedResult[];
  files: string[];
  totalMs: number;
}

/**
 * `benignlab reproduce`: plans the selected experiments, runs all their cells on one
 * worker pool, then writes each experiment's JSON, CSV and figures and the report, every
 * file atomically. SIGINT/SIGTERM stop the workers and remove temporary files; files
 * already written are complete.
 *
 * @param options the parsed flags (from {@link parseReproduceArgs}): `quick`, `out` directory, `only` experiment ids, `seed`, `workers`
 * @param io where output goes and the environment read: `stdout`, `stderr` (each `write(text)`, optional `isTTY`, `columns`) and `env`
 * @example
 * ```ts
 * await reproduce({ quick: true, out: 'out', only: ['e1'], seed: 2024, workers: 2, fastKernels: false, help: false }, io);
 * ```
 */
export async function reproduce(options: ReproduceOptions, io: CommandIo): Promise<ReproduceOutcome> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const out = resolve(options.out);
  const style = styleFor(io.stdout, io.env);
  const errStyle = styleFor(io.stderr, io.env);
  const producedWith = chooseKernels(options.fastKernels);
  const experiments: AnyExperiment[] = options.only.map(findExperiment);
  const plans: ExperimentPlan[] = experiments.map((experiment) =>
    planExperiment(experiment, { seed: options.seed, quick: options.quick }),
  );
  checkOutputDirectory(out, '--out');
  const bar = new ProgressBar(io.stderr, errStyle, started);
  let suite: SuiteRun | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    bar.finish();
    io.stderr.write(
      `benignlab: interrupted by ${signal}; files already written are complete, nothing partial left\n`,
    );
    void (suite?.cancel() ?? Promise.resolve()).finally(() => {
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    suite = runPlans(plans, { workers: options.workers, onProgress: (event) => bar.update(event) });
    const results = await suite.results;
    bar.finish();
    // Everything is rendered in memory first and published as one set at the end.
    const output: OutputFile[] = [];
    const sections: ReportSection[] = [];
    for (const [i, { result, timings }] of results.entries()) {
      const experiment = experiments[i] as AnyExperiment;
      const rendered = experimentFiles(experiment, result, producedWith);
      output.push(...rendered.files);
      sections.push({
        result,
        shows: experiment.shows,
        schema: experiment.schema,
        figures: rendered.figures.map(({ spec, svg, file }) => ({
          id: spec.id,
          title: spec.title,
          caption: spec.caption,
          svg,
          file,
        })),
        tables: experiment.tables(result),
        timings,
      });
    }
    const totalMs = performance.now() - started;
    const command = `benignlab reproduce${options.quick ? ' --quick' : ''} --only ${options.only.join(',')} --seed ${options.seed} --workers ${options.workers}${options.fastKernels ? ' --fast-kernels' : ''}`;
    output.push({
      name: 'report.html',
      contents: reportHtml(
        {
          command,
          startedAt,
          seed: options.seed,
          sizes: options.quick ? 'quick' : 'default',
          workers: options.workers,
          producedWith,
          totalMs,
          versions: versions(),
        },
        sections,
      ),
    });
    publishFiles(out, output);
    const files = output.map((file) => file.name);
    const verdicts = results.map((r) => ({ id: r.result.id, verdicts: r.result.summary.verdicts }));
    const supported = verdicts.reduce((k, v) => k + v.verdicts.filter((x) => x.supported).length, 0);
    const claims = verdicts.reduce((k, v) => k + v.verdicts.length, 0);
    io.stdout.write(`${verdictTable(verdicts, style, io.stdout.columns || 110)}\n\n`);
    io.stdout.write(
      `${style.bold(`${supported} of ${claims} claims supported`)} in ${(totalMs / 1000).toFixed(1)} s. Report: ${out}/report.html\n`,
    );
    return { results, files, totalMs };
  } catch (error) {
    bar.finish();
    if (error instanceof CancelledError)
      return { results: [], files: [], totalMs: performance.now() - started };
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
