#!/usr/bin/env node
// Screenshots of built pages (dist/) for a reviewer to look at before a docs change lands:
// every page in light and dark colour schemes, at 1280 px and at 390 px, full page height
// capped so an image stays viewable. Uses the Chromium the browser tests use.
//   node apps/docs/scripts/screenshot-pages.mjs --out DIR [--max-height 4000] [page …]
// A page is a path under dist/ without `.html` (`index`, `reproduction/e4`); the file is
// DIR/<page with / as ->-<light|dark>-<width>.png.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startStaticServer } from './serve-site.mjs';

const docsRoot = fileURLToPath(new URL('..', import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, 'max-height': { type: 'string', default: '4000' } },
});
if (!values.out) {
  console.error('screenshot-pages: --out DIR is required');
  process.exit(2);
}
const maxHeight = Number(values['max-height']);
const pagesToShoot = positionals.length > 0 ? positionals : ['index', 'theory', 'playground', 'performance'];

const located = spawnSync(process.execPath, [join(docsRoot, 'scripts/ensure-chromium.mjs')], {
  encoding: 'utf8',
});
if (located.status !== 0) {
  console.error(`screenshot-pages: no Chromium: ${located.stderr.trim().split('\n').pop()}`);
  process.exit(1);
}
mkdirSync(values.out, { recursive: true });
const server = await startStaticServer(join(docsRoot, 'dist'));
const userDataDir = mkdtempSync(join(tmpdir(), 'benignlab-docs-shots-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: located.stdout.trim(),
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const name of pagesToShoot) {
    for (const scheme of ['light', 'dark']) {
      for (const width of [1280, 390]) {
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
        await page.goto(`${server.url}/${name}.html`, { waitUntil: 'load' });
        await page.waitForFunction(() => document.querySelector('#app')?.__vue_app__);
        // Committed results and the playground draw after hydration.
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll('.bl-experiment')].every((e) => e.querySelector('figure svg')) &&
            (!document.querySelector('[data-testid=figure-n]') ||
              document.querySelector('[data-testid=figure-n] svg[data-role=plot]')),
          undefined,
          { timeout: 60_000 },
        );
        await page.waitForTimeout(300);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const file = join(values.out, `${name.replaceAll('/', '-')}-${scheme}-${width}.png`);
        await page.screenshot({
          path: file,
          fullPage: true,
          clip: { x: 0, y: 0, width, height: Math.min(height, maxHeight) },
        });
        console.log(`${file} (page ${height} px${height > maxHeight ? `, cut at ${maxHeight}` : ''})`);
        await page.close();
      }
    }
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
  await server.close();
}
