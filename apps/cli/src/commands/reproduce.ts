import { resolve } from 'node:path';
import {
  type AnyExperiment,
  type ExperimentPlan,
  getExperiment,
  planExperiment,
  rowsToCsv,
} from '@benignlab/experiments';
import { CancelledError, runPlans, type SuiteRun, type TimedResult } from '@benignlab/experiments/node';
import { figureToSvg, svgToPng } from '../figures/render.js';
import { AtomicWriter } from '../output/atomic-writer.js';
import { type ReportSection, reportHtml } from '../output/report-html.js';
import { ProgressBar } from '../terminal/progress.js';
import { styleFor } from '../terminal/style.js';
import { verdictTable } from '../terminal/verdict-table.js';
import { versions } from '../versions.js';
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
 * await reproduce({ quick: true, out: 'out', only: ['e1'], seed: 2024, workers: 2, help: false }, io);
 * ```
 */
export async function reproduce(options: ReproduceOptions, io: CommandIo): Promise<ReproduceOutcome> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const out = resolve(options.out);
  const writer = new AtomicWriter();
  const style = styleFor(io.stdout, io.env);
  const errStyle = styleFor(io.stderr, io.env);
  const experiments: AnyExperiment[] = options.only.map(getExperiment);
  const plans: ExperimentPlan[] = experiments.map((experiment) =>
    planExperiment(experiment, { seed: options.seed, quick: options.quick }),
  );
  const bar = new ProgressBar(io.stderr, errStyle, started);
  let suite: SuiteRun | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    bar.finish();
    writer.cleanup();
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
    const files: string[] = [];
    const sections: ReportSection[] = [];
    for (const [i, { result, timings }] of results.entries()) {
      const experiment = experiments[i] as AnyExperiment;
      const json = `${JSON.stringify({ id: result.id, title: result.title, sizes: result.sizes, seed: result.seed, config: result.config, cells: result.cells, summary: result.summary, rows: result.rows }, null, 2)}\n`;
      writer.write(`${out}/${result.id}.json`, json);
      writer.write(`${out}/${result.id}.csv`, rowsToCsv(result.rows));
      files.push(`${result.id}.json`, `${result.id}.csv`);
      const figures = experiment.figures(result).map((spec, k) => {
        const file = k === 0 ? result.id : `${result.id}-${spec.id}`;
        const svg = figureToSvg(spec);
        writer.write(`${out}/${file}.svg`, svg);
        writer.write(`${out}/${file}.png`, svgToPng(svg));
        files.push(`${file}.svg`, `${file}.png`);
        return { id: spec.id, title: spec.title, caption: spec.caption, svg, file };
      });
      sections.push({
        result,
        shows: experiment.shows,
        schema: experiment.schema,
        figures,
        tables: experiment.tables(result),
        timings,
      });
    }
    const totalMs = performance.now() - started;
    const command = `benignlab reproduce${options.quick ? ' --quick' : ''} --only ${options.only.join(',')} --seed ${options.seed} --workers ${options.workers}`;
    writer.write(
      `${out}/report.html`,
      reportHtml(
        {
          command,
          startedAt,
          seed: options.seed,
          sizes: options.quick ? 'quick' : 'default',
          workers: options.workers,
          totalMs,
          versions: versions(),
        },
        sections,
      ),
    );
    files.push('report.html');
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
    writer.cleanup();
    if (error instanceof CancelledError)
      return { results: [], files: [], totalMs: performance.now() - started };
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
