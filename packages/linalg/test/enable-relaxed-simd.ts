import { setFlagsFromString } from 'node:v8';

// Node 20 keeps relaxed SIMD behind a flag (Node ≥ 22 enables it by default). Imported
// first by the FMA tests, so the flag is on before any kernel module is validated.
setFlagsFromString('--experimental-wasm-relaxed-simd');
