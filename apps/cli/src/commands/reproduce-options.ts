import { parseArgs } from 'node:util';
import { DEFAULT_SEED, ExperimentError, selectExperiments } from '@benignlab/experiments';
import { UsageError } from '../usage-error.js';
import { reproduceCommand } from './definitions.js';
import { formatCommandHelp } from './help-text.js';

/** Parsed flags of `benignlab reproduce`. */
export interface ReproduceOptions {
  quick: boolean;
  out: string;
  only: string[];
  seed: number;
  workers: number;
  help: boolean;
}

/** Usage text of `benignlab reproduce`, generated from its command definition like every command's help. */
export const REPRODUCE_USAGE = formatCommandHelp(reproduceCommand);

function parseInteger(flag: string, text: string, min: number): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(flag, `got "${text}"; expected an integer ≥ ${min}`);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new UsageError(flag, `got "${text}"; expected an integer ≥ ${min}`);
  }
  return value;
}

const FLAGS = '--quick, --out, --only, --seed, --workers, --help';

/** Turns a node:util parseArgs error into one short line naming the flag. */
function usageFromParseArgs(error: unknown): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const flag = /'(-{1,2}[\w-]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) {
    return new UsageError(flag, `unknown option; expected one of ${FLAGS}`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
    return new UsageError(
      flag,
      `missing or ambiguous value; write ${flag} VALUE, or ${flag}=VALUE when the value starts with "-"`,
    );
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /argument '([^']*)'/.exec(message)?.[1] ?? '';
    return new UsageError(
      'reproduce',
      `unexpected argument "${argument}"; reproduce takes only options (${FLAGS})`,
    );
  }
  return new UsageError(flag ?? 'reproduce', message.split('\n')[0] ?? message);
}

/**
 * Parses `reproduce`'s flags (node:util parseArgs, strict): unknown flags, missing
 * values, positionals and bad values raise a {@link UsageError} naming the flag.
 *
 * @param argv the arguments after `reproduce`
 * @param cores the machine's cores: the default and upper bound of `--workers`
 * @example
 * ```ts
 * parseReproduceArgs(['--quick', '--only', 'e1,e3'], 2).only; // ['e1', 'e3']
 * ```
 */
export function parseReproduceArgs(argv: string[], cores: number): ReproduceOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    const parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        quick: { type: 'boolean', default: false },
        out: { type: 'string', default: 'benignlab-results' },
        only: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    values = parsed.values;
  } catch (error) {
    throw usageFromParseArgs(error);
  }
  const out = values.out as string;
  if (out.trim() === '') throw new UsageError('--out', 'is empty; expected a directory path');
  let only: string[];
  try {
    only = selectExperiments(values.only as string | undefined).map((e) => e.id);
  } catch (error) {
    if (error instanceof ExperimentError)
      throw new UsageError('--only', error.message.replace(/^only: /, ''));
    throw error;
  }
  return {
    quick: values.quick as boolean,
    out,
    only,
    seed: values.seed === undefined ? DEFAULT_SEED : parseInteger('--seed', values.seed as string, 0),
    workers: values.workers === undefined ? cores : parseInteger('--workers', values.workers as string, 1),
    help: values.help as boolean,
  };
}
