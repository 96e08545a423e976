import { LinalgError } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { DataError, type DesignSpec, makeDesign, resolveDesignSpec } from '../src/index.js';

const spiked = { kind: 'spiked', p: 20, s: 2, tail: 0.1 } as const;

/** [bad spec, the field the error must name, a fragment of the message]. */
const BAD_SPECS: [unknown, string, RegExp][] = [
  [null, 'spec', /expected an object/],
  [{ covariance: spiked, extra: 1 }, 'spec.extra', /not a known field/],
  [{}, 'spec.covariance', /expected an object/],
  [{ covariance: { kind: 'diagonal', p: 3 } }, 'spec.covariance.kind', /'isotropic', 'spiked'/],
  [{ covariance: { kind: 'isotropic', p: 0 } }, 'spec.covariance.p', /integer from 1/],
  [{ covariance: { kind: 'isotropic', p: 2.5 } }, 'spec.covariance.p', /got 2.5/],
  [{ covariance: { kind: 'isotropic', p: '10' } }, 'spec.covariance.p', /got "10"/],
  [{ covariance: { kind: 'isotropic', p: 3, scale: -1 } }, 'spec.covariance.scale', /> 0/],
  [{ covariance: { kind: 'isotropic', p: 3, scale: Number.NaN } }, 'spec.covariance.scale', /finite/],
  [{ covariance: { kind: 'isotropic', p: 3, tail: 1 } }, 'spec.covariance.tail', /not a known field/],
  [{ covariance: { ...spiked, s: 21 } }, 'spec.covariance.s', /integer from 0 to 20/],
  [{ covariance: { ...spiked, tail: 0 } }, 'spec.covariance.tail', /> 0/],
  [{ covariance: { ...spiked, tail: 2 } }, 'spec.covariance.tail', /≤ 1/],
  [{ covariance: { ...spiked, tail: Number.POSITIVE_INFINITY } }, 'spec.covariance.tail', /finite/],
  [{ covariance: { ...spiked, spike: 0 } }, 'spec.covariance.spike', /> 0/],
  [{ covariance: { ...spiked, basis: 'haar' } }, 'spec.covariance.basis', /'identity', 'random'/],
  [{ covariance: { ...spiked, basis: 'random', basisSeed: -3 } }, 'spec.covariance.basisSeed', /seed/],
  [{ covariance: { kind: 'spikedScaled', n: 0, a: 1.5, b: 1, s: 5 } }, 'spec.covariance.n', /integer from 1/],
  [{ covariance: { kind: 'spikedScaled', n: 10, a: 0, b: 1, s: 5 } }, 'spec.covariance.a', /> 0/],
  [{ covariance: { kind: 'spikedScaled', n: 10, a: 30, b: 1, s: 5 } }, 'spec.covariance.a', /expected p ≤/],
  [{ covariance: { kind: 'spikedScaled', n: 10, a: 1.5, b: -1, s: 5 } }, 'spec.covariance.b', /≥ 0/],
  [
    { covariance: { kind: 'spikedScaled', n: 10, a: 1.5, b: 1, s: -1 } },
    'spec.covariance.s',
    /integer from 0/,
  ],
  [
    { covariance: { kind: 'spikedScaled', n: 10, a: 1.5, b: 1, s: 1, spike: 0.01 } },
    'spec.covariance.b',
    /larger than the spike/,
  ],
  [{ covariance: { kind: 'powerLaw', p: 5, a: -1 } }, 'spec.covariance.a', /≥ 0/],
  [{ covariance: { kind: 'powerLaw', p: 5 } }, 'spec.covariance.a', /got undefined/],
  [{ covariance: { kind: 'bartlett', p: 5, beta: -0.5 } }, 'spec.covariance.beta', /≥ 0/],
  [{ covariance: { kind: 'custom', eigenvalues: [] } }, 'spec.covariance.eigenvalues', /non-empty/],
  [{ covariance: { kind: 'custom', eigenvalues: [1, 0] } }, 'spec.covariance.eigenvalues', /entry 1 is 0/],
  [{ covariance: { kind: 'custom', eigenvalues: [1, 2] } }, 'spec.covariance.eigenvalues', /non-increasing/],
  [
    { covariance: { kind: 'custom', eigenvalues: [1, Number.NaN] } },
    'spec.covariance.eigenvalues',
    /entry 1 is NaN/,
  ],
  [{ covariance: spiked, features: 'laplace' }, 'spec.features', /'gaussian', 'rademacher', 'uniform'/],
  [{ covariance: spiked, thetaStar: 'spikes' }, 'spec.thetaStar', /expected an object/],
  [
    { covariance: spiked, thetaStar: { kind: 'dense' } },
    'spec.thetaStar.kind',
    /'spikes', 'sphere', 'custom'/,
  ],
  [{ covariance: spiked, thetaStar: { kind: 'spikes', norm: -1 } }, 'spec.thetaStar.norm', /≥ 0/],
  [
    { covariance: spiked, thetaStar: { kind: 'spikes', count: 0 } },
    'spec.thetaStar.count',
    /integer from 1 to 20/,
  ],
  [
    { covariance: spiked, thetaStar: { kind: 'spikes', seed: 1 } },
    'spec.thetaStar.seed',
    /not a known field/,
  ],
  [{ covariance: spiked, thetaStar: { kind: 'sphere', seed: 0.5 } }, 'spec.thetaStar.seed', /seed/],
  [
    { covariance: spiked, thetaStar: { kind: 'custom', values: [1, 2] } },
    'spec.thetaStar.values',
    /length 2; expected p = 20/,
  ],
  [
    {
      covariance: spiked,
      thetaStar: { kind: 'custom', values: new Array(20).fill(0), coordinates: 'polar' },
    },
    'spec.thetaStar.coordinates',
    /'eigen', 'ambient'/,
  ],
  [{ covariance: spiked, noise: { sigma: -0.1 } }, 'spec.noise.sigma', /≥ 0/],
  [{ covariance: spiked, noise: {} }, 'spec.noise.sigma', /got undefined/],
  [{ covariance: spiked, noise: { sigma: 1, law: 'laplace' } }, 'spec.noise.law', /'gaussian', 'rademacher'/],
  [{ covariance: spiked, noise: { sigma: 1, variance: 1 } }, 'spec.noise.variance', /not a known field/],
  [{ covariance: spiked, target: { kind: 'quadratic' } }, 'spec.target.kind', /'linear', 'singleIndex'/],
  [{ covariance: spiked, target: { kind: 'singleIndex', link: 'relu' } }, 'spec.target.link', /'tanh'/],
  [{ covariance: spiked, target: { kind: 'linear', link: 'tanh' } }, 'spec.target.link', /not a known field/],
];

