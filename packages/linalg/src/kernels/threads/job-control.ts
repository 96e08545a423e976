import { LinalgError } from '../../errors.js';
import type { RankUpdateJob } from '../wasm/rank-update-executor.js';
import { CONTROL } from './control-layout.js';

/**
 * How long a thread polls a slot before sleeping on it, in milliseconds: jobs come
 * microseconds apart in a tridiagonalization and a few milliseconds apart between the serial
 * steps of divide and conquer, while waking a sleeping thread costs tens of microseconds, far
 * more on a virtual machine whose idle vCPU was descheduled (measured: symEig n = 1000 after
 * an idle pause, 174 ms with ~10 µs of polling, 150–159 ms with ~1 ms). Like OpenBLAS,
 * whose threads spin after each call, a pool trades this much idle spinning for latency.
 */
export const SPIN_MILLISECONDS = 1;

/** Polls between clock readings while spinning. */
const POLLS_PER_CLOCK_READING = 256;

/** Polls `slots[index]` until `done(value)` holds or {@link SPIN_MILLISECONDS} pass; returns the last value read. */
export function spinOn(slots: Int32Array, index: number, done: (value: number) => boolean): number {
  const start = performance.now();
  for (;;) {
    for (let poll = 0; poll < POLLS_PER_CLOCK_READING; poll++) {
      const value = Atomics.load(slots, index);
      if (done(value)) return value;
    }
    if (performance.now() - start > SPIN_MILLISECONDS) return Atomics.load(slots, index);
  }
}

/** Writes a rank-kc update's operands into the control slots (published by {@link publishJob}). */
export function writeRankUpdate(slots: Int32Array, job: RankUpdateJob): void {
  slots[CONTROL.rows] = job.rows;
  slots[CONTROL.cols] = job.cols;
  slots[CONTROL.kc] = job.kc;
  slots[CONTROL.packedA] = job.packedA;
  slots[CONTROL.packedB] = job.packedB;
  slots[CONTROL.c] = job.c;
  slots[CONTROL.accumulate] = job.accumulate ? 1 : 0;
  slots[CONTROL.lowerOnly] = job.lowerOnly ? 1 : 0;
  slots[CONTROL.blockRows] = job.blockRows;
  slots[CONTROL.blockCols] = job.blockCols;
  const packA = job.packA;
  const packB = job.packB;
  slots[CONTROL.packATasks] = packA === undefined ? 0 : Math.ceil(job.rows / job.blockRows);
  slots[CONTROL.packBTasks] = packB === undefined ? 0 : Math.ceil(job.cols / job.blockCols);
  if (packA !== undefined) {
    slots[CONTROL.packAKind] = packA.kind;
    slots[CONTROL.packASource] = packA.src;
    slots[CONTROL.packALeading] = packA.ld;
    slots[CONTROL.packAList] = packA.list;
  }
  if (packB !== undefined) {
    slots[CONTROL.packBKind] = packB.kind;
    slots[CONTROL.packBSource] = packB.src;
    slots[CONTROL.packBLeading] = packB.ld;
    slots[CONTROL.packBList] = packB.list;
  }
  slots[CONTROL.packedTasks] = 0;
}

/**
 * Publishes a job of `kind` (tasks `first`…`count − 1`, operands already in their slots) and
 * wakes the workers. The plain stores come first; the atomic bump of the generation
 * publishes them (sequentially consistent), so a worker that sees the new generation also
 * sees the job.
 */
export function publishJob(slots: Int32Array, kind: number, count: number, first: number): void {
  slots[CONTROL.kind] = kind;
  slots[CONTROL.taskCount] = count;
  Atomics.store(slots, CONTROL.failed, 0);
  Atomics.store(slots, CONTROL.nextTask, first);
  Atomics.store(slots, CONTROL.done, 0);
  Atomics.add(slots, CONTROL.generation, 1);
  // A worker counts itself a sleeper before it waits, and its wait returns at once if the
  // generation moved meanwhile: no notify is lost when nobody was counted asleep.
  if (Atomics.load(slots, CONTROL.sleepers) > 0) Atomics.notify(slots, CONTROL.generation);
}

/**
 * Returns once `workers` workers have reported the current job done: a short spin, then
 * `Atomics.wait` when `blocking` (allowed in a Web Worker); otherwise the spin goes on,
 * because a browser's main thread may not block and a synchronous `gemm` cannot await
 * `Atomics.waitAsync`. The spin only covers the tail of a job: the caller has run tasks
 * itself until none was left, so it waits at most about one task per worker.
 */
export function waitForWorkers(slots: Int32Array, workers: number, blocking: boolean): void {
  // Spin briefly: the workers are usually about to finish.
  spinOn(slots, CONTROL.done, (done) => done >= workers);
  if (blocking) {
    for (
      let done = Atomics.load(slots, CONTROL.done);
      done < workers;
      done = Atomics.load(slots, CONTROL.done)
    ) {
      Atomics.add(slots, CONTROL.sleepers, 1);
      Atomics.wait(slots, CONTROL.done, done);
      Atomics.sub(slots, CONTROL.sleepers, 1);
    }
    return;
  }
  while (Atomics.load(slots, CONTROL.done) < workers) {
    // Spin: nothing else may run on this thread until the synchronous product returns.
  }
}

/** How a pool runs one published job: publish it, take tasks on the caller, wait for all. */
export interface PoolJobs {
  /** Publishes a job of `kind` with tasks `first`…`count − 1` and wakes the workers. */
  publish(kind: number, count: number, first: number): void;
  /** Returns once every worker has finished the published job (throws if one failed). */
  awaitWorkers(): void;
}

/**
 * The {@link PoolJobs} of a pool of `workers` workers over `slots`: refuses to publish once
 * `terminated()` is true, waits per {@link waitForWorkers} (`blocking` where the calling
 * thread may `Atomics.wait`), and rethrows a worker's failure.
 */
export function createPoolJobs(
  slots: Int32Array,
  workers: number,
  blocking: boolean,
  terminated: () => boolean,
): PoolJobs {
  return {
    publish(kind, count, first) {
      if (terminated())
        throw new LinalgError('backend', 'this thread pool was terminated; expected a live pool');
      publishJob(slots, kind, count, first);
    },
    awaitWorkers() {
      waitForWorkers(slots, workers, blocking);
      if (Atomics.load(slots, CONTROL.failed) === 1) {
        throw new LinalgError('backend', 'a kernel worker failed; expected every worker to finish its tasks');
      }
    },
  };
}
