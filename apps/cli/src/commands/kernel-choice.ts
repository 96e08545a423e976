import { type KernelPolicy, setKernelPolicy } from '@benignlab/linalg';
import { supportedKernelVariants } from '@benignlab/linalg/wasm-kernels';

/**
 * What produced a result's numbers, recorded in `<id>.json` (`producedWith`) and the report:
 * the kernel policy, the kernel variant the cells ran on and the JavaScript runtime.
 */
export interface ProducedWith {
  /** `"strict"` (default of `run`/`reproduce`) or `"fastest"` (`--fast-kernels`). */
  kernels: KernelPolicy;
  /** The linear-algebra backend of the cells: `"wasm-simd"`, `"wasm-fma"` or `"js"`. */
  variant: string;
  /** The runtime and its version, e.g. `"node 24.22.3"`, `"bun 1.4.5"`, `"deno 2.6.0"`. */
  runtime: string;
}

/**
 * The JavaScript runtime running this process, as `"<name> <version>"`.
 *
 * @example
 * ```ts
 * runtimeName(); // "node 20.20.2"
 * ```
 */
export function runtimeName(): string {
  const versions = process.versions as Record<string, string | undefined>;
  if (versions.bun !== undefined) return `bun ${versions.bun}`;
  if (versions.deno !== undefined) return `deno ${versions.deno}`;
  return `node ${versions.node}`;
}

/**
 * Sets the kernel policy of this thread (and so of the cell workers, which inherit it):
 * strict kernels unless `fast` — `run` and `reproduce` give the same bits on every runtime
 * and processor by default — and says what the cells will run on.
 *
 * @example
 * ```ts
 * chooseKernels(false); // { kernels: 'strict', variant: 'wasm-simd', runtime: 'node 20.20.2' }
 * ```
 */
export function chooseKernels(fast: boolean): ProducedWith {
  const kernels: KernelPolicy = fast ? 'fastest' : 'strict';
  setKernelPolicy(kernels);
  const supported = supportedKernelVariants();
  // The cells run on worker threads, which use the single-threaded backends.
  const variant = fast && supported.fma ? 'wasm-fma' : supported.simd ? 'wasm-simd' : 'js';
  return { kernels, variant, runtime: runtimeName() };
}

/**
 * The report's sentence on reproducibility for the kernels a run used.
 *
 * @example
 * ```ts
 * reproducibilityNote(chooseKernels(false)); // "Every number below is reproducible bit for bit …"
 * ```
 */
export function reproducibilityNote(produced: ProducedWith): string {
  const ran = `Computed on ${produced.runtime} with the ${produced.kernels} kernels (${produced.variant}).`;
  return produced.kernels === 'strict'
    ? `${ran} Every number below is reproducible bit for bit from the seed, whatever the number of workers, on every supported runtime and processor.`
    : `${ran} These fast kernels may use fused multiply-add: numbers are reproducible from the seed on this runtime and processor, but may differ from other runtimes and processors (and from the default strict kernels) in the last bits.`;
}
