import { instantiateKernel, type KernelVariant, productModule } from './kernel-module.js';
import { growMemory, type RankUpdateExecutor, runTasks } from './rank-update-executor.js';
import { reductionLayout } from './reduction-layout.js';

/**
 * Runs rank-kc updates on the calling thread, in a private (non-shared) memory so it
 * works in any browser context, cross-origin isolated or not. Returns `undefined` when
 * this engine cannot run the requested kernel build.
 */
export function createSingleThreadExecutor(variant: KernelVariant): RankUpdateExecutor | undefined {
  // The product module only: the eigensolvers add the eigen module on first use
  // (addEigenKernel, before any tridiagonalizeInPlace), so a bundle that only multiplies
  // matrices never carries it.
  const module = productModule(variant);
  if (module === undefined) return undefined;
  const memory = new WebAssembly.Memory({ initial: 1 });
  const kernel = instantiateKernel(module, memory);
  return {
    memory,
    kernel,
    threads: 1,
    reserve(bytes) {
      growMemory(memory, bytes);
    },
    tridiagonalizeInPlace(n) {
      const at = reductionLayout(n, kernel.REDUCTION_CHUNKS.value);
      kernel.tridiagonalize(n, at.a, at.d, at.e, at.tau, at.p, at.y);
    },
    run(job) {
      let next = job.firstTask;
      runTasks(kernel, job, () => next++);
    },
  };
}
