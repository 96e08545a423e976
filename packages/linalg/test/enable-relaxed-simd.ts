import { setFlagsFromString } from 'node:v8';

// Node 20 keeps relaxed SIMD behind a flag (Node ≥ 22 enables it by default). Imported
// first by the FMA tests, so the flag is on before any kernel module is validated.
// Node 24 removed the flag (relaxed SIMD is standard) and would print an error for it.
if (Number(process.versions.node.split('.')[0]) < 22) setFlagsFromString('--experimental-wasm-relaxed-simd');
