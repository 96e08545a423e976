import { LinalgError } from '../../errors.js';
import { eigenModule } from './eigen-module.js';
import { instantiateKernel, type KernelExports } from './kernel-module.js';

let instance: { kernel: KernelExports; memory: WebAssembly.Memory } | null | undefined;

/**
 * The private-memory kernel instance for the serial eigen steps (reduction without a pool,
 * eigenvalue QL, merge arithmetic of the JS-array divide and conquer), created once, or
 * `undefined` when this engine has no WebAssembly SIMD.
 *
 * @example
 * ```ts
 * const found = eigenInstance();
 * if (found) found.kernel.implicitQL(n, 0, 8 * n, 60);
 * ```
 */
export function eigenInstance(): { kernel: KernelExports; memory: WebAssembly.Memory } | undefined {
  if (instance === undefined) {
    // The eigen module has one build (its loops use no FMA), so eigenpairs are the same bits
    // whichever product build (or thread pool) runs beside it.
    const module = eigenModule();
    if (module === undefined) instance = null;
    else {
      const memory = new WebAssembly.Memory({ initial: 1 });
      instance = { kernel: instantiateKernel(module, memory), memory };
    }
  }
  return instance ?? undefined;
}

/**
 * {@link eigenInstance}, or a `LinalgError` naming what needed it (`purpose`, e.g. "divide and
 * conquer's merge arithmetic") when this engine has no WebAssembly SIMD.
 *
 * @example
 * ```ts
 * const { kernel, memory } = requireEigenInstance('the blocked reflectors’ factor T');
 * ```
 */
export function requireEigenInstance(purpose: string): { kernel: KernelExports; memory: WebAssembly.Memory } {
  const found = eigenInstance();
  if (found === undefined) {
    throw new LinalgError('backend', `${purpose} needs WebAssembly SIMD; expected an engine with it`);
  }
  return found;
}
