import { logGrid } from '@benignlab/experiments';
import { UsageError } from '../usage-error.js';
import { theoryCommand } from './definitions.js';
import { parseCommandLine, readNumber } from './parse-command-line.js';

/** Parsed flags of `benignlab theory`. */
export interface TheoryOptions {
  help: boolean;
  /** The raw `--covariance` SPEC (a family, JSON, or a file of eigenvalues). */
  covariance: string;
  n: number;
  /** The λ grid, in the order given. */
  lambdas: number[];
  alpha: number;
  budget: 'absolute' | 'relative';
  sigma2: number;
  thetaNorm: number;
  json: boolean;
  seed: number;
}

/**
 * Reads a λ grid: `a:b:k` is k log-spaced values from a to b (0 < a < b, k ≥ 2, the
 * grid of ridge sweeps), anything else a comma-separated list of λ ≥ 0.
 *
 * @param flag the flag named in errors, e.g. `--lambdas`
 * @param text a comma-separated list of λ ≥ 0, or `min:max:count` for `count` log-spaced values
 * @example
 * ```ts
 * parseLambdaGrid('--lambdas', '1e-3:1:4'); // [0.001, 0.01, 0.1, 1]
 * ```
 */
export function parseLambdaGrid(flag: string, text: string): number[] {
  if (text.includes(':')) {
    const parts = text.split(':');
    if (parts.length !== 3)
      throw new UsageError(flag, `got "${text}"; expected a:b:k (k log-spaced λ from a to b)`);
    const a = readNumber(flag, parts[0] as string, { min: 0 });
    const b = readNumber(flag, parts[1] as string, { min: 0 });
    const k = readNumber(flag, parts[2] as string, { integer: true, min: 2 });
    if (!(a > 0 && b > a)) {
      throw new UsageError(
        flag,
        `got "${text}"; expected 0 < a < b in a:b:k (log spacing needs a > 0; list 0 separately as 0,…)`,
      );
    }
    if (k > 10000) throw new UsageError(flag, `got k = ${k}; expected at most 10000 grid points`);
    return logGrid(a, b, k);
  }
  const values = text.split(',').map((part) => readNumber(flag, part, { min: 0 }));
  if (values.length === 0) throw new UsageError(flag, 'is empty; expected λ values');
  return values;
}

/**
 * Parses `benignlab theory`'s flags: exactly one of `--lambda` and `--lambdas`, and
 * the budget's default α (0.1 absolute, 0.05 relative, [Theory §7](https://benignlab.github.io/theory.html#section-7)).
 *
 * @param argv the arguments after `theory`
 * @example
 * ```ts
 * parseTheoryArgs(['--covariance', 'spiked:p=400,s=4,tail=0.02', '--n', '60', '--lambda', '0']).lambdas; // [0]
 * ```
 */
export function parseTheoryArgs(argv: readonly string[]): TheoryOptions {
  const { flags, given } = parseCommandLine(theoryCommand, argv);
  const budget = (flags.budget as 'absolute' | 'relative' | undefined) ?? 'absolute';
  const base = {
    help: flags.help === true,
    covariance: (flags.covariance as string | undefined) ?? '',
    n: (flags.n as number | undefined) ?? 0,
    alpha: (flags.alpha as number | undefined) ?? (budget === 'relative' ? 0.05 : 0.1),
    budget,
    sigma2: (flags.sigma2 as number | undefined) ?? 0.25,
    thetaNorm: (flags['theta-norm'] as number | undefined) ?? 1,
    json: flags.json === true,
    seed: (flags.seed as number | undefined) ?? 0,
  };
  if (base.help) return { ...base, lambdas: [] };
  if (given.has('lambda') === given.has('lambdas')) {
    throw new UsageError(
      given.has('lambda') ? '--lambdas' : '--lambda',
      given.has('lambda')
        ? 'cannot be combined with --lambda; give one λ with --lambda or a grid with --lambdas'
        : 'is required; give one λ ≥ 0 with --lambda or a grid with --lambdas a:b:k',
    );
  }
  const lambdas = given.has('lambda')
    ? [flags.lambda as number]
    : parseLambdaGrid('--lambdas', flags.lambdas as string);
  return { ...base, lambdas };
}
