#!/usr/bin/env node
// Runs the pinned pnpm through npm, so a fresh machine needs only Node and npm:
// no global pnpm, and no corepack (its signature check fails on some registry mirrors).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const rootManifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const pnpmSpec = rootManifest.packageManager; // "pnpm@x.y.z"
const npmExec = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(
  npmExec,
  ['exec', '--yes', `--package=${pnpmSpec}`, '--', 'pnpm', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  },
);
if (result.error) {
  console.error(`scripts/pnpm.mjs: could not start npm: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
