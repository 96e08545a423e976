// Child process of run-all.mjs: one (case, implementation, threads) cell in its own
// process, so peak RSS and JIT state belong to that cell alone.
import { createInterface } from 'node:readline';
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
// The Node entry (the `node` export condition): what `import … from '@benignlab/linalg'` gives a
// Node user, default pool included; the other cells pin their backend below.
import { getBackend, gram, Matrix, matmul, setBackend, symEig } from '../dist/index.node.js';
import { createThreadedBackend } from '../dist/node-threads.js';
import { wasmBackend } from '../dist/wasm-kernels.js';

const spec = JSON.parse(process.argv[2]);

/** Seeded uniform(-0.5, 0.5) entries (Park–Miller), so every implementation sees the same kind of data. */
function seededMatrix(rows, cols, seed) {
  const M = new Matrix(rows, cols);
  let state = seed;
  for (let t = 0; t < M.data.length; t++) {
    state = (state * 16807) % 2147483647;
    M.data[t] = state / 2147483647 - 0.5;
  }
  return M;
}

function symmetric(n, seed) {
  const B = seededMatrix(n, n, seed);
  const S = new Matrix(n, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) S.data[i * n + j] = B.data[i * n + j] + B.data[j * n + i];
  return S;
}

function toMl(M) {
  return new MlMatrix(M.toRows());
}

let pool;
// "default": nothing pinned, no opt-in — the automatic choice of a Node program.
if (spec.implementation === 'js') setBackend('js');
else if (spec.implementation === 'wasm-simd' || spec.implementation === 'wasm-fma') {
  const kernel = spec.implementation === 'wasm-fma' ? 'fma' : 'simd';
  if (spec.threads === 1) setBackend(wasmBackend(kernel));
  else {
    pool = await createThreadedBackend({ threads: spec.threads, kernel });
    setBackend(pool);
  }
}

const [d0, d1] = spec.size;
let work;
if (spec.case === 'gram') {
  const X = seededMatrix(d0, d1, 1);
  if (spec.implementation === 'ml-matrix') {
    const Xm = toMl(X);
    work = () => Xm.mmul(Xm.transpose());
  } else work = () => gram(X);
} else if (spec.case === 'matmul') {
  const A = seededMatrix(d0, d0, 2);
  const B = seededMatrix(d0, d0, 3);
  if (spec.implementation === 'ml-matrix') {
    const Am = toMl(A);
    const Bm = toMl(B);
    work = () => Am.mmul(Bm);
  } else work = () => matmul(A, B);
} else if (spec.case === 'symEig') {
  const S = symmetric(d0, 4);
  if (spec.implementation === 'ml-matrix') {
    const Sm = toMl(S);
    work = () => new EigenvalueDecomposition(Sm, { assumeSymmetric: true });
  } else work = () => symEig(S);
} else throw new Error(`unknown case ${spec.case}`);

// Protocol with run-all.mjs, one line each way: "run" → {"seconds"}, "done" → {"peakRssMiB"}.
// Keeping the process (and its input) alive lets the parent interleave the runs of every
// implementation, so all of them see the same machine load.
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line === 'run') {
    const start = performance.now();
    work();
    console.log(JSON.stringify({ seconds: (performance.now() - start) / 1000, backend: getBackend().name }));
  } else if (line === 'done') {
    if (pool) await pool.terminate();
    console.log(JSON.stringify({ peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
    lines.close();
  }
}
