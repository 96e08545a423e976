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
  /** What the job is: {@link JOB_KIND}. Pools that never publish reductions leave it 0. */
  kind: 16,
  /** A reduction step's order n, step k, and byte offsets of a, p and the chunk partials y. */
  reductionOrder: 17,
  reductionStep: 18,
  reductionA: 19,
  reductionP: 20,
  reductionY: 21,
  /**
   * A background eigenvalue QL: order n, byte offsets of d and e, sweeps allowed per
   * eigenvalue, and its result (−1, or the index of an unconverged eigenvalue).
   */
  eigenvaluesOrder: 22,
  eigenvaluesD: 23,
  eigenvaluesE: 24,
  eigenvaluesSweeps: 25,
  eigenvaluesResult: 26,
  /**
   * A rank-kc update's own pack tasks (none when the task counts are 0): kind, source, leading
   * dimension and index list per operand (`PACK_KIND`), and the count of finished pack tasks.
   */
  packATasks: 27,
  packAKind: 28,
  packASource: 29,
  packALeading: 30,
  packAList: 31,
  packBTasks: 32,
  packBKind: 33,
  packBSource: 34,
  packBLeading: 35,
  packBList: 36,
  packedTasks: 37,
  /**
   * Threads asleep in `Atomics.wait` (workers on the generation, the caller on done), counted
   * before they wait: a wake-up `Atomics.notify` is only needed when this is not 0.
   */
  sleepers: 38,
  /** A merge's secular equation: order k, byte offsets of d, z, the f64 ρ, origin and τ. */
  secularOrder: 39,
  secularD: 40,
  secularZ: 41,
  secularRho: 42,
  secularOrigin: 43,
  secularTau: 44,
} as const;

/** Values of the `kind` slot. */
export const JOB_KIND = {
  /** A rank-kc update: `taskCount` blocks of C (slots rows…blockCols). */
  rankUpdate: 0,
  /** The sweep of one tridiagonalization step: `taskCount` row chunks (slots reduction…). */
  reductionSweep: 1,
  /** Implicit QL without vectors (slots eigenvalues…): one task, run by one worker while the caller goes on. */
  eigenvalues: 2,
  /** The roots of a secular equation (slots secular…): `taskCount` ranges of `SECULAR_ROOTS_PER_TASK`. */
  secularRoots: 3,
} as const;

/** Roots per task of a {@link JOB_KIND}.secularRoots job. */
export const SECULAR_ROOTS_PER_TASK = 32;

/** Length of the control array. */
export const CONTROL_LENGTH = 45;
