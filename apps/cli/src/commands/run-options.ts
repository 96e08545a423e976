import { readFileSync } from 'node:fs';
import {
  type AnyExperiment,
  DEFAULT_SEED,
  ExperimentError,
  type ExperimentPlan,
  findExperiment,
  type ParamSpec,
  planExperiment,
  validateParam,
} from '@benignlab/experiments';
import { UsageError } from '../usage-error.js';
import { runCommand } from './definitions.js';
import { parseCommandLine } from './parse-command-line.js';

/** Parsed flags of `benignlab run`, with the experiment planned. */
export interface RunOptions {
  help: boolean;
  id: string;
  quick: boolean;
  out: string;
  seed: number;
  workers: number;
  json: boolean;
  /** `--shard i/N` as given (the environment is consulted by the command). */
  shard: string | undefined;
  /** `--shard-count N`, the count for `JOB_COMPLETION_INDEX`. */
  shardCount: number | undefined;
  /** Recompute cells already on disk. */
  fresh: boolean;
  /** `--fast-kernels`: the fastest linear-algebra kernels instead of the strict ones. */
  fastKernels: boolean;
  /** The overrides after --config, --set and --seeds, validated. */
  overrides: Record<string, unknown>;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function scalar(text: string): unknown {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
}

/**
 * Reads the text of `--set key=value` as the type the schema expects, leaving anything
 * unreadable as a string so that validation reports it with the allowed values: lists
 * as `50,100,200` or JSON `[50,100,200]`, booleans as `true`/`false`.
 *
 * @param spec the setting's spec from the experiment's schema; `undefined` for an unknown key (then a number when the text is one, else the text; validation names the key)
 * @param text the value as typed after `key=` in `--set`
 * @example
 * ```ts
 * settingValue({ type: 'integerList', default: [50], description: '' }, '50,100'); // [50, 100]
 * ```
 */
export function settingValue(spec: ParamSpec | undefined, text: string): unknown {
  const trimmed = text.trim();
  switch (spec?.type) {
    case 'integerList':
    case 'numberList':
      if (trimmed.startsWith('[')) {
        try {
          return JSON.parse(trimmed);
        } catch {
          return trimmed;
        }
      }
      return trimmed === '' ? [] : trimmed.split(',').map(scalar);
    case 'boolean':
      return trimmed === 'true' ? true : trimmed === 'false' ? false : trimmed;
    case 'enum':
      return trimmed;
    default:
      return scalar(trimmed);
  }
}

function rethrow(flag: string, error: unknown): never {
  if (error instanceof ExperimentError) throw new UsageError(flag, error.message);
  throw error;
}

function readConfigFile(path: string, experiment: AnyExperiment): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      '--config',
      `${path} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // JSON.parse may quote the whole text in its message (newlines included): one line.
    const reason = (error as Error).message
      .replace(/\s*\n\s*/g, ' ')
      .replace(/, ".*" is not valid JSON$/, '');
    throw new UsageError('--config', `${path} is not valid JSON (${reason})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(
      '--config',
      `${path} holds ${Array.isArray(parsed) ? 'an array' : String(parsed)}; expected a JSON object of settings`,
    );
  }
  const record = parsed as Record<string, unknown>;
  // A result file (`<id>.json`) carries its settings under `config`.
  if (typeof record.id === 'string' && record.config !== null && typeof record.config === 'object') {
    if (record.id !== experiment.id) {
      throw new UsageError(
        '--config',
        `${path} is a result of ${record.id}; expected settings for ${experiment.id}`,
      );
    }
    return { ...(record.config as Record<string, unknown>) };
  }
  return { ...record };
}

/**
 * Parses `benignlab run`'s flags and validates the settings: `--config` first, then each
 * `--set` (checked one by one so that the error names that `--set`), then `--seeds`.
 * Returns the options and the plan (config resolved, cells with their seeds).
 *
 * @param argv the arguments after `run`: the experiment id, then flags
 * @param cores the machine's cores: the default and upper bound of `--workers`
 * @example
 * ```ts
 * const { plan } = parseRunArgs(['e1', '--quick', '--set', 'ns=50,100'], 2);
 * plan.config.ns; // [50, 100]
 * ```
 */
export function parseRunArgs(
  argv: readonly string[],
  cores: number,
): { options: RunOptions; plan: ExperimentPlan | undefined } {
  const { flags, positionals, given } = parseCommandLine(runCommand, argv);
  const options: RunOptions = {
    help: flags.help === true,
    id: positionals[0] ?? '',
    quick: flags.quick === true,
    out: (flags.out as string | undefined) ?? 'benignlab-results',
    seed: (flags.seed as number | undefined) ?? DEFAULT_SEED,
    workers: (flags.workers as number | undefined) ?? cores,
    json: flags.json === true,
    shard: flags.shard as string | undefined,
    shardCount: flags['shard-count'] as number | undefined,
    fresh: flags.fresh === true,
    fastKernels: flags['fast-kernels'] === true,
    overrides: {},
  };
  if (options.help) return { options, plan: undefined };
  const experiment = findExperiment(options.id);
  const schema = experiment.schema as Record<string, ParamSpec>;
  const overrides: Record<string, unknown> = flags.config
    ? readConfigFile(flags.config as string, experiment)
    : {};
  if (flags.config) {
    try {
      planExperiment(experiment, { overrides, quick: options.quick, seed: options.seed });
    } catch (error) {
      rethrow('--config', error);
    }
  }
  for (const assignment of (flags.set as string[] | undefined) ?? []) {
    const equals = assignment.indexOf('=');
    if (equals <= 0) {
      throw new UsageError(
        '--set',
        `got "${assignment}"; expected key=value with a key of ${Object.keys(schema).join(', ')}`,
      );
    }
    const key = assignment.slice(0, equals).trim();
    const spec = Object.hasOwn(schema, key) ? schema[key] : undefined;
    if (!spec) {
      throw new UsageError(
        `--set ${key}`,
        `unknown setting of ${experiment.id}; expected one of ${Object.keys(schema).join(', ')}`,
      );
    }
    try {
      overrides[key] = validateParam(
        `${experiment.id}.${key}`,
        spec,
        settingValue(spec, assignment.slice(equals + 1)),
      );
    } catch (error) {
      rethrow(`--set ${key}`, error);
    }
  }
  if (given.has('seeds')) {
    const setsReplicates = ((flags.set as string[] | undefined) ?? []).some(
      (assignment) => assignment.slice(0, Math.max(0, assignment.indexOf('='))).trim() === 'replicates',
    );
    if (setsReplicates) {
      throw new UsageError(
        '--seeds',
        `conflicts with --set replicates=…: both set the number of replicates; give one of them`,
      );
    }
    if (!Object.hasOwn(schema, 'replicates')) {
      throw new UsageError(
        '--seeds',
        `${experiment.id} has no replicates setting; see benignlab describe ${experiment.id}`,
      );
    }
    try {
      overrides.replicates = validateParam(
        `${experiment.id}.replicates`,
        schema.replicates as ParamSpec,
        flags.seeds,
      );
    } catch (error) {
      rethrow('--seeds', error);
    }
  }
  options.overrides = overrides;
  let plan: ExperimentPlan;
  try {
    plan = planExperiment(experiment, { overrides, quick: options.quick, seed: options.seed });
  } catch (error) {
    rethrow(given.has('set') ? '--set' : '--config', error);
  }
  return { options, plan };
}
