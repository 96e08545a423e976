import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

const siteDir = fileURLToPath(new URL('../site', import.meta.url));
const scratchDir = fileURLToPath(new URL('../test-output/examples', import.meta.url));

/** Every fenced js/ts block of a page that is a complete program (it imports a package). */
function runnableBlocks(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/```(?:js|ts)\n([\s\S]*?)```/g)]
    .map((match) => match[1] as string)
    .filter((code) => /^import .* from '@benignlab\//m.test(code));
}

const pages = [
  join(siteDir, 'index.md'),
  ...readdirSync(join(siteDir, 'guides'))
    .filter((f) => f.endsWith('.md') && f !== 'cli.md')
    .map((f) => join(siteDir, 'guides', f)),
];
const examples = pages.flatMap((page) =>
  runnableBlocks(page).map((code, k) => ({
    name: `${page.slice(siteDir.length + 1).replace(/[\\/]/g, '_')}#${k}`,
    code,
  })),
);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the code examples of the guides run against the real packages', () => {
  it('finds an example in the introduction and in every package guide', () => {
    expect(examples.map((e) => e.name.split('#')[0])).toEqual(
      expect.arrayContaining([
        'index.md',
        'guides_linalg.md',
        'guides_data.md',
        'guides_linear-models.md',
        'guides_adversarial-risk.md',
        'guides_ntk.md',
        'guides_experiments.md',
      ]),
    );
  });

  it.each(examples)('$name', async ({ name, code }) => {
    mkdirSync(scratchDir, { recursive: true });
    const file = join(scratchDir, `${name.replace(/[^a-z0-9_-]/gi, '_')}.mjs`);
    writeFileSync(file, code);
    const printed: unknown[][] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(args);
    });
    await import(/* @vite-ignore */ pathToFileURL(file).href);
    expect(printed.length).toBeGreaterThan(0);
    for (const line of printed) {
      for (const value of line) {
        if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
      }
    }
  });
});
