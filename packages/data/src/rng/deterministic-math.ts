/**
 * Natural logarithm and exponential with the same bits on every JavaScript engine.
 *
 * `Math.log` and `Math.exp` are only required to be "implementation-approximated", so
 * engines may differ in the last bit. These are straight ports of fdlibm's
 * `__ieee754_log` and `__ieee754_exp` (Sun Microsystems, 1993; the algorithms V8 also
 * uses) built from IEEE-754 `+ − × ÷` only, which every engine rounds identically. The
 * normal sampler calls them on its rare slow paths, so a seed yields the same normals
 * in Node, Chrome, Firefox and Safari.
 */

const words = new Float64Array(1);
const halves = new Int32Array(words.buffer);
// Typed arrays use the platform's byte order; find which half holds the exponent.
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW = 1 - HIGH;

function highWord(x: number): number {
  words[0] = x;
  return halves[HIGH] as number;
}

function lowWord(x: number): number {
  words[0] = x;
  return halves[LOW] as number;
}

function withHighWord(x: number, high: number): number {
  words[0] = x;
  halves[HIGH] = high;
  return words[0] as number;
}

const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const TWO54 = 18014398509481984;
const LG1 = 0.6666666666666735;
const LG2 = 0.3999999999940942;
const LG3 = 0.2857142874366239;
const LG4 = 0.22222198432149784;
const LG5 = 0.1818357216161805;
const LG6 = 0.15313837699209373;
const LG7 = 0.14798198605116586;

/**
 * `ln x`, bit-identical across engines (fdlibm `__ieee754_log`, error < 1 ulp). A drop-in
 * for `Math.log` with its IEEE special values (`ln 0 = −∞`, NaN for x < 0 or NaN) rather
 * than a thrown error: it sits on the normal sampler's hot path.
 *
 * @param x any number; x > 0 gives ln x, 0 gives −∞, x < 0 or NaN gives NaN
 * @example
 * ```ts
 * deterministicLog(Math.E); // 1
 * ```
 */
export function deterministicLog(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return Number.NEGATIVE_INFINITY;
    if (hx < 0) return Number.NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  // Normalize x into [sqrt(2)/2, sqrt(2)).
  x = withHighWord(x, hx | (i ^ 0x3ff00000));
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const r = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - r : k * LN2_HI - (r - k * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const dk = k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const r = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + r));
    return dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - r);
  return dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}

const O_THRESHOLD = 709.782712893384;
const U_THRESHOLD = -745.1332191019411;
const INV_LN2 = Math.LOG2E;
const TWO_M1000 = 9.332636185032189e-302;
const P1 = 0.16666666666666602;
const P2 = -0.0027777777777015593;
const P3 = 0.00006613756321437934;
const P4 = -0.0000016533902205465252;
const P5 = 4.1381367970572385e-8;

/**
 * `e^x`, bit-identical across engines (fdlibm `__ieee754_exp`, error < 1 ulp). A drop-in
 * for `Math.exp` with its IEEE special values (`e^{−∞} = 0`, overflow to `+∞`, NaN in, NaN
 * out) rather than a thrown error: it sits on the normal sampler's hot path.
 *
 * @param x any number; −∞ gives 0, large x overflows to +∞, NaN gives NaN
 * @example
 * ```ts
 * deterministicExp(0); // 1
 * ```
 */
export function deterministicExp(x: number): number {
  let hx = highWord(x);
  const negative = hx < 0;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x;
      return negative ? 0 : x;
    }
    if (x > O_THRESHOLD) return Number.POSITIVE_INFINITY;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) return withHighWord(y, (highWord(y) + (k << 20)) | 0);
  return withHighWord(y, (highWord(y) + ((k + 1000) << 20)) | 0) * TWO_M1000;
}
