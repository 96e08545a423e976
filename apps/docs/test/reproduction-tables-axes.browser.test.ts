import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from './support/built-site.ts';

// #20.12: the reproduction pages' axes and tables say what they show — every log axis has a
// labelled tick near both ends of its data (e7's risks reached 1.7 with no label above 1),
// no table repeats a column name (e4's had R, R_α twice) or breaks a number over two lines,
// and e2's slopes name the n range and λ grid each was fitted over (simulation to n = 1600,
// theory from n = 102 400).

const distDir = fileURLToPath(new URL('../dist', import.meta.url));
const reproductionPages = readdirSync(`${distDir}/reproduction`)
  .filter((file) => /^e\d+\.html$/.test(file))
  .sort();

const site = useBuiltSite(distDir);

/** Opens a reproduction page at `width` px and waits until its committed result is drawn. */
async function openReproduction(path: string, width: number): Promise<Page> {
  const page = await site.context.newPage();
  await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
  await page.goto(`${site.url}/reproduction/${path}`, { waitUntil: 'load' });
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.bl-experiment').length > 0 &&
      [...document.querySelectorAll('.bl-experiment')].every((e) => e.querySelector('figure svg')),
  );
  return page;
}

/** Fraction of an axis' length a stretch of data may run past its outermost tick label. */
const UNLABELLED_END = 0.15;

