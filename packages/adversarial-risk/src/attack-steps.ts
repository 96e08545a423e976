import type { Rng } from '@benignlab/data';
import { lqNormValue } from './norms.js';

/**
 * Row-wise kernels of the attacks ([Theory §3](https://benignlab.github.io/theory.html#section-3)), on row-major m×d buffers. The
 * ascent direction of the loss `(f(x + δ) − f*(x))²` in δ is `2(f − f*)∇f`; only its
 * direction matters for the normalized steps below, so the factor 2 is dropped, and
 * where `f = f*` exactly (the loss is flat to first order) the direction falls back to
 * `∇f`, along which the loss grows fastest at second order.
 */

/** Adds one ascent step to every row of `delta` and projects back onto the α-ball. */
export function ascentStep(
  delta: Float64Array,
  gradient: Float64Array,
  residual: Float64Array,
  d: number,
  stepSize: number,
  alpha: number,
  infinityNorm: boolean,
): void {
  const m = residual.length;
  for (let i = 0; i < m; i++) {
    const offset = i * d;
    const r = residual[i] as number;
    const sign = r > 0 ? 1 : r < 0 ? -1 : 1;
    if (infinityNorm) {
      for (let j = 0; j < d; j++) {
        const g = sign * (gradient[offset + j] as number);
        const moved = (delta[offset + j] as number) + (g > 0 ? stepSize : g < 0 ? -stepSize : 0);
        delta[offset + j] = Math.min(alpha, Math.max(-alpha, moved));
      }
      continue;
    }
    let gradientSquared = 0;
    for (let j = 0; j < d; j++) {
      const g = gradient[offset + j] as number;
      gradientSquared += g * g;
    }
    if (gradientSquared === 0) continue;
    // The plain sum overflows only for |g| beyond ~1e154; then take the scaled norm.
    const gradientNorm = Number.isFinite(gradientSquared)
      ? Math.sqrt(gradientSquared)
      : lqNormValue(gradient.subarray(offset, offset + d), 2);
    const scale = (sign * stepSize) / gradientNorm;
    let squared = 0;
    for (let j = 0; j < d; j++) {
      const moved = (delta[offset + j] as number) + scale * (gradient[offset + j] as number);
      delta[offset + j] = moved;
      squared += moved * moved;
    }
    const length = Math.sqrt(squared);
    if (length > alpha) {
      const shrink = alpha / length;
      for (let j = 0; j < d; j++) delta[offset + j] = (delta[offset + j] as number) * shrink;
    }
  }
}

/** Overwrites `delta` with independent uniform draws from the α-ball, one per row. */
export function randomStart(
  delta: Float64Array,
  m: number,
  d: number,
  alpha: number,
  infinityNorm: boolean,
  rng: Rng,
): void {
  if (infinityNorm) {
    rng.fillUniform(delta, -alpha, alpha);
    return;
  }
  rng.fillNormal(delta);
  for (let i = 0; i < m; i++) {
    const offset = i * d;
    const length = lqNormValue(delta.subarray(offset, offset + d), 2);
    // Radius α·U^{1/d} makes the point uniform in the ball, not just on the sphere.
    const radius = alpha * rng.nextDouble() ** (1 / d);
    const scale = length > 0 ? radius / length : 0;
    for (let j = 0; j < d; j++) delta[offset + j] = (delta[offset + j] as number) * scale;
  }
}

/** `out ← X + delta`, entry-wise. */
export function addInto(out: Float64Array, X: Float64Array, delta: Float64Array): void {
  for (let k = 0; k < out.length; k++) out[k] = (X[k] as number) + (delta[k] as number);
}
