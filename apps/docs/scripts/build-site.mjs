#!/usr/bin/env node
// The docs package's build: generate the pages that come from the packages, then let
// VitePress build the static site into dist/.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generatePages } from './generate-pages.mjs';

const docsRoot = fileURLToPath(new URL('..', import.meta.url));

await generatePages();
const vitepress = spawnSync(process.execPath, ['node_modules/vitepress/bin/vitepress.js', 'build', 'site'], {
  cwd: docsRoot,
  stdio: 'inherit',
});
process.exit(vitepress.status ?? 1);
