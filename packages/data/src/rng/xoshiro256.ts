import { describeValue } from '@benignlab/linalg';
import { DataError } from '../errors.js';
import { deterministicExp, deterministicLog } from './deterministic-math.js';
import { assertSeed, deriveSeed, type Seed, type StreamLabel } from './seed.js';
import { add64, fromSafeInteger, GOLDEN_GAMMA, mix64, type Uint64 } from './uint64.js';
import {
  ZIGGURAT_F,
  ZIGGURAT_INV_R,
  ZIGGURAT_K,
  ZIGGURAT_R,
  ZIGGURAT_W,
} from './ziggurat-tables.generated.js';

const TWO_32 = 4294967296;
const TWO_M32 = 2.3283064365386963e-10;
const TWO_20 = 1048576;
const TWO_21 = 2097152;
const TWO_M53 = 1.1102230246251565e-16;

/** Layer widths w[i] for i < 256 and −w[i − 256] above: index by the low 9 output bits. */
const SIGNED_WIDTHS = new Float64Array(512);
/** Acceptance thresholds, repeated for both signs. */
const SIGNED_THRESHOLDS = new Float64Array(512);
for (let i = 0; i < 256; i++) {
  SIGNED_WIDTHS[i] = ZIGGURAT_W[i] as number;
  SIGNED_WIDTHS[i + 256] = -(ZIGGURAT_W[i] as number);
  SIGNED_THRESHOLDS[i] = ZIGGURAT_K[i] as number;
  SIGNED_THRESHOLDS[i + 256] = ZIGGURAT_K[i] as number;
}

/** xoshiro256** jump polynomial: `jump()` advances the state by 2^128 draws. */
const JUMP_WORDS = [
  0x3cfd0aba, 0x180ec6d3, 0xf0c9392c, 0xd5a61266, 0xe03fc9aa, 0xa9582618, 0x29b1661c, 0x39abdc45,
];

function assertFloat64Array(name: string, value: unknown): Float64Array {
  if (!(value instanceof Float64Array)) {
    throw new DataError(name, `expected a Float64Array to fill, got ${describeValue(value)}`);
  }
  return value;
}