describe('every bad spec field raises a DataError naming it', () => {
  it.each(BAD_SPECS)('%j → %s', (spec, argument, message) => {
    let caught: unknown;
    try {
      makeDesign(spec as DesignSpec);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataError);
    expect(caught).toBeInstanceOf(LinalgError);
    expect((caught as DataError).argument).toBe(argument);
    expect((caught as DataError).message).toMatch(message);
  });

  it('sample sizes and seeds are checked too', () => {
    const design = makeDesign({ covariance: spiked });
    expect(() => design.sample(0, 1)).toThrow(/^n: got 0/);
    expect(() => design.sample(3.5, 1)).toThrow(/^n: /);
    expect(() => design.testSample(-2, 1)).toThrow(/^m: /);
    expect(() => design.sample(3, -1)).toThrow(/^seed: /);
    expect(() => design.evaluateTarget({} as never)).toThrow(/^X: /);
  });

  it('the resolved spec is plain JSON with every default filled in', () => {
    const resolved = resolveDesignSpec({ covariance: { kind: 'spiked', p: 20, s: 2, tail: 0.1 } });
    expect(resolved).toEqual({
      covariance: { kind: 'spiked', p: 20, s: 2, tail: 0.1, spike: 1, basis: 'identity', basisSeed: 0 },
      features: 'gaussian',
      thetaStar: { kind: 'spikes', norm: 1, count: 2 },
      noise: { law: 'gaussian', sigma: 0.5 },
      target: { kind: 'linear' },
    });
    expect(JSON.parse(JSON.stringify(resolved))).toEqual(resolved);
    expect(makeDesign(JSON.parse(JSON.stringify(resolved))).eigenvalues).toEqual(
      makeDesign(resolved).eigenvalues,
    );
  });
});
