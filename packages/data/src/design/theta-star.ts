import { type Matrix, matvec, norm2 } from '@benignlab/linalg';
import { createRng } from '../rng/xoshiro256.js';
import type { ThetaStarSpec } from './spec.js';

/** θ* in both coordinate systems: `ambient = basis · eigen` (equal when Σ is diagonal). */
export interface ThetaStarCoordinates {
  eigen: Float64Array;
  ambient: Float64Array;
}

/**
 * Builds θ* from a validated spec. `spikes` puts `norm/√count` on each of the top
 * `count` eigendirections; `sphere` normalizes a Gaussian vector (uniform direction) to
 * length `norm`; `custom` takes the values in the coordinates the spec names.
 */
export function buildThetaStar(
  spec: ThetaStarSpec,
  p: number,
  basis: Matrix | undefined,
): ThetaStarCoordinates {
  let eigen: Float64Array;
  let ambient: Float64Array | undefined;
  switch (spec.kind) {
    case 'spikes': {
      const count = spec.count ?? 1;
      eigen = new Float64Array(p).fill((spec.norm ?? 1) / Math.sqrt(count), 0, count);
      break;
    }
    case 'sphere': {
      eigen = createRng(spec.seed ?? 0).fillNormal(new Float64Array(p));
      const length = norm2(eigen);
      const factor = length > 0 ? (spec.norm ?? 1) / length : 0;
      for (let j = 0; j < p; j++) eigen[j] = (eigen[j] as number) * factor;
      break;
    }
    case 'custom':
      if (spec.coordinates === 'ambient') {
        ambient = Float64Array.from(spec.values);
        eigen = basis === undefined ? ambient.slice() : matvec(basis, ambient, { transpose: true });
      } else {
        eigen = Float64Array.from(spec.values);
      }
      break;
  }
  if (ambient === undefined) ambient = basis === undefined ? eigen.slice() : matvec(basis, eigen);
  return { eigen, ambient };
}
