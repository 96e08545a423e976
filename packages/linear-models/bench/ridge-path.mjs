// Ridge, the ridge path and a 200-λ sweep, timed against gram(X) and against numpy written
// both ways (a solve per λ, and one eigh). Sizes come from the environment, so the issue's
// n = 2000, p = 20000 runs on a machine that affords it:
//   BENCH_N=2000 BENCH_P=20000 BENCH_RUNS=3 node bench/ridge-path.mjs
// Writes bench-results/ridge-path.json at the size, ridge-path-n<N>-p<P>.json
// otherwise (commit-worthy; the docs read them), with the load average before and after.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createRng } from '@benignlab/data';
import { getBackend, gram, Matrix } from '@benignlab/linalg';
import { ridge, ridgePath } from '../dist/index.js';

const n = Number(process.env.BENCH_N ?? 500);
const p = Number(process.env.BENCH_P ?? 5000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const lambdaCount = Number(process.env.BENCH_LAMBDAS ?? 200);
const numpyThreads = Number(process.env.BENCH_NUMPY_THREADS ?? 1);
const lambdas = Float64Array.from(
  { length: lambdaCount },
  (_, i) => 10 ** (-6 + (7 * i) / Math.max(lambdaCount - 1, 1)),
);

const loadBefore = loadavg();
const rng = createRng(20240122);
const X = new Matrix(n, p, rng.fillNormal(new Float64Array(n * p)));
const y = rng.fillNormal(new Float64Array(n));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs longer than this need no warm-up (the JIT is warm within the first second). */
const WARM_SECONDS = 5;

/**
 * Median wall time over `runs` runs, after one untimed run that warms the JIT up — unless
 * that run took over WARM_SECONDS, in which case it counts (at n = 2000 a warm-up would
 * add minutes and change nothing).
 */
function time(work) {
  const first = performance.now();
  work();
  const firstSeconds = (performance.now() - first) / 1000;
  const seconds = firstSeconds > WARM_SECONDS ? [firstSeconds] : [];
  while (seconds.length < runs) {
    const start = performance.now();
    work();
    seconds.push((performance.now() - start) / 1000);
  }
  return { median: median(seconds), seconds };
}

/** One path, then the O(n) per-λ quantities (‖θ̂_λ‖², training error) on the whole grid. */
function sweepNorms() {
  const path = ridgePath(X, y);
  let total = 0;
  for (const lambda of lambdas) total += path.norm2(lambda) + path.trainingError(lambda);
  return total;
}

/** One path, then θ̂_λ itself (O(np) each) and its norm on the whole grid, λ by λ. */
function sweepCoefficients() {
  const path = ridgePath(X, y);
  let total = 0;
  for (const lambda of lambdas) total += path.coef(lambda)[0] + path.norm2(lambda);
  return total;
}

/**
 * One path with θ* and Σ, then the standard risk, norm and training error on the whole
 * grid. With Σ = I the risk comes from the spectrum and two projections; with an
 * anisotropic Σ it needs the eigenvectors and Uᵀ(XΣXᵀ)U, so that sweep pays for a full
 * eigendecomposition and one more Gram product.
 */
const thetaStar = rng.fillNormal(new Float64Array(p), 0, 1 / Math.sqrt(p));
const isotropic = { eigenvalues: new Float64Array(p).fill(1) };
const anisotropic = { eigenvalues: Float64Array.from({ length: p }, (_, j) => 1 + j / p) };
function sweepRisk(covariance) {
  const path = ridgePath(X, y, { thetaStar, covariance });
  const { standardRisk } = path.sweep(lambdas);
  return standardRisk[0];
}

/** The same, with every θ̂_λ from one `coefMatrix` call (two matrix products). */
function sweepCoefficientMatrix() {
  const path = ridgePath(X, y);
  const coefs = path.coefMatrix(lambdas);
  let total = coefs.data[0];
  for (const lambda of lambdas) total += path.norm2(lambda);
  return total;
}

const ours = {
  gram: time(() => gram(X)),
  ridge: time(() => ridge(X, y, 0.1)),
  ridgePathNorms: time(sweepNorms),
  ridgePathRisk: time(() => sweepRisk(isotropic)),
  ridgePathRiskAnisotropic: time(() => sweepRisk(anisotropic)),
  ridgePathCoefficients: time(sweepCoefficients),
  ridgePathCoefficientMatrix: time(sweepCoefficientMatrix),
};

const PYTHON = `
import json, sys, time
import numpy as np
n, p, runs, count = (int(a) for a in sys.argv[1:5])
raw = sys.stdin.buffer.read()
X = np.frombuffer(raw, dtype=np.float64, count=n * p).reshape(n, p)
y = np.frombuffer(raw, dtype=np.float64, offset=8 * n * p, count=n)
lambdas = 10.0 ** (-6 + 7 * np.arange(count) / max(count - 1, 1))
def ridge_solve(lam):
    K = X @ X.T
    K[np.diag_indices(n)] += n * lam
    return X.T @ np.linalg.solve(K, y)
def sweep_solve():
    K = X @ X.T
    total = 0.0
    for lam in lambdas:
        coef = X.T @ np.linalg.solve(K + n * lam * np.eye(n), y)
        total += coef[0] + coef @ coef
    return total
def sweep_eigh(with_coef):
    mu, U = np.linalg.eigh(X @ X.T)
    c = U.T @ y
    total = 0.0
    for lam in lambdas:
        a = c / (mu + n * lam)
        total += np.sum(mu * a * a) + np.sum((n * lam * a) ** 2) / n
        if with_coef:
            total += (X.T @ (U @ a))[0]
    return total
def timed(work):
    start = time.perf_counter()
    work()
    first = time.perf_counter() - start
    seconds = [first] if first > 5 else []
    while len(seconds) < runs:
        start = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - start)
    return {"median": float(np.median(seconds)), "seconds": seconds}
print(json.dumps({
    "numpy": np.__version__,
    "gram": timed(lambda: X @ X.T),
    "ridge": timed(lambda: ridge_solve(0.1)),
    "sweepEighNorms": timed(lambda: sweep_eigh(False)),
    "sweepEighCoefficients": timed(lambda: sweep_eigh(True)),
    "sweepSolvePerLambda": timed(sweep_solve),
}))
`;

function runNumpy() {
  if (spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status !== 0) return undefined;
  const input = Buffer.concat([Buffer.from(X.data.buffer), Buffer.from(y.buffer)]);
  const threads = String(numpyThreads);
  const env = {
    ...process.env,
    OPENBLAS_NUM_THREADS: threads,
    OMP_NUM_THREADS: threads,
    MKL_NUM_THREADS: threads,
  };
  const args = ['-c', PYTHON, String(n), String(p), String(runs), String(lambdaCount)];
  const child = spawnSync('python3', args, { input, env, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`numpy child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop());
}

const numpy = runNumpy();
const sweep = `${lambdaCount} λ`;
const rows = [
  ['gram(X) = XXᵀ', ours.gram, numpy?.gram],
  ['ridge(X, y, 0.1), one fit', ours.ridge, numpy?.ridge],
  [`ridgePath + ${sweep} (norm2, trainingError) vs one eigh`, ours.ridgePathNorms, numpy?.sweepEighNorms],
  [`ridgePath + ${sweep} (standardRisk with Σ = I, norm2, trainingError)`, ours.ridgePathRisk, undefined],
  [
    `ridgePath + ${sweep} (standardRisk with anisotropic Σ, norm2, trainingError)`,
    ours.ridgePathRiskAnisotropic,
    undefined,
  ],
  [
    `ridgePath + ${sweep} (coef, norm2) vs one eigh`,
    ours.ridgePathCoefficients,
    numpy?.sweepEighCoefficients,
  ],
  [
    `ridgePath + ${sweep} (coefMatrix, norm2) vs one eigh`,
    ours.ridgePathCoefficientMatrix,
    numpy?.sweepEighCoefficients,
  ],
  [
    `ridgePath + ${sweep} (coef, norm2) vs a solve per λ`,
    ours.ridgePathCoefficients,
    numpy?.sweepSolvePerLambda,
  ],
  [
    `ridgePath + ${sweep} (coefMatrix, norm2) vs a solve per λ`,
    ours.ridgePathCoefficientMatrix,
    numpy?.sweepSolvePerLambda,
  ],
];
const seconds = (timing) => (timing === undefined ? '—' : `${timing.median.toFixed(3)} s`);
console.log(
  `linear-models: n = ${n}, p = ${p}, ${sweep}, median of ${runs} runs, linalg backend ${getBackend().name}`,
);
console.log(`numpy ${numpy?.numpy ?? 'not available'} with ${numpyThreads} BLAS thread(s)`);
console.log('| task | ours | numpy | ours / numpy |');
console.log('|---|---|---|---|');
for (const [task, mine, theirs] of rows) {
  const ratio = theirs === undefined ? '—' : (mine.median / theirs.median).toFixed(2);
  console.log(`| ${task} | ${seconds(mine)} | ${seconds(theirs)} | ${ratio} |`);
}

const ratios = {
  ridgeOverGram: ours.ridge.median / ours.gram.median,
  pathNormsOverRidge: ours.ridgePathNorms.median / ours.ridge.median,
  pathRiskOverRidge: ours.ridgePathRisk.median / ours.ridge.median,
  pathAnisotropicRiskOverRidge: ours.ridgePathRiskAnisotropic.median / ours.ridge.median,
  pathCoefficientsOverRidge: ours.ridgePathCoefficients.median / ours.ridge.median,
  pathCoefficientMatrixOverRidge: ours.ridgePathCoefficientMatrix.median / ours.ridge.median,
  ...(numpy === undefined
    ? {}
    : {
        pathNormsOverNumpyEigh: ours.ridgePathNorms.median / numpy.sweepEighNorms.median,
        pathCoefficientsOverNumpyEigh: ours.ridgePathCoefficients.median / numpy.sweepEighCoefficients.median,
        pathCoefficientsOverNumpySolvePerLambda:
          ours.ridgePathCoefficients.median / numpy.sweepSolvePerLambda.median,
        pathCoefficientMatrixOverNumpyEigh:
          ours.ridgePathCoefficientMatrix.median / numpy.sweepEighCoefficients.median,
        pathCoefficientMatrixOverNumpySolvePerLambda:
          ours.ridgePathCoefficientMatrix.median / numpy.sweepSolvePerLambda.median,
        numpySolvePerLambdaOverNumpyEigh:
          numpy.sweepSolvePerLambda.median / numpy.sweepEighCoefficients.median,
      }),
};
console.log(`ridge / gram = ${ratios.ridgeOverGram.toFixed(2)} (issue target ≤ 1.3)`);
console.log(
  `ridgePath + ${sweep} (norms) / one ridge fit = ${ratios.pathNormsOverRidge.toFixed(2)} (issue target ≤ 1.5)`,
);
console.log(
  `ridgePath + ${sweep} (standardRisk, Σ = I) / one ridge fit = ${ratios.pathRiskOverRidge.toFixed(2)} (spectrum and two projections)`,
);
console.log(
  `ridgePath + ${sweep} (standardRisk, anisotropic Σ) / one ridge fit = ${ratios.pathAnisotropicRiskOverRidge.toFixed(2)} (needs the eigenvectors and XΣXᵀ)`,
);
console.log(
  `ridgePath + ${sweep} (coef λ by λ) / one ridge fit = ${ratios.pathCoefficientsOverRidge.toFixed(2)}`,
);
console.log(
  `ridgePath + ${sweep} (coefMatrix) / one ridge fit = ${ratios.pathCoefficientMatrixOverRidge.toFixed(2)}`,
);

mkdirSync(new URL('../bench-results/', import.meta.url), { recursive: true });
const command = `BENCH_N=${n} BENCH_P=${p} BENCH_RUNS=${runs} BENCH_LAMBDAS=${lambdaCount} node bench/ridge-path.mjs`;
const result = {
  command,
  n,
  p,
  lambdas: lambdaCount,
  runs,
  backend: getBackend().name,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  numpyThreads,
  ours,
  numpy: numpy ?? null,
  ratios,
  loadAverage: { before: loadBefore, after: loadavg() },
};
console.log(
  `load average (1, 5, 15 min) before ${formatLoad(loadBefore)}, after ${formatLoad(result.loadAverage.after)}`,
);
const file = n === 2000 && p === 20000 ? 'ridge-path.json' : `ridge-path-n${n}-p${p}.json`;
writeFileSync(new URL(`../bench-results/${file}`, import.meta.url), `${JSON.stringify(result, null, 2)}\n`);

function formatLoad(values) {
  return values.map((v) => v.toFixed(2)).join(', ');
}
