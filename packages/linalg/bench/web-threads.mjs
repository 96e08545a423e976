// The browser thread pool (`@benignlab/linalg/web-threads`) timed in Chromium beside Node's
// pool and numpy, in one session with interleaved runs: gram of a 1000×8000 X and symEig of
// a 1000×1000 matrix on 1 and 2 threads. Needs the build (`npx tsup`); writes
// bench-results/web-threads.json.
//
//   node bench/web-threads.mjs          # every case
//   node bench/web-threads.mjs gram     # only cases whose label contains "gram"
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { numpyAvailable, spawnNumpy } from './numpy-case.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const filter = process.argv[2] ?? '';
const threadCounts = [1, 2];
const CASES = [
  { label: 'gram 1000×8000', case: 'gram', size: [1000, 8000], runs: 7, flops: ([n, p]) => n * (n + 1) * p },
  { label: 'symEig n=1000', case: 'symEig', size: [1000, 1000], runs: 5 },
];

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The docs app's Chromium check (Debian's chromium, apt-installed when missing). */
function locateChromium() {
  const script = join(here, '..', '..', '..', 'apps', 'docs', 'scripts', 'ensure-chromium.mjs');
  const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  const path = result.stdout?.trim().split('\n').pop();
  if (result.status === 0 && path) return path;
  console.log(`web-threads bench skipped: no Chromium (${result.stderr?.trim() || result.error?.message})`);
  process.exit(0);
}

/** The page bundled from dist, with dist/web-worker.js beside it, served cross-origin isolated. */
async function serveBenchPage() {
  if (!existsSync(join(dist, 'web-worker.js')))
    throw new Error('dist/web-worker.js is missing: run `npx tsup` first');
  const root = mkdtempSync(join(tmpdir(), 'benignlab-web-threads-bench-'));
  await build({
    entryPoints: { page: join(here, 'web-threads-page.mjs') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outdir: root,
    logLevel: 'silent',
  });
  copyFileSync(join(dist, 'web-worker.js'), join(root, 'web-worker.js'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="./page.js"></script>\n');
  const server = createServer((request, response) => {
    const file = join(
      root,
      basename(new URL(request.url ?? '/', 'http://localhost').pathname) || 'index.html',
    );
    if (!existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, {
      'Content-Type': file.endsWith('.html') ? 'text/html' : 'text/javascript',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    response.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/index.html`,
    close() {
      server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A line-protocol child (measure-case.mjs or numpy): `ask("run")` → {"seconds"}. */
function measuringChild(child) {
  const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return async (command) => {
    child.stdin.write(`${command}\n`);
    const { value, done } = await answers.next();
    if (done) throw new Error('a measuring child exited early');
    return JSON.parse(value);
  };
}

/** Times one case: every cell once per round, the order rotating, medians at the end. */
async function measureCase(page, c) {
  const info = await page.evaluate(
    ([name, size, counts]) => globalThis.webThreadsBench.setup(name, size, counts),
    [c.case, c.size, threadCounts],
  );
  if (!info.crossOriginIsolated) throw new Error('the bench page is not cross-origin isolated');
  const cells = info.cells.map((cell) => ({
    ...cell,
    ask: async (command) =>
      command === 'run'
        ? { seconds: await page.evaluate((id) => globalThis.webThreadsBench.time(id), cell.id) }
        : {},
  }));
  for (const threads of threadCounts) {
    const spec = { case: c.case, size: c.size, implementation: 'wasm-simd', threads };
    const child = spawn(process.execPath, [join(here, 'measure-case.mjs'), JSON.stringify(spec)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    cells.push({
      implementation: threads === 1 ? 'node wasm-simd (no pool)' : 'node node-threads simd',
      threads,
      baseline: 'node simd',
      ask: measuringChild(child),
    });
  }
  if (hasNumpy) {
    for (const threads of threadCounts) {
      const ask = measuringChild(spawnNumpy({ case: c.case, size: c.size, threads }));
      cells.push({ implementation: 'numpy', threads, baseline: 'numpy', ask });
    }
  }
  const loadAverageAtStart = loadavg();
  for (const cell of cells) await cell.ask('run'); // warm-up: JIT, kernel memory growth, worker start
  const seconds = cells.map(() => []);
  for (let run = 0; run < c.runs; run++) {
    for (let t = 0; t < cells.length; t++) {
      const index = (t + run) % cells.length;
      seconds[index].push((await cells[index].ask('run')).seconds);
    }
  }
  for (const cell of cells) await cell.ask('done');
  await page.evaluate(() => globalThis.webThreadsBench.done());

  const numpyBest = hasNumpy
    ? Math.min(...cells.flatMap((cell, i) => (cell.implementation === 'numpy' ? [median(seconds[i])] : [])))
    : undefined;
  const rows = cells.map((cell, index) => {
    const medianSeconds = median(seconds[index]);
    // Against the single-threaded backend of the same engine and kernel (the "no pool" row).
    const oneThread = cells.findIndex((other) => other.baseline === cell.baseline);
    return {
      implementation: cell.implementation,
      threads: cell.threads,
      runs: c.runs,
      medianSeconds,
      gflops: c.flops ? c.flops(c.size) / medianSeconds / 1e9 : undefined,
      ratioToNumpy: numpyBest === undefined ? undefined : medianSeconds / numpyBest,
      speedUpOverOneThread: median(seconds[oneThread]) / medianSeconds,
    };
  });
  return { label: c.label, loadAverageAtStart, hardwareConcurrency: info.hardwareConcurrency, rows };
}

const executablePath = locateChromium();
const hasNumpy = numpyAvailable();
const site = await serveBenchPage();
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const page = await browser.newPage();
await page.goto(site.url);
await page.waitForFunction(() => 'webThreadsBench' in globalThis);
const results = [];
for (const c of CASES) if (c.label.includes(filter)) results.push(await measureCase(page, c));
const session = {
  date: new Date().toISOString(),
  node: process.version,
  browser: `Chromium ${browser.version()}`,
  cpu: cpus()[0]?.model ?? 'unknown',
  numpy: hasNumpy ? 'python3 numpy (OpenBLAS)' : 'not importable: numpy rows skipped',
  command: 'cd packages/linalg && npx tsup && node bench/web-threads.mjs',
};
await browser.close();
site.close();
mkdirSync(join(here, '..', 'bench-results'), { recursive: true });
writeFileSync(
  join(here, '..', 'bench-results', 'web-threads.json'),
  `${JSON.stringify({ session, results }, null, 2)}\n`,
);

const fixed = (value, digits) => (value === undefined ? '—' : value.toFixed(digits));
console.log(`${session.browser}, Node ${session.node}, ${session.cpu}; medians of interleaved runs\n`);
for (const result of results) {
  console.log(
    `**${result.label}** (navigator.hardwareConcurrency ${result.hardwareConcurrency}, load average ${result.loadAverageAtStart
      .map((x) => x.toFixed(1))
      .join('/')} at start)\n`,
  );
  console.log(
    '| implementation | threads | median s | ours / numpy (best) | speed-up over 1 thread (same engine, kernel) | GFLOP/s |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const row of result.rows) {
    console.log(
      `| ${row.implementation} | ${row.threads} | ${fixed(row.medianSeconds, 3)} | ${fixed(row.ratioToNumpy, 2)} | ${fixed(row.speedUpOverOneThread, 2)} | ${fixed(row.gflops, 1)} |`,
    );
  }
  console.log('');
}
console.log('written to bench-results/web-threads.json');
