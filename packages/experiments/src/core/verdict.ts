import { fmt } from './stats.js';
import type { Decision } from './types.js';

/**
 * Whether a deciding number meets its threshold. A `null`, NaN or infinite value never
 * decides for a claim: a verdict is supported only on a finite measurement.
 *
 * @param decision the deciding number: `value` (may be `null`), `comparison` (`>`, `>=`, `<`, `<=`) and `threshold`; `name` is not used
 * @example
 * ```ts
 * holds({ name: 'slope', value: 0.2, comparison: '>', threshold: 0.05 }); // true
 * holds({ name: 'slope', value: Number.NaN, comparison: '<', threshold: 0 }); // false
 * ```
 */
export function holds(decision: Decision): boolean {
  const { value, threshold } = decision;
  if (value === null || !Number.isFinite(value)) return false;
  switch (decision.comparison) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
  }
}

/**
 * The deciding number in one line, e.g. `"slope of G = 0.21 (needs > 0.05)"`.
 *
 * @param decision the deciding number: its `name`, `value` (may be `null`), `comparison` (`>`, `>=`, `<`, `<=`) and `threshold`
 * @example
 * ```ts
 * decisionText({ name: 'slope of G', value: 0.21, comparison: '>', threshold: 0.05 });
 * ```
 */
export function decisionText(decision: Decision): string {
  return `${decision.name} = ${fmt(decision.value)} (needs ${decision.comparison} ${fmt(decision.threshold)})`;
}
