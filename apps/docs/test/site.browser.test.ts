import { mkdirSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type StaticServer, startStaticServer } from '../scripts/serve-site.mjs';
import { launchChromium } from './support/chromium.ts';

const distDir = fileURLToPath(new URL('../dist', import.meta.url));
const outputDir = fileURLToPath(new URL('../test-output', import.meta.url));

function htmlPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'assets' ? [] : htmlPages(path);
    return entry.name.endsWith('.html') && entry.name !== '404.html' ? [relative(distDir, path)] : [];
  });
}

/** Opens a page and records every console error and uncaught exception on it. */
async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`http ${response.status()}: ${response.url()}`);
  });
  page.on('requestfailed', (request) =>
    errors.push(`requestfailed: ${request.url()} ${request.failure()?.errorText}`),
  );
  await page.goto(url, { waitUntil: 'load' });
  // VitePress hydrates after load; errors during hydration must still be caught.
  await page.waitForFunction(
    () => (document.querySelector('#app') as { __vue_app__?: unknown } | null)?.__vue_app__,
  );
  return { page, errors };
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: join(outputDir, `${name.replace(/[\\/]/g, '__').replace(/\.html$/, '')}.png`),
    fullPage: true,
  });
}

let server: StaticServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  mkdirSync(outputDir, { recursive: true });
  server = await startStaticServer(distDir);
  browser = await launchChromium(inject('chromiumPath'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pages = htmlPages(distDir).sort();

describe('every page of the built site', () => {
  it('has the pages of every section', () => {
    for (const expected of [
      'index.html',
      'theory.html',
      'playground.html',
      'performance.html',
      'api/index.html',
    ]) {
      expect(pages).toContain(expected);
    }
    expect(pages.filter((p) => p.startsWith('reproduction/'))).toHaveLength(9);
    expect(pages.filter((p) => p.startsWith('guides/')).length).toBeGreaterThanOrEqual(8);
    expect(pages.filter((p) => p.startsWith('api/')).length).toBeGreaterThanOrEqual(7);
  });

  it.concurrent.each(pages)('%s loads with no console errors and renders its math', async (path) => {
    const { page, errors } = await openPage(browser.context, `${server.url}/${path}`);
    try {
      await expect(page.locator('.VPContent').count()).resolves.toBe(1);
      if (path === 'playground.html')
        await page.locator('[data-testid=figure-n] svg[data-role=plot]').waitFor();
      // Committed experiment results are drawn after hydration: wait until each has its figure.
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.bl-experiment')].every((e) => e.querySelector('figure svg')),
      );
      if (path === 'index.html' || path === 'theory.html') {
        expect(await page.locator('[data-testid=experiment-figure-e1] svg').count()).toBeGreaterThan(0);
      }
      const markdownMath = await page.locator('.vp-doc').innerHTML();
      if (/\$[^$]+\$/.test(markdownMath.replace(/<pre[\s\S]*?<\/pre>|<code[\s\S]*?<\/code>/g, ''))) {
        throw new Error(`unrendered $…$ math on ${path}`);
      }
      await expect(page.locator('.katex-error').count()).resolves.toBe(0);
      const overflowingMath = await page.evaluate(() =>
        [...document.querySelectorAll('.math-block')]
          .filter((e) => e.scrollWidth > e.clientWidth + 1)
          .map((e) => (e.textContent ?? '').slice(0, 40)),
      );
      expect(overflowingMath, 'display formulas wider than the text column').toEqual([]);
      await screenshot(page, path);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('has a CLI guide generated from the command definitions', async () => {
    const { page, errors } = await openPage(browser.context, `${server.url}/guides/cli.html`);
    try {
      const commands = await page.locator('.vp-doc h2').allTextContents();
      expect(commands.map((c) => c.replace(/\u200b|#/g, '').trim())).toEqual(
        expect.arrayContaining(['benignlab reproduce', 'benignlab run', 'benignlab fit', 'benignlab theory']),
      );
      expect(await page.locator('.vp-doc table').count()).toBeGreaterThanOrEqual(commands.length);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('renders the Theory page’s formulas with KaTeX', async () => {
    const { page, errors } = await openPage(browser.context, `${server.url}/theory.html`);
    try {
      expect(await page.locator('.katex-display').count()).toBeGreaterThan(15);
      expect(await page.locator('.katex').count()).toBeGreaterThan(80);
      expect(await page.locator('.katex .katex-mathml math').count()).toBeGreaterThan(80);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('is cross-origin isolated when served with COOP/COEP', async () => {
    const { page } = await openPage(browser.context, `${server.url}/playground.html`);
    try {
      expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
    } finally {
      await page.close();
    }
  });
});

describe('the playground', () => {
  it('redraws its figure when a slider moves', async () => {
    const { page, errors } = await openPage(browser.context, `${server.url}/playground.html`);
    try {
      const figure = page.locator('[data-testid=figure-n] svg[data-role=plot]');
      await figure.waitFor();
      const root = page.locator('[data-testid=playground]');
      const before = { revision: await root.getAttribute('data-revision'), svg: await figure.innerHTML() };
      await page.locator('[data-testid=slider-b]').fill('0.6');
      await expect.poll(() => root.getAttribute('data-revision')).not.toBe(before.revision);
      expect(await page.locator('[data-testid=value-b]').textContent()).toBe('0.60');
      expect(await figure.innerHTML()).not.toBe(before.svg);

      const lambdaFigure = page.locator('[data-testid=figure-lambda] svg[data-role=plot]');
      const lambdaBefore = await lambdaFigure.innerHTML();
      await page.locator('[data-testid=slider-n]').fill('0.9');
      await expect.poll(() => lambdaFigure.innerHTML()).not.toBe(lambdaBefore);
      expect(await page.locator('[data-testid=figure-lambda]').textContent()).toMatch(/trade-off at n = \d+/);
      await screenshot(page, 'playground-after-sliders');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each(['min-norm', 'ntk'])('finishes a simulation of the %s model in a Web Worker', async (model) => {
    const { page, errors } = await openPage(browser.context, `${server.url}/playground.html`);
    try {
      await page.locator('[data-testid=figure-n] svg[data-role=plot]').waitFor();
      await page.locator('[data-testid=model]').selectOption(model);
      if (model === 'ntk') await page.locator('[data-testid=slider-n]').fill('0.15');
      const dotsBefore = await page.locator('[data-testid=figure-n] svg[data-role=plot] circle').count();
      await page.locator('[data-testid=simulate]').click();
      const root = page.locator('[data-testid=playground]');
      await expect.poll(() => root.getAttribute('data-simulation')).toBe('running');
      await expect.poll(() => root.getAttribute('data-simulation'), { timeout: 90_000 }).toBe('done');
      expect(
        await page
          .locator('[data-testid=simulate-progress]')
          .evaluate((e) => (e as HTMLProgressElement).value),
      ).toBe(1);
      expect(await page.locator('[data-testid=simulate-status]').textContent()).toMatch(
        /^Done: \d+ sample sizes × 4 draws/,
      );
      expect(await page.locator('[data-testid=figure-n] svg[data-role=plot] circle').count()).toBeGreaterThan(
        dotsBefore,
      );
      await screenshot(page, `playground-simulated-${model}`);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
