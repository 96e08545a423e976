// Design sampling throughput: makeDesign(...).sample(n, seed) beside the numpy equivalent
// (default_rng().standard_normal((n, p)) * sqrt(λ), X @ θ*, + σ ε) in the same session,
// plus peak memory of the large n = 2000, p = 20000 case (320 MB of float64) to show that
// X is generated in place. Each cell runs in a fresh process so its peak RSS is its own.
// Writes bench-results/design-sampling.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

const CASES = [
  { name: 'spiked, identity basis', n: 2000, p: 20000, basis: 'identity', runs: 3, warmup: 0 },
  { name: 'spiked, identity basis', n: 200, p: 2000, basis: 'identity', runs: 9, warmup: 10 },
  { name: 'spiked, random basis', n: 200, p: 1000, basis: 'random', runs: 5, warmup: 3 },
];

const OURS = `
import { makeDesign } from ${JSON.stringify(join(here, '..', 'dist', 'index.js'))};
const c = JSON.parse(process.argv[1]);
const rssBefore = process.memoryUsage().rss;
const setupStart = performance.now();
const design = makeDesign({
  covariance: { kind: 'spiked', p: c.p, s: 5, tail: 1 / c.n, basis: c.basis, basisSeed: 1 },
  noise: { sigma: 0.5 },
});
const setupSeconds = (performance.now() - setupStart) / 1000;
// The first, untimed draw gives the peak RSS with exactly one X alive (and warms the JIT).
design.sample(c.n, 999);
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
// Small cases need a few more draws before V8 has optimized the sampling path.
for (let w = 0; w < c.warmup; w++) design.sample(c.n, 1000 + w);
const seconds = [];
for (let r = 0; r < c.runs; r++) {
  const start = performance.now();
  const sample = design.sample(c.n, r);
  seconds.push((performance.now() - start) / 1000);
  if (sample.X.rows !== c.n) throw new Error('bad sample');
}
seconds.sort((a, b) => a - b);
console.log(JSON.stringify({ setupSeconds, medianSeconds: seconds[seconds.length >> 1], peakRssBytes, rssBefore }));
`;

const NUMPY = `
import json, resource, sys, time
import numpy as np
c = json.loads(sys.argv[1])
n, p = c["n"], c["p"]
lam = np.full(p, 1.0 / n); lam[:5] = 1.0
theta = np.zeros(p); theta[:5] = 1 / np.sqrt(5)
setup_start = time.perf_counter()
B = None
if c["basis"] == "random":
    from scipy.stats import ortho_group
    B = ortho_group.rvs(p, random_state=1)
    theta = B @ theta
setup = time.perf_counter() - setup_start
sqrt_lam = np.sqrt(lam)
seconds = []
def draw(r):
    g = np.random.default_rng(r)
    X = g.standard_normal((n, p))
    X *= sqrt_lam
    if B is not None:
        X = X @ B.T
    clean = X @ theta
    return X, clean + 0.5 * g.standard_normal(n)
X, y = draw(999)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
del X, y
for r in range(c["runs"]):
    start = time.perf_counter()
    X, y = draw(r)
    seconds.append(time.perf_counter() - start)
    del X, y
seconds.sort()
print(json.dumps({"setupSeconds": setup, "medianSeconds": seconds[len(seconds) // 2], "peakRssBytes": peak, "numpy": np.__version__}))
`;

function run(command, args) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
  });
  if (result.status !== 0) return { error: result.stderr.trim().split('\n').pop() };
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

const rows = [];
for (const c of CASES) {
  const ours = run(process.execPath, [
    '--max-old-space-size=4096',
    '--input-type=module',
    '-e',
    OURS,
    JSON.stringify(c),
  ]);
  const numpy = run('python3', ['-c', NUMPY, JSON.stringify(c)]);
  const matrixBytes = c.n * c.p * 8;
  rows.push({
    case: `${c.name} n=${c.n} p=${c.p}`,
    matrixMegabytes: matrixBytes / 1e6,
    oursSeconds: ours.medianSeconds ?? null,
    numpySeconds: numpy.medianSeconds ?? null,
    timeRatioOursOverNumpy:
      ours.medianSeconds && numpy.medianSeconds ? ours.medianSeconds / numpy.medianSeconds : null,
    oursEntriesPerSecondMillions: ours.medianSeconds ? (c.n * c.p) / ours.medianSeconds / 1e6 : null,
    oursSetupSeconds: ours.setupSeconds ?? null,
    numpySetupSeconds: numpy.setupSeconds ?? null,
    oursPeakRssOverMatrix: ours.peakRssBytes ? ours.peakRssBytes / matrixBytes : null,
    numpyPeakRssOverMatrix: numpy.peakRssBytes ? numpy.peakRssBytes / matrixBytes : null,
    errors: [ours.error, numpy.error].filter(Boolean),
  });
}

const fmt = (value, digits = 3) => (value === null ? 'n/a' : value.toFixed(digits));
console.log(
  `design sampling, median over runs, one thread (node ${process.version}; numpy with OPENBLAS_NUM_THREADS=1)`,
);
console.log(
  'case                                          ours s   numpy s  ours/numpy  ours Mentries/s  setup ours/numpy s  peakRSS/X ours numpy',
);
for (const row of rows) {
  console.log(
    `${row.case.padEnd(44)} ${fmt(row.oursSeconds).padStart(7)} ${fmt(row.numpySeconds).padStart(8)} ${fmt(row.timeRatioOursOverNumpy, 2).padStart(10)}× ${fmt(row.oursEntriesPerSecondMillions, 1).padStart(14)} ${`${fmt(row.oursSetupSeconds, 2)}/${fmt(row.numpySetupSeconds, 2)}`.padStart(18)}  ${fmt(row.oursPeakRssOverMatrix, 2).padStart(8)} ${fmt(row.numpyPeakRssOverMatrix, 2).padStart(5)}`,
  );
  for (const error of row.errors) console.log(`  error: ${error}`);
}

const resultsDir = join(here, '..', 'bench-results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, 'design-sampling.json'),
  `${JSON.stringify({ node: process.version, rows }, null, 2)}\n`,
);
