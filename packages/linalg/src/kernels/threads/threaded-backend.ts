import { availableParallelism } from 'node:os';
import { LinalgError } from '../../errors.js';
import { describeValue } from '../../matrix.js';
import { assertKnownOptions } from '../../validate.js';
import type { KernelBackend } from '../backend.js';
import { createBlockedBackend } from '../wasm/blocked-backend.js';
import { type KernelVariant, supportedKernelVariants } from '../wasm/kernel-module.js';
import { createNodeThreadPool } from './node-thread-pool.js';

/** Options of {@link createThreadedBackend} and {@link enableThreads}. */
export interface ThreadOptions {
  /** Threads in all, the calling one included; default `os.availableParallelism()`. */
  threads?: number;
  /**
   * Which micro-kernel: `"fma"` (relaxed-SIMD fused multiply-add), `"simd"` (multiply then
   * add) or `"auto"` (default: FMA when this engine validates it).
   */
  kernel?: KernelVariant | 'auto';
}

/** A kernel backend running on a pool of worker threads, which {@link ThreadedBackend.terminate} stops. */
export interface ThreadedBackend extends KernelBackend {
  /** Threads in all, the calling one included. */
  readonly threads: number;
  /** Which micro-kernel build the pool runs. */
  readonly kernel: KernelVariant;
  /** Stops the worker threads; afterwards `gemm`/`syrk` throw. */
  terminate(): Promise<void>;
}

const OPTION_KEYS = ['threads', 'kernel'] as const;

/** Checks {@link ThreadOptions} and fills in the defaults. */
export function resolveThreadOptions(options: ThreadOptions | undefined): {
  threads: number;
  kernel: KernelVariant;
} {
  assertKnownOptions('options', options, OPTION_KEYS);
  const threads = options?.threads ?? availableParallelism();
  if (typeof threads !== 'number' || !Number.isInteger(threads) || threads < 1 || threads > 256) {
    throw new LinalgError('threads', `expected an integer from 1 to 256, got ${describeValue(threads)}`);
  }
  const requested = options?.kernel ?? 'auto';
  if (requested !== 'auto' && requested !== 'simd' && requested !== 'fma') {
    throw new LinalgError('kernel', `expected "auto", "simd" or "fma", got ${describeValue(requested)}`);
  }
  const supported = supportedKernelVariants();
  const kernel: KernelVariant = requested === 'auto' ? (supported.fma ? 'fma' : 'simd') : requested;
  return { threads, kernel };
}

/**
 * Creates a backend whose `gemm` and `syrk` split the C blocks of every rank-256 update of
 * the packed GotoBLAS loop across `threads` threads (Node `worker_threads` over one shared
 * WebAssembly memory). Every entry of C is accumulated in the same order whichever thread
 * computes it, so results are bit-identical for every thread count.
 *
 * @param options `{ threads = os.availableParallelism(), kernel = "auto" }`
 * @returns the backend (named `"wasm-simd-threads"` or `"wasm-fma-threads"`), not yet registered
 * @example
 * ```ts
 * const backend = await createThreadedBackend({ threads: 2 });
 * setBackend(backend);
 * const G = gram(X); // X Xᵀ on two threads
 * await backend.terminate();
 * ```
 */
export async function createThreadedBackend(options?: ThreadOptions): Promise<ThreadedBackend> {
  const { threads, kernel } = resolveThreadOptions(options);
  const pool = await createNodeThreadPool(threads, kernel);
  const backend = createBlockedBackend(`wasm-${kernel}-threads`, pool);
  return {
    name: backend.name,
    threads,
    kernel,
    gemm: backend.gemm,
    syrk: backend.syrk,
    tridiagonalize: pool.tridiagonalize,
    terminate: () => pool.terminate(),
  };
}
