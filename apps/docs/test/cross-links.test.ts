import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const distDir = fileURLToPath(new URL('../dist', import.meta.url));

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'assets' ? [] : htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** Every link from a hand-written page to a function in the API reference. */
const apiLinks = htmlFiles(distDir)
  .filter((file) => !relative(distDir, file).startsWith('api'))
  .flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/href="\/api\/([a-z-]+)\.html#([A-Za-z0-9_]+)"/g)].map((m) => ({
      from: relative(distDir, file),
      page: m[1] as string,
      name: m[2] as string,
    })),
  );

describe('formula ↔ function cross-links', () => {
  it('link the Theory page to the functions that compute its formulas', () => {
    const fromTheory = new Set(apiLinks.filter((l) => l.from === 'theory.html').map((l) => l.name));
    for (const name of [
      'makeDesign',
      'effectiveRanks',
      'minNorm',
      'ridge',
      'ridgePath',
      'standardRisk',
      'adversarialRisk',
      'harmRatio',
      'ridgeTheory',
      'ridgeTheoryPath',
      'minNormNormLowerBound',
      'frontier',
      'ntkKernel',
      'ntkRegression',
      'estimateRisks',
    ]) {
      expect(fromTheory).toContain(name);
    }
  });

  it('every link lands on a documented export of the API reference', () => {
    const pages = new Map<string, string>();
    const unresolved = apiLinks.filter(({ page, name }) => {
      if (!pages.has(page)) pages.set(page, readFileSync(join(distDir, 'api', `${page}.html`), 'utf8'));
      return !pages.get(page)!.includes(`id="${name}"`);
    });
    expect(unresolved.map((l) => `${l.from} → ${l.page}#${l.name}`)).toEqual([]);
  });
});
