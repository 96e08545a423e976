// Normals (and uniforms) per second: @benignlab/data beside numpy's default_rng (PCG64 +
// ziggurat) in the same session. The two alternate over several rounds (so a change in
// machine load hits both alike); medians over all runs; writes bench-results/normals.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../dist/index.js';

const ROUNDS = 3;
const RUNS = 5;
const SIZE = 10_000_000;
const here = dirname(fileURLToPath(import.meta.url));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function timeRuns(work) {
  work(); // warm-up: JIT and page faults
  const seconds = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    work();
    seconds.push((performance.now() - start) / 1000);
  }
  return seconds;
}

const rng = createRng(1);
const buffer = new Float64Array(SIZE);
const OUR_CASES = {
  'standard normal, fill 1e7': () => rng.fillNormal(buffer),
  'standard normal, scalar calls 1e7': () => {
    for (let i = 0; i < SIZE; i++) buffer[i] = rng.normal();
  },
  'uniform [0,1), fill 1e7': () => rng.fillUniform(buffer),
};

const PYTHON = `
import json, sys, time
import numpy as np
runs, size = int(sys.argv[1]), int(sys.argv[2])
g = np.random.default_rng(1)
out = np.empty(size)
def times(work):
    work()
    seconds = []
    for _ in range(runs):
        start = time.perf_counter(); work(); seconds.append(time.perf_counter() - start)
    return seconds
print(json.dumps({
  "standard normal, fill 1e7": times(lambda: g.standard_normal(out=out)),
  "uniform [0,1), fill 1e7": times(lambda: g.random(out=out)),
  "numpy": np.__version__,
}))
`;

const oursSeconds = Object.fromEntries(Object.keys(OUR_CASES).map((name) => [name, []]));
const numpySeconds = {};
let numpyVersion = null;
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, work] of Object.entries(OUR_CASES)) oursSeconds[name].push(...timeRuns(work));
  const python = spawnSync('python3', ['-c', PYTHON, String(RUNS), String(SIZE)], { encoding: 'utf8' });
  if (python.status !== 0) {
    console.warn(`numpy reference unavailable: ${python.stderr.trim().split('\n').pop()}`);
    continue;
  }
  const result = JSON.parse(python.stdout);
  numpyVersion = result.numpy;
  for (const name of Object.keys(OUR_CASES)) {
    if (result[name]) numpySeconds[name] = [...(numpySeconds[name] ?? []), ...result[name]];
  }
}
// Medians are the headline; the best run is also reported because on a shared machine
// contention only ever adds time, so the fastest run is closest to the code's own speed.
const rows = Object.entries(oursSeconds).map(([name, values]) => {
  const oursMedian = median(values);
  const oursBest = Math.min(...values);
  const reference = numpySeconds[name];
  const numpyMedian = reference ? median(reference) : null;
  const numpyBest = reference ? Math.min(...reference) : null;
  const rate = (seconds) => (seconds === null ? null : SIZE / seconds / 1e6);
  return {
    case: name,
    oursMillionsPerSecond: rate(oursMedian),
    numpyMillionsPerSecond: rate(numpyMedian),
    // > 1 means ours is slower than numpy by that factor.
    timeRatioOursOverNumpy: numpyMedian === null ? null : oursMedian / numpyMedian,
    oursBestMillionsPerSecond: rate(oursBest),
    numpyBestMillionsPerSecond: rate(numpyBest),
    bestTimeRatioOursOverNumpy: numpyBest === null ? null : oursBest / numpyBest,
  };
});

const fmt = (value, digits = 1) => (value === null ? 'n/a' : value.toFixed(digits));
const times = (value) => (value === null ? 'n/a' : `${value.toFixed(2)}×`);
console.log(
  `normals and uniforms, ${ROUNDS}×${RUNS} runs each (node ${process.version}, numpy ${numpyVersion ?? 'n/a'})`,
);
console.log(
  'case                                 median M/s ours  numpy  ours/numpy |  best M/s ours  numpy  ours/numpy',
);
for (const row of rows) {
  console.log(
    `${row.case.padEnd(36)} ${fmt(row.oursMillionsPerSecond).padStart(15)} ${fmt(row.numpyMillionsPerSecond).padStart(6)} ${times(row.timeRatioOursOverNumpy).padStart(11)} | ${fmt(row.oursBestMillionsPerSecond).padStart(13)} ${fmt(row.numpyBestMillionsPerSecond).padStart(6)} ${times(row.bestTimeRatioOursOverNumpy).padStart(11)}`,
  );
}

const resultsDir = join(here, '..', 'bench-results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, 'normals.json'),
  `${JSON.stringify({ rounds: ROUNDS, runsPerRound: RUNS, size: SIZE, node: process.version, numpy: numpyVersion, rows }, null, 2)}\n`,
);
