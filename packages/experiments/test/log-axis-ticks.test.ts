import { describe, expect, it } from 'vitest';
import { logAxisTicks, logTickLabel, seriesFigure } from '../src/figures/series-figure.js';

describe('logAxisTicks', () => {
  it('labels a range that ends between two integer mantissas (e7: 0.17–1.75 has a tick above 1)', () => {
    const ticks = logAxisTicks(0.17, 1.75, 200, 'y') as number[];
    expect(ticks).toEqual([0.2, 0.3, 0.5, 0.7, 1, 1.5]);
  });

  it('reaches both ends of a narrow x range (e4: n = 100–400 has a label at 400)', () => {
    const ticks = logAxisTicks(100, 400, 260, 'x') as number[];
    expect(ticks[0]).toBe(100);
    expect(ticks.at(-1)).toBe(400);
  });

  it('keeps labels apart: consecutive y ticks at least 14 px, x ticks at least their half-widths', () => {
    for (const [low, high] of [
      [1e-4, 100],
      [0.02, 30],
      [0.9, 1.3],
      [1, 1e6],
    ] as const) {
      for (const axis of ['x', 'y'] as const) {
        const pixels = axis === 'y' ? 200 : 260;
        const ticks = logAxisTicks(low, high, pixels, axis);
        if (!ticks) continue;
        const at = (t: number) => (Math.log10(t / low) / Math.log10(high / low)) * pixels;
        for (let i = 1; i < ticks.length; i++) {
          const gap = at(ticks[i] as number) - at(ticks[i - 1] as number);
          expect(gap).toBeGreaterThanOrEqual(axis === 'y' ? 14 : 20);
        }
        expect(ticks.every((t) => t >= low && t <= high)).toBe(true);
      }
    }
  });

  it('labels a narrow range finely (e4: G from 1.04 to 2.13 has labels at both ends)', () => {
    const ticks = logAxisTicks(1.04, 2.13, 200, 'y') as number[];
    expect(ticks[0]).toBe(1.1);
    expect(ticks.at(-1)).toBe(2);
  });

  it('takes every second power of ten when every power would collide, ending at the top one', () => {
    const ticks = logAxisTicks(50, 4e8, 260, 'x') as number[];
    expect(ticks.at(-1)).toBe(1e8);
    expect(ticks.map((t) => Math.log10(t))).toEqual([2, 4, 6, 8]);
  });

  it('prints labels like d3’s ~g', () => {
    expect([0.0001, 0.0003, 1.5, 1000, 123456, 1e6, 2.5e7, 1e-5].map(logTickLabel)).toEqual([
      '0.0001',
      '0.0003',
      '1.5',
      '1000',
      '123456',
      '1e+6',
      '2.5e+7',
      '1e-5',
    ]);
  });

  it('gives no ticks for a range it cannot label, and rejects non-positive ranges', () => {
    expect(logAxisTicks(1e-12, 1e12, 100, 'x')).toBeUndefined();
    expect(logAxisTicks(0, 1, 200, 'y')).toBeUndefined();
    expect(logAxisTicks(2, 1, 200, 'y')).toBeUndefined();
  });

  it('is what seriesFigure puts on its log axes', () => {
    const spec = seriesFigure({
      id: 't',
      title: 't',
      caption: 'c',
      x: { label: 'λ', log: true },
      y: { label: 'risk', log: true },
      series: [
        {
          label: 'R',
          simulated: [
            { x: 1e-4, mean: 0.2, se: 0.03, count: 4 },
            { x: 100, mean: 1.7, se: 0.05, count: 4 },
          ],
        },
      ],
    });
    // The scale's own axis is off; axis marks draw the chosen ticks, every one labelled.
    expect(spec.options.y).toMatchObject({ axis: null });
    const marks = (spec.options.marks ?? []).flat(2) as { ariaLabel?: string; data?: unknown }[];
    const yLabels = marks.find((mark) => mark.ariaLabel === 'y-axis tick label');
    expect(yLabels).toBeDefined();
    expect(((yLabels?.data ?? []) as number[]).at(-1)).toBeGreaterThan(1);
  });
});
