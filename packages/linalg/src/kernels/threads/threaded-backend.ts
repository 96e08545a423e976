import { availableParallelism } from 'node:os';
import { createNodeThreadPool } from './node-thread-pool.js';
import { threadedBackendOn } from './pool-executor.js';
import { resolveThreadOptionsWith, type ThreadedBackend, type ThreadOptions } from './thread-options.js';

export type { ThreadedBackend, ThreadOptions };

/**
 * Creates a backend whose `gemm` and `syrk` split the C blocks of every rank-256 update of
 * the packed GotoBLAS loop across `threads` threads (Node `worker_threads` over one shared
 * WebAssembly memory). Every entry of C is accumulated in the same order whichever thread
 * computes it, so results are bit-identical for every thread count.
 *
 * @param options `{ threads = os.availableParallelism(), kernel = "auto" }`
 * @returns the backend (named `"wasm-simd-threads"` or `"wasm-fma-threads"`), not yet registered
 * @example
 * ```ts isolated
 * import { gram, Matrix, setBackend } from '@benignlab/linalg';
 * import { createThreadedBackend } from '@benignlab/linalg/node-threads';
 * const X = Matrix.fromRows([[1, 2], [3, 4], [5, 6]]);
 * const backend = await createThreadedBackend({ threads: 2 });
 * setBackend(backend);
 * const G = gram(X); // X Xᵀ on two threads
 * setBackend('auto');
 * await backend.terminate();
 * ```
 */
export async function createThreadedBackend(options?: ThreadOptions): Promise<ThreadedBackend> {
  const { threads, kernel } = resolveThreadOptionsWith(options, availableParallelism);
  return threadedBackendOn(await createNodeThreadPool(threads, kernel), kernel);
}
