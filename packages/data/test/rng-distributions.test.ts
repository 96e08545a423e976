import { describe, expect, it } from 'vitest';
import { createRng } from '../src/index.js';

/** Standard normal CDF Φ, accurate to ~1e-12 (enough for a KS test at N = 4e5). */
function normalCdf(x: number): number {
  // erf by its Taylor series for |x| < 3, continued fraction beyond: accurate to ~1e-12.
  const z = Math.abs(x) / Math.SQRT2;
  let erf: number;
  if (z < 3) {
    let term = z;
    let sum = z;
    for (let k = 1; k < 200; k++) {
      term *= (-z * z) / k;
      sum += term / (2 * k + 1);
    }
    erf = (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    let fraction = 0;
    for (let k = 60; k >= 1; k--) fraction = k / 2 / (z + fraction);
    erf = 1 - Math.exp(-z * z) / Math.sqrt(Math.PI) / (z + fraction);
  }
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

describe('standard normals', () => {
  const N = 400_000;
  const draws = createRng(2024).fillNormal(new Float64Array(N));

  it('have mean 0, variance 1, skewness 0 and kurtosis 3 within 5 standard errors', () => {
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (const x of draws) {
      m1 += x;
      m2 += x * x;
      m3 += x * x * x;
      m4 += x * x * x * x;
    }
    m1 /= N;
    m2 /= N;
    m3 /= N;
    m4 /= N;
    // Standard errors of the raw moments of N(0,1): sqrt(Var(x^k)/N) with Var = E x^{2k} − (E x^k)².
    expect(Math.abs(m1)).toBeLessThan(5 * Math.sqrt(1 / N));
    expect(Math.abs(m2 - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
    expect(Math.abs(m3)).toBeLessThan(5 * Math.sqrt(15 / N));
    expect(Math.abs(m4 - 3)).toBeLessThan(5 * Math.sqrt(96 / N));
  });

  it('pass a Kolmogorov–Smirnov test against Φ (critical value at α = 1e-4)', () => {
    const sorted = Float64Array.from(draws).sort();
    let d = 0;
    for (let i = 0; i < N; i++) {
      const F = normalCdf(sorted[i] as number);
      d = Math.max(d, Math.abs(F - i / N), Math.abs((i + 1) / N - F));
    }
    // c(α) = sqrt(−ln(α/2)/2) ≈ 2.23 for α = 1e-4.
    expect(d).toBeLessThan(2.23 / Math.sqrt(N));
  });

  it('have the right tail mass beyond r = 3.654 (the ziggurat tail path)', () => {
    let beyond = 0;
    for (const x of draws) if (Math.abs(x) > 3.6541528853610088) beyond++;
    const expected = 2 * (1 - normalCdf(3.6541528853610088)) * N;
    expect(Math.abs(beyond - expected)).toBeLessThan(5 * Math.sqrt(expected) + 1);
  });

  it('fillNormal equals repeated normal() calls bit for bit, and mean/sd scale them', () => {
    const a = createRng(77);
    const b = createRng(77);
    const filled = a.fillNormal(new Float64Array(20_000));
    for (let i = 0; i < filled.length; i++)
      expect(Object.is(filled[i], b.normal()) || filled[i] === 0).toBe(true);
    const scaled = createRng(77).fillNormal(new Float64Array(100), 3, 2);
    for (let i = 0; i < 100; i++) expect(scaled[i]).toBeCloseTo(3 + 2 * (filled[i] as number), 12);
  });
});

describe('other draws', () => {
  it('nextDouble is uniform on [0, 1): mean 1/2, variance 1/12, all in range', () => {
    const rng = createRng(3);
    const N = 200_000;
    let sum = 0;
    let sumSquares = 0;
    let outOfRange = 0;
    for (let i = 0; i < N; i++) {
      const u = rng.nextDouble();
      if (!(u >= 0 && u < 1)) outOfRange++;
      sum += u;
      sumSquares += u * u;
    }
    expect(outOfRange).toBe(0);
    const mean = sum / N;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    expect(Math.abs(sumSquares / N - mean * mean - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / N));
  });

  it('fillRademacher gives ±1 with balanced signs and uncorrelated neighbours', () => {
    const N = 100_003;
    const signs = createRng(4).fillRademacher(new Float64Array(N));
    let sum = 0;
    let lag = 0;
    let notSign = 0;
    for (let i = 0; i < N; i++) {
      if (Math.abs(signs[i] as number) !== 1) notSign++;
      sum += signs[i] as number;
      if (i > 0) lag += (signs[i] as number) * (signs[i - 1] as number);
    }
    expect(notSign).toBe(0);
    expect(Math.abs(sum)).toBeLessThan(5 * Math.sqrt(N));
    expect(Math.abs(lag)).toBeLessThan(5 * Math.sqrt(N));
  });

  it('rademacher() and fillUniform cover their supports', () => {
    const rng = createRng(8);
    const seen = new Set<number>();
    for (let i = 0; i < 100; i++) seen.add(rng.rademacher());
    expect([...seen].sort()).toEqual([-1, 1]);
    const u = rng.fillUniform(new Float64Array(10_000), -2, 5);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...u)).toBeLessThan(5);
    expect(() => rng.fillUniform(new Float64Array(2), 1, 1)).toThrow(/high/);
  });

  it('nextInt is unbiased over a small range and permutation is a permutation', () => {
    const rng = createRng(10);
    const counts = new Float64Array(7);
    const N = 70_000;
    for (let i = 0; i < N; i++) counts[rng.nextInt(7)]++;
    let chiSquared = 0;
    for (const c of counts) chiSquared += (c - N / 7) ** 2 / (N / 7);
    expect(chiSquared).toBeLessThan(27.9); // χ²₆ at 1e-4
    const order = rng.permutation(1000);
    expect(Array.from(order).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(() => rng.nextInt(0)).toThrow(/bound/);
    expect(() => rng.permutation(-1)).toThrow(/n:/);
  });

  it('split streams depend on the label only, not on draws already taken', () => {
    const a = createRng(1);
    const b = createRng(1);
    b.fillNormal(new Float64Array(17));
    expect(a.split('test').nextDouble()).toBe(b.split('test').nextDouble());
    expect(a.split('test').nextDouble()).not.toBe(a.split('train').nextDouble());
  });

  it('different seeds give different streams; fill methods reject non-Float64Array', () => {
    expect(createRng(1).nextDouble()).not.toBe(createRng(2).nextDouble());
    expect(() => createRng(1).fillNormal([1, 2] as unknown as Float64Array)).toThrow(
      /out: expected a Float64Array/,
    );
    expect(() => createRng(1).fillNormal(new Float64Array(2), 0, -1)).toThrow(/standardDeviation/);
  });
});

describe('fill methods consume the stream like their scalar counterparts', () => {
  it('fillUniform(out) equals successive nextDouble() calls', () => {
    const a = createRng(31);
    const b = createRng(31);
    const filled = a.fillUniform(new Float64Array(5000));
    let mismatches = 0;
    for (let i = 0; i < filled.length; i++) if (filled[i] !== b.nextDouble()) mismatches++;
    expect(mismatches).toBe(0);
    expect(a.nextDouble()).toBe(b.nextDouble());
  });
});