function assertFinite(name: string, value: unknown, minimum?: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || (minimum !== undefined && value < minimum)) {
    const expected = minimum === undefined ? 'a finite number' : `a finite number ≥ ${minimum}`;
    throw new DataError(name, `expected ${expected}, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * A seeded random number generator: xoshiro256** (Blackman & Vigna, 2018), period
 * 2^256 − 1, with 64-bit words held as pairs of 32-bit integers so the hot path needs
 * no BigInt. Standard normals come from a 256-layer ziggurat (Marsaglia & Tsang, 2000,
 * the same construction as numpy's `Generator.standard_normal`), whose rare slow paths
 * use engine-independent `log`/`exp`; uniforms carry 53 random bits. The same seed
 * gives bit-identical streams on every engine.
 *
 * Create one with {@link createRng}; derive independent named streams with
 * {@link Rng.split}.
 *
 * @example
 * ```ts
 * const rng = createRng(42);
 * const z = rng.fillNormal(new Float64Array(1000)); // 1000 N(0, 1) draws
 * const noise = rng.split('noise').normal();
 * ```
 */
export class Rng {
  /** The seed this generator was created from; `split` derives children from it. */
  readonly seed: Seed;
  private s0h = 0;
  private s0l = 0;
  private s1h = 0;
  private s1l = 0;
  private s2h = 0;
  private s2l = 0;
  private s3h = 0;
  private s3l = 0;
  private outHi = 0;
  private outLo = 0;

  /**
   * Prefer {@link createRng}. Seeds the 256-bit state with four SplitMix64 outputs.
   * @param seed an integer from 0 to 2^53 − 1; the same seed gives the same stream on every engine
   */
  constructor(seed: Seed) {
    this.seed = assertSeed('seed', seed);
    let x: Uint64 = fromSafeInteger(seed);
    const words: number[] = [];
    for (let k = 0; k < 4; k++) {
      x = add64(x, GOLDEN_GAMMA);
      const z = mix64(x);
      words.push(z.hi, z.lo);
    }
    [this.s0h, this.s0l, this.s1h, this.s1l, this.s2h, this.s2l, this.s3h, this.s3l] = words as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
  }

  /** Advances one step; the 64-bit output lands in (outHi, outLo). */
  private advance(): void {
    const s1h = this.s1h;
    const s1l = this.s1l;
    // result = rotl(s1 · 5, 7) · 9, with the carries of the small multiplications.
    const m = (s1l >>> 0) * 5;
    const mh = (Math.imul(s1h, 5) + ((m * TWO_M32) | 0)) | 0;
    const ml = m | 0;
    const rh = (mh << 7) | (ml >>> 25);
    const rl = (ml << 7) | (mh >>> 25);
    const q = (rl >>> 0) * 9;
    this.outHi = (Math.imul(rh, 9) + ((q * TWO_M32) | 0)) | 0;
    this.outLo = q | 0;
    const th = (s1h << 17) | (s1l >>> 15);
    const tl = s1l << 17;
    const s2h = this.s2h ^ this.s0h;
    const s2l = this.s2l ^ this.s0l;
    const s3h = this.s3h ^ s1h;
    const s3l = this.s3l ^ s1l;
    this.s1h = s1h ^ s2h;
    this.s1l = s1l ^ s2l;
    this.s0h ^= s3h;
    this.s0l ^= s3l;
    this.s2h = s2h ^ th;
    this.s2l = s2l ^ tl;
    this.s3h = (s3l << 13) | (s3h >>> 19);
    this.s3l = (s3h << 13) | (s3l >>> 19);
  }

  /**
   * The next 64 random bits as two unsigned 32-bit words `[hi, lo]` (the raw
   * xoshiro256** output).
   *
   * @example
   * ```ts
   * const [hi, lo] = createRng(0).nextUint64Words(); // value = hi · 2^32 + lo
   * ```
   */
  nextUint64Words(): [number, number] {
    this.advance();
    return [this.outHi >>> 0, this.outLo >>> 0];
  }

  /**
   * The high 32 bits of the next output, as an unsigned integer in [0, 2^32).
   *
   * @example
   * ```ts
   * createRng(1).nextUint32(); // an integer in [0, 4294967296)
   * ```
   */
  nextUint32(): number {
    this.advance();
    return this.outHi >>> 0;
  }

  /**
   * A uniform double in [0, 1) with 53 random bits: `(x >>> 11) · 2^-53` for the next
   * 64-bit output x, so every multiple of 2^-53 is equally likely.
   *
   * @example
   * ```ts
   * const u = createRng(1).nextDouble(); // 0 ≤ u < 1
   * ```
   */
  nextDouble(): number {
    this.advance();
    return ((this.outHi >>> 0) * TWO_21 + (this.outLo >>> 11)) * TWO_M53;
  }

  /**
   * A uniform integer in [0, bound) without modulo bias (rejection on 32 bits).
   *
   * @param bound an integer from 1 to 2^32
   * @example
   * ```ts
   * const die = createRng(1).nextInt(6) + 1; // 1..6
   * ```
   */
  nextInt(bound: number): number {
    if (!Number.isInteger(bound) || bound < 1 || bound > TWO_32) {
      throw new DataError('bound', `expected an integer from 1 to 2^32, got ${describeValue(bound)}`);
    }
    const limit = TWO_32 - (TWO_32 % bound);
    for (;;) {
      const r = this.nextUint32();
      if (r < limit) return r % bound;
    }
  }

  /**
   * A Rademacher sign, −1 or +1 with probability 1/2 each (the top output bit).
   *
   * @example
   * ```ts
   * const sign = createRng(1).rademacher(); // −1 or 1
   * ```
   */
  rademacher(): number {
    this.advance();
    return this.outHi < 0 ? -1 : 1;
  }

  /**
   * A standard normal N(0, 1) draw (ziggurat; exact up to floating point).
   *
   * @example
   * ```ts
   * const z = createRng(1).normal();
   * ```
   */
  normal(): number {
    this.advance();
    const signedIndex = this.outLo & 0x1ff;
    const rabs = (this.outHi >>> 0) * TWO_20 + (this.outLo >>> 12);
    const x = rabs * (SIGNED_WIDTHS[signedIndex] as number);
    if (rabs < (SIGNED_THRESHOLDS[signedIndex] as number)) return x;
    return this.normalSlowPath(signedIndex & 0xff, x, signedIndex > 0xff);
  }

  /** Tail (layer 0) and wedge rejection of the ziggurat, about 1.2 % of draws. */
  private normalSlowPath(index: number, x: number, negative: boolean): number {
    if (index === 0) {
      for (;;) {
        // 1 − u is exact for u a multiple of 2^-53, so this is log1p(−u).
        const xx = -ZIGGURAT_INV_R * deterministicLog(1 - this.nextDouble());
        const yy = -deterministicLog(1 - this.nextDouble());
        if (yy + yy > xx * xx) return negative ? -(ZIGGURAT_R + xx) : ZIGGURAT_R + xx;
      }
    }
    const fLow = ZIGGURAT_F[index] as number;
    const fHigh = ZIGGURAT_F[index - 1] as number;
    if ((fHigh - fLow) * this.nextDouble() + fLow < deterministicExp(-0.5 * x * x)) return x;
    return this.normal();
  }

  /**
   * Fills `out` with independent N(mean, standardDeviation²) draws, in place, and
   * returns it. With the defaults it yields exactly the values of repeated
   * {@link Rng.normal} calls; the generator step is inlined, which makes it several
   * times faster.
   *
   * @param out the vector to overwrite (any length)
   * @param mean μ (default 0)
   * @param standardDeviation σ ≥ 0 (default 1)
   * @example
   * ```ts
   * const noise = createRng(3).fillNormal(new Float64Array(100), 0, 0.5); // N(0, 0.25)
   * ```
   */
  fillNormal(out: Float64Array, mean = 0, standardDeviation = 1): Float64Array {
    assertFloat64Array('out', out);
    assertFinite('mean', mean);
    assertFinite('standardDeviation', standardDeviation, 0);
    const scaled = mean !== 0 || standardDeviation !== 1;
    // Deliberate duplication: the xoshiro256** step of advance() is inlined here with the
    // state held in locals, because a method call plus sixteen field loads and stores per
    // draw makes this loop several times slower (bench/normals.mjs). Any change to
    // advance() must be mirrored here and in fillUniform; rng-distributions.test.ts pins all
    // three to the same stream bit for bit.
    let s0h = this.s0h;
    let s0l = this.s0l;
    let s1h = this.s1h;
    let s1l = this.s1l;
    let s2h = this.s2h;
    let s2l = this.s2l;
    let s3h = this.s3h;
    let s3l = this.s3l;
    const length = out.length;
    for (let i = 0; i < length; i++) {
      const m = (s1l >>> 0) * 5;
      const mh = (Math.imul(s1h, 5) + ((m * TWO_M32) | 0)) | 0;
      const ml = m | 0;
      const rh = (mh << 7) | (ml >>> 25);
      const rl = (ml << 7) | (mh >>> 25);
      const q = (rl >>> 0) * 9;
      const hi = (Math.imul(rh, 9) + ((q * TWO_M32) | 0)) | 0;
      const lo = q | 0;
      const th = (s1h << 17) | (s1l >>> 15);
      const tl = s1l << 17;
      s2h ^= s0h;
      s2l ^= s0l;
      s3h ^= s1h;
      s3l ^= s1l;
      s1h ^= s2h;
      s1l ^= s2l;
      s0h ^= s3h;
      s0l ^= s3l;
      s2h ^= th;
      s2l ^= tl;
      const rotatedHigh = (s3l << 13) | (s3h >>> 19);
      s3l = (s3h << 13) | (s3l >>> 19);
      s3h = rotatedHigh;

      // Bits 0-7 pick the layer and bit 8 the sign: one lookup in the signed table, no branch.
      const signedIndex = lo & 0x1ff;
      const rabs = (hi >>> 0) * TWO_20 + (lo >>> 12);
      let x = rabs * (SIGNED_WIDTHS[signedIndex] as number);
      if (rabs >= (SIGNED_THRESHOLDS[signedIndex] as number)) {
        const index = signedIndex & 0xff;
        // Rare: hand the state back, take the slow path, reload.
        this.s0h = s0h;
        this.s0l = s0l;
        this.s1h = s1h;
        this.s1l = s1l;
        this.s2h = s2h;
        this.s2l = s2l;
        this.s3h = s3h;
        this.s3l = s3l;
        x = this.normalSlowPath(index, x, signedIndex > 0xff);
        s0h = this.s0h;
        s0l = this.s0l;
        s1h = this.s1h;
        s1l = this.s1l;
        s2h = this.s2h;
        s2l = this.s2l;
        s3h = this.s3h;
        s3l = this.s3l;
      }
      out[i] = scaled ? mean + standardDeviation * x : x;
    }
    this.s0h = s0h;
    this.s0l = s0l;
    this.s1h = s1h;
    this.s1l = s1l;
    this.s2h = s2h;
    this.s2l = s2l;
    this.s3h = s3h;
    this.s3l = s3l;
    return out;
  }

  /**
   * Fills `out` with independent uniform draws on [low, high): `low + (high − low)·u`
   * with `u` exactly the values successive {@link Rng.nextDouble} calls would give.
   * Returns `out`.
   *
   * @param out the vector to fill (every entry is overwritten)
   * @param low lower end of the interval, inclusive (default 0)
   * @param high upper end of the interval, exclusive, > `low` (default 1)
   * @example
   * ```ts
   * const u = createRng(4).fillUniform(new Float64Array(10), -Math.sqrt(3), Math.sqrt(3));
   * ```
   */
  fillUniform(out: Float64Array, low = 0, high = 1): Float64Array {
    assertFloat64Array('out', out);
    assertFinite('low', low);
    assertFinite('high', high);
    if (!(high > low)) throw new DataError('high', `is ${high}, expected a number > low = ${low}`);
    const width = high - low;
    const unit = low === 0 && high === 1;
    // The generator step is inlined as in fillNormal, for the same speed reason (see there).
    let s0h = this.s0h;
    let s0l = this.s0l;
    let s1h = this.s1h;
    let s1l = this.s1l;
    let s2h = this.s2h;
    let s2l = this.s2l;
    let s3h = this.s3h;
    let s3l = this.s3l;
    const length = out.length;
    for (let i = 0; i < length; i++) {
      const m = (s1l >>> 0) * 5;
      const mh = (Math.imul(s1h, 5) + ((m * TWO_M32) | 0)) | 0;
      const ml = m | 0;
      const rh = (mh << 7) | (ml >>> 25);
      const rl = (ml << 7) | (mh >>> 25);
      const q = (rl >>> 0) * 9;
      const hi = (Math.imul(rh, 9) + ((q * TWO_M32) | 0)) | 0;
      const lo = q | 0;
      const th = (s1h << 17) | (s1l >>> 15);
      const tl = s1l << 17;
      s2h ^= s0h;
      s2l ^= s0l;
      s3h ^= s1h;
      s3l ^= s1l;
      s1h ^= s2h;
      s1l ^= s2l;
      s0h ^= s3h;
      s0l ^= s3l;
      s2h ^= th;
      s2l ^= tl;
      const rotatedHigh = (s3l << 13) | (s3h >>> 19);
      s3l = (s3h << 13) | (s3l >>> 19);
      s3h = rotatedHigh;
      const u = ((hi >>> 0) * TWO_21 + (lo >>> 11)) * TWO_M53;
      out[i] = unit ? u : low + width * u;
    }
    this.s0h = s0h;
    this.s0l = s0l;
    this.s1h = s1h;
    this.s1l = s1l;
    this.s2h = s2h;
    this.s2l = s2l;
    this.s3h = s3h;
    this.s3l = s3l;
    return out;
  }

  /**
   * Fills `out` with independent Rademacher signs (±1), using all 64 bits of each
   * output (low word first, least significant bit first). Returns `out`.
   *
   * @param out the vector to fill with ±1 (every entry is overwritten; 64 entries per 64-bit draw)
   * @example
   * ```ts
   * const signs = createRng(5).fillRademacher(new Float64Array(64)); // one 64-bit draw
   * ```
   */
  fillRademacher(out: Float64Array): Float64Array {
    assertFloat64Array('out', out);
    const length = out.length;
    for (let i = 0; i < length; i += 64) {
      this.advance();
      const end = Math.min(length, i + 64);
      let bits = this.outLo;
      for (let k = i; k < end; k++) {
        if (k - i === 32) bits = this.outHi;
        out[k] = bits & 1 ? 1 : -1;
        bits >>>= 1;
      }
    }
    return out;
  }

  /**
   * A uniformly random permutation of 0, …, n − 1 (Fisher–Yates with
   * {@link Rng.nextInt}).
   *
   * @param n length of the permutation, an integer from 0 to 2^31 − 1
   * @example
   * ```ts
   * const order = createRng(6).permutation(10); // Int32Array, a shuffle of 0..9
   * ```
   */
  permutation(n: number): Int32Array {
    if (!Number.isInteger(n) || n < 0 || n > 2 ** 31 - 1) {
      throw new DataError('n', `expected a non-negative integer below 2^31, got ${describeValue(n)}`);
    }
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const swap = order[i] as number;
      order[i] = order[j] as number;
      order[j] = swap;
    }
    return order;
  }

  /**
   * An independent generator for a named stream: `createRng(deriveSeed(this.seed, label))`.
   * It depends only on this generator's seed and the label, never on how many draws were
   * taken, so a stream stays put when other streams change (e.g. the test set does not
   * move when the training size n does).
   *
   * @param label the stream's name (e.g. `'train'`) or index (e.g. a repetition number)
   * @example
   * ```ts
   * const root = createRng(7);
   * const train = root.split('train');
   * const test = root.split('test');
   * ```
   */
  split(label: StreamLabel): Rng {
    return new Rng(deriveSeed(this.seed, label));
  }

  /**
   * Advances the state by 2^128 draws in place (the xoshiro256** jump polynomial), so
   * 2^128 non-overlapping subsequences can be taken from one seed.
   *
   * @example
   * ```ts
   * const worker = createRng(7);
   * worker.jump(); // now 2^128 draws ahead of createRng(7)
   * ```
   */
  jump(): void {
    let a0h = 0;
    let a0l = 0;
    let a1h = 0;
    let a1l = 0;
    let a2h = 0;
    let a2l = 0;
    let a3h = 0;
    let a3l = 0;
    for (let w = 0; w < 8; w++) {
      const word = JUMP_WORDS[w] as number;
      for (let b = 0; b < 32; b++) {
        if ((word >>> b) & 1) {
          a0h ^= this.s0h;
          a0l ^= this.s0l;
          a1h ^= this.s1h;
          a1l ^= this.s1l;
          a2h ^= this.s2h;
          a2l ^= this.s2l;
          a3h ^= this.s3h;
          a3l ^= this.s3l;
        }
        this.advance();
      }
    }
    this.s0h = a0h;
    this.s0l = a0l;
    this.s1h = a1h;
    this.s1l = a1l;
    this.s2h = a2h;
    this.s2l = a2l;
    this.s3h = a3h;
    this.s3l = a3l;
  }
}

/**
 * A new {@link Rng} from a seed (an integer in [0, 2^53)): xoshiro256** whose 256-bit
 * state is four SplitMix64 outputs of the seed. The same seed gives the same stream on
 * every engine.
 *
 * @param seed an integer in [0, 2^53); anything else throws a `DataError` naming `seed`
 * @example
 * ```ts
 * const rng = createRng(2024);
 * rng.nextDouble(); // in [0, 1)
 * rng.normal();     // N(0, 1)
 * ```
 */
export function createRng(seed: Seed): Rng {
  return new Rng(seed);
}
