import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { now } from '../core/runner.js';
import type { Config, PlannedCell, Row } from '../core/types.js';
import { getExperiment } from '../definitions/registry.js';

/** One cell to run, with the experiment and config it belongs to. */
export interface CellTask {
  experimentId: string;
  config: Config;
  cell: PlannedCell;
}

/** What running a cell produced. */
export interface CellOutcome {
  rows: Row[];
  ms: number;
}

/** Options of {@link runCells}. */
export interface PoolOptions {
  /** Worker threads. Default: all cores. */
  workers?: number;
  /**
   * Run the cells in this thread instead (no worker script needed, e.g. from sources
   * under vitest). The CLI never does: a busy main thread could not react to Ctrl-C.
   */
  inThread?: boolean;
  /** Called as each cell finishes (in completion order). */
  onCellDone?: (task: number, outcome: CellOutcome) => void;
}

/** A running pool: the outcomes (indexed like the tasks) and a way to stop early. */
export interface PoolRun {
  outcomes: Promise<CellOutcome[]>;
  /** Terminates the workers; `outcomes` rejects with a {@link CancelledError}. */
  cancel(): Promise<void>;
}

/** Rejection reason of a cancelled {@link PoolRun}. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

/**
 * The default worker count: every core this process may use.
 *
 * @example
 * ```ts
 * runCells(tasks, { workers: defaultWorkers() });
 * ```
 */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Runs cells on a pool of worker threads, most expensive first (so the slowest cells do
 * not start last). Outcomes are returned in task order, whatever order cells finish
 * in, which is why the assembled results do not depend on the worker count.
 *
 * @param tasks the cells to run, each naming its experiment, config and cell
 * @param options `workers`: worker threads (default all cores, at most one per task); `inThread`: run in this thread instead (default `false`); `onCellDone`: called as each cell finishes
 * @example
 * ```ts
 * const run = runCells(tasks, { workers: 2 });
 * const outcomes = await run.outcomes;
 * ```
 */
export function runCells(tasks: readonly CellTask[], options: PoolOptions = {}): PoolRun {
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), tasks.length || 1));
  if (options.inThread) return runInThread(tasks, options);
  const workerPath = fileURLToPath(WORKER_URL);
  if (!existsSync(workerPath)) {
    throw new Error(
      `@benignlab/experiments/node: worker script ${workerPath} is missing (running from sources?); build the package or use workers: 1`,
    );
  }
  const order = tasks
    .map((_, i) => i)
    .sort((a, b) => (tasks[b]?.cell.cost ?? 0) - (tasks[a]?.cell.cost ?? 0) || a - b);
  const outcomes: CellOutcome[] = new Array(tasks.length);
  const pool: Worker[] = [];
  let next = 0;
  let finished = 0;
  let settled = false;
  let rejectRun: (reason: unknown) => void = () => {};
  const stop = async () => {
    settled = true;
    await Promise.all(pool.map((w) => w.terminate()));
  };
  const promise = new Promise<CellOutcome[]>((resolve, reject) => {
    rejectRun = reject;
    const feed = (worker: Worker) => {
      if (next >= order.length) return;
      const task = order[next++] as number;
      const t = tasks[task] as CellTask;
      worker.postMessage({ task, experimentId: t.experimentId, config: t.config, cell: t.cell });
    };
    for (let w = 0; w < workers; w++) {
      const worker = new Worker(workerPath);
      pool.push(worker);
      worker.on('message', (message: { task: number; rows?: Row[]; ms?: number; error?: string }) => {
        if (settled) return;
        if (message.error !== undefined) {
          const t = tasks[message.task] as CellTask;
          void stop();
          reject(new Error(`${t.experimentId} cell ${t.cell.key} failed: ${message.error}`));
          return;
        }
        const outcome = { rows: message.rows as Row[], ms: message.ms as number };
        outcomes[message.task] = outcome;
        options.onCellDone?.(message.task, outcome);
        finished++;
        if (finished === tasks.length) {
          void stop();
          resolve(outcomes);
        } else {
          feed(worker);
        }
      });
      worker.on('error', (error) => {
        if (settled) return;
        void stop();
        reject(error);
      });
      feed(worker);
    }
    if (tasks.length === 0) resolve(outcomes);
  });
  return {
    outcomes: promise,
    async cancel() {
      if (settled) return;
      await stop();
      rejectRun(new CancelledError());
    },
  };
}

function runInThread(tasks: readonly CellTask[], options: PoolOptions): PoolRun {
  let cancelled = false;
  const outcomes = (async () => {
    const results: CellOutcome[] = [];
    for (let i = 0; i < tasks.length; i++) {
      if (cancelled) throw new CancelledError();
      const t = tasks[i] as CellTask;
      const started = now();
      const rows = await getExperiment(t.experimentId).runCell(t.config, t.cell);
      const outcome = { rows, ms: now() - started };
      results.push(outcome);
      options.onCellDone?.(i, outcome);
      // Yield to the event loop so signals and progress redraws are handled between cells.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (cancelled) throw new CancelledError();
    return results;
  })();
  return {
    outcomes,
    async cancel() {
      cancelled = true;
    },
  };
}
