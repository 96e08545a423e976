import { assembleResult, type ExperimentPlan, type ProgressEvent } from '../core/runner.js';
import type { ExperimentResult, Row } from '../core/types.js';
import { type CellTask, checkOptionKeys, type PoolOptions, type PoolRun, runCells } from './pool.js';

/** One experiment's result with its timings (ms). */
export interface TimedResult {
  result: ExperimentResult;
  timings: { cellsMs: number; summaryMs: number; wallMs: number };
  /** The linear-algebra backends its cells ran on, sorted (one name unless they differed), e.g. `["wasm-simd"]`. */
  backends: string[];
}

/** Options of {@link runPlans}. */
export interface SuiteOptions extends Omit<PoolOptions, 'onCellDone'> {
  onProgress?: (event: ProgressEvent) => void;
}

/** A running suite: the results in plan order, and `cancel()` for signal handlers. */
export interface SuiteRun {
  results: Promise<TimedResult[]>;
  cancel(): Promise<void>;
}

/**
 * Runs several planned experiments on one worker pool: all their cells are scheduled
 * together (so two cores stay busy across experiment boundaries), and each result is
 * assembled from its rows in plan order as soon as its last cell is in.
 *
 * @param plans planned experiments, e.g. from {@link planExperiment}
 * @param options `workers`: worker threads (default all cores); `inThread`: run in this thread (default `false`); `onProgress`: called with a progress event as each cell finishes
 * @example
 * ```ts
 * import { runPlans } from '@benignlab/experiments/node';
 * const plans = selectExperiments('e1,e2').map((e) => planExperiment(e, { quick: true, overrides: { ns: [100, 200], replicates: 2 } }));
 * const results = await runPlans(plans, { workers: 2 }).results;
 * ```
 */
export function runPlans(plans: readonly ExperimentPlan[], options: SuiteOptions = {}): SuiteRun {
  checkOptionKeys('options', options, ['workers', 'inThread', 'onProgress']);
  const tasks: CellTask[] = [];
  const owner: { plan: number; cell: number }[] = [];
  plans.forEach((plan, p) => {
    plan.cells.forEach((cell, c) => {
      tasks.push({ experimentId: plan.experiment.id, config: plan.config, cell });
      owner.push({ plan: p, cell: c });
    });
  });
  const rows: Row[][][] = plans.map((plan) => new Array(plan.cells.length));
  const done = plans.map(() => 0);
  const costDone = plans.map(() => 0);
  const cellsMs = plans.map(() => 0);
  const backends = plans.map(() => new Set<string>());
  const started = globalThis.performance.now();
  const firstCellAt = plans.map(() => started);
  const lastCellAt = plans.map(() => started);
  const { onProgress } = options;
  const finish = (p: number): TimedResult => {
    const plan = plans[p] as ExperimentPlan;
    const { result, summaryMs } = assembleResult(plan, rows[p] as Row[][]);
    const wallMs = (lastCellAt[p] as number) - (firstCellAt[p] as number) + summaryMs;
    onProgress?.({ type: 'experiment-done', id: plan.experiment.id, ms: wallMs });
    const used = [...(backends[p] as Set<string>)].sort();
    return { result, timings: { cellsMs: cellsMs[p] as number, summaryMs, wallMs }, backends: used };
  };
  for (const plan of plans) {
    onProgress?.({
      type: 'experiment-start',
      id: plan.experiment.id,
      cells: plan.cells.length,
      cost: plan.cost,
    });
  }
  let pool: PoolRun | undefined;
  const run = async (): Promise<TimedResult[]> => {
    pool = runCells(tasks, {
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(options.inThread === undefined ? {} : { inThread: options.inThread }),
      onCellDone(task, outcome) {
        const { plan: p, cell: c } = owner[task] as { plan: number; cell: number };
        const plan = plans[p] as ExperimentPlan;
        const cell = plan.cells[c];
        const at = globalThis.performance.now();
        if (done[p] === 0) firstCellAt[p] = at - outcome.ms;
        lastCellAt[p] = at;
        (rows[p] as Row[][])[c] = outcome.rows;
        done[p] = (done[p] as number) + 1;
        costDone[p] = (costDone[p] as number) + (cell?.cost ?? 0);
        cellsMs[p] = (cellsMs[p] as number) + outcome.ms;
        (backends[p] as Set<string>).add(outcome.backend);
        onProgress?.({
          type: 'cell-done',
          id: plan.experiment.id,
          key: cell?.key ?? '',
          done: done[p] as number,
          cells: plan.cells.length,
          costDone: costDone[p] as number,
          cost: plan.cost,
          ms: outcome.ms,
        });
      },
    });
    await pool.outcomes;
    return plans.map((_, p) => finish(p));
  };
  const results$ = run();
  return {
    results: results$,
    async cancel() {
      await pool?.cancel();
    },
  };
}
