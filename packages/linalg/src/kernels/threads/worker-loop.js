// The job loop every kernel worker runs, Node worker_threads and browser Web Workers alike:
// wait for the next job on the control slots, claim its tasks from the shared counter, report
// done. Plain JavaScript (the workers are loaded by URL, from the sources in tests and from
// dist after tsup bundles it into each worker). The slot numbers mirror control-layout.ts;
// a test checks.
const GENERATION = 0;
const NEXT_TASK = 1;
const DONE = 2;
const STOP = 3;
const TASK_COUNT = 14;
const FAILED = 15;
const KIND = 16;
const REDUCTION_ORDER = 17;
const REDUCTION_STEP = 18;
const REDUCTION_A = 19;
const REDUCTION_P = 20;
const REDUCTION_Y = 21;
const EIGENVALUES_ORDER = 22;
const EIGENVALUES_D = 23;
const EIGENVALUES_E = 24;
const EIGENVALUES_SWEEPS = 25;
const EIGENVALUES_RESULT = 26;
const ROWS = 4;
const COLS = 5;
const KC = 6;
const PACKED_A = 7;
const PACKED_B = 8;
const BLOCK_ROWS = 12;
const BLOCK_COLS = 13;
const PACK_A_TASKS = 27;
const PACK_A_KIND = 28;
const PACK_A_SOURCE = 29;
const PACK_A_LEADING = 30;
const PACK_A_LIST = 31;
const PACK_B_TASKS = 32;
const PACK_B_KIND = 33;
const PACK_B_SOURCE = 34;
const PACK_B_LEADING = 35;
const PACK_B_LIST = 36;
const PACKED_TASKS = 37;
const SLEEPERS = 38;
const SECULAR_ORDER = 39;
const SECULAR_D = 40;
const SECULAR_Z = 41;
const SECULAR_RHO = 42;
const SECULAR_ORIGIN = 43;
const SECULAR_TAU = 44;
const SECULAR_ROOTS_PER_TASK = 32;
const REDUCTION_SWEEP = 1;
const EIGENVALUES = 2;
const SECULAR_ROOTS = 3;
/**
 * Milliseconds of polling the generation before sleeping (SPIN_MILLISECONDS of
 * job-control.ts, whose comment says why): a tridiagonalization publishes a step every few
 * µs, divide and conquer a product every few ms, and a wake-up costs far more than a poll.
 */
const SPIN_MILLISECONDS = 1;
const POLLS_PER_CLOCK_READING = 256;

/** Polls the generation until it differs from `seen` or the spin time is up. */
function spinForJob(slots, seen) {
  const start = performance.now();
  for (;;) {
    for (let poll = 0; poll < POLLS_PER_CLOCK_READING; poll++) {
      if (Atomics.load(slots, GENERATION) !== seen) return;
    }
    if (performance.now() - start > SPIN_MILLISECONDS) return;
  }
}

/**
 * Claims the published rank-kc update's tasks until none is left: its pack tasks first (op(A)
 * in chunks of blockRows rows, then op(B) in chunks of blockCols columns), then its blocks of
 * C, which start once every pack task is done.
 */
function runRankUpdateTasks(kernel, slots, total) {
  const packATasks = slots[PACK_A_TASKS];
  const packTasks = packATasks + slots[PACK_B_TASKS];
  let packedSeen = packTasks === 0;
  for (let task = Atomics.add(slots, NEXT_TASK, 1); task < total; task = Atomics.add(slots, NEXT_TASK, 1)) {
    if (task < packTasks) {
      const isA = task < packATasks;
      const chunk = isA ? slots[BLOCK_ROWS] : slots[BLOCK_COLS];
      const extent = isA ? slots[ROWS] : slots[COLS];
      const start = (isA ? task : task - packATasks) * chunk;
      kernel.packChunk(
        isA ? slots[PACK_A_KIND] : slots[PACK_B_KIND],
        isA ? slots[PACK_A_SOURCE] : slots[PACK_B_SOURCE],
        isA ? slots[PACK_A_LEADING] : slots[PACK_B_LEADING],
        isA ? slots[PACK_A_LIST] : slots[PACK_B_LIST],
        slots[KC],
        start,
        Math.min(chunk, extent - start),
        isA ? slots[PACKED_A] : slots[PACKED_B],
      );
      Atomics.add(slots, PACKED_TASKS, 1);
      continue;
    }
    if (!packedSeen) {
      while (Atomics.load(slots, PACKED_TASKS) < packTasks);
      packedSeen = true;
    }
    kernel.macroTask(
      slots[4],
      slots[5],
      slots[6],
      slots[7],
      slots[8],
      slots[9],
      slots[10],
      slots[11],
      slots[12],
      slots[13],
      task - packTasks,
    );
  }
}

