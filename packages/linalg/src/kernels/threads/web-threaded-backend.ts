import {
  assertCrossOriginIsolated,
  assertWebWorkersAvailable,
  defaultBrowserThreads,
} from './browser-environment.js';
import { threadedBackendOn } from './pool-executor.js';
import { resolveThreadOptionsWith, type ThreadedBackend, type ThreadOptions } from './thread-options.js';
import { createWebThreadPool } from './web-thread-pool.js';

/**
 * Creates a backend whose `gemm` and `syrk` split the C blocks of every rank-256 update of
 * the packed GotoBLAS loop across `threads` threads (the calling one and `threads − 1`
 * module Web Workers over one shared WebAssembly memory), and whose `tridiagonalize` (the
 * first stage of `symEig`) shares each Householder step's fixed row chunks the same way.
 * Every entry is accumulated in the same order whichever thread computes it, so results
 * are bit-identical to the single-threaded `wasm-simd`/`wasm-fma` backends for every
 * thread count.
 *
 * Needs a cross-origin isolated page (`crossOriginIsolated === true`, i.e. served with
 * `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`);
 * rejects with a {@link LinalgError} naming `crossOriginIsolated` otherwise, and with one
 * naming `environment` where there are no Web Workers (plain Node).
 *
 * @param options `{ threads = navigator.hardwareConcurrency, kernel = "auto" }`
 * @returns the backend (named `"wasm-simd-threads"` or `"wasm-fma-threads"`), not yet registered
 * @example
 * ```ts
 * const backend = await createThreadedBackend({ threads: 2 });
 * setBackend(backend);
 * const G = gram(X); // X Xᵀ on the page's thread and one worker
 * await backend.terminate();
 * ```
 */
export async function createWebThreadedBackend(options?: ThreadOptions): Promise<ThreadedBackend> {
  const { threads, kernel } = resolveThreadOptionsWith(options, defaultBrowserThreads);
  assertWebWorkersAvailable();
  assertCrossOriginIsolated();
  return threadedBackendOn(await createWebThreadPool(threads, kernel), kernel);
}
