import { DataError } from '../errors.js';
import { assertSeed } from '../rng/seed.js';
import {
  MAX_DIMENSION,
  requireInteger,
  requireKnownFields,
  requireNumber,
  requireNumberList,
  requireOneOf,
  requireRecord,
} from './validate-fields.js';

/** Eigenbasis of Σ: the identity (Σ diagonal) or a Haar-random orthogonal matrix. */
export type BasisKind = 'identity' | 'random';

interface BasisFields {
  /** `'identity'` (default, Σ diagonal) or `'random'` (Haar orthogonal eigenvectors). */
  basis?: BasisKind;
  /** Seed of the Haar basis when `basis: 'random'` (default 0). */
  basisSeed?: number;
}

/** `λ_j = scale` for all j. */
export interface IsotropicCovariance extends BasisFields {
  kind: 'isotropic';
  p: number;
  /** The common eigenvalue c > 0 (default 1). */
  scale?: number;
}

/** `λ_j = spike` for j ≤ s, `λ_j = tail` for j > s. */
export interface SpikedCovariance extends BasisFields {
  kind: 'spiked';
  p: number;
  s: number;
  tail: number;
  /** The spike eigenvalue (default 1, as in the [Theory page](https://benignlab.github.io/theory.html)); must be ≥ tail. */
  spike?: number;
}

/** Spiked with `p = ⌈n^a⌉ + s` and `tail = n^{-b}`: benign when a > 1 and a − 1 < b. */
export interface SpikedScaledCovariance extends BasisFields {
  kind: 'spikedScaled';
  n: number;
  a: number;
  b: number;
  s: number;
  /** The spike eigenvalue (default 1). */
  spike?: number;
}

/** `λ_j = j^{-a}`. */
export interface PowerLawCovariance extends BasisFields {
  kind: 'powerLaw';
  p: number;
  a: number;
}

/** `λ_j = j^{-1} · ln(j + 1)^{-β}`, truncated at p (benign for β > 1). */
export interface BartlettCovariance extends BasisFields {
  kind: 'bartlett';
  p: number;
  beta: number;
}

/** User-supplied eigenvalues, positive and non-increasing. */
export interface CustomCovariance extends BasisFields {
  kind: 'custom';
  eigenvalues: readonly number[] | Float64Array;
}

/** The covariance families of [Theory §1](https://benignlab.github.io/theory.html#section-1). */
export type CovarianceSpec =
  | IsotropicCovariance
  | SpikedCovariance
  | SpikedScaledCovariance
  | PowerLawCovariance
  | BartlettCovariance
  | CustomCovariance;

/** Law of the whitened coordinates z (all zero-mean, unit-variance). */
export type FeatureLaw = 'gaussian' | 'rademacher' | 'uniform';

/** The ground truth θ*. */
export type ThetaStarSpec =
  | {
      kind: 'spikes';
      /** ‖θ*‖₂ (default 1). */
      norm?: number;
      /** How many top eigendirections share the weight (default s for spiked Σ, else 1). */
      count?: number;
    }
  | {
      kind: 'sphere';
      /** ‖θ*‖₂ (default 1). */
      norm?: number;
      /** Seed of the direction (default 0). */
      seed?: number;
    }
  | {
      kind: 'custom';
      values: readonly number[] | Float64Array;
      /** Whether `values` are eigenbasis (default) or ambient coordinates. */
      coordinates?: 'eigen' | 'ambient';
    };

/** Label noise ε: mean 0, variance σ². */
export interface NoiseSpec {
  /** `'gaussian'` (default): ε ~ N(0, σ²); `'rademacher'`: ε = ±σ. */
  law?: 'gaussian' | 'rademacher';
  /** σ ≥ 0. */
  sigma: number;
}

/** f*(x) = ⟨x, θ*⟩ (linear) or tanh(⟨x, θ*⟩) (single index). */
export type TargetSpec = { kind: 'linear' } | { kind: 'singleIndex'; link: 'tanh' };

