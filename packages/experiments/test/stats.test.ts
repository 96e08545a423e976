import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregate,
  fmt,
  logGrid,
  logLogSlope,
  meanSe,
  type Row,
  ratioToFrontier,
  rowsToCsv,
} from '../src/index.js';

describe('meanSe', () => {
  it('matches hand-computed values', () => {
    const { mean, se, count } = meanSe([1, 2, 3, 4]);
    expect(mean).toBe(2.5);
    expect(se).toBeCloseTo(Math.sqrt(5 / 3 / 4), 14);
    expect(count).toBe(4);
    expect(meanSe([7])).toEqual({ mean: 7, se: 0, count: 1 });
    expect(Number.isNaN(meanSe([]).mean)).toBe(true);
  });
});

describe('logLogSlope', () => {
  it('recovers the exponent of any power law (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.uniqueArray(fc.integer({ min: 1, max: 100000 }), { minLength: 2, maxLength: 8 }),
        (exponent, scale, xs) => {
          const ys = xs.map((x) => scale * x ** exponent);
          expect(logLogSlope(xs, ys)).toBeCloseTo(exponent, 8);
        },
      ),
    );
  });

  it('is NaN when no slope is defined', () => {
    expect(logLogSlope([5], [1])).toBeNaN();
    expect(logLogSlope([5, 5], [1, 2])).toBeNaN();
  });
});

describe('aggregate', () => {
  it('groups by a setting in increasing order and skips non-finite values', () => {
    const rows: Row[] = [
      { n: 200, risk: 1 },
      { n: 100, risk: 2 },
      { n: 200, risk: 3 },
      { n: 100, risk: null },
      { n: 100, risk: 4, layers: 'first' },
    ];
    expect(aggregate(rows, 'n', 'risk').map((p) => [p.x, p.mean, p.count])).toEqual([
      [100, 3, 2],
      [200, 2, 2],
    ]);
    expect(aggregate(rows, 'n', 'risk', (r) => r.layers === 'first')).toEqual([
      { x: 100, mean: 4, se: 0, count: 1 },
    ]);
  });
});

describe('rowsToCsv', () => {
  it('writes a header with every column, quotes where needed, and empty fields for null', () => {
    expect(
      rowsToCsv([
        { a: 1, b: 'x,y' },
        { a: null, c: 'say "hi"' },
      ]),
    ).toBe('a,b,c\n1,"x,y",\n,,"say ""hi"""\n');
  });

  it('writes numbers that parse back to the same double (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const line = rowsToCsv([{ v: value }]).split('\n')[1] as string;
        expect(Object.is(Number(line), value === 0 ? 0 : value) || (value === 0 && Number(line) === 0)).toBe(
          true,
        );
      }),
    );
  });
});

describe('fmt', () => {
  it('prints three significant digits, exponents for tiny and huge values', () => {
    expect(fmt(0.012345)).toBe('0.0123');
    expect(fmt(41.234)).toBe('41.2');
    expect(fmt(0.00017)).toBe('1.70e-4');
    expect(fmt(25600)).toBe('2.56e+4');
    expect(fmt(Number.NaN)).toBe('n/a');
    expect(fmt(null)).toBe('n/a');
  });
});

describe('logGrid', () => {
  it('spans min to max log-evenly', () => {
    expect(logGrid(1e-4, 1, 5)).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
    expect(logGrid(2, 2, 1)).toEqual([2]);
  });

  it('a refined grid (count − 1)·4 + 1 contains the coarse grid (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-8, max: 1, noNaN: true }),
        fc.double({ min: 2, max: 1e4, noNaN: true }),
        fc.integer({ min: 2, max: 40 }),
        (min, factor, count) => {
          const coarse = logGrid(min, min * factor, count);
          const fine = logGrid(min, min * factor, (count - 1) * 4 + 1);
          coarse.forEach((value, k) => {
            expect(Math.abs((fine[4 * k] as number) - value)).toBeLessThanOrEqual(1e-9 * value);
          });
        },
      ),
    );
  });
});

describe('ratioToFrontier', () => {
  const frontier = [
    { standardRisk: 0.01, adversarialRisk: 1 },
    { standardRisk: 0.1, adversarialRisk: 0.1 },
  ];

  it('is 1 on the frontier, above 1 above it and below 1 below it', () => {
    expect(ratioToFrontier(frontier, 0.01, 1)).toBeCloseTo(1, 12);
    expect(ratioToFrontier(frontier, Math.sqrt(0.001), Math.sqrt(0.1))).toBeCloseTo(1, 12);
    expect(ratioToFrontier(frontier, Math.sqrt(0.001), 0.5)).toBeCloseTo(0.5 / Math.sqrt(0.1), 12);
    expect(ratioToFrontier(frontier, 1, 0.05)).toBeCloseTo(0.5, 12);
    expect(ratioToFrontier([], 1, 1)).toBeNaN();
  });
});
