import { describeValue } from '@benignlab/linalg';
import { DataError } from '../errors.js';
import {
  add64,
  fromSafeInteger,
  GOLDEN_GAMMA,
  mix64,
  toSafeInteger53,
  type Uint64,
  xor64,
} from './uint64.js';

/**
 * A seed: a safe non-negative integer, `0 ≤ seed ≤ 2^53 − 1`, so it survives JSON,
 * CLI flags and URLs unchanged.
 */
export type Seed = number;

/** A stream label: a name such as `'train'`, or an index such as a repetition number. */
export type StreamLabel = string | number;

/**
 * Checks that `value` is a valid {@link Seed} and returns it; otherwise throws a
 * `DataError` naming `name`, the value and the accepted range.
 *
 * @param name the argument name the error reports, e.g. `'options.seed'`
 * @param value the candidate seed: an integer in [0, 2^53)
 *
 * @example
 * ```ts
 * assertSeed('options.seed', 42); // 42
 * // assertSeed('options.seed', -1) throws DataError "options.seed: expected a seed (an integer from 0 to …), got -1"
 * ```
 */
export function assertSeed(name: string, value: unknown): Seed {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new DataError(
      name,
      `expected a seed (an integer from 0 to ${Number.MAX_SAFE_INTEGER}), got ${describeValue(value)}`,
    );
  }
  return value;
}

function labelText(label: unknown, position: number): string {
  if (typeof label === 'string') return `s:${label}`;
  if (typeof label === 'number' && Number.isFinite(label)) return `n:${label}`;
  throw new DataError(
    `labels[${position}]`,
    `expected a string or a finite number, got ${describeValue(label)}`,
  );
}

function absorb(key: Uint64, text: string): Uint64 {
  // The length goes in first, so ('ab', 'c') and ('a', 'bc') give different keys.
  let state = mix64(xor64(add64(key, GOLDEN_GAMMA), { hi: 0, lo: text.length }));
  for (let i = 0; i < text.length; i++) {
    state = mix64(xor64(add64(state, GOLDEN_GAMMA), { hi: 0, lo: text.charCodeAt(i) }));
  }
  return state;
}

/**
 * A child seed for a named stream: `deriveSeed(seed, ...labels)` hashes the seed and the
 * labels with the SplitMix64 mixer (a 64-bit bijection applied per character) and keeps
 * 53 bits. The same inputs always give the same child; different labels give unrelated
 * seeds, so training data, test data and noise can come from one user seed without
 * sharing draws. Numbers and strings are distinct labels (`1` ≠ `'1'`).
 *
 * @param seed the parent seed (integer in [0, 2^53))
 * @param labels one or more stream names or indices, applied in order
 * @returns a seed in [0, 2^53)
 * @example
 * ```ts
 * const trainSeed = deriveSeed(42, 'train');
 * const repetitionSeed = deriveSeed(42, 'repetition', 3);
 * ```
 */
export function deriveSeed(seed: Seed, ...labels: StreamLabel[]): Seed {
  assertSeed('seed', seed);
  let key = fromSafeInteger(seed);
  for (let i = 0; i < labels.length; i++) key = absorb(key, labelText(labels[i], i));
  return toSafeInteger53(mix64(key));
}