/**
 * A design as plain JSON ([Theory §1](https://benignlab.github.io/theory.html#section-1)). Only `covariance` is required; see
 * {@link resolveDesignSpec} for the defaults.
 */
export interface DesignSpec {
  covariance: CovarianceSpec;
  /** Default `'gaussian'`. */
  features?: FeatureLaw;
  /** Default `{ kind: 'spikes', norm: 1 }`. */
  thetaStar?: ThetaStarSpec;
  /** Default `{ law: 'gaussian', sigma: 0.5 }` (σ² = 0.25, the reference design of [Theory §7](https://benignlab.github.io/theory.html#section-7)). */
  noise?: NoiseSpec;
  /** Default `{ kind: 'linear' }`. */
  target?: TargetSpec;
}

/** A {@link DesignSpec} with every default filled in (still plain JSON). */
export interface ResolvedDesignSpec {
  covariance: CovarianceSpec & { basis: BasisKind; basisSeed: number };
  features: FeatureLaw;
  thetaStar: ThetaStarSpec;
  noise: Required<NoiseSpec>;
  target: TargetSpec;
}

const COVARIANCE_FIELDS: Record<CovarianceSpec['kind'], readonly string[]> = {
  isotropic: ['p', 'scale'],
  spiked: ['p', 's', 'tail', 'spike'],
  spikedScaled: ['n', 'a', 'b', 's', 'spike'],
  powerLaw: ['p', 'a'],
  bartlett: ['p', 'beta'],
  custom: ['eigenvalues'],
};

/**
 * `⌈n^a⌉`, snapping to the nearest integer when `n^a` is within rounding error of it (so
 * `n = 100, a = 1.5` gives 1000, not 1001 if pow were off by one ulp).
 */
export function ceilPower(n: number, a: number): number {
  const power = n ** a;
  const nearest = Math.round(power);
  return Math.abs(power - nearest) <= 1e-9 * Math.max(1, power) ? nearest : Math.ceil(power);
}

