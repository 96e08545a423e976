// Benchmark of `benignlab reproduce`: wall time of the --quick and default runs (the
// built CLI, spawned as a user runs it), and e1's time per cell at each n beside the
// same min-norm cell in numpy (python3 child process, when numpy is importable).
//
// Usage: node bench/reproduce.bench.mjs [--runs N] [--default-runs N] [--workers N]
// Writes bench-results/reproduce.json and prints a table.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getExperiment, planExperiment } from '@benignlab/experiments';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'default-runs': { type: 'string', default: '2' },
    workers: { type: 'string', default: String(availableParallelism()) },
    'cell-runs': { type: 'string', default: '3' },
  },
});
const runs = Number(values.runs);
const defaultRuns = Number(values['default-runs']);
const workers = Number(values.workers);
const cellRuns = Number(values['cell-runs']);
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function timeCli(args) {
  const out = mkdtempSync(join(tmpdir(), 'benignlab-bench-'));
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [bin, 'reproduce', ...args, '--out', out, '--workers', String(workers)],
    {
      encoding: 'utf8',
    },
  );
  const ms = performance.now() - started;
  rmSync(out, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`reproduce ${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

const whole = [];
for (const [label, args, count] of [
  ['reproduce --quick', ['--quick'], runs],
  ['reproduce (default sizes)', [], defaultRuns],
]) {
  if (count < 1) continue;
  const times = Array.from({ length: count }, () => timeCli(args));
  whole.push({
    command: label,
    runs: count,
    medianSeconds: median(times) / 1000,
    seconds: times.map((t) => t / 1000),
  });
}

// e1's cost per n: one cell (sample, min-norm fit, exact risks) in this thread.
const e1 = getExperiment('e1');
const plan = planExperiment(e1, { seed: 2024 });
const ns = plan.config.ns;
const numpyScript = `
import json, sys, time, math
import numpy as np
ns = json.loads(sys.argv[1]); runs = int(sys.argv[2])
out = {}
for n in ns:
    p = math.ceil(n ** 1.5) + 5
    ev = np.full(p, 1.0 / n); ev[:5] = 1.0
    theta = np.zeros(p); theta[:5] = 1 / math.sqrt(5)
    times = []
    for r in range(runs):
        t = time.perf_counter()
        rng = np.random.default_rng(r)
        X = rng.standard_normal((n, p)) * np.sqrt(ev)
        y = X @ theta + 0.5 * rng.standard_normal(n)
        coef = X.T @ np.linalg.solve(X @ X.T, y)
        d = coef - theta
        risk = float(d @ (ev * d)); nrm = float(np.linalg.norm(coef))
        adv = risk + 2 * math.sqrt(2 / math.pi) * 0.1 * nrm * math.sqrt(risk) + 0.01 * nrm ** 2
        times.append(time.perf_counter() - t)
    out[str(n)] = sorted(times)[len(times) // 2] * 1000
print(json.dumps(out))
`;
let numpy = null;
const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
if (probe.status === 0) {
  const result = spawnSync('python3', ['-c', numpyScript, JSON.stringify(ns), String(cellRuns)], {
    encoding: 'utf8',
  });
  if (result.status === 0) numpy = JSON.parse(result.stdout);
}
const perN = [];
for (const n of ns) {
  const cell = plan.cells.find((c) => c.params.n === n && c.params.replicate === 0);
  const times = [];
  for (let r = 0; r < cellRuns; r++) {
    const started = performance.now();
    await e1.runCell(plan.config, cell);
    times.push(performance.now() - started);
  }
  const ours = median(times);
  const reference = numpy ? numpy[String(n)] : null;
  perN.push({
    n,
    p: Math.ceil(n ** 1.5) + 5,
    oursMs: ours,
    numpyMs: reference,
    ratio: reference ? ours / reference : null,
  });
}

const machine = {
  cpus: cpus().length,
  model: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  loadAverage1m: loadavg()[0],
  workers,
};
const report = { date: new Date().toISOString(), machine, whole, e1PerN: perN };
mkdirSync(new URL('../bench-results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('../bench-results/reproduce.json', import.meta.url),
  `${JSON.stringify(report, null, 2)}\n`,
);

console.log(
  `benignlab reproduce benchmark (${machine.cpus} cores, load ${machine.loadAverage1m.toFixed(1)}, ${workers} workers)`,
);
console.log('command                        runs  median (s)  all (s)');
for (const w of whole) {
  console.log(
    `${w.command.padEnd(30)} ${String(w.runs).padStart(4)}  ${w.medianSeconds.toFixed(1).padStart(10)}  ${w.seconds.map((s) => s.toFixed(1)).join(', ')}`,
  );
}
console.log('\ne1 cell (sample + min-norm + exact risks), median of', cellRuns);
console.log('     n       p   ours (ms)  numpy (ms)  ours/numpy');
for (const r of perN) {
  console.log(
    `${String(r.n).padStart(6)} ${String(r.p).padStart(7)} ${r.oursMs.toFixed(0).padStart(11)} ${(r.numpyMs?.toFixed(0) ?? '—').padStart(11)} ${(r.ratio?.toFixed(2) ?? '—').padStart(11)}`,
  );
}
