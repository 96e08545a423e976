/**
 * `@benignlab/linalg/node-threads`: the Node-only multi-threaded backend. Kept out of the
 * main entry so browsers and bundlers never see `node:worker_threads`.
 */
import { registerBackend, setBackend } from './kernels/registry.js';
import {
  createThreadedBackend,
  type ThreadedBackend,
  type ThreadOptions,
} from './kernels/threads/threaded-backend.js';

export { createThreadedBackend, type ThreadedBackend, type ThreadOptions };

/** Priority of the threaded backend: above single-threaded WebAssembly (10) and JS (0). */
export const THREADS_PRIORITY = 20;

let active: ThreadedBackend | undefined;

/**
 * Starts a worker pool and makes it the backend of every public function (`gram`, `matmul`,
 * `symEig`, …) by registering it above the single-threaded ones. Calling it again replaces
 * (and stops) the previous pool. Default: all cores (`os.availableParallelism()`), FMA kernel
 * when available.
 *
 * @example
 * ```ts
 * import { enableThreads } from '@benignlab/linalg/node-threads';
 * await enableThreads();            // all cores
 * await enableThreads({ threads: 1 }); // the same kernels, on the calling thread only
 * ```
 */
export async function enableThreads(options?: ThreadOptions): Promise<ThreadedBackend> {
  const backend = await createThreadedBackend(options);
  const previous = active;
  active = backend;
  registerBackend(backend, THREADS_PRIORITY);
  if (previous !== undefined) {
    // The registry has no removal; a negative priority keeps a stopped pool out of the automatic choice.
    if (previous.name !== backend.name) registerBackend(previous, -1);
    await previous.terminate();
  }
  return backend;
}

/**
 * Stops the pool started by {@link enableThreads} and returns to the single-threaded backends.
 *
 * @example
 * ```ts
 * await disableThreads();
 * ```
 */
export async function disableThreads(): Promise<void> {
  const previous = active;
  if (previous === undefined) return;
  active = undefined;
  registerBackend(previous, -1);
  setBackend('auto');
  await previous.terminate();
}