function resolveCovariance(value: unknown): ResolvedDesignSpec['covariance'] {
  const path = 'spec.covariance';
  const record = requireRecord(path, value);
  const kind = requireOneOf(
    `${path}.kind`,
    record.kind,
    Object.keys(COVARIANCE_FIELDS) as CovarianceSpec['kind'][],
  );
  requireKnownFields(path, record, ['kind', 'basis', 'basisSeed', ...COVARIANCE_FIELDS[kind]]);
  const basis =
    record.basis === undefined
      ? 'identity'
      : requireOneOf(`${path}.basis`, record.basis, ['identity', 'random']);
  const basisSeed = record.basisSeed === undefined ? 0 : assertSeed(`${path}.basisSeed`, record.basisSeed);
  const common = { basis, basisSeed } as const;
  switch (kind) {
    case 'isotropic':
      return {
        kind,
        p: requireInteger(`${path}.p`, record.p, 1),
        scale: record.scale === undefined ? 1 : requireNumber(`${path}.scale`, record.scale, { above: 0 }),
        ...common,
      };
    case 'spiked': {
      const p = requireInteger(`${path}.p`, record.p, 1);
      const s = requireInteger(`${path}.s`, record.s, 0, p);
      const spike =
        record.spike === undefined ? 1 : requireNumber(`${path}.spike`, record.spike, { above: 0 });
      const tail = requireNumber(`${path}.tail`, record.tail, {
        above: 0,
        atMost: spike,
        meaning:
          'the tail eigenvalue, positive and at most the spike, so the spikes are the top s directions',
      });
      return { kind, p, s, tail, spike, ...common };
    }
    case 'spikedScaled': {
      const n = requireInteger(`${path}.n`, record.n, 1);
      const a = requireNumber(`${path}.a`, record.a, { above: 0, meaning: 'p = ⌈n^a⌉ + s' });
      const b = requireNumber(`${path}.b`, record.b, { atLeast: 0, meaning: 'tail eigenvalue n^{-b} ≤ 1' });
      const s = requireInteger(`${path}.s`, record.s, 0);
      const spike =
        record.spike === undefined ? 1 : requireNumber(`${path}.spike`, record.spike, { above: 0 });
      const p = ceilPower(n, a) + s;
      if (!(p <= MAX_DIMENSION)) {
        throw new DataError(
          `${path}.a`,
          `got ${a}, which makes p = ⌈${n}^${a}⌉ + ${s} = ${p}; expected p ≤ ${MAX_DIMENSION}`,
        );
      }
      if (n ** -b > spike) {
        throw new DataError(
          `${path}.b`,
          `got ${b}, which makes the tail n^{-b} = ${n ** -b} larger than the spike ${spike}; expected tail ≤ spike`,
        );
      }
      return { kind, n, a, b, s, spike, ...common };
    }
    case 'powerLaw':
      return {
        kind,
        p: requireInteger(`${path}.p`, record.p, 1),
        a: requireNumber(`${path}.a`, record.a, { atLeast: 0, meaning: 'decay exponent of λ_j = j^{-a}' }),
        ...common,
      };
    case 'bartlett':
      return {
        kind,
        p: requireInteger(`${path}.p`, record.p, 1),
        beta: requireNumber(`${path}.beta`, record.beta, {
          atLeast: 0,
          meaning: 'exponent of λ_j = 1/(j ln(j+1)^β); benign for β > 1',
        }),
        ...common,
      };
    case 'custom': {
      const eigenvalues = requireNumberList(`${path}.eigenvalues`, record.eigenvalues);
      for (let j = 0; j < eigenvalues.length; j++) {
        const lambda = eigenvalues[j] as number;
        if (!(lambda > 0)) {
          throw new DataError(
            `${path}.eigenvalues`,
            `entry ${j} is ${lambda}; expected positive eigenvalues (Σ positive definite)`,
          );
        }
        if (j > 0 && lambda > (eigenvalues[j - 1] as number)) {
          throw new DataError(
            `${path}.eigenvalues`,
            `entry ${j} is ${lambda}, larger than entry ${j - 1} = ${eigenvalues[j - 1]}; expected eigenvalues in non-increasing order`,
          );
        }
      }
      if (eigenvalues.length > MAX_DIMENSION) {
        throw new DataError(
          `${path}.eigenvalues`,
          `has length ${eigenvalues.length}; expected at most ${MAX_DIMENSION}`,
        );
      }
      return { kind, eigenvalues: Array.from(eigenvalues), ...common };
    }
  }
}

/** The dimension p a (resolved) covariance spec describes. */
export function covarianceDimension(covariance: CovarianceSpec): number {
  switch (covariance.kind) {
    case 'spikedScaled':
      return ceilPower(covariance.n, covariance.a) + covariance.s;
    case 'custom':
      return covariance.eigenvalues.length;
    default:
      return covariance.p;
  }
}

function defaultSpikeCount(covariance: CovarianceSpec): number {
  if (covariance.kind === 'spiked' || covariance.kind === 'spikedScaled') return Math.max(1, covariance.s);
  return 1;
}

