import { LinalgError } from '../../errors.js';
import { createBlockedBackend } from '../wasm/blocked-backend.js';
import type { KernelExports, KernelVariant } from '../wasm/kernel-module.js';
import {
  attachExecutor,
  growMemory,
  type PackBarrier,
  packTaskCount,
  type RankUpdateExecutor,
  runTasks,
  taskCount,
} from '../wasm/rank-update-executor.js';
import { CONTROL, CONTROL_LENGTH, JOB_KIND, SECULAR_ROOTS_PER_TASK } from './control-layout.js';
import { createPoolJobs, writeRankUpdate } from './job-control.js';
import type { ThreadedBackend } from './thread-options.js';
import { tridiagonalizeOnPool, tridiagonalizeOnPoolInPlace } from './threaded-reduction.js';

/** 32768 pages = 2 GiB, the blocked driver's workspace cap; reserved, not committed. */
const MAXIMUM_PAGES = 32768;

/** A {@link RankUpdateExecutor} over a pool of worker threads, with a way to stop them. */
export interface ThreadPool extends RankUpdateExecutor {
  /**
   * Householder tridiagonalization of the scaled symmetric n×n `a` (overwritten by the
   * reflectors; `d`, `e`, `tau` out), each step's row chunks swept by all threads: the same
   * step functions and fixed chunks as the one-thread kernel, so the same bits.
   */
  tridiagonalize(n: number, a: Float64Array, d: Float64Array, e: Float64Array, tau: Float64Array): void;
  /** Stops the workers; the pool must not be used afterwards. */
  terminate(): Promise<void>;
}

/** The shared memory and control slots a pool's workers are started with. */
export function createPoolMemory(): { memory: WebAssembly.Memory; control: SharedArrayBuffer } {
  return {
    memory: new WebAssembly.Memory({ initial: 1, maximum: MAXIMUM_PAGES, shared: true }),
    control: new SharedArrayBuffer(CONTROL_LENGTH * Int32Array.BYTES_PER_ELEMENT),
  };
}

/**
 * The executor of a started pool, Node or browser alike: the calling thread publishes each
 * job in the control slots, takes tasks itself, then waits for the `workers` others
 * (`blocking`: whether this thread may `Atomics.wait`). `stopWorkers` ends the workers once
 * they have been told to stop.
 */
export function createPoolExecutor(
  kernel: KernelExports,
  memory: WebAssembly.Memory,
  control: SharedArrayBuffer,
  workers: number,
  blocking: boolean,
  stopWorkers: () => Promise<void>,
): ThreadPool {
  const slots = new Int32Array(control);
  let terminated = false;
  const jobs = createPoolJobs(slots, workers, blocking, () => terminated);
  const barrier: PackBarrier = {
    packed: () => {
      Atomics.add(slots, CONTROL.packedTasks, 1);
    },
    awaitPacked: (count) => {
      while (Atomics.load(slots, CONTROL.packedTasks) < count) {
        // Spin: the other threads are finishing a pack task each, microseconds away.
      }
    },
  };
  // A published eigenvalue QL still running on a worker: products stay on this thread.
  let background = false;
  const finishBackground = (): void => {
    if (!background) return;
    background = false;
    jobs.awaitWorkers();
  };
  return {
    memory,
    kernel,
    threads: workers + 1,
    reserve(bytes) {
      growMemory(memory, bytes);
    },
    run(job) {
      if (background && Atomics.load(slots, CONTROL.done) < workers) {
        // Same tasks, same bits: only who runs them differs.
        let next = job.firstTask;
        runTasks(kernel, job, () => next++);
        return;
      }
      finishBackground();
      writeRankUpdate(slots, job);
      jobs.publish(JOB_KIND.rankUpdate, packTaskCount(job) + taskCount(job), job.firstTask);
      runTasks(kernel, job, () => Atomics.add(slots, CONTROL.nextTask, 1), barrier);
      jobs.awaitWorkers();
    },
    startEigenvalues(n, d, e, maxSweeps) {
      finishBackground();
      if (workers === 0) {
        slots[CONTROL.eigenvaluesResult] = kernel.implicitQL(n, d, e, maxSweeps);
        return;
      }
      slots[CONTROL.eigenvaluesOrder] = n;
      slots[CONTROL.eigenvaluesD] = d;
      slots[CONTROL.eigenvaluesE] = e;
      slots[CONTROL.eigenvaluesSweeps] = maxSweeps;
      jobs.publish(JOB_KIND.eigenvalues, 1, 0);
      background = true;
    },
    solveSecular(k, d, z, rho, origin, tau) {
      const tasks = Math.ceil(k / SECULAR_ROOTS_PER_TASK);
      if (tasks < 2 || (background && Atomics.load(slots, CONTROL.done) < workers)) {
        kernel.solveSecularRoots(k, d, z, rho, origin, tau, 0, k);
        return;
      }
      finishBackground();
      slots[CONTROL.secularOrder] = k;
      slots[CONTROL.secularD] = d;
      slots[CONTROL.secularZ] = z;
      slots[CONTROL.secularRho] = rho;
      slots[CONTROL.secularOrigin] = origin;
      slots[CONTROL.secularTau] = tau;
      jobs.publish(JOB_KIND.secularRoots, tasks, 0);
      for (let task = Atomics.add(slots, CONTROL.nextTask, 1); task < tasks; ) {
        const first = task * SECULAR_ROOTS_PER_TASK;
        kernel.solveSecularRoots(
          k,
          d,
          z,
          rho,
          origin,
          tau,
          first,
          Math.min(k, first + SECULAR_ROOTS_PER_TASK),
        );
        task = Atomics.add(slots, CONTROL.nextTask, 1);
      }
      jobs.awaitWorkers();
    },
    finishEigenvalues() {
      finishBackground();
      return Atomics.load(slots, CONTROL.eigenvaluesResult);
    },
    tridiagonalizeInPlace(n) {
      if (terminated)
        throw new LinalgError('backend', 'this thread pool was terminated; expected a live pool');
      finishBackground();
      tridiagonalizeOnPoolInPlace(kernel, slots, jobs, n);
    },
    tridiagonalize(n, a, d, e, tau) {
      if (terminated)
        throw new LinalgError('backend', 'this thread pool was terminated; expected a live pool');
      finishBackground();
      tridiagonalizeOnPool(kernel, memory, slots, jobs, n, a, d, e, tau);
    },
    async terminate() {
      if (terminated) return;
      terminated = true;
      // Idle workers leave their wait, see STOP and return from their job loop.
      Atomics.store(slots, CONTROL.stop, 1);
      Atomics.add(slots, CONTROL.generation, 1);
      Atomics.notify(slots, CONTROL.generation);
      await stopWorkers();
    },
  };
}

/** The public backend over a started pool, named `wasm-<kernel>-threads` (Node and browser alike). */
export function threadedBackendOn(pool: ThreadPool, kernel: KernelVariant): ThreadedBackend {
  const backend = createBlockedBackend(`wasm-${kernel}-threads`, pool, kernel === 'simd');
  const threaded: ThreadedBackend = {
    name: backend.name,
    strict: backend.strict,
    threads: pool.threads,
    kernel,
    gemm: backend.gemm,
    syrk: backend.syrk,
    tridiagonalize: pool.tridiagonalize,
    terminate: () => pool.terminate(),
  };
  attachExecutor(threaded, pool);
  return threaded;
}
