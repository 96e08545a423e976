import { deriveSeed } from '@benignlab/data';
import { resolveConfig } from './config.js';
import type { AnyExperiment, ExperimentDefinition } from './definition.js';
import { ExperimentError } from './errors.js';
import type { Config, ExperimentResult, PlannedCell, Row, Summary } from './types.js';

/**
 * Running experiments. Planning, running one cell and assembling a result are separate
 * steps so that the Node worker pool (`@benignlab/experiments/node`) and this in-process
 * runner share them: whatever runs the cells, the result is assembled from rows in plan
 * order, so it is bit-identical for any number of workers.
 */

/** Progress of a run, for bars and logs. `cost` is in the experiments' own units. */
export type ProgressEvent =
  | { type: 'experiment-start'; id: string; cells: number; cost: number }
  | {
      type: 'cell-done';
      id: string;
      key: string;
      done: number;
      cells: number;
      costDone: number;
      cost: number;
      ms: number;
    }
  | { type: 'experiment-done'; id: string; ms: number };

/** A planned experiment: resolved config and cells with derived seeds. */
export interface ExperimentPlan {
  experiment: AnyExperiment;
  config: Config;
  sizes: 'quick' | 'default';
  seed: number;
  cells: PlannedCell[];
  cost: number;
}

/** Options of {@link planExperiment}. */
export interface PlanOptions {
  /** Top-level seed; every cell's seed derives from it. Default 2024. */
  seed?: number;
  /** Use the `--quick` sizes. */
  quick?: boolean;
  /** Config overrides, validated against the schema. */
  overrides?: unknown;
}

const PLAN_OPTION_KEYS: readonly string[] = ['seed', 'quick', 'overrides'];

/** The default top-level seed. */
export const DEFAULT_SEED = 2024;

/**
 * Validates a top-level seed: a non-negative safe integer.
 *
 * @param seed the value to check; must be an integer from 0 to 2^53 − 1
 * @example
 * ```ts
 * checkSeed(7); // 7
 * // checkSeed(-1) throws ExperimentError naming "seed"
 * ```
 */
export function checkSeed(seed: unknown): number {
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
    throw new ExperimentError('seed', `got ${String(seed)}; expected a non-negative integer`);
  }
  return seed;
}

/**
 * Resolves the config and derives every cell's seed: `deriveSeed(seed, id, cell.seedKey ?? cell.key)`.
 *
 * @param experiment the experiment definition, e.g. from `getExperiment('e1')`
 * @param options `seed`: top-level seed (default 2024); `quick`: the `--quick` sizes (default `false`); `overrides`: config key → value, validated against the schema
 * @example
 * ```ts
 * const plan = planExperiment(getExperiment('e1'), { quick: true, seed: 7 });
 * plan.cells.length; // settings × replicates
 * ```
 */
