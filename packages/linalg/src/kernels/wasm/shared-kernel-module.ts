import type { KernelVariant } from './kernel-module.js';
import { compileCached, decodeBase64 } from './kernel-module.js';
import {
  eigenSharedKernelBase64,
  fmaProductSharedKernelBase64,
  SHARED_MEMORY_MAXIMUM_PAGES,
  simdProductSharedKernelBase64,
} from './kernel-modules.generated.js';

// Only the thread pools (the node-threads and web-threads entries, and Node's default
// pool) import this file, so the shared-memory builds never reach a main-entry bundle.

export { SHARED_MEMORY_MAXIMUM_PAGES };

const productSources = { simd: () => simdProductSharedKernelBase64, fma: () => fmaProductSharedKernelBase64 };
const moduleCache = new Map<string, WebAssembly.Module | null>();

/**
 * The shared-memory product and eigen modules of one kernel build, compiled synchronously
 * once, or `undefined` when this engine cannot run them (no SIMD, no threads, or no relaxed
 * SIMD for `"fma"`).
 */
export function sharedKernelModules(variant: KernelVariant): WebAssembly.Module[] | undefined {
  const product = compileCached(moduleCache, variant, productSources[variant]);
  const eigen = compileCached(moduleCache, 'eigen', () => eigenSharedKernelBase64);
  return product === undefined || eigen === undefined ? undefined : [product, eigen];
}

/** The bytes of the shared-memory product and eigen modules, for asynchronous compilation (browsers). */
export function sharedKernelBytes(variant: KernelVariant): Uint8Array<ArrayBuffer>[] {
  return [decodeBase64(productSources[variant]()), decodeBase64(eigenSharedKernelBase64)];
}
