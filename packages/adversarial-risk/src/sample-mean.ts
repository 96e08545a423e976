/** A sample mean with its standard error. */
export interface MeanEstimate {
  /** The sample mean. */
  readonly mean: number;
  /** `sd/√m`, with the unbiased (m − 1) sample standard deviation; 0 when m = 1. */
  readonly standardError: number;
}

/** Mean and standard error of `values` (two passes, so no cancellation). */
export function meanWithStandardError(values: Float64Array): MeanEstimate {
  const m = values.length;
  let sum = 0;
  for (let i = 0; i < m; i++) sum += values[i] as number;
  const mean = sum / m;
  if (m < 2) return { mean, standardError: 0 };
  let squares = 0;
  for (let i = 0; i < m; i++) {
    const deviation = (values[i] as number) - mean;
    squares += deviation * deviation;
  }
  return { mean, standardError: Math.sqrt(squares / (m - 1) / m) };
}
