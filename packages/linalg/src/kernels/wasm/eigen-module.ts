import { compileCached, instantiateKernel, type KernelExports, moduleCache } from './kernel-module.js';
import { eigenKernelBase64 } from './kernel-modules.generated.js';

// Apart from kernel-module.ts so that only the eigensolvers reach the eigen kernels: a bundle
// that only multiplies matrices carries the product kernels alone.

/** The private-memory eigen module (one build: its loops use no FMA), or `undefined` without WebAssembly SIMD. */
export function eigenModule(): WebAssembly.Module | undefined {
  return compileCached(moduleCache, 'eigen', () => eigenKernelBase64);
}

/**
 * Adds the eigen module's exports to `kernel` (a product instance over `memory`) if it lacks
 * them; `false` when this engine has no WebAssembly SIMD.
 */
export function addEigenKernel(kernel: KernelExports, memory: WebAssembly.Memory): boolean {
  if (typeof kernel.implicitQL === 'function') return true;
  const module = eigenModule();
  if (module === undefined) return false;
  Object.assign(kernel, instantiateKernel(module, memory));
  return true;
}
