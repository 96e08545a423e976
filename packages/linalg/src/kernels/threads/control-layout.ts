/**
 * Slots of the Int32Array (over a SharedArrayBuffer) through which the calling thread
 * hands rank-kc updates to the workers. Mirrored by node-worker.js, which cannot import
 * TypeScript; a test checks the two agree.
 */
export const CONTROL = {
  /** Bumped once per job; workers `Atomics.wait` on it. */
  generation: 0,
  /** Next task index to claim (`Atomics.add`). */
  nextTask: 1,
  /** Workers finished with the current job. */
  done: 2,
  /** Set to 1 to make the workers exit. */
  stop: 3,
  rows: 4,
  cols: 5,
  kc: 6,
  packedA: 7,
  packedB: 8,
  c: 9,
  accumulate: 10,
  lowerOnly: 11,
  blockRows: 12,
  blockCols: 13,
  taskCount: 14,
  /** Set to 1 by a worker whose kernel threw; the caller rethrows. */
  failed: 15,
} as const;

/** Length of the control array. */
export const CONTROL_LENGTH = 16;
