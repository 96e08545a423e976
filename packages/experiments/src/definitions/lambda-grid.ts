import { deterministicExp, deterministicLog } from '@benignlab/data';

/**
 * Log-spaced grids of ridge parameters: `count` values from `min` to `max`,
 * `λ_k = min·(max/min)^{k/(count−1)}`.
 *
 * @param min the smallest λ (> 0)
 * @param max the largest λ (≥ min)
 * @param count how many values (≥ 2; 1 gives [min])
 *
 * @example
 * ```ts
 * logGrid(1e-4, 1, 5); // [1e-4, 1e-3, 1e-2, 1e-1, 1]
 * ```
 */
export function logGrid(min: number, max: number, count: number): number[] {
  if (count === 1) return [min];
  const ratio = deterministicLog(max / min);
  // Round to 12 significant digits so the grid values print cleanly in CSV and JSON.
  return Array.from({ length: count }, (_, k) =>
    Number((min * deterministicExp((ratio * k) / (count - 1))).toPrecision(12)),
  );
}
