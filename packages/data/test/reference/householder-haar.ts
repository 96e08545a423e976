import { Matrix } from '@benignlab/linalg';
import { deriveSeed, type Seed } from '../../src/rng/seed.js';
import { createRng } from '../../src/rng/xoshiro256.js';

// The direct route the library's polar-factor sampler is tested against in distribution:
// Householder QR of a Gaussian matrix with the sign correction (Mezzadri, 2007), as the
// library computed it before (level-2 loops, ~50 s at p = 1840). `signCorrected: false`
// gives the biased matrix a wrong sampler would, to show the test can fail.

export function householderHaar(p: number, seed: Seed, signCorrected = true): Matrix {
  // columns[k * p + i] = G[i][k]: column k of G is row k of this buffer.
  const columns = new Float64Array(p * p);
  createRng(deriveSeed(seed, 'haar')).fillNormal(columns);
  const diagonalSigns = new Float64Array(p);
  const reflectorScales = new Float64Array(p);

  for (let k = 0; k < p; k++) {
    const base = k * p;
    let normSquared = 0;
    for (let i = k; i < p; i++) {
      const value = columns[base + i] as number;
      normSquared += value * value;
    }
    const head = columns[base + k] as number;
    const norm = Math.sqrt(normSquared);
    // R_kk = alpha; choosing alpha opposite to the head avoids cancellation in v.
    const alpha = head >= 0 ? -norm : norm;
    diagonalSigns[k] = alpha >= 0 ? 1 : -1;
    columns[base + k] = head - alpha;
    const vNormSquared = normSquared - head * head + (head - alpha) * (head - alpha);
    const scale = vNormSquared > 0 ? 2 / vNormSquared : 0;
    reflectorScales[k] = scale;
    if (scale === 0) continue;
    for (let j = k + 1; j < p; j++) reflect(columns, base, columns, j * p, k, p, scale);
  }

  // Q = H_0 H_1 ⋯ H_{p−1} I, accumulated backwards; qColumns[j * p + i] = Q[i][j].
  const qColumns = new Float64Array(p * p);
  for (let j = 0; j < p; j++) qColumns[j * p + j] = 1;
  for (let k = p - 1; k >= 0; k--) {
    const scale = reflectorScales[k] as number;
    if (scale === 0) continue;
    const base = k * p;
    for (let j = k; j < p; j++) reflect(columns, base, qColumns, j * p, k, p, scale);
  }

  const Q = new Matrix(p, p);
  const out = Q.data;
  for (let j = 0; j < p; j++) {
    const sign = signCorrected ? (diagonalSigns[j] as number) : 1;
    const source = j * p;
    for (let i = 0; i < p; i++) out[i * p + j] = sign * (qColumns[source + i] as number);
  }
  return Q;
}

/**
 * Applies the Householder reflector `H = I − scale·v vᵀ` to one column in place:
 * `x ← x − scale·(vᵀx)·v`, where v = `reflectors[vOffset + k .. vOffset + p)` and
 * x = `target[xOffset + k .. xOffset + p)` (entries above k are untouched by H_k).
 */
function reflect(
  reflectors: Float64Array,
  vOffset: number,
  target: Float64Array,
  xOffset: number,
  k: number,
  p: number,
  scale: number,
): void {
  let projection = 0;
  for (let i = k; i < p; i++)
    projection += (reflectors[vOffset + i] as number) * (target[xOffset + i] as number);
  const factor = scale * projection;
  for (let i = k; i < p; i++)
    target[xOffset + i] = (target[xOffset + i] as number) - factor * (reflectors[vOffset + i] as number);
}
