import { LinalgError } from '../../errors.js';
import { describeValue } from '../../matrix.js';
import { assertKnownOptions } from '../../validate.js';
import type { KernelBackend } from '../backend.js';
import { getKernelPolicy } from '../registry.js';
import { type KernelVariant, supportedKernelVariants } from '../wasm/kernel-module.js';

/** Options of {@link createThreadedBackend} and {@link enableThreads}. */
export interface ThreadOptions {
  /**
   * Threads in all, the calling one included; default all cores: `os.availableParallelism()`
   * in Node, `navigator.hardwareConcurrency` in browsers.
   */
  threads?: number;
  /**
   * Which micro-kernel: `"fma"` (relaxed-SIMD fused multiply-add), `"simd"` (multiply then
   * add) or `"auto"` (default: FMA when this engine validates it and the kernel policy is
   * `"fastest"`, see `setKernelPolicy`).
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

/** Most threads a pool accepts (the same bound as the Node pool). */
export const MAXIMUM_THREADS = 256;

/**
 * Checks {@link ThreadOptions} and fills in the defaults, with the same errors as the Node
 * pool; `defaultThreads` is only called when `threads` is omitted, so an environment
 * without a core count never matters to a caller who gives one.
 */
export function resolveThreadOptionsWith(
  options: ThreadOptions | undefined,
  defaultThreads: () => number,
): { threads: number; kernel: KernelVariant } {
  assertKnownOptions('options', options, OPTION_KEYS);
  const threads = options?.threads ?? defaultThreads();
  if (typeof threads !== 'number' || !Number.isInteger(threads) || threads < 1 || threads > MAXIMUM_THREADS) {
    throw new LinalgError(
      'threads',
      `expected an integer from 1 to ${MAXIMUM_THREADS}, got ${describeValue(threads)}`,
    );
  }
  const requested = options?.kernel ?? 'auto';
  if (requested !== 'auto' && requested !== 'simd' && requested !== 'fma') {
    throw new LinalgError('kernel', `expected "auto", "simd" or "fma", got ${describeValue(requested)}`);
  }
  const supported = supportedKernelVariants();
  // "auto" follows the kernel policy: FMA only where it runs and the policy is "fastest".
  const kernel: KernelVariant =
    requested === 'auto' ? (supported.fma && getKernelPolicy() === 'fastest' ? 'fma' : 'simd') : requested;
  return { threads, kernel };
}
