import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { getBackend, getKernelPolicy, type KernelPolicy, setKernelPolicy } from '@benignlab/linalg';
import { ExperimentError } from '../core/errors.js';
import { now } from '../core/runner.js';
import type { Config, PlannedCell, Row } from '../core/types.js';
import { findExperiment } from '../definitions/registry.js';

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
  /** The linear-algebra backend the cell ran on (`getBackend().name` in its thread), e.g. `"wasm-simd"`. */
  backend: string;
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
  /**
   * The linear-algebra kernels the cells use (`setKernelPolicy` of `@benignlab/linalg` in
   * each worker): `"strict"` for results that are the same bits on every runtime and
   * processor, `"fastest"` for relaxed-SIMD FMA where the runtime has it. Default: the
   * calling thread's policy (`getKernelPolicy()`).
   */
  kernels?: KernelPolicy;
  /** Called as each cell finishes (in completion order). */
  onCellDone?: (task: number, outcome: CellOutcome) => void;
}

/** What a worker posts back: the rows of a cell, or the error it threw. */
interface CellMessageBack {
  task: number;
  rows?: Row[];
  ms?: number;
  backend?: string;
  error?: { name: string; message: string; stack: string };
}

/** A running pool: the outcomes (indexed like the tasks) and a way to stop early. */
export interface PoolRun {
  outcomes: Promise<CellOutcome[]>;
  /** Terminates the workers; `outcomes` rejects with a {@link CancelledError}. */
  cancel(): Promise<void>;
}

/**
 * Rejection reason of a cancelled {@link PoolRun}.
 * @example
 * ```ts
 * import { CancelledError, runCells } from '@benignlab/experiments/node';
 * const experiment = getExperiment('e1');
 * const plan = planExperiment(experiment, { quick: true, overrides: { ns: [50, 100], replicates: 2 } });
 * const tasks = plan.cells.map((cell) => ({ experimentId: 'e1', config: plan.config, cell }));
 * const run = runCells(tasks, { workers: 2 });
 * await run.cancel();
 * await run.outcomes.catch((e) => e instanceof CancelledError); // true
 * ```
 */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * A cell that failed: the experiment, the cell and the error it threw (in a worker or in
 * this thread), e.g. `e5 cell rep=0/width=5 failed: NtkError: options.width: …`. The
 * message is one line; `causeStack` keeps the failing code's stack for debugging.
 * @example
 * ```ts
 * import { CellError } from '@benignlab/experiments/node';
 * const error = new CellError('e5', 'rep=0/width=5', { name: 'NtkError', message: 'options.width: …', stack: '' });
 * error.message; // 'e5 cell rep=0/width=5 failed: NtkError: options.width: …'
 * ```
 */
export class CellError extends Error {
  readonly experimentId: string;
  readonly key: string;
  /** Name of the error the cell threw (`NtkError`, `RiskError`, `TypeError`, …). */
  readonly causeName: string;
  readonly causeStack: string;

  /**
   * Builds the one-line error for a failed cell from the error it threw.
   * @param experimentId the id of the experiment the cell belongs to, e.g. `'e5'`
   * @param key the failing cell's key, e.g. `'rep=0/width=5'`
   * @param cause the error the cell threw, as plain data: its `name`, `message` (only the first line goes into this message) and `stack` (kept as `causeStack`)
   */
  constructor(experimentId: string, key: string, cause: { name: string; message: string; stack: string }) {
    super(`${experimentId} cell ${key} failed: ${cause.name}: ${cause.message.split('\n')[0]}`);
    this.name = 'CellError';
    this.experimentId = experimentId;
    this.key = key;
    this.causeName = cause.name;
    this.causeStack = cause.stack;
  }
}

const POOL_OPTION_KEYS = ['workers', 'inThread', 'onCellDone'] as const;

/** Rejects unknown option keys (a typo such as `worker` must not pass silently). */
export function checkOptionKeys(name: string, options: object, known: readonly string[]): void {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${name}: expected an options object, got ${String(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ExperimentError(
        name,
        `has unknown option "${key}"; expected one of ${known.map((k) => `"${k}"`).join(', ')}`,
      );
    }
  }
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

/**
 * The default worker count: every core this process may use.
 *
 * @example
 * ```ts
 * import { defaultWorkers } from '@benignlab/experiments/node';
 * defaultWorkers(); // os.availableParallelism(), e.g. 2 on a 2-core machine
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
 * import { runCells } from '@benignlab/experiments/node';
 * const experiment = getExperiment('e1');
 * const plan = planExperiment(experiment, { quick: true, overrides: { ns: [50, 100], replicates: 2 } });
 * const tasks = plan.cells.map((cell) => ({ experimentId: 'e1', config: plan.config, cell }));
 * const run = runCells(tasks, { workers: 2 });
 * const outcomes = await run.outcomes; // one { rows, ms, … } per task, in task order
 * ```
 */
export function runCells(tasks: readonly CellTask[], options: PoolOptions = {}): PoolRun {
  checkOptionKeys('options', options, POOL_OPTION_KEYS);
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), tasks.length || 1));
  const kernels = options.kernels ?? getKernelPolicy();
  if (options.inThread) return runInThread(tasks, options, kernels);
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
      worker.postMessage({ task, experimentId: t.experimentId, config: t.config, cell: t.cell, kernels });
    };
    for (let w = 0; w < workers; w++) {
      const worker = new Worker(workerPath);
      pool.push(worker);
      worker.on('message', (message: CellMessageBack) => {
        if (settled) return;
        if (message.error !== undefined) {
          const t = tasks[message.task] as CellTask;
          void stop();
          reject(new CellError(t.experimentId, t.cell.key, message.error));
          return;
        }
        const outcome = {
          rows: message.rows as Row[],
          ms: message.ms as number,
          backend: message.backend as string,
        };
        outcomes[message.task] = outcome;
        try {
          options.onCellDone?.(message.task, outcome);
        } catch (error) {
          // A failing callback (say, a full disk while saving the cell) ends the run
          // with that error instead of escaping as an uncaught exception.
          void stop();
          reject(error);
          return;
        }
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

function runInThread(tasks: readonly CellTask[], options: PoolOptions, kernels: KernelPolicy): PoolRun {
  let cancelled = false;
  const outcomes = (async () => {
    const results: CellOutcome[] = [];
    for (let i = 0; i < tasks.length; i++) {
      if (cancelled) throw new CancelledError();
      const t = tasks[i] as CellTask;
      const started = now();
      // This thread's policy for the cell only (other code may share the thread between cells).
      const previous = getKernelPolicy();
      setKernelPolicy(kernels);
      let rows: Row[];
      let backend: string;
      try {
        rows = await findExperiment(t.experimentId).runCell(t.config, t.cell);
        backend = getBackend().name;
      } catch (error) {
        const cause = error instanceof Error ? error : new Error(String(error));
        throw new CellError(t.experimentId, t.cell.key, {
          name: cause.name,
          message: cause.message,
          stack: cause.stack ?? '',
        });
      } finally {
        setKernelPolicy(previous);
      }
      const outcome = { rows, ms: now() - started, backend };
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
