import { Worker } from 'node:worker_threads';
import { LinalgError } from '../../errors.js';
import { instantiateKernel, type KernelVariant, kernelModule } from '../wasm/kernel-module.js';
import { growMemory, type RankUpdateExecutor, runTasks, taskCount } from '../wasm/rank-update-executor.js';
import { reductionLayout } from '../wasm/symmetric-eigen-kernels.js';
import { CONTROL, CONTROL_LENGTH, JOB_KIND } from './control-layout.js';

/** Polls of a slot before sleeping on it: tridiagonalization steps come microseconds apart. */
const SPIN_POLLS = 4000;

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

  /** Publishes the job in the slots (kind, tasks `first`…`count`−1) and wakes the workers. */
  function publish(kind: number, count: number, first: number): void {
    if (terminated) throw new LinalgError('backend', 'this thread pool was terminated; expected a live pool');
    slots[CONTROL.kind] = kind;
    slots[CONTROL.taskCount] = count;
    Atomics.store(slots, CONTROL.nextTask, first);
    Atomics.store(slots, CONTROL.done, 0);
    // The atomic bump publishes the plain stores above to the workers.
    Atomics.add(slots, CONTROL.generation, 1);
    Atomics.notify(slots, CONTROL.generation);
  }

  /** Waits for every worker to report the job done (a short spin first: steps are µs apart). */
  function awaitWorkers(): void {
    for (let poll = 0; poll < SPIN_POLLS && Atomics.load(slots, CONTROL.done) < workers.length; poll++);
    for (let done = Atomics.load(slots, CONTROL.done); done < workers.length; ) {
      Atomics.wait(slots, CONTROL.done, done);
      done = Atomics.load(slots, CONTROL.done);
    }
    if (Atomics.load(slots, CONTROL.failed) === 1) {
      throw new LinalgError('backend', 'a kernel worker failed; expected every worker to finish its tasks');
    }
  }

  return {
    memory,
    threads,
    reserve(bytes) {
      growMemory(memory, bytes);
    },
    run(job) {
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
      publish(JOB_KIND.rankUpdate, taskCount(job), job.firstTask);
      runTasks(kernel, job, () => Atomics.add(slots, CONTROL.nextTask, 1));
      awaitWorkers();
    },
    tridiagonalize(n, a, d, e, tau) {
      const at = reductionLayout(n, kernel.REDUCTION_CHUNKS.value);
      growMemory(memory, at.end);
      new Float64Array(memory.buffer, at.a, n * n).set(a);
      slots[CONTROL.reductionOrder] = n;
      slots[CONTROL.reductionA] = at.a;
      slots[CONTROL.reductionP] = at.p;
      slots[CONTROL.reductionY] = at.y;
      for (let k = 0; k < n - 2; k++) {
        kernel.reductionBeginStep(n, at.a, at.d, at.e, at.tau, at.p, k);
        const count = kernel.reductionChunkCount(n, k);
        if (count === 1) kernel.reductionSweepRows(n, at.a, at.p, k, k + 1, n, at.y);
        else {
          slots[CONTROL.reductionStep] = k;
          publish(JOB_KIND.reductionSweep, count, 0);
          for (let chunk = Atomics.add(slots, CONTROL.nextTask, 1); chunk < count; ) {
            const start = kernel.reductionChunkStart(n, k, chunk, count);
            const end = kernel.reductionChunkStart(n, k, chunk + 1, count);
            kernel.reductionSweepRows(n, at.a, at.p, k, start, end, at.y + chunk * n * 8);
            chunk = Atomics.add(slots, CONTROL.nextTask, 1);
          }
          awaitWorkers();
        }
        kernel.reductionEndStep(n, at.a, at.tau, at.p, at.y, k, count);
      }
      kernel.reductionFinish(n, at.a, at.d, at.e, at.p);
      a.set(new Float64Array(memory.buffer, at.a, n * n));
      d.set(new Float64Array(memory.buffer, at.d, n));
      e.set(new Float64Array(memory.buffer, at.e, n));
      tau.set(new Float64Array(memory.buffer, at.tau, n));
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
