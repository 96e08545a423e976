#!/usr/bin/env node
// The runtimes part of `npm test` (after the build and the suite on the Node running npm):
//   - the whole vitest suite again on Node 24 (the active LTS);
//   - a smoke set on Node 22, Node 24, Node 26, Bun and Deno: every entry point of every
//     package imports, the thread pools give the bits of one thread
//     (apps/cli/test/runtimes/smoke.mjs), and `benignlab reproduce --quick --only e1` writes
//     e1.csv and e1.json with the same bytes as on this Node (every byte but the runtime's
//     name in `producedWith.runtime`).
// The runtimes are ordinary npm packages, installed here on first use into
// node_modules/.cache/benignlab-runtimes (a fresh machine needs only Node and npm).
// Usage: node scripts/test-runtimes.mjs [--smoke-only] [--only name,name]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'benignlab-runtimes');
const platform = `${process.platform}-${process.arch}`;

/**
 * The runtimes, pinned (bump a version here). `binary` is the executable inside the installed
 * package; `run` the arguments before a script's path.
 */
const RUNTIMES = [
  { name: 'node22', spec: `node-${platform}@22.23.5`, binary: `node-${platform}/bin/node`, run: [] },
  {
    name: 'node24',
    spec: `node-${platform}@24.22.3`,
    binary: `node-${platform}/bin/node`,
    run: [],
    suite: true,
  },
  { name: 'node26', spec: `node-${platform}@26.12.1`, binary: `node-${platform}/bin/node`, run: [] },
  { name: 'bun', spec: `@oven/bun-${platform}@1.4.5`, binary: `@oven/bun-${platform}/bin/bun`, run: [] },
  // The `deno` package installs its platform binary as an optional dependency.
  { name: 'deno', spec: 'deno@2.9.6', binary: 'deno/deno', run: ['run', '--allow-all'] },
];
const SUPPORTED_PLATFORMS = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64'];

function fail(message) {
  process.stderr.write(`test-runtimes: ${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const smokeOnly = args.includes('--smoke-only');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',') : undefined;
const selected = RUNTIMES.filter((runtime) => only === undefined || only.includes(runtime.name));
if (selected.length === 0)
  fail(`--only ${only?.join(',')}: expected some of ${RUNTIMES.map((r) => r.name).join(', ')}`);
if (!SUPPORTED_PLATFORMS.includes(platform)) {
  fail(`no runtime packages for ${platform}; expected one of ${SUPPORTED_PLATFORMS.join(', ')}`);
}
const cli = join(root, 'apps', 'cli', 'dist', 'bin.js');
if (!existsSync(cli))
  fail(`${cli} is missing: build first (node scripts/pnpm.mjs run build, which npm test runs)`);

/** Runs a command to completion; resolves with its status, output and seconds. */
function run(command, commandArgs, options = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd: root, ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (options.echo) process.stderr.write(chunk);
    });
    child.on('error', (error) => resolve({ status: -1, stdout, stderr: String(error), seconds: 0 }));
    child.on('close', (status) =>
      resolve({ status, stdout, stderr, seconds: (performance.now() - started) / 1000 }),
    );
  });
}

/** Installs a runtime package into its own prefix once; returns the executable's path. */
function install(runtime) {
  const prefix = join(cache, runtime.spec.replace(/[/@]/g, '_'));
  const executable = join(prefix, 'node_modules', runtime.binary);
  if (existsSync(executable)) return executable;
  mkdirSync(prefix, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(
    npm,
    [
      'install',
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--prefix',
      prefix,
      runtime.spec,
    ],
    { encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } },
  );
  if (result.status !== 0 || !existsSync(executable)) {
    const reason = (result.stderr || result.error?.message || '').trim().split('\n').at(-1);
    fail(`npm install ${runtime.spec} failed (${reason || `no ${runtime.binary} in the package`})`);
  }
  return executable;
}

/** e1.json without its runtime line, and e1.csv: the bytes every runtime must agree on. */
function e1Bytes(out) {
  const json = readFileSync(join(out, 'e1.json'), 'utf8');
  const lines = json.split('\n');
  const runtimeLines = lines.filter((line) => /^ {4}"runtime": "[^"]*"$/.test(line));
  if (runtimeLines.length !== 1) fail(`${out}/e1.json: expected one producedWith.runtime line`);
  return {
    json: lines.filter((line) => line !== runtimeLines[0]).join('\n'),
    csv: readFileSync(join(out, 'e1.csv'), 'utf8'),
  };
}

const scratch = mkdtempSync(join(tmpdir(), 'benignlab-runtimes-'));
const reproduceArgs = (out) => [cli, 'reproduce', '--quick', '--only', 'e1', '--out', out];
const rows = [];
let failed = false;
try {
  const executables = new Map(selected.map((runtime) => [runtime.name, install(runtime)]));
  // The reference bytes: this Node (the one running npm test).
  const referenceOut = join(scratch, 'reference');
  const reference = await run(process.execPath, reproduceArgs(referenceOut));
  if (reference.status !== 0)
    fail(`reproduce on ${process.version} failed: ${reference.stderr.trim().split('\n').at(-1)}`);
  const expected = e1Bytes(referenceOut);
  for (const runtime of selected) {
    const executable = executables.get(runtime.name);
    const version = spawnSync(executable, ['--version'], { encoding: 'utf8' })
      .stdout.trim()
      .split(/[\n(]/)[0]
      ?.trim();
    // Two threads for the default pool whatever the machine's load: the smoke set always exercises it.
    const smoke = await run(
      executable,
      [...runtime.run, join(root, 'apps', 'cli', 'test', 'runtimes', 'smoke.mjs')],
      {
        env: { ...process.env, BENIGNLAB_THREADS: '2' },
      },
    );
    const out = join(scratch, runtime.name);
    const e1 = await run(executable, [...runtime.run, ...reproduceArgs(out)]);
    let identical = false;
    if (e1.status === 0) {
      const bytes = e1Bytes(out);
      identical = bytes.json === expected.json && bytes.csv === expected.csv;
    }
    const ok = smoke.status === 0 && e1.status === 0 && identical;
    failed ||= !ok;
    rows.push({
      runtime: `${runtime.name} (${version})`,
      smoke: smoke.status === 0 ? smoke.stdout.trim() : `FAILED: ${smoke.stderr.trim().split('\n').at(-1)}`,
      e1:
        e1.status !== 0
          ? `FAILED: ${e1.stderr.trim().split('\n').at(-1)}`
          : identical
            ? 'same bytes'
            : 'DIFFERENT bytes',
      seconds: (smoke.seconds + e1.seconds).toFixed(1),
    });
    process.stdout.write(`test-runtimes: ${JSON.stringify(rows.at(-1))}\n`);
  }
  if (!smokeOnly) {
    for (const runtime of selected.filter((r) => r.suite)) {
      const executable = executables.get(runtime.name);
      process.stdout.write(`test-runtimes: the whole suite on ${runtime.name}\n`);
      // The runtime's bin first on PATH: tests that spawn `node` get this one too.
      const env = { ...process.env, PATH: `${dirname(executable)}${delimiter}${process.env.PATH}` };
      const suite = await run(executable, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run'], {
        env,
        echo: true,
      });
      failed ||= suite.status !== 0;
      rows.push({
        runtime: `${runtime.name} suite`,
        smoke: suite.status === 0 ? 'passed' : 'FAILED',
        e1: '',
        seconds: suite.seconds.toFixed(1),
      });
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.table(rows);
if (failed) fail('some runtime failed (see the table above)');
