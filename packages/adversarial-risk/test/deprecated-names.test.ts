import type { FeatureLaw as DataFeatureLaw } from '@benignlab/data';
import type { Covariance as LinearModelsCovariance } from '@benignlab/linear-models';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type Covariance,
  type FeatureLaw,
  minNormNormLowerBound,
  minNormSquaredNormLowerBound,
  ridgeTheory,
  ridgeTheoryPath,
} from '../src/index.js';

// The names renamed for consistency (see the README's Names) keep working, with the
// same values as the new names; the shared types are the other packages' own.
describe('deprecated aliases equal the new names', () => {
  const model = { eigenvalues: [1, 0.5, 0.01, 0.01], thetaStar: [1, 0, 0, 0], sigma2: 0.25, n: 3 };

  it('ridgeTheory / ridgeTheoryPath: norm2 → normSquared', () => {
    const at = ridgeTheory({ ...model, lambda: 0.1 });
    expect(at.norm2).toBe(at.normSquared);
    const path = ridgeTheoryPath({ ...model, lambdas: [0, 0.1, 1] });
    expect(path.norm2).toEqual(path.normSquared);
    expect(path.normSquared[1]).toBe(at.normSquared);
  });

  it('minNormNormLowerBound → minNormSquaredNormLowerBound', () => {
    expect(minNormSquaredNormLowerBound([1, 1], 0.25, 100)).toBe(12.5);
    expect(minNormNormLowerBound(Float64Array.of(1, 1), 0.25, 100)).toBe(12.5);
    expect(minNormNormLowerBound([2, 0.5], 1, 7)).toBe(minNormSquaredNormLowerBound([2, 0.5], 1, 7));
  });

  it('Covariance and FeatureLaw are the linear-models and data types', () => {
    expectTypeOf<Covariance>().toEqualTypeOf<LinearModelsCovariance>();
    expectTypeOf<FeatureLaw>().toEqualTypeOf<DataFeatureLaw>();
  });
});
