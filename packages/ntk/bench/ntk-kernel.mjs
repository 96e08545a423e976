// `pnpm bench` for @benignlab/ntk: ntkKernel (both variants, symmetric and general path)
// against the Gram product X Xᵀ it is built on, and the same kernel in numpy, all in one
// session on the same input. Medians over several runs; the table and its JSON
// (bench-results/ntk-kernel.json) feed the README and the docs.
//
//   node bench/ntk-kernel.mjs            # n = d = 2000, 5 runs
//   node bench/ntk-kernel.mjs --quick    # n = d = 500, 3 runs (smoke test)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createRng } from '@benignlab/data';
import { getBackend, gram, Matrix } from '@benignlab/linalg';
import { ntkKernel } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const n = quick ? 500 : 2000;
const d = quick ? 500 : 2000;
const runs = quick ? 3 : 5;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function timeMedian(body) {
  body(); // warm-up: JIT and allocation
  const seconds = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    body();
    seconds.push((performance.now() - start) / 1000);
  }
  return median(seconds);
}

const X = new Matrix(n, d, createRng(2024).fillNormal(new Float64Array(n * d)));
const Y = X.clone(); // same values, another object: forces the general (non-symmetric) path

const ours = {
  gram: timeMedian(() => gram(X)),
  first: timeMedian(() => ntkKernel(X, X, { layers: 'first' })),
  both: timeMedian(() => ntkKernel(X, X, { layers: 'both' })),
  bothGeneral: timeMedian(() => ntkKernel(X, Y, { layers: 'both' })),
};

const NUMPY_SCRIPT = `
import json, sys, time
import numpy as np
n, d, runs, path = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
X = np.fromfile(path, dtype=np.float64).reshape(n, d)
def ntk(A, B, both):
    u = A @ B.T
    na = np.sqrt(np.einsum('ij,ij->i', A, A)); nb = np.sqrt(np.einsum('ij,ij->i', B, B))
    c = np.clip(u / np.outer(na, nb), -1.0, 1.0)
    phi = np.arccos(c)
    k = u * (np.pi - phi) / (2 * np.pi)
    if both:
        k += np.outer(na, nb) * (np.sqrt(1 - c * c) + (np.pi - phi) * c) / (2 * np.pi)
    return k
def median_time(f):
    f()
    times = []
    for _ in range(runs):
        t = time.perf_counter(); f(); times.append(time.perf_counter() - t)
    return float(np.median(times))
print(json.dumps({
    "gram": median_time(lambda: X @ X.T),
    "first": median_time(lambda: ntk(X, X, False)),
    "both": median_time(lambda: ntk(X, X, True)),
    "numpy": np.__version__,
}))
`;

function runNumpy(threads) {
  const directory = mkdtempSync(join(tmpdir(), 'ntk-bench-'));
  const file = join(directory, 'x.f64');
  try {
    writeFileSync(file, new Uint8Array(X.data.buffer));
    const env = { ...process.env };
    if (threads !== undefined) {
      for (const name of ['OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', 'MKL_NUM_THREADS'])
        env[name] = String(threads);
    }
    const child = spawnSync('python3', ['-c', NUMPY_SCRIPT, String(n), String(d), String(runs), file], {
      encoding: 'utf8',
      env,
    });
    if (child.status !== 0) return undefined;
    return JSON.parse(child.stdout.trim());
  } catch {
    return undefined;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const numpyOneThread = runNumpy(1);
const numpyAllThreads = runNumpy(undefined);

const rows = [
  { operation: 'gram X Xᵀ (linalg)', key: 'gram' },
  { operation: "ntkKernel(X, X, 'first')", key: 'first' },
  { operation: "ntkKernel(X, X, 'both')", key: 'both' },
  { operation: "ntkKernel(X, X.clone(), 'both') general path", key: 'bothGeneral', numpyKey: 'both' },
].map(({ operation, key, numpyKey = key }) => ({
  operation,
  seconds: ours[key],
  ratioToGram: ours[key] / ours.gram,
  numpyOneThreadSeconds: numpyOneThread?.[numpyKey] ?? null,
  numpyAllThreadsSeconds: numpyAllThreads?.[numpyKey] ?? null,
  ratioToNumpyOneThread: numpyOneThread ? ours[key] / numpyOneThread[numpyKey] : null,
}));

const session = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  loadAverageAtStart: loadavg(),
  linalgBackend: getBackend().name,
  numpy: numpyOneThread ? `numpy ${numpyOneThread.numpy}` : 'not importable: numpy columns empty',
  size: { n, d },
  runs,
  command: `node scripts/pnpm.mjs --filter @benignlab/ntk bench${quick ? ' -- --quick' : ''}`,
};

const format = (value, digits = 3) => (value === null ? '—' : value.toFixed(digits));
console.log(
  `ntkKernel, n = ${n}, d = ${d}, median of ${runs} runs; linalg backend ${session.linalgBackend}; ${session.numpy}`,
);
console.log(
  '| operation | ours (s) | ours / gram | numpy 1 thread (s) | numpy all threads (s) | ours / numpy 1 thread |',
);
console.log('|---|---|---|---|---|---|');
for (const row of rows) {
  console.log(
    `| ${row.operation} | ${format(row.seconds)} | ${format(row.ratioToGram, 2)} | ${format(row.numpyOneThreadSeconds)} | ${format(row.numpyAllThreadsSeconds)} | ${format(row.ratioToNumpyOneThread, 2)} |`,
  );
}
const worst = Math.max(rows[1].ratioToGram, rows[2].ratioToGram);
console.log(`symmetric ntkKernel / gram: ${worst.toFixed(2)} (target ≤ 1.5)`);

if (!quick) {
  mkdirSync(join(here, '..', 'bench-results'), { recursive: true });
  writeFileSync(
    join(here, '..', 'bench-results', 'ntk-kernel.json'),
    `${JSON.stringify({ session, rows }, null, 2)}\n`,
  );
}
