// `pnpm bench`: times gram, matmul and symEig for every implementation in one session,
// each cell in a fresh child process (medians over several runs), against numpy in the
// same session, and writes the table to bench-results/linalg.json for the docs.
//
//   node bench/run-all.mjs            # every case
//   node bench/run-all.mjs gram       # only cases whose label contains "gram"
//   node bench/run-all.mjs 'gram 1000×8000,symEig n=1000'   # several labels
//   BENCH_IMPLEMENTATIONS=numpy,default node bench/run-all.mjs   # only these cells
// The runtime is the one running this script (its children use the same executable), e.g.
// `~/node24/bin/node bench/run-all.mjs` for Node 24.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { measureMicroKernelPeak, supportedKernelVariants } from '../dist/wasm-kernels.js';
import { numpyAvailable, spawnNumpy } from './numpy-case.mjs';
import { processorDescription, runtimeDescription } from './processor.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const filters = (process.argv[2] ?? '').split(',');
const filter = process.argv[2] ?? '';
const onlyImplementations = process.env.BENCH_IMPLEMENTATIONS?.split(',');
const allThreads = availableParallelism();
const fmaNative = supportedKernelVariants().fma;
// Node 20 runs relaxed SIMD only behind this V8 flag; Node ≥ 22 needs nothing.
const fmaFlags = fmaNative ? [] : ['--experimental-wasm-relaxed-simd'];

const gramFlops = ([n, p]) => n * (n + 1) * p;
const matmulFlops = ([n]) => 2 * n ** 3;
const cubic = ([n]) => n ** 3;

/**
 * `slow` cells (plain TS loops, ml-matrix) run on a smaller size and are extrapolated by the
 * work ratio (`work`: flops for products, n³ for symEig), marked "≈" in the table. ml-matrix
 * runs at the full size wherever one run takes under ~15 s (matmul, symEig n = 1000), and
 * otherwise at the largest such size: its speed drops as sizes outgrow the caches, so
 * extrapolating from small sizes flatters it.
 */
