/**
 * `@benignlab/linalg/wasm-kernels`: the WebAssembly kernel backends and diagnostics
 * (feature detection, micro-kernel peak), for benchmarks and for choosing a backend by hand.
 * Runs anywhere WebAssembly SIMD does (Node, browsers); no Node-only imports.
 */
export { type KernelVariant, supportedKernelVariants } from './kernels/wasm/kernel-module.js';
export { measureMicroKernelPeak } from './kernels/wasm/micro-kernel-peak.js';
export { bestWasmBackend, wasmBackend } from './kernels/wasm/wasm-backends.js';