export function planExperiment(experiment: AnyExperiment, options: PlanOptions = {}): ExperimentPlan {
  if (options === null || typeof options !== 'object') {
    throw new ExperimentError('options', `expected an options object, got ${String(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!PLAN_OPTION_KEYS.includes(key)) {
      throw new ExperimentError(
        'options',
        `has unknown option "${key}"; expected one of ${PLAN_OPTION_KEYS.map((k) => `"${k}"`).join(', ')}`,
      );
    }
  }
  const seed = checkSeed(options.seed ?? DEFAULT_SEED);
  const config = resolveConfig(experiment.id, experiment.schema, options.overrides ?? {}, {
    quick: options.quick ?? false,
  });
  experiment.checkConfig?.(config);
  const specs = experiment.cells(config);
  const seen = new Set<string>();
  const cells = specs.map((spec, index): PlannedCell => {
    if (seen.has(spec.key)) throw new Error(`${experiment.id}: duplicate cell key ${spec.key}`);
    seen.add(spec.key);
    return { ...spec, index, seed: deriveSeed(seed, experiment.id, spec.seedKey ?? spec.key) };
  });
  const cost = cells.reduce((sum, cell) => sum + cell.cost, 0);
  return { experiment, config, sizes: options.quick ? 'quick' : 'default', seed, cells, cost };
}

/**
 * Assembles the result from each cell's rows (indexed like `plan.cells`) and summarizes it.
 *
 * @param plan the plan the cells came from
 * @param rowsByCell each cell's rows, indexed like `plan.cells`
 * @returns the result and the summary's wall time in ms
 * @example
 * ```ts
 * const experiment: AnyExperiment = getExperiment('e1');
 * const plan = planExperiment(experiment, { quick: true, overrides: { ns: [50, 100], replicates: 2 } });
 * const rows = await Promise.all(plan.cells.map((cell) => experiment.runCell(plan.config, cell)));
 * const { result } = assembleResult(plan, rows); // what runExperiment returns, cells run your way
 * ```
 */
export function assembleResult(
  plan: ExperimentPlan,
  rowsByCell: readonly Row[][],
): { result: ExperimentResult; summaryMs: number } {
  if (rowsByCell.length !== plan.cells.length) {
    throw new Error(`${plan.experiment.id}: got rows for ${rowsByCell.length} of ${plan.cells.length} cells`);
  }
  const rows = rowsByCell.flat();
  const started = now();
  const summary = plan.experiment.summarize(plan.config, rows);
  const summaryMs = now() - started;
  return {
    result: {
      id: plan.experiment.id,
      title: plan.experiment.title,
      sizes: plan.sizes,
      seed: plan.seed,
      config: plan.config,
      cells: plan.cells.map((cell) => ({ key: cell.key, seed: cell.seed })),
      rows,
      summary,
    },
    summaryMs,
  };
}

/**
 * Milliseconds from a monotonic clock, in Node and browsers alike.
 *
 * @example
 * ```ts
 * const started = now();
 * logGrid(1e-6, 1e2, 400);
 * const ms = now() - started; // wall time in ms
 * ```
 */
export function now(): number {
  return globalThis.performance.now();
}

/** Options of {@link runExperiment}. */
export interface RunOptions extends PlanOptions {
  onProgress?: (event: ProgressEvent) => void;
}

/**
 * Runs one experiment in this thread (browser-safe), cell by cell, emitting progress.
 *
 * @param typedExperiment the experiment definition, e.g. from `getExperiment('e1')` (its config and summary types carry into the result)
 * @param options `seed` (default 2024), `quick` (default `false`) and `overrides` as for {@link planExperiment}; `onProgress`: called with a progress event as each cell finishes
 * @example
 * ```ts
 * const overrides = { ns: [50, 100, 200], replicates: 2 }; // small; drop it for the --quick sizes
 * const { result } = await runExperiment(getExperiment('e1'), { quick: true, seed: 1, overrides });
 * result.summary.verdicts.map((v) => v.supported); // one per claim of the paper
 * ```
 */
export async function runExperiment<C extends Config = Config, S extends Summary = Summary>(
  typedExperiment: ExperimentDefinition<C, S>,
  options: RunOptions = {},
): Promise<{ result: ExperimentResult<C, S>; timings: { cellsMs: number; summaryMs: number } }> {
  // The runner works on the erased type; the result's config and summary are the experiment's.
  const experiment = typedExperiment as unknown as AnyExperiment;
  const { onProgress, ...planOptions } = options;
  const plan = planExperiment(experiment, planOptions);
  onProgress?.({ type: 'experiment-start', id: experiment.id, cells: plan.cells.length, cost: plan.cost });
  const rowsByCell: Row[][] = [];
  let cellsMs = 0;
  let costDone = 0;
  for (const cell of plan.cells) {
    const started = now();
    rowsByCell.push(await experiment.runCell(plan.config, cell));
    const ms = now() - started;
    cellsMs += ms;
    costDone += cell.cost;
    onProgress?.({
      type: 'cell-done',
      id: experiment.id,
      key: cell.key,
      done: rowsByCell.length,
      cells: plan.cells.length,
      costDone,
      cost: plan.cost,
      ms,
    });
  }
  const { result, summaryMs } = assembleResult(plan, rowsByCell);
  onProgress?.({ type: 'experiment-done', id: experiment.id, ms: cellsMs + summaryMs });
  return { result: result as ExperimentResult<C, S>, timings: { cellsMs, summaryMs } };
}
