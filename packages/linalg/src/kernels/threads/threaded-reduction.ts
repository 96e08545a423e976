import type { KernelExports } from '../wasm/kernel-module.js';
import { growMemory } from '../wasm/rank-update-executor.js';
import { reductionLayout } from '../wasm/reduction-layout.js';
import { CONTROL, JOB_KIND } from './control-layout.js';
import type { PoolJobs } from './job-control.js';

/**
 * Householder tridiagonalization of the scaled symmetric n×n `a` (row-major, overwritten by
 * the reflectors; `d`, `e`, `tau` out) with each step's row chunks swept by every thread of
 * a pool: the serial opening and closing of step k on the caller, the `count` fixed row
 * chunks claimed from the shared counter. The chunks and the order their partial vectors
 * are summed in are fixed by the kernel, so the bits equal the one-thread reduction's.
 */
export function tridiagonalizeOnPool(
  kernel: KernelExports,
  memory: WebAssembly.Memory,
  slots: Int32Array,
  jobs: PoolJobs,
  n: number,
  a: Float64Array,
  d: Float64Array,
  e: Float64Array,
  tau: Float64Array,
): void {
  const at = reductionLayout(n, kernel.REDUCTION_CHUNKS.value);
  growMemory(memory, at.end);
  new Float64Array(memory.buffer, at.a, n * n).set(a);
  tridiagonalizeOnPoolInPlace(kernel, slots, jobs, n);
  a.set(new Float64Array(memory.buffer, at.a, n * n));
  d.set(new Float64Array(memory.buffer, at.d, n));
  e.set(new Float64Array(memory.buffer, at.e, n));
  tau.set(new Float64Array(memory.buffer, at.tau, n));
}

/**
 * The reduction of {@link tridiagonalizeOnPool} on the matrix already in kernel memory at
 * the offsets of `reductionLayout(n)` (reserved by the caller), results left there.
 */
export function tridiagonalizeOnPoolInPlace(
  kernel: KernelExports,
  slots: Int32Array,
  jobs: PoolJobs,
  n: number,
): void {
  const at = reductionLayout(n, kernel.REDUCTION_CHUNKS.value);
  slots[CONTROL.reductionOrder] = n;
  slots[CONTROL.reductionA] = at.a;
  slots[CONTROL.reductionP] = at.p;
  slots[CONTROL.reductionY] = at.y;
  for (let k = 0; k < n - 2; k++) {
    kernel.reductionBeginStep(n, at.a, at.d, at.e, at.tau, at.p, k);
    const count = kernel.reductionChunkCount(n, k);
    if (count === 1) kernel.reductionSweepRows(n, at.a, at.p, k, k + 1, n, at.y);
    else {
      slots[CONTROL.reductionStep] = k;
      jobs.publish(JOB_KIND.reductionSweep, count, 0);
      for (let chunk = Atomics.add(slots, CONTROL.nextTask, 1); chunk < count; ) {
        const start = kernel.reductionChunkStart(n, k, chunk, count);
        const end = kernel.reductionChunkStart(n, k, chunk + 1, count);
        kernel.reductionSweepRows(n, at.a, at.p, k, start, end, at.y + chunk * n * 8);
        chunk = Atomics.add(slots, CONTROL.nextTask, 1);
      }
      jobs.awaitWorkers();
    }
    kernel.reductionEndStep(n, at.a, at.tau, at.p, at.y, k, count);
  }
  kernel.reductionFinish(n, at.a, at.d, at.e, at.p);
}
