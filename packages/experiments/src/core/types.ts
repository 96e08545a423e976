/**
 * The shapes every experiment shares. All of them are plain JSON (numbers, strings,
 * booleans, arrays, objects), so configs, cells, rows and summaries cross worker
 * threads by structured clone and land in `<id>.json` unchanged.
 */

/** A value a config parameter can take. */
export type ParamValue = number | boolean | string | number[];

/** A complete, validated experiment config: one value per schema key. */
export type Config = Record<string, ParamValue>;

/** One cell of a tidy result table: a number (or `null` when undefined), string or boolean. */
export type CellValue = number | string | boolean | null;

/** One tidy result row: one replicate (seed) × one setting. */
export type Row = Record<string, CellValue>;

/** Schema of one config parameter: its type, defaults (default and `--quick`), range and meaning. */
export type ParamSpec =
  | {
      type: 'integer' | 'number';
      default: number;
      quick?: number;
      min?: number;
      max?: number;
      /** `min` itself is not allowed (a budget α > 0: at 0 the harm ratio is undefined). */
      exclusiveMin?: boolean;
      /** Values must be multiples of this (2: even widths). */
      multipleOf?: number;
      description: string;
    }
  | {
      type: 'integerList' | 'numberList';
      default: number[];
      quick?: number[];
      min?: number;
      max?: number;
      /** `min` itself is not allowed. */
      exclusiveMin?: boolean;
      /** Every entry must be a multiple of this (2: even widths). */
      multipleOf?: number;
      /** The list must be strictly increasing (grids over n or λ). */
      increasing?: boolean;
      minLength?: number;
      description: string;
    }
  | { type: 'enum'; default: string; quick?: string; values: readonly string[]; description: string }
  | { type: 'boolean'; default: boolean; quick?: boolean; description: string };

/** A schema: one {@link ParamSpec} per config key. */
export type ConfigSchema<C extends Config = Config> = { readonly [K in keyof C]: ParamSpec };

/**
 * One independent unit of work: a setting (say one `n`) × one replicate. Cells are
 * pure functions of (config, cell, seed), which is what makes results bit-identical for
 * any number of workers.
 */
export interface CellSpec {
  /** Unique within the experiment, stable across runs (e.g. `"n=200/rep=3"`); the seed derives from it. */
  key: string;
  /** The setting, JSON. */
  params: Record<string, number | string>;
  /** Relative cost estimate (arbitrary units), used for scheduling and the progress ETA. */
  cost: number;
  /**
   * The stream name the seed derives from; defaults to `key`. Cells that must share
   * their random draws (the same data at several network widths) share a `seedKey`.
   */
  seedKey?: string;
}

/** A cell with the seed derived for it from the top-level seed. */
export interface PlannedCell extends CellSpec {
  /** Position in the experiment's plan; rows are assembled in this order. */
  index: number;
  /** Seed derived as `deriveSeed(seed, experimentId, seedKey ?? key)` (`@benignlab/data`), in [0, 2⁵³). */
  seed: number;
}

/** Which adversarial budget convention a number or claim uses ([Theory §3](https://benignlab.github.io/theory.html#section-3)). */
export type Budget = 'absolute' | 'relative';

/**
 * The number that decided a verdict: the claim holds when `value` compares with
 * `threshold` as `comparison` says (a `null` or non-finite value never decides for it).
 */
export interface Decision {
  /** What the number is, in words (e.g. `"log-log slope of the harm ratio over n = 800…3200"`). */
  name: string;
  value: number | null;
  comparison: '>' | '>=' | '<' | '<=';
  threshold: number;
}

/** One claim of the paper, checked against our numbers. */
export interface Verdict {
  /** The claim in plain words. */
  claim: string;
  /** Whether our data support it. */
  supported: boolean;
  /** The budget convention the claim was checked under, or `null` when none applies. */
  budget: Budget | null;
  /** The numbers behind the verdict, in one sentence. */
  evidence: string;
  /** What result would falsify the claim, in one sentence. */
  falsifiedBy: string;
  /** The number that decided the verdict, and the threshold it was held to. */
  decidedBy: Decision;
  /**
   * R_α(θ*) of the truth under the verdict's budget, printed beside every harm ratio
   * R_α(θ̂)/R_α(θ*) so a reader sees the truth stays robust; `null` when the claim involves
   * no adversarial risk, or when it changes with n (then the evidence gives its range).
   */
  truthAdversarialRisk: number | null;
  /** The same numbers, machine-readable. */
  numbers: Record<string, number | null>;
}

/** Every summary carries verdicts; experiments add their own fields (slopes, frontiers, …). */
export interface Summary {
  verdicts: Verdict[];
  [key: string]: unknown;
}

/** Everything one experiment run produced, as written to `<id>.json`. */
export interface ExperimentResult<C extends Config = Config, S extends Summary = Summary> {
  id: string;
  title: string;
  /** `"quick"` or `"default"`: which sizes the config started from. */
  sizes: 'quick' | 'default';
  /** The top-level seed every cell seed derives from. */
  seed: number;
  config: C;
  cells: { key: string; seed: number }[];
  rows: Row[];
  summary: S;
}
