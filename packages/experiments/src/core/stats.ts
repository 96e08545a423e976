import { deterministicLog } from '@benignlab/data';
import type { Row } from './types.js';

/**
 * The few statistics the summaries need: means with standard errors over replicates and
 * least-squares slopes on log-log axes.
 */

/** Mean and standard error of the mean, `se = sd / √k` with the unbiased `sd` (0 when k = 1). */
export interface MeanSe {
  mean: number;
  se: number;
  count: number;
}

/**
 * Mean ± standard error of `values`.
 *
 * @param values the sample; non-finite entries are not filtered (empty: NaN mean and s.e.)
 * @example
 * ```ts
 * meanSe([1, 2, 3]); // { mean: 2, se: 0.577…, count: 3 }
 * ```
 */
export function meanSe(values: readonly number[]): MeanSe {
  const count = values.length;
  if (count === 0) return { mean: Number.NaN, se: Number.NaN, count };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / count;
  if (count === 1) return { mean, se: 0, count };
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  return { mean, se: Math.sqrt(squares / (count - 1) / count), count };
}

/**
 * Least-squares slope of `log y` on `log x`: the exponent `b` in `y ≈ c·x^b`.
 *
 * @param x positive abscissae (say n), at least two distinct
 * @param y positive values
 * @example
 * ```ts
 * logLogSlope([1, 2, 4], [1, 4, 16]); // 2
 * ```
 */
export function logLogSlope(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length || x.length < 2) return Number.NaN;
  // Not Math.log: engines differ in its last bit (V8 vs JavaScriptCore), and the slopes are
  // part of the result files, which must be the same bytes on every runtime.
  const lx = x.map((value) => deterministicLog(value));
  const ly = y.map((value) => deterministicLog(value));
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < lx.length; i++) {
    sxy += ((lx[i] as number) - mx) * ((ly[i] as number) - my);
    sxx += ((lx[i] as number) - mx) ** 2;
  }
  return sxx === 0 ? Number.NaN : sxy / sxx;
}

/** One simulated point: a setting, and the mean ± s.e. of a column over replicates. */
export interface AggregatePoint extends MeanSe {
  x: number;
}

/**
 * Groups rows by `by` (a numeric setting such as `n` or `lambda`) and averages `column`
 * over the rows of each group, in increasing `by`.
 *
 * @param rows tidy rows, one per replicate and setting
 * @param by name of the numeric column to group by (the x of each point); rows where it is not a number are skipped
 * @param column name of the column to average; non-numeric or non-finite values are skipped
 * @param where keeps only the rows for which it returns `true` (default: all rows)
 * @example
 * ```ts
 * const rows = [{ n: 50, risk: 1 }, { n: 50, risk: 3 }, { n: 100, risk: 0.5 }];
 * aggregate(rows, 'n', 'risk'); // [{ x: 50, mean: 2, se: 1, count: 2 }, { x: 100, mean: 0.5, se: 0, count: 1 }]
 * ```
 */
export function aggregate(
  rows: readonly Row[],
  by: string,
  column: string,
  where: (row: Row) => boolean = () => true,
): AggregatePoint[] {
  const groups = new Map<number, number[]>();
  for (const row of rows) {
    if (!where(row)) continue;
    const x = row[by];
    const v = row[column];
    if (typeof x !== 'number' || typeof v !== 'number' || !Number.isFinite(v)) continue;
    let list = groups.get(x);
    if (!list) groups.set(x, (list = []));
    list.push(v);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([x, values]) => ({ x, ...meanSe(values) }));
}

/**
 * Rounds for display in verdict sentences: 3 significant digits, exponents outside [10⁻³, 10⁴).
 *
 * @param value the number to show; `null`, `undefined` and non-finite values give `'n/a'`
 * @example
 * ```ts
 * fmt(0.012345); // '0.0123'
 * ```
 */
export function fmt(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e4 || abs < 1e-3) return value.toExponential(2);
  return Number(value.toPrecision(3)).toString();
}
