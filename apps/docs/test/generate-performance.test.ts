import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  benchCharts,
  findTables,
  formatSeconds,
  generatePerformancePage,
  headlineRatioRows,
  humanize,
  isVariant,
  markdownTable,
  numpyRatioRows,
  renderBenchFile,
  scrollingTable,
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
      expect(page).toContain('### @benignlab/linalg');
      expect(page).toContain(
        '<summary><strong>gram</strong>: all settings and measurements (1 table)</summary>',
      );
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

describe('the Performance page’s headline (#20.9: a page read in a minute)', () => {
  it('tells variant runs (another runtime, load or size) from the headline files', () => {
    const titles = [
      'linalg',
      'linalg-gram-1000-Node-v24',
      'ridge-path',
      'ridge-path-n500-p5000',
      'web-threads',
    ];
    expect(titles.filter((t) => isVariant(t, titles))).toEqual([
      'linalg-gram-1000-Node-v24',
      'ridge-path-n500-p5000',
    ]);
  });

  it('keeps per case benignlab’s fastest configuration and ml-matrix beside it, one measure per case', () => {
    const json = {
      session: { cpu: 'AMD EPYC 7B13' },
      results: [
        {
          label: 'gram 1000×8000',
          rows: [
            { implementation: 'numpy', threads: 2, ratioToNumpy: 1 },
            { implementation: 'wasm-simd', threads: 1, ratioToNumpy: 3.5 },
            { implementation: 'wasm-fma', threads: 2, ratioToNumpy: 2 },
            { implementation: 'js', threads: 1, ratioToNumpy: 19 },
            { implementation: 'ml-matrix', threads: 1, ratioToNumpy: 139 },
          ],
        },
      ],
      rows: [{ operation: 'fill 1e7', timeRatioOursOverNumpy: 1.25, bestTimeRatioOursOverNumpy: 1.1 }],
    };
    const headline = headlineRatioRows(numpyRatioRows('@benignlab/linalg', 'linalg', json));
    expect(headline.map((h) => [h.case, h.ours.ratio, h.ours.configuration, h.mlMatrix?.ratio])).toEqual([
      ['gram 1000×8000', 2, 'wasm-fma, 2 threads', 139],
      ['fill 1e7', 1.25, '', undefined],
    ]);
  });

  it('opens the summary, four charts and nothing else; the rest is collapsed', () => {
    const root = mkdtempSync(join(tmpdir(), 'docs-perf-'));
    try {
      mkdirSync(join(root, 'packages/linalg/bench-results'), { recursive: true });
      const many = {
        results: Array.from({ length: 6 }, (_, k) => ({
          label: `case ${k}`,
          rows: [
            { implementation: 'numpy', threads: 1, medianSeconds: 1, ratioToNumpy: 1 },
            { implementation: 'wasm-simd', threads: 1, medianSeconds: 2, ratioToNumpy: 2 },
          ],
        })),
      };
      writeFileSync(join(root, 'packages/linalg/bench-results/linalg.json'), JSON.stringify(many));
      writeFileSync(join(root, 'packages/linalg/bench-results/linalg-node-v24.json'), JSON.stringify(many));
      const page = generatePerformancePage({
        workspaceRoot: root,
        packages: [{ slug: 'linalg', folder: 'packages/linalg', name: '@benignlab/linalg' }],
      });
      const outside = page.replace(/<details[\s\S]*?<\/details>/g, '');
      expect(outside.match(/<figure/g)).toHaveLength(4);
      expect(outside.match(/^\|---/gm)).toHaveLength(1);
      expect(page).toContain('<summary>8 more charts');
      // The headline rows come from linalg.json only; the variant's are in the full list.
      expect(outside.match(/^\| linalg \| case \d/gm)).toHaveLength(6);
      expect(page).toContain('Every ratio to numpy measured (12,');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the Performance charts (#20.9)', () => {
  const json = {
    results: [
      {
        label: 'gram 1000×8000',
        rows: [
          { implementation: 'numpy', threads: 2, medianSeconds: 0.08 },
          { implementation: 'numpy', threads: 1, medianSeconds: 0.14 },
          { implementation: 'wasm-fma', threads: 2, medianSeconds: 0.16 },
          { implementation: 'ml-matrix', threads: 1, medianSeconds: 10.7, extrapolated: true },
        ],
      },
      { label: 'matmul 1000', rows: [{ implementation: 'numpy', threads: 2, medianSeconds: 0.02 }] },
    ],
  };

  function bars(html: string) {
    return [
      ...html.matchAll(
        /data-family="([^"]+)" data-seconds="([^"]+)"><span class="bl-bar-label">([^<]+)<\/span>.*?width: ([\d.]+)%.*?bl-bar-value">([^<]+)</g,
      ),
    ].map(([, family, seconds, label, width, value]) => ({
      family,
      seconds: Number(seconds),
      label,
      width: Number(width),
      value,
    }));
  }

  it('draws one chart per case with a bar per implementation and thread count, longer for slower', () => {
    const html = benchCharts('linalg', json);
    // The one-row case has nothing to compare.
    expect(html.match(/<figure/g)).toHaveLength(1);
    expect(html).toContain('<strong>gram 1000×8000</strong> (linalg)');
    const drawn = bars(html);
    expect(drawn.map((b) => [b.family, b.label])).toEqual([
      ['numpy', 'numpy · 2 threads'],
      ['numpy', 'numpy · 1 thread'],
      ['benignlab', 'benignlab wasm-fma · 2 threads'],
      ['ml-matrix', 'ml-matrix · 1 thread'],
    ]);
    // Log scale: the slowest fills the track; widths follow log time.
    expect(drawn[3]?.width).toBe(100);
    for (const [a, b] of [
      [0, 1],
      [1, 2],
      [2, 3],
    ] as const)
      expect(drawn[a]?.width as number).toBeLessThan(drawn[b]?.width as number);
    const logRatio = (i: number, j: number) =>
      Math.log((drawn[i]?.seconds as number) / (drawn[j]?.seconds as number));
    expect(((drawn[2]?.width as number) - (drawn[0]?.width as number)) / 100).toBeCloseTo(
      logRatio(2, 0) / Math.log(10.7 / (0.08 / 3)),
      2,
    );
    expect(drawn.map((b) => b.value)).toEqual(['80 ms', '140 ms', '160 ms', '10.7 s (extrapolated)']);
    expect(html).toContain('bl-bar-ml-matrix bl-bar-extrapolated');
  });

  it('has no chart for files without implementation timings', () => {
    expect(benchCharts('x', benchJson)).toBe('');
  });

  it('formats times for readers', () => {
    expect(formatSeconds(0.0000123)).toBe('12.3 µs');
    expect(formatSeconds(0.07712)).toBe('77.1 ms');
    expect(formatSeconds(2.6644)).toBe('2.66 s');
  });

  it('puts the charts on the page and every raw table in a labelled scroll box', () => {
    const root = mkdtempSync(join(tmpdir(), 'docs-perf-'));
    try {
      mkdirSync(join(root, 'packages/linalg/bench-results'), { recursive: true });
      writeFileSync(join(root, 'packages/linalg/bench-results/linalg.json'), JSON.stringify(json));
      const page = generatePerformancePage({
        workspaceRoot: root,
        packages: [{ slug: 'linalg', folder: 'packages/linalg', name: '@benignlab/linalg' }],
      });
      expect(page).toContain('## Charts: benignlab, numpy and ml-matrix by size and threads');
      expect(page.indexOf('## Charts')).toBeLessThan(page.indexOf('### @benignlab/linalg'));
      const tables = page.match(/^\|.*\|$\n^\|---/gm) ?? [];
      const boxed = page.match(/<div class="bl-table-scroll"[^>]*>\n\n\|/g) ?? [];
      expect(tables.length).toBe(3);
      expect(boxed.length).toBe(tables.length);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('labels the scroll box for screen readers and escapes the label', () => {
    expect(scrollingTable('| a |\n|---|\n| 1 |', 'gram "big"')).toBe(
      '<div class="bl-table-scroll" tabindex="0" role="region" aria-label="gram &quot;big&quot; (scrolls sideways)">\n\n| a |\n|---|\n| 1 |\n\n</div>',
    );
  });
});
