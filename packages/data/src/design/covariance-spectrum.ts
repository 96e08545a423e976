import { type CovarianceSpec, ceilPower, resolveDesignSpec } from './spec.js';

/**
 * The eigenvalues `λ_1 ≥ λ_2 ≥ … ≥ λ_p > 0` of a covariance family ([Theory §1](https://benignlab.github.io/theory.html#section-1)),
 * sorted in non-increasing order:
 *
 * - isotropic: `λ_j = c`
 * - spiked: `λ_j = spike` (default 1) for `j ≤ s`, `λ_j = tail` for `j > s`
 * - spikedScaled: spiked with `p = ⌈n^a⌉ + s`, `tail = n^{-b}`
 * - powerLaw: `λ_j = j^{-a}`
 * - bartlett: `λ_j = j^{-1} · ln(j + 1)^{-β}`
 * - custom: as given
 *
 * The spec is validated first (a `DataError` names the bad field). The basis does not
 * matter here, so no Haar matrix is drawn: this is cheap even for huge p.
 *
 * @param covariance a covariance spec, e.g. `{ kind: 'powerLaw', p: 1000, a: 1.5 }`
 * @returns a new Float64Array of length p
 * @example
 * ```ts
 * covarianceEigenvalues({ kind: 'spiked', p: 6, s: 2, tail: 0.1 });
 * // Float64Array [1, 1, 0.1, 0.1, 0.1, 0.1]
 * ```
 */
export function covarianceEigenvalues(covariance: CovarianceSpec): Float64Array {
  const resolved = resolveDesignSpec({ covariance, thetaStar: { kind: 'sphere' } }).covariance;
  return spectrumOf(resolved);
}

/** Eigenvalues of an already validated covariance spec. */
export function spectrumOf(covariance: CovarianceSpec): Float64Array {
  switch (covariance.kind) {
    case 'isotropic':
      return new Float64Array(covariance.p).fill(covariance.scale ?? 1);
    case 'spiked':
      return spiked(covariance.p, covariance.s, covariance.spike ?? 1, covariance.tail);
    case 'spikedScaled':
      return spiked(
        ceilPower(covariance.n, covariance.a) + covariance.s,
        covariance.s,
        covariance.spike ?? 1,
        covariance.n ** -covariance.b,
      );
    case 'powerLaw': {
      const out = new Float64Array(covariance.p);
      for (let j = 1; j <= covariance.p; j++) out[j - 1] = j ** -covariance.a;
      return out;
    }
    case 'bartlett': {
      const out = new Float64Array(covariance.p);
      for (let j = 1; j <= covariance.p; j++) out[j - 1] = 1 / (j * Math.log(j + 1) ** covariance.beta);
      return out;
    }
    case 'custom':
      return Float64Array.from(covariance.eigenvalues);
  }
}

function spiked(p: number, s: number, spike: number, tail: number): Float64Array {
  const out = new Float64Array(p).fill(tail);
  out.fill(spike, 0, s);
  return out;
}
