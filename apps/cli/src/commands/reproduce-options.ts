import { DEFAULT_SEED, ExperimentError, selectExperiments } from '@benignlab/experiments';
import { UsageError } from '../usage-error.js';
import { reproduceCommand } from './definitions.js';
import { formatCommandHelp } from './help-text.js';
import { parseCommandLine } from './parse-command-line.js';

/** Parsed flags of `benignlab reproduce`. */
export interface ReproduceOptions {
  quick: boolean;
  out: string;
  only: string[];
  seed: number;
  workers: number;
  /** `--fast-kernels`: the fastest linear-algebra kernels instead of the strict ones. */
  fastKernels: boolean;
  help: boolean;
}

/** Usage text of `benignlab reproduce`, generated from its command definition like every command's help. */
export const REPRODUCE_USAGE = formatCommandHelp(reproduceCommand);

/**
 * Parses `reproduce`'s flags with the parser every command uses (so `--seed -5` gets the
 * same message everywhere): unknown flags, missing values, positionals and bad values
 * raise a {@link UsageError} naming the flag.
 *
 * @param argv the arguments after `reproduce`
 * @param cores the machine's cores: the default and upper bound of `--workers`
 * @example
 * ```ts
 * parseReproduceArgs(['--quick', '--only', 'e1,e3'], 2).only; // ['e1', 'e3']
 * ```
 */
export function parseReproduceArgs(argv: string[], cores: number): ReproduceOptions {
  const { flags } = parseCommandLine(reproduceCommand, argv);
  const out = (flags.out as string | undefined) ?? 'benignlab-results';
  let only: string[];
  try {
    only = selectExperiments(flags.only as string | undefined).map((e) => e.id);
  } catch (error) {
    if (error instanceof ExperimentError)
      throw new UsageError('--only', error.message.replace(/^only: /, ''));
    throw error;
  }
  return {
    quick: flags.quick === true,
    out,
    only,
    seed: (flags.seed as number | undefined) ?? DEFAULT_SEED,
    workers: (flags.workers as number | undefined) ?? cores,
    fastKernels: flags['fast-kernels'] === true,
    help: flags.help === true,
  };
}
