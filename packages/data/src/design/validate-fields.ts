import { describeValue } from '@benignlab/linalg';
import { DataError } from '../errors.js';

/**
 * Field checks for plain-JSON specs. Each names the dotted path of the field
 * (`spec.covariance.p`), the value it got and what was expected.
 */

/** Largest dimension p accepted: one row must fit comfortably in memory. */
export const MAX_DIMENSION = 2 ** 27;

export function requireRecord(path: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || ArrayBuffer.isView(value)) {
    throw new DataError(path, `expected an object, got ${describeValue(value)}`);
  }
  return value as Record<string, unknown>;
}

export function requireKnownFields(
  path: string,
  value: Record<string, unknown>,
  known: readonly string[],
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new DataError(
        `${path}.${key}`,
        `is not a known field here; expected only ${known.map((k) => `"${k}"`).join(', ')}`,
      );
    }
  }
}

export function requireOneOf<T extends string>(path: string, value: unknown, options: readonly T[]): T {
  if (typeof value !== 'string' || !options.includes(value as T)) {
    throw new DataError(
      path,
      `got ${describeValue(value)}; expected one of ${options.map((o) => `'${o}'`).join(', ')}`,
    );
  }
  return value as T;
}

export function requireInteger(
  path: string,
  value: unknown,
  minimum: number,
  maximum = MAX_DIMENSION,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum || value > maximum) {
    throw new DataError(
      path,
      `got ${describeValue(value)}; expected an integer from ${minimum} to ${maximum}`,
    );
  }
  return value;
}

/** A finite number with `value > exclusiveMinimum` (or `≥ minimum` when `inclusive`). */
export function requireNumber(
  path: string,
  value: unknown,
  bound: { above?: number; atLeast?: number; atMost?: number; meaning?: string } = {},
): number {
  const meaning = bound.meaning ? ` (${bound.meaning})` : '';
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DataError(path, `got ${describeValue(value)}; expected a finite number${meaning}`);
  }
  if (bound.above !== undefined && !(value > bound.above)) {
    throw new DataError(path, `got ${value}; expected a number > ${bound.above}${meaning}`);
  }
  if (bound.atLeast !== undefined && !(value >= bound.atLeast)) {
    throw new DataError(path, `got ${value}; expected a number ≥ ${bound.atLeast}${meaning}`);
  }
  if (bound.atMost !== undefined && !(value <= bound.atMost)) {
    throw new DataError(path, `got ${value}; expected a number ≤ ${bound.atMost}${meaning}`);
  }
  return value;
}

/** A non-empty list of finite numbers (plain array or Float64Array), copied. */
export function requireNumberList(path: string, value: unknown): Float64Array {
  const isList = Array.isArray(value) || value instanceof Float64Array;
  if (!isList || (value as ArrayLike<unknown>).length === 0) {
    throw new DataError(path, `got ${describeValue(value)}; expected a non-empty array of finite numbers`);
  }
  const list = value as ArrayLike<unknown>;
  const out = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    if (typeof entry !== 'number' || !Number.isFinite(entry)) {
      throw new DataError(path, `entry ${i} is ${describeValue(entry)}; expected finite numbers only`);
    }
    out[i] = entry;
  }
  return out;
}
