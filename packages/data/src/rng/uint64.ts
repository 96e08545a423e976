/**
 * Unsigned 64-bit arithmetic on (hi, lo) pairs of 32-bit words, without BigInt.
 * Only seeding and seed derivation use these; the generator's hot path inlines its
 * own word operations.
 */

/** A 64-bit value as two 32-bit words (each stored as a signed int32). */
export interface Uint64 {
  hi: number;
  lo: number;
}

const TWO_32 = 4294967296;

/** `a + b mod 2^64`. */
export function add64(a: Uint64, b: Uint64): Uint64 {
  const loSum = (a.lo >>> 0) + (b.lo >>> 0);
  const carry = loSum >= TWO_32 ? 1 : 0;
  return { hi: (a.hi + b.hi + carry) | 0, lo: loSum | 0 };
}

/** `a xor b`. */
export function xor64(a: Uint64, b: Uint64): Uint64 {
  return { hi: a.hi ^ b.hi, lo: a.lo ^ b.lo };
}

/** `a >>> shift` for 0 < shift < 32. */
export function shiftRight64(a: Uint64, shift: number): Uint64 {
  return { hi: a.hi >>> shift, lo: (a.lo >>> shift) | (a.hi << (32 - shift)) };
}

/**
 * `a · b mod 2^64`. The low-word product is split into 16-bit halves so every
 * intermediate stays an exact double (< 2^53).
 */
export function mul64(a: Uint64, b: Uint64): Uint64 {
  const al = a.lo >>> 0;
  const bl = b.lo >>> 0;
  const a0 = al & 0xffff;
  const a1 = al >>> 16;
  const b0 = bl & 0xffff;
  const b1 = bl >>> 16;
  const middle = a0 * b1 + a1 * b0;
  const low = a0 * b0 + (middle % 65536) * 65536;
  const lo = low >>> 0;
  const carry = Math.floor(low / TWO_32);
  const highOfLow = a1 * b1 + Math.floor(middle / 65536) + carry;
  const hi = (highOfLow + Math.imul(a.hi, b.lo) + Math.imul(a.lo, b.hi)) | 0;
  return { hi, lo: lo | 0 };
}

/** The golden-ratio increment of SplitMix64, 0x9e3779b97f4a7c15. */
export const GOLDEN_GAMMA: Uint64 = { hi: 0x9e3779b9 | 0, lo: 0x7f4a7c15 };
const MIX_1: Uint64 = { hi: 0xbf58476d | 0, lo: 0x1ce4e5b9 };
const MIX_2: Uint64 = { hi: 0x94d049bb | 0, lo: 0x133111eb | 0 };

/** The SplitMix64 output function (Stafford's variant 13): a bijective 64-bit mixer. */
export function mix64(z: Uint64): Uint64 {
  let x = mul64(xor64(z, shiftRight64(z, 30)), MIX_1);
  x = mul64(xor64(x, shiftRight64(x, 27)), MIX_2);
  return xor64(x, shiftRight64(x, 31));
}

/** The 64-bit value of a safe non-negative integer. */
export function fromSafeInteger(value: number): Uint64 {
  return { hi: Math.floor(value / TWO_32) | 0, lo: (value % TWO_32) | 0 };
}

/** The low 53 bits as a safe integer. */
export function toSafeInteger53(value: Uint64): number {
  return (value.hi & 0x1fffff) * TWO_32 + (value.lo >>> 0);
}
