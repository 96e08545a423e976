import { Worker } from 'node:worker_threads';
import { LinalgError } from '../../errors.js';
import { instantiateKernel, type KernelExports, type KernelVariant } from '../wasm/kernel-module.js';
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
  if (modules === undefined) throw unsupportedKernel(variant);
  const { memory, control } = createPoolMemory();
  const kernel = instantiateKernel(modules, memory);
  const workers: Worker[] = [];
  const ready: Promise<void>[] = [];
  for (let t = 1; t < threads; t++) {
    const worker = startWorker(modules, memory, control);
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
  return poolOver(kernel, memory, control, workers);
}

/**
 * {@link createNodeThreadPool} for a synchronous caller (Node's default pool, started inside
 * `gram` or `symEig`): the calling thread blocks in `Atomics.wait` until every worker has
 * instantiated the kernels (workers boot on their own threads, so they come up while this one
 * waits). The workers are unref'ed at once. `undefined`, with no worker left running, when
 * the engine cannot run `variant` with shared memory, cannot start workers, or they are not
 * all up within `timeoutMs`.
 */
export function startNodeThreadPoolSync(
  threads: number,
  variant: KernelVariant,
  timeoutMs: number,
): NodeThreadPool | undefined {
  const modules = sharedKernelModules(variant);
  if (modules === undefined) return undefined;
  const { memory, control } = createPoolMemory();
  const kernel = instantiateKernel(modules, memory);
  const ready = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const workers: Worker[] = [];
  const stopAll = (): undefined => {
    for (const worker of workers) void worker.terminate();
    return undefined;
  };
  try {
    for (let t = 1; t < threads; t++) {
      const worker = startWorker(modules, memory, control, ready);
      worker.unref();
      // A worker that fails to boot never reports ready (the wait below times out); without
      // a listener its error would be an uncaught exception of this process.
      worker.on('error', () => {});
      workers.push(worker);
    }
  } catch {
    return stopAll();
  }
  const deadline = performance.now() + timeoutMs;
  for (let up = Atomics.load(ready, 0); up < workers.length; up = Atomics.load(ready, 0)) {
    const left = deadline - performance.now();
    if (left <= 0) return stopAll();
    Atomics.wait(ready, 0, up, left);
  }
  return poolOver(kernel, memory, control, workers);
}

function unsupportedKernel(variant: KernelVariant): LinalgError {
  return new LinalgError(
    'kernel',
    `this JavaScript engine cannot run the "${variant}" WebAssembly kernel with shared memory; expected ${
      variant === 'fma'
        ? '"simd", or Node ≥ 22 / --experimental-wasm-relaxed-simd'
        : 'an engine with WebAssembly SIMD and threads'
    }`,
  );
}

/** One kernel worker over the pool's memory; it bumps `ready[0]` (if given) once it serves jobs. */
function startWorker(
  modules: WebAssembly.Module[],
  memory: WebAssembly.Memory,
  control: SharedArrayBuffer,
  ready?: Int32Array,
): Worker {
  // Workers inherit the process's flags (e.g. --experimental-wasm-relaxed-simd), except
  // --input-type, which makes the workers of `node --input-type=module -e …` fail to load a
  // file. Only then is the list given: Node rejects V8 flags in an explicit execArgv.
  const inputType = process.execArgv.some((flag) => flag.startsWith('--input-type'));
  return new Worker(new URL('./node-worker.js', import.meta.url), {
    workerData: { modules, memory, control, ready: ready?.buffer },
    ...(inputType ? { execArgv: process.execArgv.filter((flag) => !flag.startsWith('--input-type')) } : {}),
  });
}

/** The executor over started, unref'ed workers. */
function poolOver(
  kernel: KernelExports,
  memory: WebAssembly.Memory,
  control: SharedArrayBuffer,
  workers: Worker[],
): NodeThreadPool {
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
