/** A vector argument: a `Float64Array`, or a plain array of numbers (copied into one). */
export type VectorInput = Float64Array | readonly number[];

/**
 * `value` as a `Float64Array`: a plain array of numbers is copied into a new one; anything
 * else is returned unchanged for the caller's validation (`assertVector`) to accept or
 * reject with its usual message. Lets public functions take `number[]` like numpy users
 * expect, while their kernels keep working on `Float64Array`.
 *
 * @param value any value: a plain array of numbers is copied into a new `Float64Array`; anything else (including a `Float64Array`) is returned as is
 * @example
 * ```ts
 * assertVector('theta', toFloat64Vector([1, 0, 2]), 3); // Float64Array [1, 0, 2]
 * ```
 */
export function toFloat64Vector(value: unknown): unknown {
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'number'))
    return Float64Array.from(value);
  return value;
}
