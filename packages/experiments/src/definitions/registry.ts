import type { AnyExperiment } from '../core/definition.js';
import { ExperimentError } from '../core/errors.js';
import { e1MinNorm } from './e1-min-norm.js';
import { e2Ridge } from './e2-ridge.js';
import { e3NtkInterpolator } from './e3-ntk-interpolator.js';
import { e4NtkRidge } from './e4-ntk-ridge.js';
import { e5FiniteWidth } from './e5-finite-width.js';
import { e6Comparators } from './e6-comparators.js';
import { e7Mnist } from './e7-mnist.js';
import { e8HarmMap } from './e8-harm-map.js';

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
export const experimentIds: readonly string[] = experiments.map((e) => e.id);

/**
 * The experiment with this id.
 *
 * @example
 * ```ts
 * getExperiment('e1').title;
 * ```
 */
export function getExperiment(id: string): AnyExperiment {
  const experiment = experiments.find((e) => e.id === id);
  if (!experiment) {
    throw new ExperimentError(
      'id',
      `unknown experiment "${id}"; expected one of ${experimentIds.join(', ')}`,
    );
  }
  return experiment;
}

/**
 * Parses a selection like `"e1,e3"` into experiments in report order; each id is checked.
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
