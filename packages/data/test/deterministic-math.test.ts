import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, deterministicExp, deterministicLog } from '../src/index.js';

// V8 computes Math.log/Math.exp with the same fdlibm algorithms, so in Node the ports
// must agree bit for bit; in other engines they are what keeps streams identical.
describe('fdlibm ports', () => {
  it('deterministicLog equals V8 Math.log bit for bit on (0, 1] and wide ranges', () => {
    const rng = createRng(5);
    for (let i = 0; i < 100_000; i++) {
      const u = 1 - rng.nextDouble();
      expect(deterministicLog(u)).toBe(Math.log(u));
    }
    fc.assert(
      fc.property(fc.double({ min: 5e-324, max: 1.7e308, noNaN: true }), (x) => {
        expect(deterministicLog(x)).toBe(Math.log(x));
      }),
      { numRuns: 20_000 },
    );
  });

  it('deterministicExp equals V8 Math.exp bit for bit', () => {
    fc.assert(
      fc.property(fc.double({ min: -760, max: 720, noNaN: true }), (x) => {
        expect(deterministicExp(x)).toBe(Math.exp(x));
      }),
      { numRuns: 50_000 },
    );
    const rng = createRng(6);
    for (let i = 0; i < 50_000; i++) {
      const x = -0.5 * 13.4 * rng.nextDouble();
      expect(deterministicExp(x)).toBe(Math.exp(x));
    }
  });

  it('handles the special values', () => {
    expect(deterministicLog(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(deterministicLog(-1)).toBeNaN();
    expect(deterministicLog(1)).toBe(0);
    expect(deterministicLog(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(deterministicExp(0)).toBe(1);
    expect(deterministicExp(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(deterministicExp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(deterministicExp(1000)).toBe(Number.POSITIVE_INFINITY);
    expect(deterministicExp(Number.NaN)).toBeNaN();
  });
});