describe('#20.12 reproduction figures and tables say what they show', () => {
  it('has reproduction pages to check', () => {
    expect(reproductionPages.length).toBeGreaterThanOrEqual(8);
  });

  for (const width of [1280, 390]) {
    it.concurrent.each(reproductionPages)(
      `%s at ${width} px: every axis has tick labels near both ends of its data, none overlapping`,
      async (path) => {
        const page = await openReproduction(path, width);
        try {
          const problems = await page.evaluate((unlabelledEnd) => {
            const found: string[] = [];
            for (const svg of document.querySelectorAll<SVGSVGElement>('.bl-experiment figure svg')) {
              const figure = svg.closest('figure')?.dataset.testid ?? '?';
              const frame = svg.querySelector('[aria-label=frame]')?.getBoundingClientRect();
              // Series figures only (dots with error bars); heat maps label every cell.
              const dots = [...svg.querySelectorAll('g[aria-label=dot] circle')];
              if (!frame || dots.length === 0) continue;
              const inFrame = (box: DOMRect) =>
                box.left + box.width / 2 >= frame.left - 1 && box.left + box.width / 2 <= frame.right + 1;
              const data = [
                ...dots,
                ...svg.querySelectorAll('g[aria-label=rule] line'),
                ...svg.querySelectorAll('g[aria-label=line] path'),
              ]
                .map((element) => element.getBoundingClientRect())
                .filter(inFrame);
              if (data.length === 0) continue;
              const dataBox = {
                top: Math.min(...data.map((b) => b.top)),
                bottom: Math.max(...data.map((b) => b.bottom)),
                left: Math.min(...data.map((b) => b.left)),
                right: Math.max(...data.map((b) => b.right)),
              };
              for (const axis of ['x', 'y'] as const) {
                const labels = [
                  ...svg.querySelectorAll<SVGTextElement>(`g[aria-label="${axis}-axis tick label"] text`),
                ]
                  .filter((t) => /\S/.test(t.textContent ?? ''))
                  .map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }));
                const texts = labels.map((l) => l.text);
                const repeated = texts.filter((t, i) => texts.indexOf(t) !== i);
                if (repeated.length)
                  found.push(`${figure} ${axis}: repeated tick labels ${repeated.join(', ')}`);
                if (labels.length < 2) {
                  found.push(`${figure} ${axis}: ${labels.length} tick labels`);
                  continue;
                }
                const centre = (b: DOMRect) => (axis === 'y' ? b.top + b.height / 2 : b.left + b.width / 2);
                const positions = labels.map((l) => centre(l.box)).sort((a, b) => a - b);
                const length = axis === 'y' ? frame.height : frame.width;
                const [low, high] =
                  axis === 'y' ? [dataBox.top, dataBox.bottom] : [dataBox.left, dataBox.right];
                const before = (positions[0] as number) - low;
                const after = high - (positions.at(-1) as number);
                for (const [end, stretch] of [
                  [axis === 'y' ? 'top' : 'left', before],
                  [axis === 'y' ? 'bottom' : 'right', after],
                ] as const) {
                  if (stretch > unlabelledEnd * length) {
                    found.push(
                      `${figure} ${axis}: data runs ${Math.round(stretch)} px (${Math.round((100 * stretch) / length)} % of the axis) past the ${end}most tick label (${axis === 'y' ? texts.join(' ') : texts.join(' ')})`,
                    );
                  }
                }
                const boxes = labels.map((l) => l.box).sort((a, b) => centre(a) - centre(b));
                for (let i = 1; i < boxes.length; i++) {
                  const a = boxes[i - 1] as DOMRect;
                  const b = boxes[i] as DOMRect;
                  const overlap = axis === 'y' ? a.bottom - b.top : a.right - b.left;
                  if (overlap > 1)
                    found.push(`${figure} ${axis}: tick labels overlap by ${overlap.toFixed(1)} px`);
                }
              }
            }
            return found;
          }, UNLABELLED_END);
          expect(problems).toEqual([]);
        } finally {
          await page.close();
        }
      },
    );
  }

  it.concurrent.each(reproductionPages)(
    '%s: no table repeats a column name or breaks a number',
    async (path) => {
      const page = await openReproduction(path, 1280);
      try {
        // A number wrapped over two lines ("1.4 / 3") reads as two numbers.
        const broken = await page.evaluate(() =>
          [...document.querySelectorAll('.bl-experiment td')]
            .filter((td) => /^[-+−]?[\d.,]+(e[-+]?\d+)?( ?%)?$/.test(td.textContent ?? ''))
            .filter((td) => {
              const range = document.createRange();
              range.selectNodeContents(td);
              return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
            })
            .map((td) => td.textContent),
        );
        expect(broken).toEqual([]);
        const repeated = await page.evaluate(() =>
          [...document.querySelectorAll('.vp-doc table')].flatMap((table) => {
            const names = [...(table.querySelector('tr')?.querySelectorAll('th') ?? [])].map((th) =>
              (th.textContent ?? '').trim(),
            );
            return names
              .filter((name, i) => names.indexOf(name) !== i)
              .map((name) => `${name} in ${names.join(' | ')}`);
          }),
        );
        expect(repeated).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  it('e2 says over which n range and λ grid each slope was fitted', async () => {
    const page = await openReproduction('e2.html', 1280);
    try {
      const tables = await page.evaluate(() =>
        [...document.querySelectorAll('.bl-experiment table')].map((table) => ({
          title: table.previousElementSibling?.textContent ?? '',
          columns: [...(table.querySelector('tr')?.querySelectorAll('th') ?? [])].map(
            (th) => th.textContent ?? '',
          ),
          rows: [...table.querySelectorAll('tr')]
            .slice(1)
            .map((tr) => [...tr.children].map((td) => td.textContent ?? '')),
        })),
      );
      const slopes = tables.find((t) => t.columns.some((c) => /slope/.test(c)));
      expect(slopes, 'a table of the slopes').toBeDefined();
      const range = slopes?.columns.indexOf('n range') ?? -1;
      const grid = slopes?.columns.indexOf('λ grid') ?? -1;
      expect(range).toBeGreaterThanOrEqual(0);
      expect(grid).toBeGreaterThanOrEqual(0);
      for (const row of slopes?.rows ?? []) {
        expect(row[range]).toMatch(/^n = \d+ → \d+$/);
        expect(row[grid]).toMatch(/λ/);
      }
      // The simulated and the large-n theory slopes cover different ranges, and the table shows it.
      expect(new Set(slopes?.rows.map((row) => row[range])).size).toBeGreaterThanOrEqual(2);
      // The per-n table mixes simulated and theory rows: its title says each one's n range.
      const perN = tables.find((t) => t.columns.includes('source') && t.columns.includes('G'));
      expect(perN?.title).toMatch(/simulation at n = \d+ → \d+.*theory at n = \d+ → \d+/);
      // Counts are printed exactly, not to 4 significant digits (n = 1 638 400, not 1638000).
      const nColumn = perN?.columns.indexOf('n') ?? -1;
      expect(perN?.rows.map((row) => row[nColumn])).toContain('1638400');
      // Every slope quoted in the verdicts names its range too.
      const evidence = (await page.locator('.vp-doc table').last().textContent()) ?? '';
      for (const match of evidence.matchAll(/[Ss]lope of G[^\d(]*/g)) expect(match[0]).toMatch(/over n = /);
    } finally {
      await page.close();
    }
  });
});