/** Claims row chunks of the published tridiagonalization step until none is left. */
function runReductionChunks(kernel, slots, count) {
  const n = slots[REDUCTION_ORDER];
  const k = slots[REDUCTION_STEP];
  const a = slots[REDUCTION_A];
  const p = slots[REDUCTION_P];
  const y = slots[REDUCTION_Y];
  for (
    let chunk = Atomics.add(slots, NEXT_TASK, 1);
    chunk < count;
    chunk = Atomics.add(slots, NEXT_TASK, 1)
  ) {
    const start = kernel.reductionChunkStart(n, k, chunk, count);
    const end = kernel.reductionChunkStart(n, k, chunk + 1, count);
    kernel.reductionSweepRows(n, a, p, k, start, end, y + chunk * n * 8);
  }
}

/** Runs the published eigenvalue QL if this worker claims its one task first. */
function runEigenvalues(kernel, slots) {
  if (Atomics.add(slots, NEXT_TASK, 1) !== 0) return;
  const unconverged = kernel.implicitQL(
    slots[EIGENVALUES_ORDER],
    slots[EIGENVALUES_D],
    slots[EIGENVALUES_E],
    slots[EIGENVALUES_SWEEPS],
  );
  Atomics.store(slots, EIGENVALUES_RESULT, unconverged);
}

/** Claims root ranges of the published secular equation until none is left. */
function runSecularRoots(kernel, slots, count) {
  const k = slots[SECULAR_ORDER];
  for (let task = Atomics.add(slots, NEXT_TASK, 1); task < count; task = Atomics.add(slots, NEXT_TASK, 1)) {
    const first = task * SECULAR_ROOTS_PER_TASK;
    kernel.solveSecularRoots(
      k,
      slots[SECULAR_D],
      slots[SECULAR_Z],
      slots[SECULAR_RHO],
      slots[SECULAR_ORIGIN],
      slots[SECULAR_TAU],
      first,
      Math.min(k, first + SECULAR_ROOTS_PER_TASK),
    );
  }
}

/**
 * Serves jobs until the pool sets STOP. Blocking in `Atomics.wait` is allowed in every
 * worker (only a page's main thread may not), after a short spin.
 *
 * @param {{ macroTask: Function, packChunk: Function, solveSecularRoots: Function, reductionChunkStart: Function, reductionSweepRows: Function, implicitQL: Function }} kernel
 * @param {Int32Array} slots the control slots over the pool's SharedArrayBuffer
 */
export function serveKernelJobs(kernel, slots) {
  let seen = 0;
  for (;;) {
    spinForJob(slots, seen);
    if (Atomics.load(slots, GENERATION) === seen) {
      // Counted asleep first: the publisher notifies only when someone is (and a wait on a
      // generation that already moved returns at once).
      Atomics.add(slots, SLEEPERS, 1);
      Atomics.wait(slots, GENERATION, seen);
      Atomics.sub(slots, SLEEPERS, 1);
    }
    seen = Atomics.load(slots, GENERATION);
    if (Atomics.load(slots, STOP) === 1) return;
    try {
      const total = slots[TASK_COUNT];
      if (slots[KIND] === REDUCTION_SWEEP) runReductionChunks(kernel, slots, total);
      else if (slots[KIND] === EIGENVALUES) runEigenvalues(kernel, slots);
      else if (slots[KIND] === SECULAR_ROOTS) runSecularRoots(kernel, slots, total);
      else runRankUpdateTasks(kernel, slots, total);
    } catch {
      Atomics.store(slots, FAILED, 1);
    }
    Atomics.add(slots, DONE, 1);
    if (Atomics.load(slots, SLEEPERS) > 0) Atomics.notify(slots, DONE);
  }
}