function resolveThetaStar(value: unknown, covariance: CovarianceSpec, p: number): ThetaStarSpec {
  const path = 'spec.thetaStar';
  if (value === undefined) return { kind: 'spikes', norm: 1, count: defaultSpikeCount(covariance) };
  const record = requireRecord(path, value);
  const kind = requireOneOf(`${path}.kind`, record.kind, ['spikes', 'sphere', 'custom']);
  switch (kind) {
    case 'spikes':
      requireKnownFields(path, record, ['kind', 'norm', 'count']);
      return {
        kind,
        norm: record.norm === undefined ? 1 : requireNumber(`${path}.norm`, record.norm, { atLeast: 0 }),
        count:
          record.count === undefined
            ? Math.min(defaultSpikeCount(covariance), p)
            : requireInteger(`${path}.count`, record.count, 1, p),
      };
    case 'sphere':
      requireKnownFields(path, record, ['kind', 'norm', 'seed']);
      return {
        kind,
        norm: record.norm === undefined ? 1 : requireNumber(`${path}.norm`, record.norm, { atLeast: 0 }),
        seed: record.seed === undefined ? 0 : assertSeed(`${path}.seed`, record.seed),
      };
    case 'custom': {
      requireKnownFields(path, record, ['kind', 'values', 'coordinates']);
      const values = requireNumberList(`${path}.values`, record.values);
      if (values.length !== p) {
        throw new DataError(`${path}.values`, `has length ${values.length}; expected p = ${p} entries`);
      }
      const coordinates =
        record.coordinates === undefined
          ? 'eigen'
          : requireOneOf(`${path}.coordinates`, record.coordinates, ['eigen', 'ambient']);
      return { kind, values: Array.from(values), coordinates };
    }
  }
}

function resolveNoise(value: unknown): Required<NoiseSpec> {
  const path = 'spec.noise';
  if (value === undefined) return { law: 'gaussian', sigma: 0.5 };
  const record = requireRecord(path, value);
  requireKnownFields(path, record, ['law', 'sigma']);
  return {
    law:
      record.law === undefined
        ? 'gaussian'
        : requireOneOf(`${path}.law`, record.law, ['gaussian', 'rademacher']),
    sigma: requireNumber(`${path}.sigma`, record.sigma, {
      atLeast: 0,
      meaning: 'noise standard deviation σ',
    }),
  };
}

function resolveTarget(value: unknown): TargetSpec {
  const path = 'spec.target';
  if (value === undefined) return { kind: 'linear' };
  const record = requireRecord(path, value);
  const kind = requireOneOf(`${path}.kind`, record.kind, ['linear', 'singleIndex']);
  if (kind === 'linear') {
    requireKnownFields(path, record, ['kind']);
    return { kind };
  }
  requireKnownFields(path, record, ['kind', 'link']);
  return { kind, link: requireOneOf(`${path}.link`, record.link, ['tanh']) };
}

/**
 * Validates a plain-JSON {@link DesignSpec} field by field and fills in the defaults:
 * features `'gaussian'`, θ* `{ kind: 'spikes', norm: 1 }` on the top s directions
 * (top 1 for non-spiked Σ), noise `{ law: 'gaussian', sigma: 0.5 }`, target linear,
 * basis `'identity'`, seeds 0. Throws a `DataError` naming the first bad field
 * (e.g. `spec.covariance.tail`), the value and what was expected.
 *
 * @param spec the design as plain JSON: `covariance` (required: `kind` and its sizes), and optional `features`, `thetaStar`, `noise`, `target`, `basis`, seeds — see {@link DesignSpec} for every field
 * @example
 * ```ts
 * resolveDesignSpec({ covariance: { kind: 'spiked', p: 2000, s: 5, tail: 0.005 } }).noise;
 * // { law: 'gaussian', sigma: 0.5 }
 * ```
 */
export function resolveDesignSpec(spec: DesignSpec): ResolvedDesignSpec {
  const record = requireRecord('spec', spec);
  requireKnownFields('spec', record, ['covariance', 'features', 'thetaStar', 'noise', 'target']);
  const covariance = resolveCovariance(record.covariance);
  const p = covarianceDimension(covariance);
  return {
    covariance,
    features:
      record.features === undefined
        ? 'gaussian'
        : requireOneOf('spec.features', record.features, ['gaussian', 'rademacher', 'uniform']),
    thetaStar: resolveThetaStar(record.thetaStar, covariance, p),
    noise: resolveNoise(record.noise),
    target: resolveTarget(record.target),
  };
}
