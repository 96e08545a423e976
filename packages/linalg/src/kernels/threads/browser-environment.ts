import { LinalgError } from '../../errors.js';
import { MAXIMUM_THREADS } from './thread-options.js';

/**
 * The browser's logical core count (`navigator.hardwareConcurrency`), capped at the pool's
 * maximum; 1 when the engine does not report one (it is optional, and some privacy modes
 * hide it).
 */
export function defaultBrowserThreads(): number {
  const reported = (globalThis as { navigator?: { hardwareConcurrency?: unknown } }).navigator
    ?.hardwareConcurrency;
  if (typeof reported !== 'number' || !Number.isInteger(reported) || reported < 1) return 1;
  return Math.min(reported, MAXIMUM_THREADS);
}

/**
 * Throws unless this engine can start module Web Workers. Plain Node has no global `Worker`
 * (its threads are `node:worker_threads`), so importing the browser subpath there is fine
 * but starting a pool is not.
 */
export function assertWebWorkersAvailable(): void {
  if (typeof (globalThis as { Worker?: unknown }).Worker !== 'function') {
    throw new LinalgError(
      'environment',
      'this JavaScript engine has no Web Workers (no global Worker); expected a browser page or worker — in Node, use enableThreads from "@benignlab/linalg/node-threads"',
    );
  }
}

/**
 * Throws unless the page is cross-origin isolated: only then do browsers expose
 * `SharedArrayBuffer` and shared `WebAssembly.Memory`, on which the workers and the calling
 * thread share one kernel memory. Never degrades silently to one thread: a caller who asked
 * for threads should learn which headers are missing.
 */
export function assertCrossOriginIsolated(): void {
  const isolated = (globalThis as { crossOriginIsolated?: unknown }).crossOriginIsolated;
  if (isolated !== true) {
    throw new LinalgError(
      'crossOriginIsolated',
      `is ${String(isolated)}, so this page has no SharedArrayBuffer or shared WebAssembly memory for the worker threads; expected a cross-origin isolated page: serve the document with the headers "Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp" (or "credentialless"), and every script, including web-worker.js, from the same origin or with CORS/CORP headers`,
    );
  }
}

/**
 * Whether this thread may block in `Atomics.wait`: true in a (dedicated) Web Worker, false
 * on a browser's main thread, where it throws. Probed rather than guessed from globals:
 * `Atomics.wait` on a value that does not match returns `"not-equal"` at once where
 * blocking is allowed, and throws a TypeError where it is not.
 */
export function canBlockInAtomicsWait(): boolean {
  const probe = new Int32Array(new SharedArrayBuffer(4));
  try {
    return Atomics.wait(probe, 0, 1, 0) === 'not-equal';
  } catch {
    return false;
  }
}
