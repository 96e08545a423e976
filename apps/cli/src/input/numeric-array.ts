/**
 * A dense numeric array read from a file: row-major float64 values and a shape of one
 * or two dimensions (a scalar file is shape `[1]`).
 */
export interface NumericArray {
  readonly shape: readonly [number] | readonly [number, number];
  readonly data: Float64Array;
}
