// Benchmark of sharded sweeps: the wall time of one spawned `benignlab run` (cells computed
// and written as cell files), of the same command resumed with every cell already on disk,
// of the same sweep as N shards run one after another plus `benignlab merge`, and of the
// merge alone. There is no numpy counterpart (this is orchestration, not numerics); the
// reference is the unsharded run in the same session.
//
// Usage: node bench/sweep.bench.mjs [--runs N] [--shards N]
// Writes bench-results/sweep.json and prints a table. Run after `npx tsup`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, shards: { type: 'string', default: '3' } },
});
const runs = Number(values.runs);
const shards = Number(values.shards);
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const settings = ['e1', '--quick', '--set', 'ns=50,100,200,400', '--seeds', '3', '--workers', '2'];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const cli = (args) => {
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`benignlab ${args.join(' ')} failed: ${result.stderr}`);
  return performance.now() - started;
};

const scratch = mkdtempSync(join(tmpdir(), 'benignlab-sweep-bench-'));
const times = { whole: [], resumed: [], sharded: [], merge: [] };
try {
  for (let r = 0; r < runs; r++) {
    const whole = join(scratch, `whole-${r}`);
    times.whole.push(cli(['run', ...settings, '--out', whole]));
    times.resumed.push(cli(['run', ...settings, '--out', whole]));
    const sharded = join(scratch, `sharded-${r}`);
    let total = 0;
    for (let i = 1; i <= shards; i++)
      total += cli(['run', ...settings, '--out', sharded, '--shard', `${i}/${shards}`]);
    const merge = cli(['merge', sharded]);
    times.sharded.push(total + merge);
    times.merge.push(merge);
    if (readFileSync(join(whole, 'e1.json'), 'utf8') !== readFileSync(join(sharded, 'e1.json'), 'utf8')) {
      throw new Error('merged e1.json differs from the unsharded run');
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const reference = median(times.whole);
const rows = [
  { what: 'run e1 (12 cells, computed)', ms: reference },
  { what: 'same run resumed (all 12 cells on disk)', ms: median(times.resumed) },
  { what: `${shards} shards one after another + merge`, ms: median(times.sharded) },
  { what: 'merge alone', ms: median(times.merge) },
].map((row) => ({ ...row, ratio: row.ms / reference }));

const pad = (text, width) => String(text).padEnd(width);
console.log(`${pad('spawned CLI, wall time', 42)} ${'ms'.padStart(8)} ${'× run'.padStart(7)}`);
for (const row of rows) {
  console.log(`${pad(row.what, 42)} ${row.ms.toFixed(0).padStart(8)} ${row.ratio.toFixed(2).padStart(7)}`);
}
const results = {
  command: `node bench/sweep.bench.mjs --runs ${runs} --shards ${shards}`,
  settings: settings.join(' '),
  machine: { cpus: cpus().length, node: process.version },
  runs,
  rows,
};
const out = fileURLToPath(new URL('../bench-results/', import.meta.url));
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'sweep.json'), `${JSON.stringify(results, null, 2)}\n`);
