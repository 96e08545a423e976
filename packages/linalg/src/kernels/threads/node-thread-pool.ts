import { Worker } from 'node:worker_threads';
import { LinalgError } from '../../errors.js';
import { instantiateKernel, type KernelVariant, kernelModule } from '../wasm/kernel-module.js';
import { growMemory, type RankUpdateExecutor, runTasks, taskCount } from '../wasm/rank-update-executor.js';
import { CONTROL, CONTROL_LENGTH, JOB_KIND } from './control-layout.js';
import { createPoolJobs, writeRankUpdate } from './job-control.js';
import { tridiagonalizeOnPool } from './threaded-reduction.js';

/** 32768 pages = 2 GiB, the blocked driver's workspace cap; reserved, not committed. */
const MAXIMUM_PAGES = 32768;

/** A {@link RankUpdateExecutor} over worker threads, with a way to stop them. */
export interface NodeThreadPool extends RankUpdateExecutor {
  /**
   * Householder tridiagonalization of the scaled symmetric n×n `a` (overwritten by the
   * reflectors; `d`, `e`, `tau` out), each step's row chunks swept by all threads: the same
   * step functions and fixed chunks as the one-thread kernel, so the same bits.
   */
  tridiagonalize(n: number, a: Float64Array, d: Float64Array, e: Float64Array, tau: Float64Array): void;
  /** Stops the workers; the pool must not be used afterwards. */
  terminate(): Promise<void>;
}

/**
 * Starts `threads − 1` Node worker threads that, with the calling thread, run the tasks of
 * each rank-kc update. All share one WebAssembly memory (a SharedArrayBuffer): the caller
 * packs operands into it once, every thread claims blocks of C from an atomic counter, and
 * the caller blocks in `Atomics.wait` until all are done, so `run` stays synchronous as the
 * {@link KernelBackend} interface requires. Workers are `unref`ed: an idle pool never keeps
 * the process alive.
 */
export async function createNodeThreadPool(threads: number, variant: KernelVariant): Promise<NodeThreadPool> {
  const module = kernelModule(variant, true);
  if (module === undefined) {
    throw new LinalgError(
      'kernel',
      `this JavaScript engine cannot run the "${variant}" WebAssembly kernel with shared memory; expected ${
        variant === 'fma'
          ? '"simd", or Node ≥ 22 / --experimental-wasm-relaxed-simd'
          : 'an engine with WebAssembly SIMD and threads'
      }`,
    );
  }
  const memory = new WebAssembly.Memory({ initial: 1, maximum: MAXIMUM_PAGES, shared: true });
  const control = new SharedArrayBuffer(CONTROL_LENGTH * Int32Array.BYTES_PER_ELEMENT);
  const slots = new Int32Array(control);
  const kernel = instantiateKernel(module, memory);
  const workers: Worker[] = [];
  const ready: Promise<void>[] = [];
  for (let t = 1; t < threads; t++) {
    const worker = new Worker(new URL('./node-worker.js', import.meta.url), {
      workerData: { module, memory, control },
    });
    ready.push(
      new Promise((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      }),
    );
    workers.push(worker);
  }
  try {
    await Promise.all(ready);
  } catch (error) {
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw error;
  }
  // Only now: an unref'ed worker would not keep the process alive while it boots.
  for (const worker of workers) worker.unref();
  let terminated = false;
  // Node's main thread may block: a short spin, then Atomics.wait.
  const jobs = createPoolJobs(slots, workers.length, true, () => terminated);

  return {
    memory,
    threads,
    reserve(bytes) {
      growMemory(memory, bytes);
    },
    run(job) {
      writeRankUpdate(slots, job);
      jobs.publish(JOB_KIND.rankUpdate, taskCount(job), job.firstTask);
      runTasks(kernel, job, () => Atomics.add(slots, CONTROL.nextTask, 1));
      jobs.awaitWorkers();
    },
    tridiagonalize(n, a, d, e, tau) {
      tridiagonalizeOnPool(kernel, memory, slots, jobs, n, a, d, e, tau);
    },
    async terminate() {
      if (terminated) return;
      terminated = true;
      Atomics.store(slots, CONTROL.stop, 1);
      Atomics.add(slots, CONTROL.generation, 1);
      Atomics.notify(slots, CONTROL.generation);
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              worker.once('exit', () => resolve());
              worker.ref();
            }),
        ),
      );
    },
  };
}
