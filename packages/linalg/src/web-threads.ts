/**
 * `@benignlab/linalg/web-threads`: the browser counterpart of `./node-threads`, running the
 * same WebAssembly kernel on module Web Workers over one shared memory. Kept out of the main
 * entry: it needs a cross-origin isolated page and ships a worker script. Importing it in
 * plain Node is harmless; starting a pool there rejects.
 */

import type { ThreadedBackend, ThreadOptions } from './kernels/threads/thread-options.js';
import { createThreadSwitch, THREADS_PRIORITY } from './kernels/threads/thread-switch.js';
import { createWebThreadedBackend } from './kernels/threads/web-threaded-backend.js';

export { THREADS_PRIORITY, type ThreadedBackend, type ThreadOptions };

const threadSwitch = createThreadSwitch(createWebThreadedBackend, THREADS_PRIORITY);

/**
 * Creates a backend on `threads` threads in all (this one plus `threads − 1` Web Workers)
 * without registering it; `gram`, `matmul`, `symEig` use it once passed to `setBackend`.
 * Needs `crossOriginIsolated === true` (headers `Cross-Origin-Opener-Policy: same-origin`,
 * `Cross-Origin-Embedder-Policy: require-corp`). Results are bit-identical to one thread.
 *
 * @param options `{ threads = navigator.hardwareConcurrency, kernel = "auto" | "simd" | "fma" }`
 * @returns a {@link ThreadedBackend} named `"wasm-simd-threads"` or `"wasm-fma-threads"`
 * @example
 * ```ts browser
 * import { gram, Matrix, setBackend } from '@benignlab/linalg';
 * import { createThreadedBackend } from '@benignlab/linalg/web-threads';
 * const X = Matrix.fromRows([[1, 2], [3, 4], [5, 6]]);
 * const backend = await createThreadedBackend({ threads: 2, kernel: 'simd' });
 * setBackend(backend);
 * const G = gram(X); // n×n, X Xᵀ
 * setBackend('auto');
 * await backend.terminate();
 * ```
 */
export function createThreadedBackend(options?: ThreadOptions): Promise<ThreadedBackend> {
  return createWebThreadedBackend(options);
}

/**
 * Starts a Web Worker pool and makes it the backend of every public function (`gram`,
 * `matmul`, `symEig`, …) by registering it above the single-threaded ones. Calling it again
 * replaces (and stops) the previous pool. Default: `navigator.hardwareConcurrency` threads,
 * the FMA kernel when the browser validates relaxed SIMD. Rejects with a `LinalgError`
 * (argument `crossOriginIsolated`) when the page is not cross-origin isolated, and
 * (argument `environment`) outside a browser; it never falls back to one thread silently.
 *
 * @param options `threads`: threads in all, the calling one included (default `navigator.hardwareConcurrency`); `kernel`: `"fma"`, `"simd"` or `"auto"` (default, FMA when the browser validates relaxed SIMD)
 * @example
 * ```ts browser
 * import { gram, Matrix } from '@benignlab/linalg';
 * import { enableThreads } from '@benignlab/linalg/web-threads';
 * const X = Matrix.fromRows([[1, 2], [3, 4], [5, 6]]);
 * await enableThreads();               // every core the browser reports
 * const G = gram(X);                   // X Xᵀ, same bits as on one thread
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
