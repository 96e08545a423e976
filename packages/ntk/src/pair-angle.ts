/**
 * The angle between two rows, the one non-linear ingredient of the ReLU NTK
 * ([Theory §5](https://benignlab.github.io/theory.html#section-5)): `c = u / (‖x‖‖x'‖)`, `φ = arccos c`.
 *
 * `arccos` has an infinite slope at c = ±1, so a cosine rounded by one ulp near ±1 gives
 * an angle off by ~1e-8 (and `√(1 − c²)` off by as much). For nearly parallel pairs
 * (1 − |c| < {@link NEAR_PARALLEL_COSINE_GAP}) the angle is recomputed from the chord
 * between the unit vectors, `φ = 2 asin(‖x̂ − x̂'‖ / 2)`, which is accurate to a few ulps
 * of φ itself. That costs O(d) per such pair, only for the (rare) near-parallel pairs.
 */

/** `1/(2π)`, the normalization of both arc-cosine kernels. */
export const INV_TWO_PI = 1 / (2 * Math.PI);

/** Below this `1 − |c|` the angle comes from the chord instead of `arccos`. */
export const NEAR_PARALLEL_COSINE_GAP = 1e-6;

/**
 * Reusable output of {@link pairAngle}: filled in place so hot loops do not allocate.
 * `cosine` is clamped to [-1, 1]; `sine = sin φ ≥ 0`.
 */
export class AngleScratch {
  angle = 0;
  cosine = 0;
  sine = 0;
}

/**
 * Fills `out` with the angle between row `a` (length `d`, from `aOffset`) and row `b`
 * (from `bOffset`), given their inner product `u` and their norms (both must be > 0).
 */
export function pairAngle(
  u: number,
  normA: number,
  normB: number,
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  d: number,
  out: AngleScratch,
): void {
  let c = u / (normA * normB);
  if (c > 1) c = 1;
  else if (c < -1) c = -1;
  out.cosine = c;
  if (1 - Math.abs(c) >= NEAR_PARALLEL_COSINE_GAP) {
    out.angle = Math.acos(c);
    // (1 − c)(1 + c) keeps the relative accuracy that 1 − c² loses near |c| = 1.
    out.sine = Math.sqrt((1 - c) * (1 + c));
    return;
  }
  // Chord between x̂ and ±x̂' (the sign that makes them nearly equal).
  const scaleA = 1 / normA;
  const scaleB = (c >= 0 ? 1 : -1) / normB;
  let chordSquared = 0;
  for (let k = 0; k < d; k++) {
    const difference = a[aOffset + k] * scaleA - b[bOffset + k] * scaleB;
    chordSquared += difference * difference;
  }
  const halfChord = Math.min(1, Math.sqrt(chordSquared) / 2);
  const reducedAngle = 2 * Math.asin(halfChord);
  out.angle = c >= 0 ? reducedAngle : Math.PI - reducedAngle;
  out.sine = Math.sin(reducedAngle);
}

/** Euclidean norms of the rows of a row-major `rows × cols` buffer. */
export function rowNorms(data: Float64Array, rows: number, cols: number): Float64Array {
  const norms = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    let sum = 0;
    for (let k = 0; k < cols; k++) {
      const value = data[offset + k];
      sum += value * value;
    }
    norms[i] = Math.sqrt(sum);
  }
  return norms;
}
