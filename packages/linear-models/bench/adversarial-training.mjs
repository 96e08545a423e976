// ℓ∞ and ℓ2 adversarial training from the nearly interpolating regime to just below
// ε₀ = ‖Xᵀy‖/‖y‖₁ (ε₀ of each norm), p > n and p < n: iterations, certified relative
// duality gap and wall time per fit.
//   node bench/adversarial-training.mjs            (BENCH_RUNS, default 3)
//   BENCH_LARGE=1 node bench/adversarial-training.mjs   (adds 300×3000, ≈ 3 more minutes)
// Writes bench-results/adversarial-training.json. No numpy/scipy column: scipy has no
// solver for this loss at these sizes (the SLSQP reference of the tests needs minutes at
// 100×1000); correctness is certified by the duality gap itself.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createRng } from '@benignlab/data';
import { getBackend, Matrix } from '@benignlab/linalg';
import { adversarialTraining } from '../dist/index.js';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const sizes = [[50, 200], [100, 1000], [300, 50], ...(process.env.BENCH_LARGE ? [[300, 3000]] : [])];
const fractions = [0.01, 0.03, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99];
const loadBefore = loadavg();

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const rows = [];
for (const [n, p] of sizes) {
  const rng = createRng(20240124 + n);
  const X = new Matrix(n, p, rng.fillNormal(new Float64Array(n * p)));
  const y = rng.fillNormal(new Float64Array(n));
  for (const norm of ['linf', 'l2']) {
    const epsilonZero = adversarialTraining(X, y, { epsilon: Number.MAX_VALUE, norm }).epsilonZero;
    for (const fraction of fractions) {
      const epsilon = fraction * epsilonZero;
      adversarialTraining(X, y, { epsilon, norm });
      const seconds = [];
      let fit;
      for (let run = 0; run < runs; run++) {
        const start = performance.now();
        fit = adversarialTraining(X, y, { epsilon, norm });
        seconds.push((performance.now() - start) / 1000);
      }
      rows.push({
        n,
        p,
        norm,
        epsilonOverEpsilonZero: fraction,
        converged: fit.converged,
        iterations: fit.iterations,
        relativeDualityGap: fit.relativeDualityGap,
        seconds: median(seconds),
      });
    }
  }
}

console.log(`adversarialTraining, median of ${runs} runs, linalg backend ${getBackend().name}`);
console.log('| n×p | norm | ε/ε₀ | converged | iterations | relative gap | time |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.n}×${r.p} | ${r.norm} | ${r.epsilonOverEpsilonZero} | ${r.converged} | ${r.iterations} | ${r.relativeDualityGap.toExponential(1)} | ${r.seconds.toFixed(3)} s |`,
  );
}
const loadAfter = loadavg();
console.log(
  `load average before ${loadBefore.map((v) => v.toFixed(2)).join(', ')}, after ${loadAfter.map((v) => v.toFixed(2)).join(', ')}`,
);

mkdirSync(new URL('../bench-results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('../bench-results/adversarial-training.json', import.meta.url),
  `${JSON.stringify(
    {
      command: `${process.env.BENCH_LARGE ? 'BENCH_LARGE=1 ' : ''}BENCH_RUNS=${runs} node bench/adversarial-training.mjs`,
      runs,
      backend: getBackend().name,
      cpu: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      rows,
      loadAverage: { before: loadBefore, after: loadAfter },
    },
    null,
    2,
  )}\n`,
);
