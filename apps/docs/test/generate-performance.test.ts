import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findTables,
  generatePerformancePage,
  humanize,
  markdownTable,
  numpyRatioRows,
  renderBenchFile,
} from '../scripts/generate-performance.mjs';

const benchJson = {
  machine: '2 cores',
  command: 'pnpm bench',
  cases: [
    { case: 'gram 1000×8000', oursMs: 512.3456, numpyMs: 120.5, ratio: 4.2519, detail: { threads: 2 } },
    { case: 'symEig 1000', oursMs: 800, numpyMs: 400, ratio: 2 },
  ],
};

describe('the Performance page generator', () => {
  it('finds every table of rows in a bench JSON, wherever it is nested', () => {
    expect(findTables(benchJson)).toEqual([{ path: ['cases'], rows: benchJson.cases }]);
    expect(findTables({ a: { b: [{ x: 1 }] }, c: [1, 2] })).toEqual([{ path: ['a', 'b'], rows: [{ x: 1 }] }]);
  });

  it('renders scalar columns with 4 significant digits and skips nested objects', () => {
    const table = markdownTable(benchJson.cases);
    expect(table.split('\n')[0]).toBe('| case | ours ms | numpy ms | ratio |');
    expect(table).toContain('| gram 1000×8000 | 512.3 | 120.5 | 4.252 |');
    expect(table).toContain('| symEig 1000 | 800 | 400 | 2 |');
  });

  it('escapes markup that Vue would otherwise compile', () => {
    expect(renderBenchFile('x<y', { note: '{{ a }} <b>' })).toContain('x&lt;y');
    expect(renderBenchFile('x', { note: '{{ a }} <b>' })).toContain('&#123;&#123; a }} &lt;b&gt;');
  });

  it('lists packages without committed results instead of inventing numbers', () => {
    const root = mkdtempSync(join(tmpdir(), 'docs-perf-'));
    try {
      mkdirSync(join(root, 'packages/linalg/bench-results'), { recursive: true });
      writeFileSync(join(root, 'packages/linalg/bench-results/gram.json'), JSON.stringify(benchJson));
      const page = generatePerformancePage({
        workspaceRoot: root,
        packages: [
          { slug: 'linalg', folder: 'packages/linalg', name: '@benignlab/linalg' },
          { slug: 'data', folder: 'packages/data', name: '@benignlab/data' },
        ],
      });
      expect(page).toContain('## @benignlab/linalg');
      expect(page).toContain('### gram');
      expect(page).toContain('| symEig 1000 | 800 | 400 | 2 |');
      expect(page).toContain('No committed `bench-results/*.json` in: `@benignlab/data`.');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('nested bench layouts', () => {
  it('renders per-case tables nested in result rows, titled by the case', () => {
    const json = {
      session: { node: 'v20', load: [1.5, 2], cpu: { model: 'EPYC' } },
      results: [
        { label: 'gram 1000×8000', size: [1000, 8000], rows: [{ implementation: 'numpy', ms: 12.5 }] },
      ],
    };
    expect(findTables(json).map((t) => t.path.join(' › '))).toEqual([
      'results',
      'results › gram 1000×8000 › rows',
    ]);
    const page = renderBenchFile('linalg', json);
    expect(page).toContain('- **session.node**: v20');
    expect(page).toContain('- **session.load**: 1.500, 2');
    expect(page).toContain('- **session.cpu.model**: EPYC');
    expect(page).toContain('| gram 1000×8000 | 1000, 8000 |');
    expect(page).toContain('| numpy | 12.50 |');
  });
});

describe('the Performance summary (#20.9)', () => {
  it('humanizes camelCase names', () => {
    expect(humanize('timeRatioOursOverNumpy')).toBe('time ratio ours over numpy');
    expect(humanize('peakRssMiB')).toBe('peak rss MiB');
  });

  it('collects benignlab ÷ numpy time ratios with the processor, never numpy against itself', () => {
    const json = {
      session: { cpu: 'AMD EPYC 7B13' },
      results: [
        {
          label: 'gram 1000×8000',
          rows: [
            { implementation: 'numpy', threads: 2, ratioToNumpy: 1 },
            { implementation: 'wasm-simd', threads: 1, ratioToNumpy: 3.5 },
            { implementation: 'wasm-simd', threads: 2, ratioToNumpy: 2, numpySolveOverNumpyEigh: 9 },
          ],
        },
      ],
    };
    expect(numpyRatioRows('@benignlab/linalg', 'linalg', json)).toEqual([
      expect.objectContaining({
        case: 'gram 1000×8000, wasm-simd, 1 thread',
        ratio: 3.5,
        processor: 'AMD EPYC 7B13',
      }),
      expect.objectContaining({
        case: 'gram 1000×8000, wasm-simd, 2 threads',
        ratio: 2,
        measure: 'ratio to numpy',
      }),
    ]);
  });
});
