import { seriesFigure } from '@benignlab/experiments';
import { describe, expect, it } from 'vitest';
import { MIN_FIGURE_WIDTH, narrowFigure } from '../src/reproduction/narrow-figure.ts';

const spec = seriesFigure({
  id: 'e1',
  title: 'Min-norm interpolation against n',
  caption: 'caption',
  x: { label: 'n', log: true },
  y: { label: 'risk', log: true },
  series: [
    {
      label: 'standard risk R',
      simulated: [{ x: 50, mean: 1, se: 0.1, count: 4 }],
      theory: [{ x: 50, y: 1 }],
    },
    { label: 'adversarial risk R_α', simulated: [{ x: 50, mean: 2, se: 0.1, count: 4 }] },
  ],
});

describe('experiment figures on a narrow column (#20.8)', () => {
  it('are unchanged when the column is as wide as the figure', () => {
    expect(narrowFigure(spec, 800)).toEqual({ spec, legend: [] });
    expect(narrowFigure(spec, 760).spec).toBe(spec);
  });

  it('are drawn at the column width with the legend moved out of the plot', () => {
    const { spec: narrow, legend } = narrowFigure(spec, 358);
    expect(narrow.options.width).toBe(358);
    expect(narrow.options.marginRight).toBeLessThanOrEqual(20);
    expect(legend).toEqual([
      { label: 'standard risk R', colour: expect.stringMatching(/^#/), kind: 'dot' },
      { label: 'adversarial risk R_α', colour: expect.stringMatching(/^#/), kind: 'dot' },
      { label: 'dots: simulation ± 1 s.e.', colour: '#888888', kind: 'dot' },
      { label: 'dashed: theory', colour: '#888888', kind: 'dash' },
    ]);
    // Legend marks and the title mark are gone; the data marks stay.
    const before = spec.options.marks?.length ?? 0;
    expect(narrow.options.marks).toHaveLength(before - 2 * legend.length - 1);
    expect(spec.options.width).toBe(760);
  });

  it('never go below the narrowest drawing width', () => {
    expect(narrowFigure(spec, 120).spec.options.width).toBe(MIN_FIGURE_WIDTH);
  });
});
