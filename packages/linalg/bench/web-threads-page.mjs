// Runs in Chromium, bundled by web-threads.mjs from the built dist: times `gram` or `symEig`
// on the single-threaded WebAssembly backends and on Web Worker pools of 1 and 2 threads.
import { gram, Matrix, registerBackend, setBackend, symEig } from '../dist/index.js';
import { supportedKernelVariants, wasmBackend } from '../dist/wasm-kernels.js';
import { createThreadedBackend } from '../dist/web-threads.js';

/** Seeded uniform(-0.5, 0.5) entries (Park–Miller), the data measure-case.mjs uses. */
function seededMatrix(rows, cols, seed) {
  const M = new Matrix(rows, cols);
  let state = seed;
  for (let t = 0; t < M.data.length; t++) {
    state = (state * 16807) % 2147483647;
    M.data[t] = state / 2147483647 - 0.5;
  }
  return M;
}

/** (B + Bᵀ) for a seeded B, as measure-case.mjs builds symEig's input. */
function symmetric(n, seed) {
  const B = seededMatrix(n, n, seed);
  const S = new Matrix(n, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) S.data[i * n + j] = B.data[i * n + j] + B.data[j * n + i];
  return S;
}

const backends = new Map();
let work;

globalThis.webThreadsBench = {
  async setup(caseName, [d0, d1], threadCounts) {
    if (caseName === 'gram') {
      const X = seededMatrix(d0, d1, 1);
      work = () => gram(X);
    } else {
      const S = symmetric(d0, 4);
      work = () => symEig(S);
    }
    const cells = [];
    const kernels = supportedKernelVariants();
    for (const kernel of ['simd', 'fma']) {
      if (!kernels[kernel]) continue;
      const id = `browser wasm-${kernel}`;
      backends.set(id, wasmBackend(kernel));
      cells.push({
        id,
        implementation: `browser wasm-${kernel} (no pool)`,
        threads: 1,
        baseline: `browser ${kernel}`,
      });
      for (const threads of threadCounts) {
        const poolId = `browser web-threads ${kernel} ×${threads}`;
        backends.set(poolId, await createThreadedBackend({ threads, kernel }));
        cells.push({
          id: poolId,
          implementation: `browser web-threads ${kernel}`,
          threads,
          baseline: `browser ${kernel}`,
        });
      }
    }
    return {
      cells,
      crossOriginIsolated: globalThis.crossOriginIsolated,
      hardwareConcurrency: navigator.hardwareConcurrency,
      userAgent: navigator.userAgent,
    };
  },
  time(id) {
    const backend = backends.get(id);
    // Pools of both sizes share a name; registering first makes this one the pinnable entry.
    registerBackend(backend, 100);
    setBackend(backend);
    const start = performance.now();
    work();
    const seconds = (performance.now() - start) / 1000;
    registerBackend(backend, -1);
    setBackend('auto');
    return seconds;
  },
  async done() {
    for (const backend of backends.values()) await backend.terminate?.();
    backends.clear();
  },
};
