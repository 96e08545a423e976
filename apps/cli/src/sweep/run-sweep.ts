import {
  assembleResult,
  type ExperimentPlan,
  type ExperimentResult,
  type ProgressEvent,
  type Row,
} from '@benignlab/experiments';
import { type CellOutcome, type CellTask, type PoolRun, runCells } from '@benignlab/experiments/node';
import { type AtomicWriter, removeStaleTemporaries } from '../output/atomic-writer.js';
import { RuntimeError } from '../runtime-error.js';
import { cellFileText, readCellFile } from './cell-file.js';
import { cellPath, cellsDirectory, planFile, plannedCellHash, writePlanFile } from './cell-store.js';
import { cellsOfShard, type Shard } from './shard.js';

/** Options of {@link startSweep}. */
export interface SweepOptions {
  /** Output directory; cells go to `<out>/cells/<id>/`. */
  out: string;
  shard: Shard;
  workers: number;
  /** Recompute cells even when a valid file exists. */
  fresh: boolean;
  writer: AtomicWriter;
  onProgress?: (event: ProgressEvent) => void;
  /** Told about each cell file found corrupt, edited or partial (it is recomputed). */
  onCorrupt?: (path: string, detail: string) => void;
  /** Told about temporary files of killed writers that were removed. */
  onStaleRemoved?: (names: string[]) => void;
}

/** What a sweep (one shard, or the whole run) did. */
export interface SweepOutcome {
  /** Cells of this shard. */
  cells: number;
  /** Cells of this shard found valid on disk and not recomputed. */
  reused: number;
  /** Cells computed by this process. */
  computed: number;
  /** The assembled result, when the shard is the whole run. */
  result?: ExperimentResult;
}

/** A running sweep: its outcome, and `cancel()` for signal handlers. */
export interface SweepRun {
  /** Cells of this shard already valid on disk when the run started. */
  reused: number;
  /** Cells computed so far (each already written to its file). */
  computed(): number;
  outcome: Promise<SweepOutcome>;
  cancel(): Promise<void>;
}

/**
 * Runs one shard of a plan with resume: writes the plan file, reads the shard's valid
 * cell files (unless `fresh`), computes the rest on the worker pool, writing each cell's
 * rows to `<out>/cells/<id>/<hash>.json` atomically as soon as it finishes (so an
 * interrupted run loses at most the cells in flight), and, when the shard is the whole
 * run, assembles the result from the rows in plan order (identical to an uninterrupted
 * run, since rows are stored exactly).
 *
 * @param plan the experiment's plan
 * @param options `out` directory, `shard` to compute (or the whole run), `workers` threads, `fresh` (recompute valid cells), the atomic `writer`, and the `onProgress` and `onCorrupt` callbacks
 * @example
 * ```ts
 * const sweep = startSweep(plan, { out: 'results', shard: WHOLE_RUN, workers: 2, fresh: false, writer });
 * const { result } = await sweep.outcome;
 * ```
 */
export function startSweep(plan: ExperimentPlan, options: SweepOptions): SweepRun {
  const id = plan.experiment.id;
  const { out, shard, writer } = options;
  writePlanFile(writer, out, planFile(plan, shard.count));
  const stale = removeStaleTemporaries(cellsDirectory(out, id));
  if (stale.length > 0) options.onStaleRemoved?.(stale);
  const mine = cellsOfShard(plan.cells, shard);
  const rowsByCell: (Row[] | undefined)[] = new Array(plan.cells.length);
  const hashes = plan.cells.map((cell) => plannedCellHash(plan, cell));
  const tasks: CellTask[] = [];
  let costDone = 0;
  let reused = 0;
  for (const cell of mine) {
    const hash = hashes[cell.index] as string;
    if (!options.fresh) {
      const path = cellPath(out, id, hash);
      const read = readCellFile(path, { hash, experiment: id, key: cell.key, seed: cell.seed });
      if (read.ok) {
        rowsByCell[cell.index] = read.rows;
        reused++;
        costDone += cell.cost;
        continue;
      }
      if (read.reason === 'unreadable') {
        // Checked before any work: the result could not be saved there either.
        throw new RuntimeError(path, `${read.detail}; remove it and rerun`);
      }
      if (read.reason === 'corrupt') options.onCorrupt?.(path, read.detail);
    }
    tasks.push({ experimentId: id, config: plan.config, cell });
  }
  const cost = mine.reduce((sum, cell) => sum + cell.cost, 0);
  options.onProgress?.({ type: 'experiment-start', id, cells: mine.length, cost });
  let done = reused;
  let computed = 0;
  const onCellDone = (task: number, outcome: CellOutcome) => {
    const cell = (tasks[task] as CellTask).cell;
    const hash = hashes[cell.index] as string;
    options.writer.write(
      cellPath(out, id, hash),
      cellFileText({ hash, experiment: id, key: cell.key, seed: cell.seed, ms: outcome.ms }, outcome.rows),
    );
    rowsByCell[cell.index] = outcome.rows;
    computed++;
    done++;
    costDone += cell.cost;
    options.onProgress?.({
      type: 'cell-done',
      id,
      key: cell.key,
      done,
      cells: mine.length,
      costDone,
      cost,
      ms: outcome.ms,
    });
  };
  let pool: PoolRun | undefined;
  const run = async (): Promise<SweepOutcome> => {
    if (tasks.length > 0) {
      pool = runCells(tasks, { workers: options.workers, onCellDone });
      await pool.outcomes;
    }
    const outcome: SweepOutcome = { cells: mine.length, reused, computed };
    if (shard.count === 1) {
      outcome.result = assembleResult(plan, rowsByCell as Row[][]).result;
      options.onProgress?.({ type: 'experiment-done', id, ms: 0 });
    }
    return outcome;
  };
  return {
    reused,
    computed: () => computed,
    outcome: run(),
    async cancel() {
      await pool?.cancel();
    },
  };
}
