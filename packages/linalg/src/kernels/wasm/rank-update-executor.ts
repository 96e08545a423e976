import type { KernelBackend } from '../backend.js';
import type { KernelExports } from './kernel-module.js';

/**
 * One rank-kc update `C (+)= packedA · packedB` over the whole `rows×cols` scratch C held in
 * kernel memory, split into tasks of `blockRows×blockCols` (multiples of the micro-tile).
 * Pointers are byte offsets into the kernel memory.
 */
export interface RankUpdateJob {
  rows: number;
  cols: number;
  kc: number;
  packedA: number;
  packedB: number;
  c: number;
  accumulate: boolean;
  lowerOnly: boolean;
  blockRows: number;
  blockCols: number;
  /**
   * Tasks below this index are not run (and their blocks of C need no memory): a row panel
   * of a larger product starts at task (panel's first row / blockRows) · column blocks.
   */
  firstTask: number;
  /**
   * Operands the job packs itself before its blocks of C (kernel-memory products): op(A)'s
   * slice into `packedA` in chunks of `blockRows` rows, op(B)'s into `packedB` in chunks of
   * `blockCols` columns, as tasks that come first (then `firstTask` must be 0).
   */
  packA?: PackSource;
  packB?: PackSource;
}

/** Kinds of {@link PackSource}, the kernel's `PACK_*` constants (assembly/packing.ts). */
export const PACK_KIND = {
  rowPanels: 1,
  columnPanels: 2,
  gatheredRowPanels: 3,
  gatheredColumnPanels: 4,
} as const;

/**
 * Where a pack task reads its operand slice: byte offset `src` with leading dimension `ld`,
 * row panels of source rows (op(A) = A, or op(B) = Bᵀ), column panels of source columns
 * (op(A) = Aᵀ, or op(B) = B), or their gathered forms over the i32 index list at `list`.
 */
export interface PackSource {
  kind: (typeof PACK_KIND)[keyof typeof PACK_KIND];
  src: number;
  ld: number;
  list: number;
}

/** Number of blocks of C a job splits into (row-block-major numbering, as in `macroTask`). */
export function taskCount(job: RankUpdateJob): number {
  return Math.ceil(job.rows / job.blockRows) * Math.ceil(job.cols / job.blockCols);
}

/** Number of pack tasks a job starts with (0 without `packA`/`packB`). */
export function packTaskCount(job: RankUpdateJob): number {
  const a = job.packA === undefined ? 0 : Math.ceil(job.rows / job.blockRows);
  const b = job.packB === undefined ? 0 : Math.ceil(job.cols / job.blockCols);
  return a + b;
}

/**
 * Runs rank-kc updates on some set of threads that share one kernel memory. The blocked
 * driver packs operands into `memory`, then hands each update to `run`.
 */
export interface RankUpdateExecutor {
  /** The kernel memory; may be replaced by growth, so read it after {@link reserve}. */
  readonly memory: WebAssembly.Memory;
  /** The kernel instance of the calling thread over {@link memory} (packing, serial loops). */
  readonly kernel: KernelExports;
  /** How many threads `run` uses (1 for the single-threaded executor). */
  readonly threads: number;
  /** Grows the memory to at least `bytes`. */
  reserve(bytes: number): void;
  /** Runs every task of `job` and returns once all are done. */
  run(job: RankUpdateJob): void;
  /**
   * Householder tridiagonalization of the scaled symmetric n×n matrix in kernel memory at
   * the offsets of `reductionLayout(n)` (reserved by the caller), results left there: on all
   * of the executor's threads, the same bits as one.
   */
  tridiagonalizeInPlace(n: number): void;
  /**
   * Optional (pools): starts the eigenvalue-only QL of the tridiagonal at byte offsets `d`, `e`
   * (n doubles each, overwritten) on a worker, and returns at once; until it is done the
   * products run on the calling thread alone. Pair with {@link finishEigenvalues}.
   */
  startEigenvalues?(n: number, d: number, e: number, maxSweeps: number): void;
  /** Waits for the QL of {@link startEigenvalues}: −1, or the index of an unconverged eigenvalue. */
  finishEigenvalues?(): number;
  /**
   * Optional (pools): the roots of a merge's secular equation (`solveSecularRoots` of
   * assembly/secular-equation.ts, all byte offsets, ρ the f64 at `rho`) in ranges shared by
   * the threads; without it the caller solves them alone. The same bits either way.
   */
  solveSecular?(k: number, d: number, z: number, rho: number, origin: number, tau: number): void;
}

