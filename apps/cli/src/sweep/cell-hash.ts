import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth, so that the same value always gives the
 * same text whatever order its keys were inserted in (configs come from defaults, files
 * and `--set` in any order).
 *
 * @param value any JSON value; object keys are sorted at every depth
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const entries = Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Everything that determines one cell's rows. */
export interface CellIdentity {
  experiment: string;
  /** The fully resolved config of the experiment. */
  config: unknown;
  key: string;
  seed: number;
  /** `"fastest"` for cells of `--fast-kernels` runs; absent (strict kernels) otherwise. */
  kernels?: 'fastest';
}

/**
 * The name of a cell's result file: the SHA-256 (hex) of the canonical JSON of
 * `{ experiment, config, key, seed }` (and `kernels` for `--fast-kernels` cells). Any change to a setting, the top-level seed or the
 * cell gives another name, so stale results are never mistaken for current ones.
 *
 * @param identity `experiment` id, resolved `config`, cell `key` and `seed`
 * @example
 * ```ts
 * cellHash({ experiment: 'e1', config: plan.config, key: 'n=50/rep=0', seed: 123 }); // 64 hex digits
 * ```
 */
export function cellHash(identity: CellIdentity): string {
  const { experiment, config, key, seed, kernels } = identity;
  return createHash('sha256').update(canonicalJson({ experiment, config, key, seed, kernels })).digest('hex');
}

/**
 * A short (16 hex digits) SHA-256 of a plan's identity `{ experiment, config, seed, sizes }`,
 * naming its plan file so that two sweeps of one experiment in one directory stay apart.
 *
 * @param identity `experiment` id, resolved `config`, top-level `seed` and `sizes`
 * @example
 * ```ts
 * planHash({ experiment: 'e1', config: plan.config, seed: 2024, sizes: 'quick' }); // 'a1b2…'
 * ```
 */
export function planHash(identity: {
  experiment: string;
  config: unknown;
  seed: number;
  sizes: string;
}): string {
  const { experiment, config, seed, sizes } = identity;
  return createHash('sha256')
    .update(canonicalJson({ experiment, config, seed, sizes }))
    .digest('hex')
    .slice(0, 16);
}