const CASES = [
  {
    label: 'gram 1000×8000',
    case: 'gram',
    size: [1000, 8000],
    work: gramFlops,
    flops: gramFlops,
    slow: { js: [1000, 2000], 'ml-matrix': [1000, 2000] },
  },
  {
    label: 'gram 2000×20000',
    case: 'gram',
    size: [2000, 20000],
    work: gramFlops,
    flops: gramFlops,
    runs: 3,
    slow: { js: [1000, 5000], 'ml-matrix': [1000, 2500] },
  },
  {
    label: 'matmul 1000×1000·1000×1000',
    case: 'matmul',
    size: [1000, 1000],
    work: matmulFlops,
    flops: matmulFlops,
    slow: { js: [1000, 1000] },
  },
  {
    label: 'symEig n=1000',
    case: 'symEig',
    size: [1000, 1000],
    work: cubic,
    // 9 runs: a 0.15 s cell on a shared virtual machine needs more than 5 for a stable median.
    runs: 9,
    slow: { js: [700, 700] },
  },
  {
    label: 'symEig n=2000',
    case: 'symEig',
    size: [2000, 2000],
    work: cubic,
    runs: 3,
    slow: { js: [1000, 1000], 'ml-matrix': [1000, 1000] },
  },
];

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A measuring child (node or python) driven line by line: `ask("run")` resolves to its JSON answer. */
function measuringChild(cell, spec) {
  const child =
    cell.implementation === 'numpy'
      ? spawnNumpy(spec)
      : spawn(
          process.execPath,
          [
            ...(cell.implementation === 'wasm-fma' ? fmaFlags : []),
            join(here, 'measure-case.mjs'),
            JSON.stringify(spec),
          ],
          { stdio: ['pipe', 'pipe', 'inherit'] },
        );
  const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async ask(command) {
      child.stdin.write(`${command}\n`);
      const { value, done } = await answers.next();
      if (done) throw new Error(`${cell.implementation} child for ${spec.case} exited early`);
      return JSON.parse(value);
    },
  };
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
  runtime: runtimeDescription(),
  cpu: cpus()[0]?.model ?? 'unknown',
  simd: processorDescription().simd,
  threads: allThreads,
  loadAverageAtStart: loadavg(),
  microKernelPeakGflops: peaks,
  numpy: hasNumpy ? 'python3 numpy (OpenBLAS/LAPACK)' : 'not importable: numpy columns skipped',
  command: 'node scripts/pnpm.mjs --filter @benignlab/linalg bench',
};
console.log(`processor ${session.cpu} (${session.simd}); runtime ${session.runtime}`);
console.log(
  `micro-kernel peak, one thread: SIMD ${peaks.simd.toFixed(1)} GFLOP/s, FMA ${peaks.fma.toFixed(1)} GFLOP/s; ${allThreads} threads; load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
if (!hasNumpy) console.log('numpy is not importable by python3: numpy rows skipped, ratios left empty');

const results = [];
for (const c of CASES) {
  if (!filters.some((part) => c.label.includes(part))) continue;
  const runs = c.runs ?? 7;
  const cells = [];
  const threadCounts = allThreads > 1 ? [1, allThreads] : [1];
  if (hasNumpy) for (const threads of [allThreads, 1]) cells.push({ implementation: 'numpy', threads });
  for (const implementation of ['wasm-simd', 'wasm-fma'])
    for (const threads of threadCounts) cells.push({ implementation, threads });
  // What a Node program gets with no opt-in (Node's default pool on every core).
  cells.push({ implementation: 'default', threads: allThreads });
  cells.push({ implementation: 'js', threads: 1 });
  cells.push({ implementation: 'ml-matrix', threads: 1 });
  if (onlyImplementations) {
    for (let i = cells.length - 1; i >= 0; i--)
      if (!onlyImplementations.includes(cells[i].implementation)) cells.splice(i, 1);
  }
  // Cells at the case size run interleaved (one run of each in turn, the order rotating),
  // so every implementation sees the same machine load; the slow extrapolated cells follow.
  const measured = new Map();
  const groups = [
    cells.filter((cell) => !c.slow?.[cell.implementation]),
    ...cells.filter((cell) => c.slow?.[cell.implementation]).map((cell) => [cell]),
  ];
  for (const group of groups) {
    const size = c.slow?.[group[0].implementation] ?? c.size;
    const groupRuns = size === c.size ? runs : 3;
    const children = group.map((cell) =>
      measuringChild(cell, {
        case: c.case,
        size,
        implementation: cell.implementation,
        threads: cell.threads,
      }),
    );
    for (const child of children) await child.ask('run'); // warm-up: JIT, kernel memory, thread start
    const seconds = group.map(() => []);
    const backends = group.map(() => new Set());
    for (let run = 0; run < groupRuns; run++) {
      for (let t = 0; t < group.length; t++) {
        const index = (t + run) % group.length;
        // A pause between cells: the previous cell's idle threads (OpenBLAS keeps its workers
        // spinning for a while after each call, our pool polls briefly) must not compete
        // with the next cell for the cores.
        await new Promise((resolve) => setTimeout(resolve, 250));
        const answer = await children[index].ask('run');
        seconds[index].push(answer.seconds);
        if (answer.backend) backends[index].add(answer.backend);
      }
    }
    for (let index = 0; index < group.length; index++) {
      const { peakRssMiB } = await children[index].ask('done');
      measured.set(group[index], {
        size,
        runs: groupRuns,
        seconds: seconds[index],
        peakRssMiB,
        backend: [...backends[index]].join('+') || undefined,
      });
    }
  }

  const rows = [];
  for (const cell of cells) {
    const { size, runs: cellRuns, seconds: times, peakRssMiB, backend } = measured.get(cell);
    const scale = c.work(c.size) / c.work(size);
    const seconds = median(times) * scale;
    const fmaKernel = cell.implementation === 'wasm-fma' || backend?.startsWith('wasm-fma');
    const peak = fmaKernel ? peaks.fma : peaks.simd;
    const gflops = c.flops ? c.flops(c.size) / seconds / 1e9 : undefined;
    rows.push({
      implementation: cell.implementation,
      backend,
      runtime: cell.implementation === 'numpy' ? 'python3' : session.runtime,
      threads: cell.threads,
      measuredSize: size,
      extrapolated: scale !== 1,
      runs: cellRuns,
      medianSeconds: seconds,
      gflops,
      percentOfKernelPeak:
        gflops !== undefined && (cell.implementation.startsWith('wasm') || cell.implementation === 'default')
          ? (100 * gflops) / (peak * cell.threads)
          : undefined,
      peakRssMiB,
    });
  }
  // The faster numpy configuration is the reference: on a loaded machine OpenBLAS's spinning
  // threads can make its multi-threaded run the slower one, which would flatter us.
  const numpyRows = rows.filter((row) => row.implementation === 'numpy');
  const numpyBest = numpyRows.reduce(
    (best, row) => (best && best.medianSeconds <= row.medianSeconds ? best : row),
    undefined,
  );
  const mlMatrix = rows.find((row) => row.implementation === 'ml-matrix');
  for (const row of rows) {
    row.ratioToNumpy = numpyBest ? row.medianSeconds / numpyBest.medianSeconds : undefined;
    row.speedupOverMlMatrix = mlMatrix ? mlMatrix.medianSeconds / row.medianSeconds : undefined;
  }
  results.push({
    label: c.label,
    case: c.case,
    size: c.size,
    numpyReferenceThreads: numpyBest?.threads,
    rows,
  });

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
const runtimeTag = session.runtime.replace(/[^a-z0-9]+/gi, '-');
const target = join(
  outDir,
  filter ? `linalg-${filter.replace(/[^a-z0-9]+/gi, '-')}-${runtimeTag}.json` : 'linalg.json',
);
writeFileSync(target, `${JSON.stringify({ session, results }, null, 2)}\n`);
console.log(`\nwrote ${target}`);
