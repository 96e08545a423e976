import { LinalgError } from '../../errors.js';
import { type KernelExports, type KernelVariant, kernelBytes } from '../wasm/kernel-module.js';
import { growMemory, type RankUpdateExecutor, runTasks, taskCount } from '../wasm/rank-update-executor.js';
import { canBlockInAtomicsWait } from './browser-environment.js';
import { CONTROL, CONTROL_LENGTH, JOB_KIND } from './control-layout.js';
import { createPoolJobs, writeRankUpdate } from './job-control.js';
import { tridiagonalizeOnPool } from './threaded-reduction.js';

/** 32768 pages = 2 GiB, the blocked driver's workspace cap; reserved, not committed. */
const MAXIMUM_PAGES = 32768;

/** A {@link RankUpdateExecutor} over Web Workers, with a way to stop them. */
export interface WebThreadPool extends RankUpdateExecutor {
  /**
   * Householder tridiagonalization of the scaled symmetric n×n `a` (overwritten by the
   * reflectors; `d`, `e`, `tau` out), each step's row chunks swept by all threads: the same
   * bits as the one-thread kernel.
   */
  tridiagonalize(n: number, a: Float64Array, d: Float64Array, e: Float64Array, tau: Float64Array): void;
  /** Stops the workers; the pool must not be used afterwards. */
  terminate(): Promise<void>;
}

/** The reply of web-worker.js to its start message. */
interface WorkerReply {
  ready: boolean;
  error?: string;
}

function unsupportedKernel(variant: KernelVariant): LinalgError {
  return new LinalgError(
    'kernel',
    `this JavaScript engine cannot run the "${variant}" WebAssembly kernel with shared memory; expected ${
      variant === 'fma'
        ? '"simd", or a browser with relaxed SIMD (Chrome ≥ 114, Firefox ≥ 120)'
        : 'a browser with WebAssembly SIMD and threads'
    }`,
  );
}

/**
 * Compiles and instantiates asynchronously: browsers refuse synchronous compilation of
 * larger modules on the main thread, and this runs inside an async start-up anyway.
 */
async function compileSharedKernel(variant: KernelVariant): Promise<WebAssembly.Module> {
  const bytes = kernelBytes(variant, true);
  if (!WebAssembly.validate(bytes)) throw unsupportedKernel(variant);
  return WebAssembly.compile(bytes);
}

function startWorker(
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
  control: SharedArrayBuffer,
): { worker: Worker; ready: Promise<void> } {
  // Written inline with static options: webpack 5 and Vite recognize exactly this pattern
  // (Vite refuses computed options) and then bundle the worker with the application.
  const worker = new Worker(new URL('./web-worker.js', import.meta.url), {
    type: 'module',
    name: 'benignlab-linalg-kernel',
  });
  const ready = new Promise<void>((resolve, reject) => {
    worker.addEventListener(
      'message',
      (event: MessageEvent<WorkerReply>) => {
        if (event.data?.ready === true) resolve();
        else
          reject(
            new LinalgError(
              'kernel',
              `a kernel worker could not instantiate the WebAssembly kernel (${event.data?.error ?? 'no reason given'}); expected an engine with WebAssembly SIMD and threads`,
            ),
          );
      },
      { once: true },
    );
    worker.addEventListener(
      'error',
      (event: ErrorEvent) => {
        event.preventDefault();
        reject(
          new LinalgError(
            'worker',
            `the kernel worker script web-worker.js failed to load${event.message ? ` (${event.message})` : ''}; expected it to be served as JavaScript next to the module that imports "@benignlab/linalg/web-threads", from this page's origin (or with CORS and Cross-Origin-Resource-Policy headers)`,
          ),
        );
      },
      { once: true },
    );
  });
  worker.postMessage({ module, memory, control });
  return { worker, ready };
}

/**
 * Starts `threads − 1` module Web Workers that, with the calling thread, run the tasks of
 * each rank-kc update over one shared WebAssembly memory — the protocol of the Node pool
 * (control-layout.ts), so the task split and every result bit are the same. The caller
 * takes tasks too and then waits for the workers with `Atomics.wait` when it may block (in a
 * worker) or by spinning on `Atomics.load` on a page's main thread, so `run` stays
 * synchronous as the {@link KernelBackend} interface requires. The page must be
 * cross-origin isolated (checked by the caller).
 */
export async function createWebThreadPool(threads: number, variant: KernelVariant): Promise<WebThreadPool> {
  const module = await compileSharedKernel(variant);
  const memory = new WebAssembly.Memory({ initial: 1, maximum: MAXIMUM_PAGES, shared: true });
  const control = new SharedArrayBuffer(CONTROL_LENGTH * Int32Array.BYTES_PER_ELEMENT);
  const slots = new Int32Array(control);
  const instance = await WebAssembly.instantiate(module, { env: { memory } });
  const kernel = instance.exports as unknown as KernelExports;
  const blocking = canBlockInAtomicsWait();
  const workers: Worker[] = [];
  const ready: Promise<void>[] = [];
  for (let t = 1; t < threads; t++) {
    const started = startWorker(module, memory, control);
    workers.push(started.worker);
    ready.push(started.ready);
  }
  try {
    await Promise.all(ready);
  } catch (error) {
    for (const worker of workers) worker.terminate();
    throw error;
  }
  let terminated = false;

  const jobs = createPoolJobs(slots, workers.length, blocking, () => terminated);

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
      if (terminated)
        throw new LinalgError('backend', 'this thread pool was terminated; expected a live pool');
      tridiagonalizeOnPool(kernel, memory, slots, jobs, n, a, d, e, tau);
    },
    async terminate() {
      if (terminated) return;
      terminated = true;
      // Let idle workers leave their wait and close themselves, then make sure they are gone.
      Atomics.store(slots, CONTROL.stop, 1);
      Atomics.add(slots, CONTROL.generation, 1);
      Atomics.notify(slots, CONTROL.generation);
      for (const worker of workers) worker.terminate();
    },
  };
}
