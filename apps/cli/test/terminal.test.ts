import { describe, expect, it } from 'vitest';
import { formatDuration, ProgressBar } from '../src/terminal/progress.js';
import { styleFor } from '../src/terminal/style.js';
import { verdictTable } from '../src/terminal/verdict-table.js';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, columns: 120, chunks, write: (text: string) => chunks.push(text) };
}

describe('styleFor', () => {
  it('colours only a TTY, and never when NO_COLOR is set', () => {
    expect(styleFor({ isTTY: true }, {}).green('x')).toBe('\u001b[32mx\u001b[39m');
    expect(styleFor({ isTTY: true }, { NO_COLOR: '1' }).green('x')).toBe('x');
    expect(styleFor({ isTTY: false }, {}).green('x')).toBe('x');
    expect(styleFor({ isTTY: true }, { NO_COLOR: '' }).enabled).toBe(true);
  });
});

describe('ProgressBar', () => {
  const events = [
    { type: 'experiment-start', id: 'e1', cells: 2, cost: 100 },
    { type: 'cell-done', id: 'e1', key: 'a', done: 1, cells: 2, costDone: 25, cost: 100, ms: 5 },
    { type: 'cell-done', id: 'e1', key: 'b', done: 2, cells: 2, costDone: 100, cost: 100, ms: 5 },
    { type: 'experiment-done', id: 'e1', ms: 10 },
  ] as const;

  it('draws a bar with percentage and ETA on a TTY', () => {
    const stream = sink(true);
    const bar = new ProgressBar(stream, styleFor({ isTTY: false }, {}), performance.now() - 1000);
    for (const event of events) bar.update(event);
    bar.finish();
    const text = stream.chunks.join('');
    expect(text).toContain('100%');
    expect(text).toContain('ETA');
    expect(text).toContain('cells 2/2');
  });

  it('writes nothing when the stream is not a TTY', () => {
    const stream = sink(false);
    const bar = new ProgressBar(stream, styleFor(stream, {}));
    for (const event of events) bar.update(event);
    bar.finish();
    expect(stream.chunks).toEqual([]);
  });

  it('formats durations as m:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(75.4)).toBe('1:15');
    expect(formatDuration(Number.NaN)).toBe('–:––');
  });
});

describe('verdictTable', () => {
  const decidedBy = { name: 'slope of G', value: 0.21, comparison: '>' as const, threshold: 0.05 };
  it('lists each claim with its verdict and budget, shortened to the width, and the number that decided it', () => {
    const verdicts = [
      {
        claim: 'R falls',
        supported: true,
        budget: null,
        evidence: '',
        numbers: {},
        falsifiedBy: 'R rises.',
        decidedBy,
        truthAdversarialRisk: null,
      },
      {
        claim: 'x'.repeat(200),
        supported: false,
        budget: 'relative' as const,
        evidence: '',
        numbers: {},
        falsifiedBy: 'y',
        decidedBy: { ...decidedBy, name: 'z'.repeat(200) },
        truthAdversarialRisk: 0.25,
      },
    ];
    const lines = verdictTable([{ id: 'e1', verdicts }], styleFor({ isTTY: false }, {}), 80).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^e1 +✔ supported +— +R falls$/);
    expect(lines[2]).toMatch(/^ +decided by: slope of G = 0\.21 \(needs > 0\.05\)$/);
    expect(lines[3]).toMatch(/^e1 +✘ not support +relative +x+…$/);
    expect((lines[3] as string).length).toBeLessThanOrEqual(80);
    expect(lines[4]).toMatch(/^ +decided by: z+…$/);
    expect((lines[4] as string).length).toBeLessThanOrEqual(80);
  });
});
