import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type E5Summary,
  type E7Config,
  ExperimentError,
  type ExperimentResult,
  findExperiment,
  getExperiment,
  isExperimentId,
  type runExperiment,
} from '../src/index.js';

describe('getExperiment keeps each experiment’s types', () => {
  it('gives the summary and config types of the id', () => {
    type E5Run = Awaited<ReturnType<typeof runExperiment<E7Config, E5Summary>>>;
    expectTypeOf<E5Run['result']>().toEqualTypeOf<ExperimentResult<E7Config, E5Summary>>();
    const e5 = getExperiment('e5');
    expectTypeOf(e5.summarize).returns.toEqualTypeOf<E5Summary>();
    expectTypeOf(getExperiment('e7').schema.digits).not.toBeUndefined();
    expect(e5.id).toBe('e5');
  });

  it('rejects unknown ids at compile time and at run time', () => {
    // @ts-expect-error 'e9' is not an experiment id
    expect(() => getExperiment('e9')).toThrow(ExperimentError);
    expect(() => findExperiment('e9')).toThrow(/unknown experiment "e9"; expected one of e1, e2/);
    expect(isExperimentId('e3')).toBe(true);
    expect(isExperimentId('toString')).toBe(false);
    expect(findExperiment('e2')).toBe(getExperiment('e2'));
  });
});
