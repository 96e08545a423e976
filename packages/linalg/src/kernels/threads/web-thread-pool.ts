import { LinalgError } from '../../errors.js';
import type { KernelExports, KernelVariant } from '../wasm/kernel-module.js';
import { sharedKernelBytes } from '../wasm/shared-kernel-module.js';
import { canBlockInAtomicsWait } from './browser-environment.js';
import { createPoolExecutor, createPoolMemory, type ThreadPool } from './pool-executor.js';

/** The browser pool: a {@link ThreadPool} over module Web Workers. */
export type WebThreadPool = ThreadPool;

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
async function compileSharedKernel(variant: KernelVariant): Promise<WebAssembly.Module[]> {
  const modules = sharedKernelBytes(variant);
  if (!modules.every((bytes) => WebAssembly.validate(bytes))) throw unsupportedKernel(variant);
  return Promise.all(modules.map((bytes) => WebAssembly.compile(bytes)));
}

function startWorker(
  modules: WebAssembly.Module[],
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
  worker.postMessage({ modules, memory, control });
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
  const modules = await compileSharedKernel(variant);
  const { memory, control } = createPoolMemory();
  const kernel = {} as KernelExports;
  for (const module of modules) {
    Object.assign(kernel, (await WebAssembly.instantiate(module, { env: { memory } })).exports);
  }
  const blocking = canBlockInAtomicsWait();
  const workers: Worker[] = [];
  const ready: Promise<void>[] = [];
  for (let t = 1; t < threads; t++) {
    const started = startWorker(modules, memory, control);
    workers.push(started.worker);
    ready.push(started.ready);
  }
  try {
    await Promise.all(ready);
  } catch (error) {
    for (const worker of workers) worker.terminate();
    throw error;
  }
  // The workers return from their job loop on STOP and close themselves; terminate() makes sure.
  return createPoolExecutor(kernel, memory, control, workers.length, blocking, async () => {
    for (const worker of workers) worker.terminate();
  });
}
