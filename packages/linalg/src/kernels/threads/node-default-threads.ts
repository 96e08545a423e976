import { availableParallelism, loadavg } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import type { KernelBackend } from '../backend.js';
import type { KernelVariant } from '../wasm/kernel-module.js';
import { attachExecutor, executorOf } from '../wasm/rank-update-executor.js';
import { wasmTridiagonalize } from '../wasm/symmetric-eigen-kernels.js';
import { wasmBackend } from '../wasm/wasm-backends.js';
import { startNodeThreadPoolSync } from './node-thread-pool.js';
import { threadedBackendOn } from './pool-executor.js';

/**
 * Priority of Node's default pool: above the single-threaded WebAssembly backends (10, 11),
 * below a pool started by `enableThreads` (20), which therefore still replaces it.
 */
export const DEFAULT_THREADS_PRIORITY = 15;

/**
 * Multiply-adds from which an operation runs on the pool: 2²⁴ ≈ 1.7·10⁷, about 10 ms on one
 * core, where handing blocks to a second thread clearly pays (a job costs microseconds) and
 * the one-off start of the workers (~50–200 ms) is worth it. Smaller operations stay on the
 * calling thread, so programs that only do small algebra never start a worker.
 */
export const POOL_MINIMUM_MULTIPLY_ADDS = 2 ** 24;

/**
 * Whether the machine is already oversubscribed: a one-minute load average of at least twice
 * the threads. Then the threads of a pool wait for cores at every synchronization, and
 * measured on 2 cores at load 25, `symEig` n = 1000 took 2.7× longer on two threads than on
 * one (`gram`, with few long tasks, about the same), so operations stay on the calling
 * thread. `loadavg()` is `[0, 0, 0]` on Windows: there the pool is always used.
 */
export function machineOversubscribed(threads: number): boolean {
  return (loadavg()[0] ?? 0) >= 2 * threads;
}

/**
 * The backend a Node program gets by default on two or more cores: operations of at least
 * {@link POOL_MINIMUM_MULTIPLY_ADDS} run on a pool of `os.availableParallelism()` threads that
 * starts (synchronously, once) on the first such operation; smaller ones run on the
 * single-threaded `variant` backend, as are all operations while the machine is
 * oversubscribed ({@link machineOversubscribed}). The pool's workers are unref'ed from the start, so it
 * never keeps the process alive. Same bits as one thread whatever runs an operation. If the
 * workers do not come up (an engine without worker_threads or shared WebAssembly memory, or
 * a start-up over `startTimeoutMs`), everything stays on one thread. `undefined` when the
 * engine cannot run `variant`, on one core, and off the main thread (`mainThread` false): code
 * on worker threads already runs in parallel (e.g. the experiments' pool of cells), and a
 * pool per worker would put more busy threads than cores on the machine.
 */
export function createDefaultThreadsBackend(
  variant: KernelVariant,
  threads = availableParallelism(),
  startTimeoutMs = 10_000,
  mainThread = isMainThread,
  oversubscribed: (threads: number) => boolean = machineOversubscribed,
): KernelBackend | undefined {
  if (!mainThread || threads < 2) return undefined;
  const single = wasmBackend(variant);
  if (single === undefined) return undefined;
  let pool: KernelBackend | null | undefined;
  const forWork = (multiplyAdds: number): KernelBackend => {
    if (multiplyAdds < POOL_MINIMUM_MULTIPLY_ADDS || oversubscribed(threads)) return single;
    if (pool === undefined) {
      const started = startNodeThreadPoolSync(threads, variant, startTimeoutMs);
      pool = started === undefined ? null : threadedBackendOn(started, variant);
    }
    return pool ?? single;
  };
  const backend: KernelBackend = {
    name: `wasm-${variant}-default-threads`,
    strict: variant === 'simd',
    gemm(transposeA, transposeB, m, n, k, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc) {
      forWork(m * n * k).gemm(
        transposeA,
        transposeB,
        m,
        n,
        k,
        a,
        aOffset,
        lda,
        b,
        bOffset,
        ldb,
        beta,
        c,
        cOffset,
        ldc,
      );
    },
    syrk(n, k, a, aOffset, lda, c, cOffset, ldc) {
      forWork((n * n * k) / 2).syrk(n, k, a, aOffset, lda, c, cOffset, ldc);
    },
    tridiagonalize(n, a, d, e, tau) {
      wasmTridiagonalize(n, a, d, e, tau, forWork((2 * n * n * n) / 3));
    },
  };
  // The kernel-memory eigensolvers ask for the executor of an order-n problem (~n³ work).
  attachExecutor(backend, (order) => executorOf(forWork(order * order * order)));
  return backend;
}

/**
 * The thread count and oversubscription test of the default pool from the environment:
 * `BENIGNLAB_THREADS=n` (an integer ≥ 1) fixes the threads and ignores the load average;
 * otherwise all cores, and no pool while the machine is oversubscribed. An environment that
 * cannot be read (Deno without `--allow-env`) counts as unset.
 */
export function defaultThreadsFromEnvironment(): [number, number, boolean, (threads: number) => boolean] {
  let text: string | undefined;
  try {
    text = process.env.BENIGNLAB_THREADS;
  } catch {
    text = undefined;
  }
  const requested = text === undefined || !/^\d+$/.test(text.trim()) ? undefined : Number(text);
  return requested !== undefined && requested >= 1
    ? [requested, 10_000, isMainThread, () => false]
    : [availableParallelism(), 10_000, isMainThread, machineOversubscribed];
}
