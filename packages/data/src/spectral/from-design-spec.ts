import { ceilPower, type DesignSpec, resolveDesignSpec } from '../design/spec.js';
import { DataError } from '../errors.js';
import { type SpikedTailDesign, spikedTailDesign } from './spiked-tail-design.js';

/**
 * The exact spectral/Gram samplers ({@link spikedTailDesign}) for a plain-JSON
 * {@link DesignSpec} that allows them: a `spiked` or `spikedScaled` covariance with the
 * identity basis, Gaussian features, Gaussian noise, a linear target, and θ* on the spikes
 * (`{ kind: 'spikes' }`, or `custom` eigen coordinates that are zero on the tail except at
 * most one tail coordinate, which becomes one more spike of variance τ). Anything else
 * throws a `DataError` naming the field and why the shortcut does not apply (use
 * `makeDesign`, the dense route, then).
 *
 * @param spec a plain-JSON design spec (as `makeDesign` takes); must use a `spiked`/`spikedScaled` covariance in the identity basis, Gaussian features and noise, a linear target and θ* on the spikes
 * @example
 * ```ts
 * const design = spikedTailDesignFromSpec({
 *   covariance: { kind: 'spikedScaled', n: 10000, a: 1.5, b: 1, s: 5 },
 * }); // p = 10⁶ + 5, never materialized
 * design.spectralSample(1000, 1).tailEigenvalues.length; // 1000
 * ```
 */
export function spikedTailDesignFromSpec(spec: DesignSpec): SpikedTailDesign {
  const resolved = resolveDesignSpec(spec);
  const { covariance } = resolved;
  if (covariance.kind !== 'spiked' && covariance.kind !== 'spikedScaled') {
    throw new DataError(
      'spec.covariance.kind',
      `got '${covariance.kind}'; the exact spectral samplers need 'spiked' or 'spikedScaled' (an isotropic tail)`,
    );
  }
  if (covariance.basis !== 'identity') {
    throw new DataError(
      'spec.covariance.basis',
      `got '${covariance.basis}'; the exact samplers need 'identity'`,
    );
  }
  if (resolved.features !== 'gaussian') {
    throw new DataError(
      'spec.features',
      `got '${resolved.features}'; the exact samplers need 'gaussian' (rotation invariance)`,
    );
  }
  if (resolved.noise.law !== 'gaussian') {
    throw new DataError('spec.noise.law', `got '${resolved.noise.law}'; the exact samplers need 'gaussian'`);
  }
  if (resolved.target.kind !== 'linear') {
    throw new DataError(
      'spec.target.kind',
      `got '${resolved.target.kind}'; the exact samplers need 'linear'`,
    );
  }
  const s = covariance.s;
  const p = covariance.kind === 'spiked' ? covariance.p : ceilPower(covariance.n, covariance.a) + s;
  const tail = covariance.kind === 'spiked' ? covariance.tail : covariance.n ** -covariance.b;
  const spike = covariance.spike ?? 1;
  const theta = resolved.thetaStar;
  const spikeVariances: number[] = Array.from({ length: s }, () => spike);
  let thetaSpikes: number[];
  let m = p - s;
  if (theta.kind === 'spikes') {
    const count = theta.count ?? 1;
    if (count > s) {
      throw new DataError(
        'spec.thetaStar.count',
        `got ${count}; the exact samplers need θ* on the s = ${s} spikes (count ≤ s)`,
      );
    }
    const weight = (theta.norm ?? 1) / Math.sqrt(count);
    thetaSpikes = spikeVariances.map((_, j) => (j < count ? weight : 0));
  } else if (theta.kind === 'custom' && theta.coordinates !== 'ambient') {
    const values = theta.values;
    thetaSpikes = Array.from(values.slice(0, s));
    const tailSupport: number[] = [];
    for (let j = s; j < values.length; j++) if (values[j] !== 0) tailSupport.push(j);
    if (tailSupport.length > 1) {
      throw new DataError(
        'spec.thetaStar.values',
        `θ* is nonzero at ${tailSupport.length} tail coordinates (${tailSupport.slice(0, 3).join(', ')}…); the exact samplers allow at most one (it becomes an extra spike)`,
      );
    }
    if (tailSupport.length === 1) {
      spikeVariances.push(tail);
      thetaSpikes.push(values[tailSupport[0] as number] as number);
      m -= 1;
    }
  } else {
    throw new DataError(
      'spec.thetaStar.kind',
      `got '${theta.kind}'${theta.kind === 'custom' ? ' in ambient coordinates' : ''}; the exact samplers need θ* on the spikes ('spikes' or 'custom' eigen coordinates)`,
    );
  }
  if (spikeVariances.length === 0) {
    throw new DataError(
      'spec.covariance.s',
      'is 0 and θ* has no tail coordinate; the exact samplers need s ≥ 1',
    );
  }
  if (m < 1) throw new DataError('spec.covariance.p', `leaves no tail coordinate (p = ${p}, s = ${s})`);
  return spikedTailDesign({
    spikeVariances,
    tailVariance: tail,
    tailDimension: m,
    thetaStar: thetaSpikes,
    sigma: resolved.noise.sigma,
  });
}
