import type { KernelBackend } from '../backend.js';
import { jsBackend } from '../js-backend.js';
import {
  blockedProduct,
  MAXIMUM_WORKSPACE_BYTES,
  symmetricProductInPanels,
  symmetricWorkspaceBytes,
  workspaceBytes,
} from './blocked-gemm.js';
import { attachExecutor, type RankUpdateExecutor } from './rank-update-executor.js';

/** `C ← beta · C` on an `m×n` block (beta = 0 writes zeros, BLAS semantics). */
function scaleBlock(m: number, n: number, beta: number, c: Float64Array, cOffset: number, ldc: number): void {
  for (let i = 0; i < m; i++) {
    const start = cOffset + i * ldc;
    if (beta === 0) c.fill(0, start, start + n);
    else for (let j = start; j < start + n; j++) c[j] *= beta;
  }
}

/**
 * A {@link KernelBackend} whose `gemm` and `syrk` run the blocked WebAssembly kernels on
 * `executor` (one thread, or a pool sharing the kernel memory); `strict` marks the baseline
 * SIMD build (see {@link KernelBackend.strict}). Products whose scratch
 * would exceed 2 GiB of kernel memory run on the plain JS backend instead.
 */
export function createBlockedBackend(
  name: string,
  executor: RankUpdateExecutor,
  strict: boolean,
): KernelBackend {
  const backend: KernelBackend = {
    name,
    strict,
    gemm(transposeA, transposeB, m, n, k, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc) {
      if (m === 0 || n === 0) return;
      if (k === 0) {
        scaleBlock(m, n, beta, c, cOffset, ldc);
        return;
      }
      if (workspaceBytes(m, n, k) > MAXIMUM_WORKSPACE_BYTES) {
        jsBackend.gemm(
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
        return;
      }
      const product = blockedProduct(
        executor,
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
        // C ← AB + C (blocked reflectors, rank updates) accumulates in kernel memory.
        beta === 1 ? { c, offset: cOffset, ld: ldc } : undefined,
      );
      const heap = new Float64Array(executor.memory.buffer, product, m * n);
      for (let i = 0; i < m; i++) {
        const row = cOffset + i * ldc;
        const source = i * n;
        if (beta === 0 || beta === 1) c.set(heap.subarray(source, source + n), row);
        else for (let j = 0; j < n; j++) c[row + j] = beta * c[row + j] + heap[source + j];
      }
    },
    syrk(n, k, a, aOffset, lda, c, cOffset, ldc) {
      if (n === 0) return;
      if (k === 0) {
        scaleBlock(n, n, 0, c, cOffset, ldc);
        return;
      }
      if (symmetricWorkspaceBytes(n, k) > MAXIMUM_WORKSPACE_BYTES) {
        jsBackend.syrk(n, k, a, aOffset, lda, c, cOffset, ldc);
        return;
      }
      symmetricProductInPanels(executor, n, k, a, aOffset, lda, c, cOffset, ldc);
    },
  };
  attachExecutor(backend, executor);
  return backend;
}
