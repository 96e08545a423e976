// Benchmark of `benignlab fit` and `benignlab theory` beside numpy (python3 child process,
// when numpy is importable): reading .npy and CSV files, the min-norm and ridge fits, the
// theory curve over a λ grid, and the spawned CLI's wall time for `theory` and `fit`.
//
// Usage: node bench/fit-theory.bench.mjs [--runs N] [--n N] [--p P]
// Writes bench-results/fit-theory.json and prints a table. Run after `npx tsup`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRng } from '@benignlab/data';
import {
  fitFromFiles,
  parseFitArgs,
  parseNpy,
  parseNumericCsv,
  parseTheoryArgs,
  theoryCurve,
} from '../dist/index.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    n: { type: 'string', default: '300' },
    p: { type: 'string', default: '3000' },
  },
});
const runs = Number(values.runs);
const n = Number(values.n);
const p = Number(values.p);
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const timeMs = (fn) => {
  const times = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return median(times);
};

function npyBytes(data, shape) {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = `${header}${' '.repeat(total - 10 - header.length - 1)}\n`;
  const out = new Uint8Array(total + data.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, total - 10, true);
  for (let k = 0; k < header.length; k++) out[10 + k] = header.charCodeAt(k);
  out.set(new Uint8Array(data.buffer), total);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'benignlab-fit-bench-'));
const rng = createRng(2024);
const X = new Float64Array(n * p);
rng.fillNormal(X);
const y = new Float64Array(n);
rng.fillNormal(y);
const files = { X: join(dir, 'X.npy'), y: join(dir, 'y.npy'), Xcsv: join(dir, 'X.csv') };
writeFileSync(files.X, npyBytes(X, [n, p]));
writeFileSync(files.y, npyBytes(y, [n]));
const csvLines = [];
for (let i = 0; i < n; i++) csvLines.push(Array.from(X.subarray(i * p, (i + 1) * p), String).join(','));
writeFileSync(files.Xcsv, `${csvLines.join('\n')}\n`);
const theoryArgs = [
  '--covariance',
  'spikedScaled:n=3200,a=1.5,b=1,s=5',
  '--n',
  '3200',
  '--lambdas',
  '1e-5:10:100',
];

const ours = {
  'read .npy': timeMs(() => parseNpy(readFileSync(files.X), files.X, '--x')),
  'read CSV': timeMs(() => parseNumericCsv(readFileSync(files.Xcsv, 'utf8'), files.Xcsv, '--x')),
  'fit minnorm (files → θ̂)': timeMs(() =>
    fitFromFiles(parseFitArgs(['--x', files.X, '--y', files.y, '--model', 'minnorm'])),
  ),
  'fit ridge λ=0.1 (files → θ̂)': timeMs(() =>
    fitFromFiles(parseFitArgs(['--x', files.X, '--y', files.y, '--model', 'ridge', '--lambda', '0.1'])),
  ),
  'theory curve, p = 181,025, 100 λ': timeMs(() => theoryCurve(parseTheoryArgs(theoryArgs))),
};

const python = `
import json, sys, time
import numpy as np
X_path, y_path, csv_path, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def t(fn):
    times = []
    for _ in range(runs):
        s = time.perf_counter(); fn(); times.append((time.perf_counter() - s) * 1000)
    return float(np.median(times))
def minnorm():
    X = np.load(X_path); y = np.load(y_path)
    return X.T @ np.linalg.solve(X @ X.T, y)
def ridge():
    X = np.load(X_path); y = np.load(y_path); n = X.shape[0]
    return X.T @ np.linalg.solve(X @ X.T + n * 0.1 * np.eye(n), y)
def theory():
    n = 3200; s = 5; p = int(np.ceil(n ** 1.5)) + s
    ev = np.full(p, 1.0 / n); ev[:s] = 1.0
    th = np.zeros(p); th[:s] = 1 / np.sqrt(s)
    out = []
    for lam in np.geomspace(1e-5, 10, 100):
        k = max(lam, 1e-3)
        for _ in range(100):
            f = k - lam - (k / n) * np.sum(ev / (ev + k))
            df = 1 - np.sum(ev / (ev + k)) / n + (k / n) * np.sum(ev / (ev + k) ** 2)
            step = f / df; k = max(k - step, k / 10)
            if abs(step) < 1e-14 * k: break
        df2 = np.sum(ev ** 2 / (ev + k) ** 2); b0 = k * k * np.sum(ev * th ** 2 / (ev + k) ** 2)
        out.append((n * b0 + 0.25 * df2) / (n - df2))
    return out
print(json.dumps({
  'read .npy': t(lambda: np.load(X_path)),
  'read CSV': t(lambda: np.loadtxt(csv_path, delimiter=',')),
  'fit minnorm (files → θ̂)': t(minnorm),
  'fit ridge λ=0.1 (files → θ̂)': t(ridge),
  'theory curve, p = 181,025, 100 λ': t(theory),
  'numpy': np.__version__,
}))
`;
let reference = null;
const py = spawnSync('python3', ['-c', python, files.X, files.y, files.Xcsv, String(runs)], {
  encoding: 'utf8',
});
if (py.status === 0) reference = JSON.parse(py.stdout);
else console.error(`numpy reference skipped: ${py.stderr.trim().split('\n').at(-1)}`);

const cliMs = (args) => {
  const times = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [bin, ...args, '--json'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`benignlab ${args.join(' ')} failed: ${result.stderr}`);
    times.push(performance.now() - started);
  }
  return median(times);
};
const cli = {
  'benignlab theory (spawned, wall)': cliMs(['theory', ...theoryArgs]),
  'benignlab fit minnorm (spawned, wall)': cliMs([
    'fit',
    '--x',
    files.X,
    '--y',
    files.y,
    '--model',
    'minnorm',
  ]),
};
rmSync(dir, { recursive: true, force: true });

const rows = Object.entries(ours).map(([task, ms]) => ({
  task,
  oursMs: ms,
  numpyMs: reference?.[task] ?? null,
  ratio: reference?.[task] ? ms / reference[task] : null,
}));
const result = {
  command: `node bench/fit-theory.bench.mjs --runs ${runs} --n ${n} --p ${p}`,
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    numpy: reference?.numpy ?? null,
  },
  sizes: { n, p },
  rows,
  cli: Object.entries(cli).map(([task, ms]) => ({ task, wallMs: ms })),
};
console.log(`fit/theory benchmark, n = ${n}, p = ${p}, median of ${runs} runs (ms)\n`);
console.log(
  `${'task'.padEnd(36)} ${'ours'.padStart(10)} ${'numpy'.padStart(10)} ${'ours/numpy'.padStart(11)}`,
);
for (const r of rows) {
  console.log(
    `${r.task.padEnd(36)} ${r.oursMs.toFixed(1).padStart(10)} ${(r.numpyMs?.toFixed(1) ?? '—').padStart(10)} ${(r.ratio?.toFixed(2) ?? '—').padStart(11)}`,
  );
}
for (const c of result.cli) console.log(`${c.task.padEnd(36)} ${c.wallMs.toFixed(0).padStart(10)}`);
const outDir = fileURLToPath(new URL('../bench-results/', import.meta.url));
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'fit-theory.json'), `${JSON.stringify(result, null, 2)}\n`);
