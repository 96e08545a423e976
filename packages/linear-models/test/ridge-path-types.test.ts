import { Matrix } from '@benignlab/linalg';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type RidgePath, ridgePath } from '../src/index.js';

const X = Matrix.fromRows([
  [1, 0, 2],
  [0, 1, -1],
]);
const y = Float64Array.of(1, -1);
const thetaStar = Float64Array.of(1, 0, 0);
const covariance = { eigenvalues: Float64Array.of(1, 1, 1) };

describe('ridgePath types follow what was given', () => {
  it('carries standardRisk when θ* and Σ were passed', () => {
    const path = ridgePath(X, y, { thetaStar, covariance });
    expectTypeOf(path).toEqualTypeOf<RidgePath<true>>();
    const sweep = path.sweep([0, 0.1]);
    expectTypeOf(sweep.standardRisk).toEqualTypeOf<Float64Array>();
    expect(sweep.standardRisk).toHaveLength(2);
    expectTypeOf(path.summary(0.1).standardRisk).toEqualTypeOf<number>();
    expect(path.summary(0.1).standardRisk).toBeGreaterThan(0);
  });

  it('keeps standardRisk optional without them, and l1Norm present only when asked for', () => {
    const path = ridgePath(X, y);
    expectTypeOf(path.sweep([0]).standardRisk).toEqualTypeOf<Float64Array | undefined>();
    expect(path.sweep([0]).standardRisk).toBeUndefined();
    const withL1 = path.sweep([0, 1], { l1Norm: true });
    expectTypeOf(withL1.l1Norm).toEqualTypeOf<Float64Array>();
    expect(withL1.l1Norm).toHaveLength(2);
    expectTypeOf(path.summary(0).l1Norm).toEqualTypeOf<number | undefined>();
  });
});
