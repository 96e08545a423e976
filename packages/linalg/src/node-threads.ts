/**
 * `@benignlab/linalg/node-threads`: the Node-only multi-threaded backend. Kept out of the
 * main entry so browsers and bundlers never see `node:worker_threads`.
 */
import { createThreadSwitch, THREADS_PRIORITY } from './kernels/threads/thread-switch.js';
import {
  createThreadedBackend,
  type ThreadedBackend,
  type ThreadOptions,
} from './kernels/threads/threaded-backend.js';

export { createThreadedBackend, THREADS_PRIORITY, type ThreadedBackend, type ThreadOptions };

const threadSwitch = createThreadSwitch(createThreadedBackend, THREADS_PRIORITY);

/**
 * Starts a worker pool and makes it the backend of every public function (`gram`, `matmul`,
 * `symEig`, …) by registering it above the single-threaded ones. Calling it again replaces
 * (and stops) the previous pool. Default: all cores (`os.availableParallelism()`), FMA kernel
 * when available.
 *
 * @param options `threads`: threads in all, the calling one included (default `os.availableParallelism()`); `kernel`: `"fma"`, `"simd"` or `"auto"` (default, FMA when validated)
 * @example
 * ```ts isolated
 * import { disableThreads, enableThreads } from '@benignlab/linalg/node-threads';
 * await enableThreads();            // all cores
 * await enableThreads({ threads: 1 }); // the same kernels, on the calling thread only
 * await disableThreads(); // back to the single-threaded backends
 * ```
 */
export function enableThreads(options?: ThreadOptions): Promise<ThreadedBackend> {
  return threadSwitch.enable(options);
}

/**
 * Stops the pool started by {@link enableThreads} and returns to the single-threaded backends.
 *
 * @example
 * ```ts
 * await disableThreads();
 * ```
 */
export function disableThreads(): Promise<void> {
  return threadSwitch.disable();
}