/**
 * Between a job's pack tasks and its blocks of C: `packed` counts finished pack tasks, and
 * `awaitPacked(count)` returns once `count` are (other threads may still be packing).
 */
export interface PackBarrier {
  packed(): void;
  awaitPacked(count: number): void;
}

/**
 * Calls the kernel on the tasks handed out by `claim` (a counter, shared between threads when
 * threaded) until none is left: first the job's pack tasks, then its blocks of C, which wait
 * at `barrier` until every pack task is done (no barrier: one thread, in order).
 */
export function runTasks(
  kernel: KernelExports,
  job: RankUpdateJob,
  claim: () => number,
  barrier?: PackBarrier,
): void {
  const packATasks = job.packA === undefined ? 0 : Math.ceil(job.rows / job.blockRows);
  const packTasks = packTaskCount(job);
  const total = packTasks + taskCount(job);
  let packedSeen = packTasks === 0;
  for (let task = claim(); task < total; task = claim()) {
    if (task < packTasks) {
      const source = task < packATasks ? job.packA : job.packB;
      if (source === undefined) continue;
      const [start, extent, chunk, target] =
        task < packATasks
          ? [task * job.blockRows, job.rows, job.blockRows, job.packedA]
          : [(task - packATasks) * job.blockCols, job.cols, job.blockCols, job.packedB];
      kernel.packChunk(
        source.kind,
        source.src,
        source.ld,
        source.list,
        job.kc,
        start,
        Math.min(chunk, extent - start),
        target,
      );
      barrier?.packed();
      continue;
    }
    if (!packedSeen) {
      barrier?.awaitPacked(packTasks);
      packedSeen = true;
    }
    kernel.macroTask(
      job.rows,
      job.cols,
      job.kc,
      job.packedA,
      job.packedB,
      job.c,
      job.accumulate ? 1 : 0,
      job.lowerOnly ? 1 : 0,
      job.blockRows,
      job.blockCols,
      task - packTasks,
    );
  }
}

const PAGE_BYTES = 65536;

/** Grows `memory` so it holds at least `bytes`. */
export function growMemory(memory: WebAssembly.Memory, bytes: number): void {
  const needed = Math.ceil(bytes / PAGE_BYTES) - memory.buffer.byteLength / PAGE_BYTES;
  if (needed > 0) memory.grow(needed);
}

/** The executor for a problem of a given order (a backend that picks one by size, e.g. Node's default pool). */
export type ExecutorForOrder = (order: number) => RankUpdateExecutor | undefined;

const executors = new WeakMap<KernelBackend, RankUpdateExecutor | ExecutorForOrder>();

/**
 * Records that `backend`'s products run on `executor`, or on the executor `executor(order)`
 * picks for a problem of that order (kept off the public backend type).
 */
export function attachExecutor(
  backend: KernelBackend,
  executor: RankUpdateExecutor | ExecutorForOrder,
): void {
  executors.set(backend, executor);
}

/**
 * The executor behind a WebAssembly backend for a problem of order `order`, for algorithms
 * that keep operands in kernel memory between products; `undefined` for other backends (they
 * go through `gemm`).
 */
export function executorOf(backend: KernelBackend, order = 0): RankUpdateExecutor | undefined {
  const found = executors.get(backend);
  return typeof found === 'function' ? found(order) : found;
}
