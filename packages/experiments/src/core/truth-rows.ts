import type { Row } from './types.js';

/**
 * Replaces a fitted model's columns in a row by what the truth θ* gives there: the
 * columns in `zero` (standard risks and their standard errors) become 0, those in `one`
 * (harm ratios) 1, and `set` assigns the rest (‖θ*‖², R_α(θ*)). Columns not named keep
 * their value (settings such as n, λ, seeds).
 *
 * @param row a fitted model's row (copied; not modified)
 * @param columns `zero`: column names set to 0 (standard risks and their errors); `one`: names set to 1 (harm ratios); `set`: name → value to assign (e.g. ‖θ*‖², R_α(θ*)); all optional, and only columns present in the row are touched
 * @example
 * ```ts
 * asTruth({ n: 100, risk: 0.03, harm: 7 }, { zero: ['risk'], one: ['harm'] }); // { n: 100, risk: 0, harm: 1 }
 * ```
 */
export function asTruth(
  row: Row,
  columns: { zero?: readonly string[]; one?: readonly string[]; set?: Record<string, number> },
): Row {
  const out: Row = { ...row };
  for (const key of columns.zero ?? []) if (key in out) out[key] = 0;
  for (const key of columns.one ?? []) if (key in out) out[key] = 1;
  for (const [key, value] of Object.entries(columns.set ?? {})) if (key in out) out[key] = value;
  return out;
}
