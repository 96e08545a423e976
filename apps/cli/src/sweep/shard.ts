import type { PlannedCell } from '@benignlab/experiments';
import { UsageError } from '../usage-error.js';

/** One slice of a sweep: shard `index` (1-based) of `count`, and where that came from. */
export interface Shard {
  index: number;
  count: number;
  /** `--shard`, `SLURM_ARRAY_TASK_ID`, `JOB_COMPLETION_INDEX`, or `whole run`. */
  source: string;
}

/** The whole run as one shard. */
export const WHOLE_RUN: Shard = { index: 1, count: 1, source: 'whole run' };

const INTEGER = /^\s*\d+\s*$/;

function integerFrom(name: string, text: string, expected: string): number {
  if (!INTEGER.test(text)) throw new UsageError(name, `got "${text}"; expected ${expected}`);
  return Number(text);
}

/**
 * Reads `--shard i/N`: shard i (1-based) of N, 1 ≤ i ≤ N.
 *
 * @param text `i/N` as typed, 1 ≤ i ≤ N
 * @example
 * ```ts
 * parseShard('2/3'); // { index: 2, count: 3, source: '--shard' }
 * ```
 */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new UsageError('--shard', `got "${text}"; expected i/N with 1 ≤ i ≤ N, e.g. 2/3`);
  }
  return { index, count, source: '--shard' };
}

/**
 * The shard of this process: `--shard i/N` when given; else a Slurm job array task
 * (`SLURM_ARRAY_TASK_ID` − `SLURM_ARRAY_TASK_MIN` (0 when unset) + 1 of
 * `SLURM_ARRAY_TASK_COUNT`, so `--array=0-3` and `--array=1-4` both work); else a
 * Kubernetes Indexed Job (`JOB_COMPLETION_INDEX` + 1 of `--shard-count`, or of
 * `BENIGNLAB_SHARD_COUNT`); else the whole run.
 *
 * @param flag the `--shard i/N` value, when given
 * @param shardCount the `--shard-count` value, when given (for Kubernetes Indexed Jobs)
 * @param env the environment variables read (Slurm, Kubernetes, `BENIGNLAB_SHARD_COUNT`)
 * @example
 * ```ts
 * shardFor(undefined, undefined, { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '4' });
 * // { index: 3, count: 4, source: 'SLURM_ARRAY_TASK_ID' }
 * ```
 */
export function shardFor(
  flag: string | undefined,
  shardCount: number | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Shard {
  if (flag !== undefined) {
    if (shardCount !== undefined) {
      throw new UsageError('--shard-count', 'is only for JOB_COMPLETION_INDEX; --shard i/N already gives N');
    }
    return parseShard(flag);
  }
  const slurmId = env.SLURM_ARRAY_TASK_ID;
  if (slurmId !== undefined && slurmId !== '' && shardCount === undefined) {
    const id = integerFrom('SLURM_ARRAY_TASK_ID', slurmId, 'a non-negative integer');
    const countText = env.SLURM_ARRAY_TASK_COUNT ?? '';
    const count = integerFrom(
      'SLURM_ARRAY_TASK_COUNT',
      countText,
      'a positive integer (set by sbatch --array)',
    );
    const min = env.SLURM_ARRAY_TASK_MIN
      ? integerFrom('SLURM_ARRAY_TASK_MIN', env.SLURM_ARRAY_TASK_MIN, 'a non-negative integer')
      : 0;
    const index = id - min + 1;
    if (count < 1 || index < 1 || index > count) {
      throw new UsageError(
        'SLURM_ARRAY_TASK_ID',
        `task ${id} (min ${min}) is not one of ${count} consecutive array tasks; use --array=1-${Math.max(count, 1)} (no step), or pass --shard i/N`,
      );
    }
    return { index, count, source: 'SLURM_ARRAY_TASK_ID' };
  }
  const completion = env.JOB_COMPLETION_INDEX;
  if (completion !== undefined && completion !== '') {
    const zeroBased = integerFrom('JOB_COMPLETION_INDEX', completion, 'a non-negative integer');
    const fromEnv = env.BENIGNLAB_SHARD_COUNT;
    const count =
      shardCount ??
      (fromEnv
        ? integerFrom('BENIGNLAB_SHARD_COUNT', fromEnv, 'a positive integer (the Job’s completions)')
        : undefined);
    if (count === undefined) {
      throw new UsageError(
        'JOB_COMPLETION_INDEX',
        'is set but the shard count is not; pass --shard-count N or set BENIGNLAB_SHARD_COUNT to the Job’s completions',
      );
    }
    if (count < 1 || zeroBased >= count) {
      throw new UsageError(
        'JOB_COMPLETION_INDEX',
        `got ${zeroBased}; expected an index below the shard count ${count}`,
      );
    }
    return { index: zeroBased + 1, count, source: 'JOB_COMPLETION_INDEX' };
  }
  if (shardCount !== undefined) {
    throw new UsageError(
      '--shard-count',
      'needs JOB_COMPLETION_INDEX (a Kubernetes Indexed Job); otherwise use --shard i/N',
    );
  }
  return WHOLE_RUN;
}

/**
 * The shard (1-based) a cell belongs to: cells are dealt round-robin in plan order
 * (`index mod N`), so every shard gets a similar mix of cheap and expensive cells.
 *
 * @param cellIndex the cell's index in plan order (integer ≥ 0)
 * @param count number of shards N (integer ≥ 1)
 * @example
 * ```ts
 * shardOfCell(4, 3); // 2
 * ```
 */
export function shardOfCell(cellIndex: number, count: number): number {
  return (cellIndex % count) + 1;
}

/**
 * The cells of one shard, in plan order.
 *
 * @param cells the plan's cells, in plan order
 * @param shard which shard: `index` (1-based) of `count`
 * @example
 * ```ts
 * cellsOfShard(plan.cells, { index: 1, count: 3, source: '--shard' }).length; // ⌈cells / 3⌉
 * ```
 */
export function cellsOfShard(cells: readonly PlannedCell[], shard: Shard): PlannedCell[] {
  return cells.filter((cell) => shardOfCell(cell.index, shard.count) === shard.index);
}
