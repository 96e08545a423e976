import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from '../src/index.js';

const MASK = (1n << 64n) - 1n;
const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (64n - k))) & MASK;

/** An independent BigInt transcription of the reference C code (splitmix64 + xoshiro256**). */
function referenceXoshiro(seed: number) {
  let x = BigInt(seed);
  const splitmix = () => {
    x = (x + 0x9e3779b97f4a7c15n) & MASK;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
    return z ^ (z >> 31n);
  };
  const s = [splitmix(), splitmix(), splitmix(), splitmix()] as [bigint, bigint, bigint, bigint];
  const next = () => {
    const result = (rotl((s[1] * 5n) & MASK, 7n) * 9n) & MASK;
    const t = (s[1] << 17n) & MASK;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45n);
    return result;
  };
  const jump = () => {
    const J = [0x180ec6d33cfd0aban, 0xd5a61266f0c9392cn, 0xa9582618e03fc9aan, 0x39abdc4529b1661cn];
    const acc = [0n, 0n, 0n, 0n];
    for (const word of J) {
      for (let b = 0n; b < 64n; b++) {
        if ((word >> b) & 1n) for (let k = 0; k < 4; k++) acc[k]! ^= s[k]!;
        next();
      }
    }
    for (let k = 0; k < 4; k++) s[k] = acc[k]!;
  };
  return { next, jump };
}

const toBigInt = ([hi, lo]: [number, number]) => (BigInt(hi) << 32n) | BigInt(lo);

describe('xoshiro256** matches a BigInt transcription of the reference implementation', () => {
  it.each([0, 1, 42, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER])('raw 64-bit outputs for seed %d', (seed) => {
    const rng = createRng(seed);
    const reference = referenceXoshiro(seed);
    for (let i = 0; i < 2000; i++) expect(toBigInt(rng.nextUint64Words())).toBe(reference.next());
  });

  it('nextDouble is (x >> 11) · 2^-53 of the same stream', () => {
    const rng = createRng(9);
    const reference = referenceXoshiro(9);
    for (let i = 0; i < 1000; i++) expect(rng.nextDouble()).toBe(Number(reference.next() >> 11n) / 2 ** 53);
  });

  it('jump() applies the published jump polynomial', () => {
    const rng = createRng(123);
    const reference = referenceXoshiro(123);
    rng.nextDouble();
    reference.next();
    rng.jump();
    reference.jump();
    for (let i = 0; i < 100; i++) expect(toBigInt(rng.nextUint64Words())).toBe(reference.next());
  });

  it('seeds the state with SplitMix64 exactly as the authors recommend (first outputs pinned)', () => {
    // Pinned values: a regression guard for the whole seeding + output chain.
    const rng = createRng(0);
    const first = [rng.nextUint64Words(), rng.nextUint64Words()].map(toBigInt);
    const reference = referenceXoshiro(0);
    expect(first).toEqual([reference.next(), reference.next()]);
  });
});

describe('deriveSeed', () => {
  it('is deterministic, in range, and label-sensitive', () => {
    const a = deriveSeed(42, 'train');
    expect(deriveSeed(42, 'train')).toBe(a);
    expect(Number.isSafeInteger(a) && a >= 0).toBe(true);
    expect(deriveSeed(42, 'test')).not.toBe(a);
    expect(deriveSeed(43, 'train')).not.toBe(a);
    expect(deriveSeed(42, 1)).not.toBe(deriveSeed(42, '1'));
    expect(deriveSeed(42, 'ab', 'c')).not.toBe(deriveSeed(42, 'a', 'bc'));
  });

  it('rejects bad seeds and labels with the argument named', () => {
    expect(() => deriveSeed(-1, 'x')).toThrow(/seed: expected a seed/);
    expect(() => deriveSeed(1.5, 'x')).toThrow(/seed/);
    expect(() => deriveSeed(2 ** 53, 'x')).toThrow(/seed/);
    expect(() => deriveSeed(1, Number.NaN)).toThrow(/labels\[0\]/);
    expect(() => createRng(Number.NaN)).toThrow(/seed/);
  });
});
