import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedText,
  type ConfigSchema,
  defaultConfig,
  ExperimentError,
  experiments,
  getExperiment,
  planExperiment,
  resolveConfig,
  validateParam,
} from '../src/index.js';

type Toy = { ns: number[]; replicates: number; sigma: number; layers: string; verbose: boolean };

const toy: ConfigSchema<Toy> = {
  ns: {
    type: 'integerList',
    default: [50, 100],
    quick: [20],
    min: 10,
    max: 1000,
    increasing: true,
    description: 'n',
  },
  replicates: { type: 'integer', default: 8, quick: 2, min: 1, max: 100, description: 'draws' },
  sigma: { type: 'number', default: 0.5, min: 0, description: 'noise' },
  layers: { type: 'enum', default: 'both', values: ['first', 'both'], description: 'variant' },
  verbose: { type: 'boolean', default: false, description: 'chatty' },
};

function errorOf(run: () => unknown): ExperimentError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExperimentError) return error;
    throw error;
  }
  throw new Error('expected an ExperimentError');
}

describe('resolveConfig', () => {
  it('fills defaults, and quick sizes where the schema has them', () => {
    expect(resolveConfig('t', toy)).toEqual({
      ns: [50, 100],
      replicates: 8,
      sigma: 0.5,
      layers: 'both',
      verbose: false,
    });
    expect(resolveConfig('t', toy, {}, { quick: true })).toEqual({
      ns: [20],
      replicates: 2,
      sigma: 0.5,
      layers: 'both',
      verbose: false,
    });
  });

  it('applies overrides on top of the chosen sizes', () => {
    const config = resolveConfig('t', toy, { replicates: 3, layers: 'first' }, { quick: true });
    expect(config.replicates).toBe(3);
    expect(config.layers).toBe('first');
    expect(config.ns).toEqual([20]);
  });

  it('does not share list defaults between configs', () => {
    const a = defaultConfig(toy);
    a.ns.push(999);
    expect(defaultConfig(toy).ns).toEqual([50, 100]);
  });

  it('rejects an unknown key, naming it and every allowed key', () => {
    const error = errorOf(() => resolveConfig('e1', toy, { replicate: 3 }));
    expect(error.argument).toBe('e1.replicate');
    expect(error.message).toBe(
      'e1.replicate: unknown setting; expected one of ns, replicates, sigma, layers, verbose',
    );
  });

  it.each([
    ['replicates', 0, 'got 0; expected a integer in [1, 100]'],
    ['replicates', 2.5, 'got 2.5; expected a integer in [1, 100]'],
    ['replicates', '3', 'got "3"; expected a integer in [1, 100]'],
    ['sigma', Number.NaN, 'got NaN; expected a number ≥ 0'],
    ['sigma', Number.POSITIVE_INFINITY, 'got Infinity; expected a number ≥ 0'],
    ['sigma', -1, 'got -1; expected a number ≥ 0'],
    ['layers', 'second', 'got "second"; expected one of "first", "both"'],
    ['verbose', 1, 'got 1; expected true or false'],
    ['ns', [100, 50], 'got [100, 50]; expected a list of integers in [10, 1000], strictly increasing'],
    ['ns', [], 'got []; expected a list of integers in [10, 1000], strictly increasing'],
    ['ns', 50, 'got 50; expected a list of integers in [10, 1000], strictly increasing'],
    ['ns', [5, 50], 'got [5, 50]; expected a list of integers in [10, 1000], strictly increasing'],
  ])('rejects %s = %j with one clear message', (key, value, expected) => {
    const error = errorOf(() => resolveConfig('t', toy, { [key]: value }));
    expect(error.argument).toBe(`t.${key}`);
    expect(error.message).toBe(`t.${key}: ${expected}`);
  });

  it('rejects overrides that are not an object', () => {
    for (const bad of [null, [1], 'ns=3', 7]) {
      expect(errorOf(() => resolveConfig('t', toy, bad)).argument).toBe('t.config');
    }
  });

  it('accepts every in-range integer and rejects every out-of-range one (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (value) => {
        const ok = value >= 1 && value <= 100;
        if (ok) expect(resolveConfig('t', toy, { replicates: value }).replicates).toBe(value);
        else expect(() => resolveConfig('t', toy, { replicates: value })).toThrow(ExperimentError);
      }),
    );
  });

  it('accepts exactly the strictly increasing in-range lists (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1200 }), { maxLength: 6 }), (list) => {
        const ok =
          list.length > 0 &&
          list.every((v, i) => v >= 10 && v <= 1000 && (i === 0 || v > (list[i - 1] as number)));
        if (ok) expect(resolveConfig('t', toy, { ns: list }).ns).toEqual(list);
        else expect(() => resolveConfig('t', toy, { ns: list })).toThrow(ExperimentError);
      }),
    );
  });
});

describe('validateParam and allowedText', () => {
  it('describes each kind of parameter', () => {
    expect(allowedText(toy.sigma)).toBe('a number ≥ 0');
    expect(allowedText(toy.layers)).toBe('one of "first", "both"');
    expect(allowedText(toy.verbose)).toBe('true or false');
    expect(validateParam('x', toy.ns, [10, 20])).toEqual([10, 20]);
  });
});

describe('the suite’s schemas', () => {
  it('have valid defaults and quick sizes for every experiment', () => {
    for (const experiment of experiments) {
      for (const quick of [false, true]) {
        const plan = planExperiment(experiment, { quick, seed: 1 });
        expect(plan.cells.length).toBeGreaterThan(0);
        expect(new Set(plan.cells.map((c) => c.key)).size).toBe(plan.cells.length);
        for (const cell of plan.cells) expect(cell.cost).toBeGreaterThan(0);
      }
    }
  });

  it('quick runs are cheaper than default runs', () => {
    for (const experiment of experiments) {
      expect(planExperiment(experiment, { quick: true }).cost).toBeLessThanOrEqual(
        planExperiment(experiment).cost,
      );
    }
  });

  it('check settings that involve several keys', () => {
    expect(
      errorOf(() => planExperiment(getExperiment('e1'), { overrides: { largeN: 25600 } })).argument,
    ).toBe('e1.largeN');
    expect(
      errorOf(() => planExperiment(getExperiment('e2'), { overrides: { lambdaMin: 1, lambdaMax: 0.5 } }))
        .argument,
    ).toBe('e2.lambdaMax');
  });

  it('describe every setting', () => {
    for (const experiment of experiments) {
      for (const spec of Object.values(experiment.schema)) expect(spec.description.length).toBeGreaterThan(3);
    }
  });
});
