import type { AnyExperiment, ExperimentDefinition } from '../core/definition.js';
import { ExperimentError } from '../core/errors.js';
import { type E1Config, type E1Summary, e1MinNorm } from './e1-min-norm.js';
import { type E2Config, type E2Summary, e2Ridge } from './e2-ridge.js';
import { type E3Config, type E3Summary, e3NtkInterpolator } from './e3-ntk-interpolator.js';
import { type E4Config, type E4Summary, e4NtkRidge } from './e4-ntk-ridge.js';
import { type E5Config, type E5Summary, e5FiniteWidth } from './e5-finite-width.js';
import { type E6Config, type E6Summary, e6Comparators } from './e6-comparators.js';
import { type E7Config, type E7Summary, e7Mnist } from './e7-mnist.js';
import { type E8Config, type E8Summary, e8HarmMap } from './e8-harm-map.js';

/** Each experiment of the suite by id, with its config and summary types. */
export interface ExperimentsById {
  e1: ExperimentDefinition<E1Config, E1Summary>;
  e2: ExperimentDefinition<E2Config, E2Summary>;
  e3: ExperimentDefinition<E3Config, E3Summary>;
  e4: ExperimentDefinition<E4Config, E4Summary>;
  e5: ExperimentDefinition<E5Config, E5Summary>;
  e6: ExperimentDefinition<E6Config, E6Summary>;
  e7: ExperimentDefinition<E7Config, E7Summary>;
  e8: ExperimentDefinition<E8Config, E8Summary>;
}

/** An experiment id, `'e1'` … `'e8'`. */
export type ExperimentId = keyof ExperimentsById;

// Each definition's summarize() returns its summary interface; the map states that type.
const experimentsById = {
  e1: e1MinNorm,
  e2: e2Ridge,
  e3: e3NtkInterpolator,
  e4: e4NtkRidge,
  e5: e5FiniteWidth,
  e6: e6Comparators,
  e7: e7Mnist,
  e8: e8HarmMap,
} as unknown as ExperimentsById;

/** Every experiment of the suite, in report order. */
export const experiments: readonly AnyExperiment[] = [
  e1MinNorm,
  e2Ridge,
  e3NtkInterpolator,
  e4NtkRidge,
  e5FiniteWidth,
  e6Comparators,
  e7Mnist,
  e8HarmMap,
] as unknown as AnyExperiment[];

/** The ids of {@link experiments}. */
// Pure: a bundle that imports only some other function of this entry drops the registry
// (and with it every experiment definition and its dependencies).
export const experimentIds: readonly string[] = /* @__PURE__ */ experiments.map((e) => e.id);

/**
 * The experiment with this id, typed: `runExperiment(getExperiment('e5'))` gives an
 * `E5Summary`, and an unknown id such as `'e9'` does not compile. For an id held in a
 * string (user input, a file), use {@link findExperiment}.
 *
 * @param id an experiment id known at compile time, `'e1'` … `'e8'`
 *
 * @example
 * ```ts
 * getExperiment('e1').title;
 * const overrides = { n: 10, widths: [64, 256], replicates: 1, testSize: 10, maxSteps: 300 }; // tiny
 * const { result } = await runExperiment(getExperiment('e5'), { quick: true, overrides });
 * result.summary.slopes.distanceToNtk; // typed: E5Summary
 * ```
 */
export function getExperiment<Id extends ExperimentId>(id: Id): ExperimentsById[Id] {
  return findExperiment(id) as ExperimentsById[Id];
}

/**
 * Whether `id` names an experiment of the suite.
 *
 * @param id any value; `true` only for a string that is a known experiment id
 * @example
 * ```ts
 * isExperimentId('e3'); // true
 * isExperimentId('e9'); // false
 * ```
 */
export function isExperimentId(id: unknown): id is ExperimentId {
  return typeof id === 'string' && Object.hasOwn(experimentsById, id);
}

/**
 * The experiment with the id in a string, checked at run time.
 *
 * @param id the experiment id, e.g. `'e1'`
 * @throws ExperimentError naming the known ids when `id` is not one.
 * @example
 * ```ts
 * findExperiment(process.argv[2] ?? 'e1').title;
 * ```
 */
export function findExperiment(id: string): AnyExperiment {
  if (!isExperimentId(id)) {
    throw new ExperimentError(
      'id',
      `unknown experiment "${id}"; expected one of ${experimentIds.join(', ')}`,
    );
  }
  return experimentsById[id] as unknown as AnyExperiment;
}

/**
 * Parses a selection like `"e1,e3"` into experiments in report order; each id is checked.
 *
 * @param only comma-separated ids or an array of ids; absent: every experiment
 *
 * @example
 * ```ts
 * selectExperiments('e3,e1').map((e) => e.id); // ['e1', 'e3']
 * ```
 */
export function selectExperiments(only?: string | readonly string[]): AnyExperiment[] {
  if (only === undefined) return [...experiments];
  const ids = (typeof only === 'string' ? only.split(',') : [...only]).map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) {
    throw new ExperimentError(
      'only',
      `is empty; expected a comma-separated list of ${experimentIds.join(', ')}`,
    );
  }
  for (const id of ids) {
    if (!experimentIds.includes(id)) {
      throw new ExperimentError(
        'only',
        `unknown experiment "${id}"; expected ids from ${experimentIds.join(', ')}`,
      );
    }
  }
  return experiments.filter((e) => ids.includes(e.id));
}
