// Shared timing, numpy bridge and reporting for the adversarial-risk benchmarks.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Median wall time in ms of `runs` calls after one warm-up call; returns the last result too. */
export function timeMedian(work, runs) {
  let result = work();
  const times = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    result = work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

/** Runs a python3 script (numpy) with a JSON argument; its stdout is one JSON object, or null when numpy is missing. */
export function runNumpy(script, argument) {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  const run = spawnSync('python3', ['-c', script, JSON.stringify(argument)], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Prints a table and writes the same rows as JSON to bench-results/<name>.json. */
export function report(name, title, rows, meta) {
  console.log(`\n${title}`);
  console.table(
    rows.map((row) => ({
      case: row.case,
      'ours (ms)': round(row.oursMs),
      'numpy (ms)': row.numpyMs === null ? 'n/a' : round(row.numpyMs),
      'ours / numpy': row.numpyMs === null ? 'n/a' : round(row.oursMs / row.numpyMs),
      agreement: row.agreement,
    })),
  );
  const file = join(here, '..', 'bench-results', `${name}.json`);
  mkdirSync(dirname(file), { recursive: true });
  const payload = {
    benchmark: name,
    title,
    date: new Date().toISOString(),
    node: process.version,
    ...meta,
    rows: rows.map((row) => ({
      ...row,
      ratio: row.numpyMs === null ? null : row.oursMs / row.numpyMs,
    })),
  };
  writeFileSync(file, `${JSON.stringify(payload, null, 2)}\n`);
  console.log(`wrote ${file}`);
}

function round(value) {
  return value >= 100 ? Math.round(value) : Number(value.toPrecision(3));
}
