import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from './support/built-site.ts';

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
async function openPage(
  context: BrowserContext,
  url: string,
  options: { colorScheme?: 'light' | 'dark'; width?: number } = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
  if (options.width)
    await page.setViewportSize({ width: options.width, height: options.width < 600 ? 844 : 900 });
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

mkdirSync(outputDir, { recursive: true });
const site = useBuiltSite(distDir);

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
    const { page, errors } = await openPage(site.context, `${site.url}/${path}`);
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
    const { page, errors } = await openPage(site.context, `${site.url}/guides/cli.html`);
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
    const { page, errors } = await openPage(site.context, `${site.url}/theory.html`);
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
    const { page } = await openPage(site.context, `${site.url}/playground.html`);
    try {
      expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
    } finally {
      await page.close();
    }
  });
});

describe('the playground', () => {
  it('redraws its figure when a slider moves', async () => {
    const { page, errors } = await openPage(site.context, `${site.url}/playground.html`);
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
    const { page, errors } = await openPage(site.context, `${site.url}/playground.html`);
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

// ---------------------------------------------------------------------------------------
// Issue #20: the site read as a student and a researcher would.
// ---------------------------------------------------------------------------------------

const workspaceRoot = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * In the page: every piece of figure text whose contrast against the background it is drawn
 * on (the nearest ancestor with an opaque background) is below `minimum` (WCAG 2 ratio,
 * computed from computed styles), plus the number of texts checked.
 */
function lowContrastFigureText(page: Page, selector: string, minimum: number) {
  return page.evaluate(
    ({ selector, minimum }) => {
      type Rgba = { r: number; g: number; b: number; a: number };
      const parse = (colour: string): Rgba | undefined => {
        const m = colour.match(/rgba?\(([^)]+)\)/);
        if (!m) return undefined;
        const [r = 0, g = 0, b = 0, a = 1] = (m[1] as string)
          .split(/[\s,/]+/)
          .filter(Boolean)
          .map(Number);
        return { r, g, b, a };
      };
      const luminance = ({ r, g, b }: Rgba) => {
        const f = (v: number) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const backgroundOf = (node: Element): Rgba => {
        for (let e: Element | null = node; e; e = e.parentElement) {
          const colour = parse(getComputedStyle(e).backgroundColor);
          if (colour && colour.a > 0.5) return colour;
        }
        return { r: 255, g: 255, b: 255, a: 1 };
      };
      const blend = (fg: Rgba, bg: Rgba): Rgba => ({
        r: fg.r * fg.a + bg.r * (1 - fg.a),
        g: fg.g * fg.a + bg.g * (1 - fg.a),
        b: fg.b * fg.a + bg.b * (1 - fg.a),
        a: 1,
      });
      const failures: string[] = [];
      let checked = 0;
      for (const node of document.querySelectorAll(selector)) {
        if (!/[A-Za-z0-9]/.test(node.textContent ?? '')) continue;
        if (node.getBoundingClientRect().width === 0) continue;
        const style = getComputedStyle(node);
        const svg = node instanceof SVGElement;
        const raw = svg ? (style.fill === 'currentcolor' ? style.color : style.fill) : style.color;
        const colour = parse(raw);
        if (!colour) continue;
        const opacity = svg ? Number(style.fillOpacity) * Number(style.opacity) : Number(style.opacity);
        const background = backgroundOf(node);
        const foreground = blend({ ...colour, a: colour.a * opacity }, background);
        const [l1, l2] = [luminance(foreground), luminance(background)].sort((x, y) => y - x) as [
          number,
          number,
        ];
        const ratio = (l1 + 0.05) / (l2 + 0.05);
        checked += 1;
        if (ratio < minimum)
          failures.push(
            `${(node.textContent ?? '').trim().slice(0, 30)}: ${ratio.toFixed(2)}:1 (${raw} on rgb(${background.r}, ${background.g}, ${background.b}))`,
          );
      }
      return { failures, checked };
    },
    { selector, minimum },
  );
}

const figurePages = [
  'index.html',
  'theory.html',
  'playground.html',
  ...['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'].map((id) => `reproduction/${id}.html`),
];

async function waitForFigures(page: Page, path: string): Promise<void> {
  if (path === 'playground.html') await page.locator('[data-testid=figure-n] svg[data-role=plot]').waitFor();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.bl-experiment')].every((e) => e.querySelector('figure svg')),
  );
}

const figureTextSelector =
  '.bl-figure svg text, .bl-figure figcaption, .bl-figure figure > h2, .bl-figure figure > div span';

describe('#20.1 figures are legible in both colour schemes', () => {
  it.concurrent.each(
    figurePages.flatMap((path) => [
      [path, 'dark'],
      ...(['index.html', 'playground.html', 'reproduction/e1.html'].includes(path) ? [[path, 'light']] : []),
    ]) as [string, 'light' | 'dark'][],
  )('%s in the %s scheme: figure text ≥ 4.5:1', async (path, colorScheme) => {
    const { page } = await openPage(site.context, `${site.url}/${path}`, { colorScheme });
    try {
      await waitForFigures(page, path);
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
        colorScheme === 'dark',
      );
      const { failures, checked } = await lowContrastFigureText(page, figureTextSelector, 4.5);
      expect(checked).toBeGreaterThan(10);
      expect(failures).toEqual([]);
      if (path === 'playground.html') {
        const button = await lowContrastFigureText(page, '[data-testid=simulate]', 4.5);
        expect(button.checked).toBe(1);
        expect(button.failures).toEqual([]);
      }
      if (colorScheme === 'dark') await screenshot(page, `dark-${path}`);
    } finally {
      await page.close();
    }
  });
});

describe('#20.2 the playground’s controls and figure are on screen together', () => {
  it.each([1280, 390])('at %i px', async (width) => {
    const { page, errors } = await openPage(site.context, `${site.url}/playground.html`, { width });
    try {
      await page.locator('[data-testid=figure-n] svg[data-role=plot]').waitFor();
      await page.locator('[data-testid=slider-n]').scrollIntoViewIfNeeded();
      const box = async (selector: string) => {
        const b = await page.locator(selector).first().boundingBox();
        if (!b) throw new Error(`${selector} has no box`);
        return b;
      };
      const controls = await box('[data-testid=controls]');
      const slider = await box('[data-testid=slider-n]');
      const figure = await box('[data-testid=figure-n] svg[data-role=plot]');
      if (width >= 960) {
        expect(figure.x, 'figure beside the controls').toBeGreaterThanOrEqual(controls.x + controls.width);
        expect(figure.y).toBeLessThan(controls.y + controls.height);
      } else {
        expect(figure.y - (controls.y + controls.height), 'figure directly under the controls').toBeLessThan(
          120,
        );
      }
      // One scroll position shows the n slider and the whole figure (below the 64 px nav bar).
      const viewport = page.viewportSize()?.height ?? 0;
      expect(figure.y + figure.height - slider.y).toBeLessThan(viewport - 64);
      await screenshot(page, `playground-layout-${width}`);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

/** Main-thread CPU time (CDP `ThreadTime`) of each slider step until the figure is redrawn. */
async function sliderStepCosts(page: Page, key: string, steps: number): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadTime = async () =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) *
    1000;
  const slider = page.locator(`[data-testid=slider-${key}]`);
  const start = Number(await slider.inputValue());
  const step = Number(await slider.getAttribute('step'));
  const costs: number[] = [];
  for (let i = 0; i < steps; i++) {
    await page.waitForTimeout(100);
    const before = await threadTime();
    await slider.evaluate(
      (input, value) =>
        new Promise<void>((resolve) => {
          const root = document.querySelector('[data-testid=playground]') as HTMLElement;
          const revision = root.dataset.revision;
          new MutationObserver((_, observer) => {
            if (root.dataset.revision !== revision) {
              observer.disconnect();
              // Count the style/layout/paint of the new figure too.
              requestAnimationFrame(() => setTimeout(resolve, 0));
            }
          }).observe(root, { attributes: true });
          (input as HTMLInputElement).value = String(value);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }),
      start + (i % 2 === 0 ? step : 0),
    );
    costs.push((await threadTime()) - before);
  }
  await cdp.detach();
  return costs;
}

describe('#20.3 a slider step costs the main thread ≤ 50 ms', () => {
  it('at the default settings (median of 8 steps of n and of b, CDP ThreadTime)', async () => {
    const { page, errors } = await openPage(site.context, `${site.url}/playground.html`);
    try {
      await page.locator('[data-testid=figure-n] svg[data-role=plot]').waitFor();
      const median = (values: number[]) =>
        [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] as number;
      for (const key of ['n', 'b']) {
        const costs = await sliderStepCosts(page, key, 8);
        // Printed so a run reports the figure (the "before" was 148–234 ms a step).
        console.info(
          `#20.3 slider ${key}: median ${median(costs).toFixed(0)} ms main-thread CPU a step (${costs.map((c) => c.toFixed(0)).join(', ')} ms)`,
        );
        expect(median(costs), `${key}: ${costs.map((c) => c.toFixed(0)).join(', ')} ms`).toBeLessThanOrEqual(
          50,
        );
      }
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('#20.4 playground state: URL, stale marking, cancel, threads', () => {
  it('reads its settings from the URL and writes them back', async () => {
    const { page, errors } = await openPage(
      site.context,
      `${site.url}/playground.html?n=800&b=0.6&model=ridge&budget=absolute`,
    );
    try {
      await page.locator('[data-testid=figure-n] svg[data-role=plot]').waitFor();
      expect(await page.locator('[data-testid=value-n]').textContent()).toBe('800');
      expect(await page.locator('[data-testid=value-b]').textContent()).toBe('0.60');
      expect(await page.locator('[data-testid=model]').inputValue()).toBe('ridge');
      expect(await page.locator('[data-testid=budget]').inputValue()).toBe('absolute');
      await page.locator('[data-testid=slider-a]').fill('1.3');
      await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('a'))).toBe('1.3');
      const url = page.url();
      await page.goto(url);
      await page.locator('[data-testid=figure-n] svg[data-role=plot]').waitFor();
      expect(await page.locator('[data-testid=value-a]').textContent()).toBe('1.30');
      expect(await page.locator('[data-testid=permalink]').getAttribute('href')).toContain('a=1.3');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('says which settings a bad link ignored', async () => {
    const { page } = await openPage(site.context, `${site.url}/playground.html?n=-3&model=svm`);
    try {
      await page.locator('[data-testid=figure-n] svg[data-role=plot]').waitFor();
      expect(await page.locator('[data-testid=playground-error]').textContent()).toMatch(
        /n = -3.*model = svm/,
      );
      expect(await page.locator('[data-testid=value-n]').textContent()).toBe('200');
    } finally {
      await page.close();
    }
  });

  it('marks a finished simulation stale when the settings change, and fresh again when they return', async () => {
    const { page, errors } = await openPage(site.context, `${site.url}/playground.html`);
    try {
      const root = page.locator('[data-testid=playground]');
      const dots = page.locator('[data-testid=figure-n] svg[data-role=plot] circle');
      await page.locator('[data-testid=figure-n] svg[data-role=plot]').waitFor();
      await page.locator('[data-testid=simulate]').click();
      await expect.poll(() => root.getAttribute('data-simulation'), { timeout: 90_000 }).toBe('done');
      const status = page.locator('[data-testid=simulate-status]');
      // linalg's Web Worker threads on the cross-origin isolated page, one per reported core.
      const cores = await page.evaluate(() => navigator.hardwareConcurrency);
      expect(await status.textContent()).toMatch(
        new RegExp(`on ${Math.min(cores, 8)} threads? \\(linalg backend`),
      );
      if (cores > 1) expect(await status.textContent()).toMatch(/-threads\)/);
      await expect.poll(() => dots.count()).toBeGreaterThan(0);
      const b = await page.locator('[data-testid=slider-b]').inputValue();
      await page.locator('[data-testid=slider-b]').fill('0.6');
      await expect.poll(() => root.getAttribute('data-simulation')).toBe('stale');
      expect(await status.textContent()).toMatch(/^Stale: .*b = 1/);
      await expect.poll(() => dots.count()).toBe(0);
      await page.locator('[data-testid=slider-b]').fill(b);
      await expect.poll(() => root.getAttribute('data-simulation')).toBe('done');
      await expect.poll(() => dots.count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('cancels a running simulation', async () => {
    const { page, errors } = await openPage(site.context, `${site.url}/playground.html?n=3200&a=1.3`);
    try {
      const root = page.locator('[data-testid=playground]');
      await page.locator('[data-testid=figure-n] svg[data-role=plot]').waitFor();
      await page.locator('[data-testid=simulate]').click();
      await expect.poll(() => root.getAttribute('data-simulation')).toBe('running');
      // A change during the run is said, not silently dropped.
      await page.locator('[data-testid=slider-sigma]').fill('0.8');
      await expect
        .poll(() => page.locator('[data-testid=simulate-status]').textContent())
        .toMatch(/changed since/);
      await page.locator('[data-testid=cancel]').click();
      expect(await root.getAttribute('data-simulation')).toBe('cancelled');
      expect(await page.locator('[data-testid=simulate-status]').textContent()).toMatch(
        /^Cancelled after \d+ of \d+ fits/,
      );
      expect(await page.locator('[data-testid=simulate]').isEnabled()).toBe(true);
      expect(await page.locator('[data-testid=cancel]').isEnabled()).toBe(false);
      expect(await page.locator('.vp-doc').textContent()).not.toMatch(/Node-only/);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('#20.5 the NTK theory line marks where it is not trusted', () => {
  it.each([
    ['model=ntk&ntkLayers=both&a=1.1&n=3200', 'outside'],
    ['model=ntk&a=1.5&n=400', 'inside'],
    ['model=min-norm&a=1.1&n=3200', 'not-applicable'],
  ])('%s → %s', async (query, expected) => {
    const { page, errors } = await openPage(site.context, `${site.url}/playground.html?${query}`);
    try {
      const figure = page.locator('[data-testid=figure-n]');
      await figure.locator('svg[data-role=plot]').waitFor();
      expect(await figure.getAttribute('data-ntk-trust')).toBe(expected);
      const warning = page.locator('[data-testid=ntk-trust-warning]');
      if (expected === 'outside') {
        expect(await warning.textContent()).toMatch(/At n = 3200 .*outside its trust region/);
        expect(
          await figure.locator('g[aria-description="theory not trusted here"] rect').count(),
        ).toBeGreaterThan(0);
        await screenshot(page, 'playground-ntk-untrusted');
      }
      if (expected === 'not-applicable') expect(await warning.count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('#20.6 no reference to the unpublished theory notes; the Theory page holds every section', () => {
  it('has stable anchors for §1–§8 and the NTK trust region', async () => {
    const { page } = await openPage(site.context, `${site.url}/theory.html`);
    try {
      for (const id of [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `section-${n}`).concat('ntk-trust-region')) {
        expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
      }
      expect(await page.locator('#section-7').textContent()).toMatch(/What the reproduction must show/);
      expect(await page.locator('.vp-doc').textContent()).toMatch(/This is not the paper's trade-off/);
    } finally {
      await page.close();
    }
  });

  it('no built page cites the unpublished theory notes, and every Theory link points at an anchor that exists', () => {
    const theoryIds = new Set(
      [...readFileSync(join(distDir, 'theory.html'), 'utf8').matchAll(/ id="([^"]+)"/g)].map((m) => m[1]),
    );
    const mentions: string[] = [];
    const broken: string[] = [];
    for (const path of pages) {
      const html = readFileSync(join(distDir, path), 'utf8');
      if (/THEORY(\.md| ?§)/.test(html)) mentions.push(path);
      for (const m of html.matchAll(/href="\/theory\.html#([^"]+)"/g)) {
        if (!theoryIds.has(m[1] as string)) broken.push(`${path} → #${m[1]}`);
      }
    }
    expect(mentions).toEqual([]);
    expect(broken).toEqual([]);
  });

  it('no package source, README or site page cites the unpublished theory notes', () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (['node_modules', 'dist', 'test', 'bench', 'api', 'generated', 'test-output'].includes(entry.name))
          continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (
          /\.(ts|mts|mjs|js|md|vue)$/.test(entry.name) &&
          /THEORY(\.md| ?§)/.test(readFileSync(path, 'utf8'))
        )
          found.push(relative(workspaceRoot, path));
      }
    };
    for (const root of ['packages', 'apps']) walk(join(workspaceRoot, root));
    expect(found).toEqual([]);
  });
});

describe('#20.7 wide content fits or scrolls visibly at 1280 px', () => {
  it.concurrent.each([
    'api/linalg.html',
    'api/adversarial-risk.html',
    'reproduction/e1.html',
    'reproduction/e2.html',
    'reproduction/e5.html',
  ])('%s', async (path) => {
    const { page } = await openPage(site.context, `${site.url}/${path}`);
    try {
      await waitForFigures(page, path);
      const cut = await page.evaluate(() =>
        [
          ...document.querySelectorAll(
            '.vp-doc div[class*="language-"] pre, .vp-doc table, .vp-doc .bl-figure',
          ),
        ]
          .filter((e) => e.scrollWidth > e.clientWidth + 1)
          .map(
            (e) => `${e.tagName} ${(e.textContent ?? '').slice(0, 40)} (${e.scrollWidth} > ${e.clientWidth})`,
          ),
      );
      expect(cut).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('#20.8 phones (390 px)', () => {
  it.each(['playground.html', 'reproduction/e1.html'])(
    '%s: figure text ≥ 11 px, every table cell on screen, thumb-sized sliders',
    async (path) => {
      const { page, errors } = await openPage(site.context, `${site.url}/${path}`, { width: 390 });
      try {
        await waitForFigures(page, path);
        const sizes = await page.evaluate(() =>
          [
            ...document.querySelectorAll(
              '.bl-figure svg[data-role=plot] text, .bl-experiment .bl-figure svg text',
            ),
          ]
            .filter((t) => /\S/.test(t.textContent ?? ''))
            .map((t) => {
              const svg = (t as SVGElement).ownerSVGElement as SVGSVGElement;
              const scale =
                svg.getBoundingClientRect().width / (svg.viewBox.baseVal?.width || svg.width.baseVal.value);
              return Number.parseFloat(getComputedStyle(t).fontSize) * scale;
            }),
        );
        expect(sizes.length).toBeGreaterThan(5);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
        const offScreen = await page.evaluate(() =>
          [...document.querySelectorAll('.bl-experiment td, .bl-experiment th')]
            .filter(
              (c) =>
                c.closest('.bl-figure') === null && c.getBoundingClientRect().right > window.innerWidth + 1,
            )
            .map((c) => (c.textContent ?? '').slice(0, 30)),
        );
        expect(offScreen).toEqual([]);
        if (path === 'playground.html') {
          const heights = await page
            .locator('input[type=range]')
            .evaluateAll((inputs) => inputs.map((i) => i.getBoundingClientRect().height));
          expect(Math.min(...heights)).toBeGreaterThanOrEqual(24);
        }
        await screenshot(page, `phone-${path}`);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});

describe('#20.11 what readers of neighbouring docs expect', () => {
  it('links the source and issue tracker, shows the version, and has a changelog from the changesets', async () => {
    const { page, errors } = await openPage(site.context, `${site.url}/index.html`);
    try {
      const version = JSON.parse(readFileSync(join(workspaceRoot, 'apps/cli/package.json'), 'utf8')).version;
      expect(await page.locator('.VPNavBar').textContent()).toContain(`v${version}`);
      expect(await page.locator('a[href="https://github.com/benignlab/benignlab"]').count()).toBeGreaterThan(
        0,
      );
      expect(
        await page.locator('a[href="https://github.com/benignlab/benignlab/issues"]').count(),
      ).toBeGreaterThan(0);
      const cite = await page.locator('#how-to-cite').count();
      expect(cite).toBe(1);
      const bibtex = await page.locator('.vp-doc div.language-bibtex').textContent();
      expect(bibtex).toContain('arXiv:2401.12236');
      expect(bibtex).toContain('@software{benignlab');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('renders every pending changeset on the changelog page', async () => {
    const { page, errors } = await openPage(site.context, `${site.url}/changelog.html`);
    try {
      const text = (await page.locator('.vp-doc').textContent()) ?? '';
      const changesets = readdirSync(join(workspaceRoot, '.changeset')).filter(
        (f) => f.endsWith('.md') && f !== 'README.md',
      );
      expect(changesets.length).toBeGreaterThan(0);
      for (const file of changesets) {
        const body =
          readFileSync(join(workspaceRoot, '.changeset', file), 'utf8').split(/^---\s*$/m)[2] ?? '';
        // The first words of each description appear on the page.
        const words = body.replace(/[`*]/g, '').trim().split(/\s+/).slice(0, 4).join(' ');
        expect(text.replace(/\s+/g, ' '), file).toContain(words);
      }
      expect(await page.locator('.vp-doc h2').count()).toBeGreaterThanOrEqual(8);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows a gallery of every committed result with its verdicts on the Reproduction overview', async () => {
    const { page, errors } = await openPage(site.context, `${site.url}/reproduction/index.html`);
    try {
      const ids = readdirSync(join(distDir, 'results'))
        .filter((f) => f.endsWith('.generated.json'))
        .map((f) => f.replace('.generated.json', ''));
      const cards = page.locator('[data-testid=reproduction-gallery] a.bl-gallery-card');
      expect(await cards.count()).toBe(ids.length);
      await expect
        .poll(() => page.locator('[data-testid=reproduction-gallery] figure svg').count(), {
          timeout: 60_000,
        })
        .toBeGreaterThanOrEqual(ids.length);
      for (const verdict of await page.locator('[data-testid=gallery-verdict]').allTextContents()) {
        expect(verdict).toMatch(/\d+ of \d+ claims supported/);
      }
      await screenshot(page, 'reproduction-gallery');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('search finds the Theory page first for "adversarial risk"', async () => {
    const { page, errors } = await openPage(site.context, `${site.url}/index.html`);
    try {
      await page.locator('.VPNavBarSearch button').first().click();
      await page.locator('#localsearch-input').fill('adversarial risk');
      const first = page.locator('ul.results li a.result').first();
      await first.waitFor();
      await expect.poll(() => first.getAttribute('href')).toMatch(/\/theory(\.html)?#/);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('#20.9 the Performance page reads in a minute', () => {
  it('opens with a summary of ratios to numpy naming the processor; the raw tables are collapsed', async () => {
    const { page, errors } = await openPage(site.context, `${site.url}/performance.html`);
    try {
      const summary = page.locator('.vp-doc table').first();
      expect(await summary.locator('th').allTextContents()).toContain('ours ÷ numpy');
      expect(await summary.locator('tbody tr').count()).toBeGreaterThan(5);
      expect(await page.locator('.vp-doc').textContent()).toMatch(
        /below 1: benignlab is faster\), on [^.]*(EPYC|Intel|Apple|AMD)/,
      );
      const headings = await page.locator('.vp-doc h2, .vp-doc h3, .vp-doc strong').allTextContents();
      expect(headings.filter((h) => h.includes('›'))).toEqual([]);
      const columns = await page.locator('.vp-doc th').allTextContents();
      expect(columns.filter((c) => /[a-z][A-Z][a-z]/.test(c))).toEqual([]);
      // Every table but the summary sits in a closed <details>: the page is short.
      const visibleTables = await page.locator('.vp-doc table:visible').count();
      expect(visibleTables).toBe(1);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      // It was 17 206 px of raw tables, then 18 691 px with every chart open once the bench
      // gained the default-path and runtime cells (#16, #23). Now the headline summary (one
      // row per case, benignlab's fastest configuration) and four charts stay open, the rest
      // is collapsed: 4 674 px measured at 1280 px; the limit leaves ~300 px for a few more
      // summary rows before someone has to look again.
      expect(height).toBeLessThan(5_000);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('#20.7 the Performance page’s raw tables fit or scroll visibly at 1280 px', () => {
  it('puts every table wider than the column in a focusable, labelled scroll box with edge shadows', async () => {
    const { page, errors } = await openPage(site.context, `${site.url}/performance.html`);
    try {
      await page.evaluate(() => {
        for (const details of document.querySelectorAll('.vp-doc details')) details.setAttribute('open', '');
      });
      const report = await page.evaluate(() => {
        const column = (document.querySelector('.vp-doc') as HTMLElement).getBoundingClientRect();
        const problems: string[] = [];
        let scrolling = 0;
        const tables = [...document.querySelectorAll('.vp-doc table')];
        for (const table of tables) {
          const name = (table.querySelector('th')?.textContent ?? '').slice(0, 30);
          const box = table.closest('.bl-table-scroll') as HTMLElement | null;
          if (!box) {
            const rect = table.getBoundingClientRect();
            if (table.scrollWidth > table.clientWidth + 1 || rect.right > column.right + 1)
              problems.push(`${name}: cut off outside a scroll box (${table.scrollWidth} px)`);
            continue;
          }
          const style = getComputedStyle(box);
          if (box.getBoundingClientRect().right > column.right + 1)
            problems.push(`${name}: box wider than the column`);
          if (box.scrollWidth <= box.clientWidth + 1) continue;
          scrolling++;
          if (!/auto|scroll/.test(style.overflowX)) problems.push(`${name}: box does not scroll`);
          if ((style.backgroundImage.match(/radial-gradient/g) ?? []).length < 2)
            problems.push(`${name}: no edge shadows`);
          // Playwright's headless Chromium hides scrollbars (--hide-scrollbars), so the test
          // checks that the box keeps the browser's scrollbar and paints the shadows.
          if (style.scrollbarWidth === 'none') problems.push(`${name}: scrollbar hidden`);
          if (!/local/.test(style.backgroundAttachment) || !/scroll/.test(style.backgroundAttachment))
            problems.push(`${name}: shadows do not follow the scroll position`);
          if (box.tabIndex !== 0 || !/scrolls sideways/.test(box.getAttribute('aria-label') ?? ''))
            problems.push(`${name}: not focusable or unlabelled`);
        }
        return { problems, scrolling, tables: tables.length };
      });
      expect(report.tables).toBeGreaterThan(10);
      // The page has tables far wider than the column: the scroll path is exercised.
      expect(report.scrolling).toBeGreaterThan(0);
      expect(report.problems).toEqual([]);
      await screenshot(page, 'performance-open-tables');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

const reproductionPages = pages.filter((path) => /^reproduction\/e\d+\.html$/.test(path));

describe('#20.8 experiment figures re-lay-out on a 390 px phone', () => {
  it('has reproduction pages to check', () => {
    expect(reproductionPages.length).toBeGreaterThanOrEqual(7);
  });

  it.concurrent.each(reproductionPages)(
    '%s: drawn at the column width, text ≥ 11 px, nothing sideways',
    async (path) => {
      const { page, errors } = await openPage(site.context, `${site.url}/${path}`, { width: 390 });
      try {
        await waitForFigures(page, path);
        const report = await page.evaluate(() => {
          const problems: string[] = [];
          const figures = [...document.querySelectorAll('.bl-experiment-figure')] as HTMLElement[];
          let legends = 0;
          for (const figure of figures) {
            const id = figure.dataset.testid ?? '?';
            const svg = figure.querySelector('svg') as SVGSVGElement;
            const box = svg.getBoundingClientRect();
            if (figure.scrollWidth > figure.clientWidth + 1)
              problems.push(`${id}: scrolls sideways (${figure.scrollWidth} > ${figure.clientWidth})`);
            if (box.right > window.innerWidth + 1)
              problems.push(`${id}: svg off screen (right ${box.right})`);
            const scale = box.width / (svg.viewBox.baseVal?.width || svg.width.baseVal.value);
            for (const text of svg.querySelectorAll('text')) {
              if (!/\S/.test(text.textContent ?? '')) continue;
              const size = Number.parseFloat(getComputedStyle(text).fontSize) * scale;
              if (size < 11) problems.push(`${id}: "${text.textContent}" at ${size.toFixed(1)} px`);
              const rect = text.getBoundingClientRect();
              // Plot puts the rotated y label's glyph box a pixel or two past the edge at any width.
              if (rect.right > box.right + 3 || rect.left < box.left - 3)
                problems.push(`${id}: "${text.textContent}" cut at the svg's edge`);
            }
            // A heat map (Plot's cell mark) states its colour key in the subtitle: no legend list.
            if (
              figure.querySelectorAll('.bl-figure-legend li').length ||
              svg.querySelector('[aria-label="cell"]')
            )
              legends++;
          }
          return {
            problems,
            figures: figures.length,
            legends,
            pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
          };
        });
        expect(report.figures).toBeGreaterThan(0);
        expect(report.legends).toBe(report.figures);
        expect(report.problems).toEqual([]);
        expect(report.pageOverflow).toBeLessThanOrEqual(0);
        await screenshot(page, `phone-figures-${path}`);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});

describe('#20.9 the Performance page charts benignlab against numpy and ml-matrix', () => {
  it.each([1280, 390])(
    'at %i px: a bar per implementation and thread count, longer for slower',
    async (width) => {
      const { page, errors } = await openPage(site.context, `${site.url}/performance.html`, { width });
      try {
        // Four charts are open, the rest collapsed (#20.9): every chart is checked, opened.
        expect(await page.locator('[data-testid=bench-chart]:visible').count()).toBe(4);
        await page.evaluate(() => {
          for (const details of document.querySelectorAll('.vp-doc details'))
            details.setAttribute('open', '');
        });
        const charts = await page.locator('[data-testid=bench-chart]').evaluateAll((figures) =>
          figures.map((figure) => {
            const rows = [...figure.querySelectorAll('.bl-bar-row')] as HTMLElement[];
            return {
              caption: figure.querySelector('figcaption')?.textContent ?? '',
              right: figure.getBoundingClientRect().right,
              bars: rows.map((row) => ({
                family: row.dataset.family ?? '',
                seconds: Number(row.dataset.seconds),
                label: row.querySelector('.bl-bar-label')?.textContent ?? '',
                width: (row.querySelector('.bl-bar') as HTMLElement).getBoundingClientRect().width,
                valueRight: (row.querySelector('.bl-bar-value') as HTMLElement).getBoundingClientRect().right,
              })),
            };
          }),
        );
        expect(charts.length).toBeGreaterThanOrEqual(5);
        const families = new Set(charts.flatMap((c) => c.bars.map((b) => b.family)));
        expect([...families].sort()).toEqual(['benignlab', 'ml-matrix', 'numpy']);
        const innerWidth = await page.evaluate(() => window.innerWidth);
        for (const chart of charts) {
          expect(chart.caption).toMatch(/median time, log scale/);
          expect(chart.right).toBeLessThanOrEqual(innerWidth);
          expect(chart.bars.some((b) => /thread/.test(b.label))).toBe(true);
          const bySeconds = [...chart.bars].sort((a, b) => a.seconds - b.seconds);
          for (let i = 1; i < bySeconds.length; i++) {
            expect(bySeconds[i]?.width as number).toBeGreaterThanOrEqual(
              (bySeconds[i - 1]?.width as number) - 0.5,
            );
          }
          expect(Math.min(...chart.bars.map((b) => b.width))).toBeGreaterThan(2);
          expect(Math.max(...chart.bars.map((b) => b.valueRight))).toBeLessThanOrEqual(innerWidth);
        }
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        await screenshot(page, `performance-charts-${width}`);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});

describe('#20.10 the API reference describes every parameter', () => {
  it.concurrent.each(['linalg', 'data', 'linear-models', 'adversarial-risk', 'ntk'])(
    'api/%s.html: no empty description in a parameter table; methods list their parameters',
    async (slug) => {
      const { page } = await openPage(site.context, `${site.url}/api/${slug}.html`);
      try {
        const report = await page.evaluate(() => {
          const empty: string[] = [];
          let parameters = 0;
          for (const table of document.querySelectorAll('.vp-doc table')) {
            const head = [...table.querySelectorAll('th')].map((th) => th.textContent?.trim());
            if (head[0] !== 'parameter') continue;
            for (const row of table.querySelectorAll('tbody tr')) {
              parameters++;
              const cells = row.querySelectorAll('td');
              if (!(cells[2]?.textContent ?? '').trim()) empty.push((cells[0]?.textContent ?? '').trim());
            }
          }
          const methodParameters = [...document.querySelectorAll('.vp-doc td')].filter((td) =>
            td.querySelector('br + code, br ~ code'),
          ).length;
          return { empty, parameters, methodParameters };
        });
        expect(report.parameters).toBeGreaterThan(3);
        expect(report.empty).toEqual([]);
        if (slug === 'linalg' || slug === 'linear-models') expect(report.methodParameters).toBeGreaterThan(3);
      } finally {
        await page.close();
      }
    },
  );
});
