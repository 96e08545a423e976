import { Worker } from 'node:worker_threads';
import { LinalgError } from '../../errors.js';
import { instantiateKernel, type KernelVariant } from '../wasm/kernel-module.js';
import { sharedKernelModules } from '../wasm/shared-kernel-module.js';
import { createPoolExecutor, createPoolMemory, type ThreadPool } from './pool-executor.js';

/** The Node pool: a {@link ThreadPool} over worker_threads. */
export type NodeThreadPool = ThreadPool;

/**
 * Starts `threads − 1` Node worker threads that, with the calling thread, run the tasks of
 * each rank-kc update. All share one WebAssembly memory (a SharedArrayBuffer): the caller
 * packs operands into it once, every thread claims blocks of C from an atomic counter, and
 * the caller blocks in `Atomics.wait` until all are done, so `run` stays synchronous as the
 * {@link KernelBackend} interface requires. Workers are `unref`ed: an idle pool never keeps
 * the process alive.
 */
export async function createNodeThreadPool(threads: number, variant: KernelVariant): Promise<NodeThreadPool> {
  const modules = sharedKernelModules(variant);
  if (modules === undefined) {
    throw new LinalgError(
      'kernel',
      `this JavaScript engine cannot run the "${variant}" WebAssembly kernel with shared memory; expected ${
        variant === 'fma'
          ? '"simd", or Node ≥ 22 / --experimental-wasm-relaxed-simd'
          : 'an engine with WebAssembly SIMD and threads'
      }`,
    );
  }
  const { memory, control } = createPoolMemory();
  const kernel = instantiateKernel(modules, memory);
  const workers: Worker[] = [];
  const ready: Promise<void>[] = [];
  for (let t = 1; t < threads; t++) {
    const worker = new Worker(new URL('./node-worker.js', import.meta.url), {
      workerData: { modules, memory, control },
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
  // Node's main thread may block: a short spin, then Atomics.wait.
  return createPoolExecutor(kernel, memory, control, workers.length, true, async () => {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            worker.ref();
          }),
      ),
    );
  });
}
