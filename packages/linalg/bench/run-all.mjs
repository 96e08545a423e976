// `pnpm bench`: times gram, matmul and symEig for every implementation in one session,
// each cell in a fresh child process (medians over several runs), against numpy in the
// same session, and writes the table to bench-results/linalg.json for the docs.
//
//   node bench/run-all.mjs            # every case
//   node bench/run-all.mjs gram       # only cases whose label contains "gram"
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureMicroKernelPeak, supportedKernelVariants } from '../dist/wasm-kernels.js';
import { numpyAvailable, runNumpy } from './numpy-case.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const allThreads = availableParallelism();
const fmaNative = supportedKernelVariants().fma;
// Node 20 runs relaxed SIMD only behind this V8 flag; Node ≥ 22 needs nothing.
const fmaFlags = fmaNative ? [] : ['--experimental-wasm-relaxed-simd'];

const gramFlops = ([n, p]) => n * (n + 1) * p;
const matmulFlops = ([n]) => 2 * n ** 3;
const cubic = ([n]) => n ** 3;

/**
 * `slow` cells (plain TS loops, ml-matrix) run on a smaller size and are extrapolated by the
 * work ratio (`work`: flops for products, n³ for symEig), marked "≈" in the table.
 */
const CASES = [
  {
    label: 'gram 1000×8000',
    case: 'gram',
    size: [1000, 8000],
    work: gramFlops,
    flops: gramFlops,
    slow: { js: [1000, 2000], 'ml-matrix': [500, 2000] },
  },
  {
    label: 'gram 2000×20000',
    case: 'gram',
    size: [2000, 20000],
    work: gramFlops,
    flops: gramFlops,
    runs: 3,
    slow: { js: [1000, 5000], 'ml-matrix': [500, 2500] },
  },
  {
    label: 'matmul 1000×1000·1000×1000',
    case: 'matmul',
    size: [1000, 1000],
    work: matmulFlops,
    flops: matmulFlops,
    slow: { js: [1000, 1000], 'ml-matrix': [500, 500] },
  },
  {
    label: 'symEig n=1000',
    case: 'symEig',
    size: [1000, 1000],
    work: cubic,
    runs: 3,
    slow: { 'ml-matrix': [500, 500] },
  },
  {
    label: 'symEig n=2000',
    case: 'symEig',
    size: [2000, 2000],
    work: cubic,
    runs: 1,
    slow: { 'ml-matrix': [500, 500] },
  },
];

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function runNode(spec, flags = []) {
  const child = spawnSync(
    process.execPath,
    [...flags, join(here, 'measure-case.mjs'), JSON.stringify(spec)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (child.status !== 0) throw new Error(`${spec.implementation} ${spec.case} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop());
}

function childPeak(variant) {
  const script = `import('${join(here, '..', 'dist', 'wasm-kernels.js')}').then((m) => console.log(m.measureMicroKernelPeak('${variant}', 1000)))`;
  const child = spawnSync(
    process.execPath,
    [...(variant === 'fma' ? fmaFlags : []), '--input-type=module', '-e', script],
    {
      encoding: 'utf8',
    },
  );
  return Number(child.stdout.trim());
}

const peaks = { simd: measureMicroKernelPeak('simd', 1000), fma: childPeak('fma') };
const hasNumpy = numpyAvailable();
const session = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  threads: allThreads,
  loadAverageAtStart: loadavg(),
  microKernelPeakGflops: peaks,
  numpy: hasNumpy ? 'python3 numpy (OpenBLAS/LAPACK)' : 'not importable: numpy columns skipped',
  command: 'node scripts/pnpm.mjs --filter @benignlab/linalg bench',
};
console.log(
  `micro-kernel peak, one thread: SIMD ${peaks.simd.toFixed(1)} GFLOP/s, FMA ${peaks.fma.toFixed(1)} GFLOP/s; ${allThreads} threads; load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
if (!hasNumpy) console.log('numpy is not importable by python3: numpy rows skipped, ratios left empty');

const results = [];
for (const c of CASES) {
  if (!c.label.includes(filter)) continue;
  const runs = c.runs ?? 5;
  const cells = [];
  const threadCounts = allThreads > 1 ? [1, allThreads] : [1];
  if (hasNumpy) for (const threads of [allThreads, 1]) cells.push({ implementation: 'numpy', threads });
  for (const implementation of ['wasm-simd', 'wasm-fma'])
    for (const threads of threadCounts) cells.push({ implementation, threads });
  cells.push({ implementation: 'js', threads: 1 });
  cells.push({ implementation: 'ml-matrix', threads: 1 });
  if (c.case === 'symEig') {
    // symEig's cost is not in the product kernels yet: one row per backend would repeat itself.
    for (const cell of cells) if (cell.implementation.startsWith('wasm')) cell.skip = cell.threads !== 1;
  }

  const rows = [];
  for (const cell of cells) {
    if (cell.skip) continue;
    const size = c.slow?.[cell.implementation] ?? c.size;
    const cellRuns = size === c.size ? runs : 3;
    const spec = {
      case: c.case,
      size,
      implementation: cell.implementation,
      threads: cell.threads,
      runs: cellRuns,
    };
    const measured =
      cell.implementation === 'numpy'
        ? runNumpy(spec)
        : runNode(spec, cell.implementation === 'wasm-fma' ? fmaFlags : []);
    const scale = c.work(c.size) / c.work(size);
    const seconds = median(measured.seconds) * scale;
    const peak = cell.implementation === 'wasm-fma' ? peaks.fma : peaks.simd;
    const gflops = c.flops ? c.flops(c.size) / seconds / 1e9 : undefined;
    rows.push({
      implementation: cell.implementation,
      threads: cell.threads,
      measuredSize: size,
      extrapolated: scale !== 1,
      runs: cellRuns,
      medianSeconds: seconds,
      gflops,
      percentOfKernelPeak:
        gflops !== undefined && cell.implementation.startsWith('wasm')
          ? (100 * gflops) / (peak * cell.threads)
          : undefined,
      peakRssMiB: measured.peakRssMiB,
    });
  }
  const numpyAll = rows.find((row) => row.implementation === 'numpy' && row.threads === allThreads);
  const mlMatrix = rows.find((row) => row.implementation === 'ml-matrix');
  for (const row of rows) {
    row.ratioToNumpy = numpyAll ? row.medianSeconds / numpyAll.medianSeconds : undefined;
    row.speedupOverMlMatrix = mlMatrix ? mlMatrix.medianSeconds / row.medianSeconds : undefined;
  }
  results.push({ label: c.label, case: c.case, size: c.size, rows });

  console.log(`\n${c.label}`);
  console.log(
    'implementation  threads   median s  ours/numpy  ×ml-matrix  GFLOP/s  %peak  peak RSS MiB  measured at',
  );
  for (const row of rows) {
    const fmt = (value, digits, width) => (value === undefined ? '—' : value.toFixed(digits)).padStart(width);
    console.log(
      [
        row.implementation.padEnd(14),
        String(row.threads).padStart(7),
        `${row.extrapolated ? '≈' : ' '}${row.medianSeconds.toFixed(3)}`.padStart(10),
        fmt(row.ratioToNumpy, 2, 11),
        fmt(row.speedupOverMlMatrix, 1, 11),
        fmt(row.gflops, 1, 8),
        fmt(row.percentOfKernelPeak, 0, 6),
        fmt(row.peakRssMiB, 0, 13),
        ` ${row.measuredSize.join('×')} (${row.runs} runs)`,
      ].join(' '),
    );
  }
}

session.loadAverageAtEnd = loadavg();
const outDir = join(here, '..', 'bench-results');
mkdirSync(outDir, { recursive: true });
const target = join(outDir, filter ? `linalg-${filter.replace(/[^a-z0-9]+/gi, '-')}.json` : 'linalg.json');
writeFileSync(target, `${JSON.stringify({ session, results }, null, 2)}\n`);
console.log(`\nwrote ${target}`);
