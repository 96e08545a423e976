import type { KernelBackend } from '../backend.js';
import { createBlockedBackend } from './blocked-backend.js';
import { type KernelVariant, supportedKernelVariants } from './kernel-module.js';
import { createSingleThreadExecutor } from './single-thread-executor.js';

const backends = new Map<KernelVariant, KernelBackend | null>();

/**
 * The single-threaded WebAssembly backend of one kernel build: `"wasm-simd"` (f64x2
 * multiply then add) or `"wasm-fma"` (relaxed-SIMD fused multiply-add), or `undefined`
 * when this engine cannot run that build. Created lazily, once; its kernel memory grows
 * to the largest product computed (packed slices plus an `m×n` scratch) and is reused.
 *
 * @param variant the kernel build: `"simd"` (multiply then add) or `"fma"` (relaxed-SIMD fused multiply-add)
 * @example
 * ```ts
 * const backend = wasmBackend('simd');
 * if (backend) registerBackend(backend, 10);
 * ```
 */
export function wasmBackend(variant: KernelVariant): KernelBackend | undefined {
  let backend = backends.get(variant);
  if (backend === undefined) {
    const executor = createSingleThreadExecutor(variant);
    backend =
      executor === undefined ? null : createBlockedBackend(`wasm-${variant}`, executor, variant === 'simd');
    backends.set(variant, backend);
  }
  return backend ?? undefined;
}

/**
 * The fastest single-threaded WebAssembly backend this engine runs: FMA when relaxed
 * SIMD validates, else baseline SIMD, else `undefined` (no WebAssembly SIMD at all).
 *
 * @example
 * ```ts
 * bestWasmBackend()?.name; // "wasm-simd" on plain Node 20, "wasm-fma" on Node 22
 * ```
 */
export function bestWasmBackend(): KernelBackend | undefined {
  const supported = supportedKernelVariants();
  if (supported.fma) return wasmBackend('fma');
  if (supported.simd) return wasmBackend('simd');
  return undefined;
}
