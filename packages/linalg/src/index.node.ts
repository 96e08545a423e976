/**
 * `@benignlab/linalg` as Node, Bun and Deno load it (the `node` export condition): the same
 * API as the browser entry (`./index.ts`), plus both cores by default. On a machine with two
 * or more cores, operations of about 10 ms and more (`gram` of 1000×8000, `symEig` of order
 * 1000) run on a worker pool that starts on the first such operation and never keeps the
 * process alive; smaller ones stay on the calling thread. Only the main thread starts a pool
 * (worker threads are parallel already). Results are the same bits either way.
 * `BENIGNLAB_THREADS=n` in the environment fixes the pool's thread count (1: no pool) and
 * ignores the machine's load, which otherwise keeps operations on one thread while the machine
 * is oversubscribed; `setBackend('wasm-simd')` (or `'wasm-fma'`) keeps everything on one
 * thread; `enableThreads` from `./node-threads` still picks the thread count and kernel by
 * hand.
 */
import { registerBackendLoader } from './kernels/registry.js';
import {
  createDefaultThreadsBackend,
  DEFAULT_THREADS_PRIORITY,
  defaultThreadsFromEnvironment,
} from './kernels/threads/node-default-threads.js';

export * from './index.js';

// Loaders: nothing is compiled or started until the automatic choice first needs a backend.
registerBackendLoader('wasm-simd-default-threads', DEFAULT_THREADS_PRIORITY, true, () =>
  createDefaultThreadsBackend('simd', ...defaultThreadsFromEnvironment()),
);
// FMA above baseline SIMD, as for the single-threaded backends; skipped under the strict policy.
registerBackendLoader('wasm-fma-default-threads', DEFAULT_THREADS_PRIORITY + 1, false, () =>
  createDefaultThreadsBackend('fma', ...defaultThreadsFromEnvironment()),
);
