import { UsageError } from '../usage-error.js';
import { fitCommand } from './definitions.js';
import { parseCommandLine } from './parse-command-line.js';

/** The models `benignlab fit` offers. */
export type FitModel = 'minnorm' | 'ridge' | 'ntk' | 'ntk-ridge';

/** Parsed and cross-checked flags of `benignlab fit`. */
export interface FitOptions {
  help: boolean;
  x: string;
  y: string;
  model: FitModel;
  /** λ for ridge and ntk-ridge; 0 for the interpolators. */
  lambda: number;
  /** NTK kernel; `undefined` for linear models. */
  layers: 'first' | 'both' | undefined;
  predict: string | undefined;
  /** Both set or both undefined. */
  thetaStar: string | undefined;
  covariance: string | undefined;
  alpha: number;
  budget: 'absolute' | 'relative';
  json: boolean;
  seed: number;
}

const LINEAR: readonly FitModel[] = ['minnorm', 'ridge'];

/**
 * Parses `benignlab fit`'s flags and checks the combinations: `--lambda` is required by
 * ridge and ntk-ridge and refused by the interpolators, `--layers` only applies to NTK
 * models, `--theta-star` and `--covariance` come together and only for linear models,
 * `--alpha`/`--budget` only with them.
 *
 * @param argv the arguments after `fit`
 * @example
 * ```ts
 * parseFitArgs(['--x', 'X.csv', '--y', 'y.csv', '--model', 'ridge', '--lambda', '0.1']).lambda; // 0.1
 * ```
 */
export function parseFitArgs(argv: readonly string[]): FitOptions {
  const { flags, given } = parseCommandLine(fitCommand, argv);
  if (flags.help === true) {
    return {
      help: true,
      x: '',
      y: '',
      model: 'minnorm',
      lambda: 0,
      layers: undefined,
      predict: undefined,
      thetaStar: undefined,
      covariance: undefined,
      alpha: 0,
      budget: 'absolute',
      json: false,
      seed: 0,
    };
  }
  const model = flags.model as FitModel;
  const linear = LINEAR.includes(model);
  const needsLambda = model === 'ridge' || model === 'ntk-ridge';
  if (needsLambda && !given.has('lambda')) {
    throw new UsageError('--lambda', `is required by --model ${model}; expected a ridge parameter λ ≥ 0`);
  }
  if (!needsLambda && given.has('lambda')) {
    throw new UsageError(
      '--lambda',
      `does not apply to --model ${model} (the λ → 0 interpolator); use --model ${model === 'ntk' ? 'ntk-ridge' : 'ridge'}`,
    );
  }
  if (linear && given.has('layers')) {
    throw new UsageError('--layers', `applies to --model ntk or ntk-ridge only, not ${model}`);
  }
  if (given.has('theta-star') !== given.has('covariance')) {
    const missing = given.has('theta-star') ? '--covariance' : '--theta-star';
    throw new UsageError(missing, 'is required for the risks; give both --theta-star and --covariance');
  }
  const risks = given.has('theta-star');
  if (risks && !linear) {
    throw new UsageError(
      '--theta-star',
      `exact risks are available for the linear models (minnorm, ridge), not ${model}; estimate a kernel model's risks with the e3/e4 experiments`,
    );
  }
  for (const flag of ['alpha', 'budget']) {
    if (given.has(flag) && !risks) {
      throw new UsageError(`--${flag}`, 'is only used for the risks; give --theta-star and --covariance too');
    }
  }
  const budget = flags.budget as 'absolute' | 'relative';
  return {
    help: false,
    x: flags.x as string,
    y: flags.y as string,
    model,
    lambda: needsLambda ? (flags.lambda as number) : 0,
    layers: linear ? undefined : ((flags.layers as 'first' | 'both' | undefined) ?? 'both'),
    predict: flags.predict as string | undefined,
    thetaStar: flags['theta-star'] as string | undefined,
    covariance: flags.covariance as string | undefined,
    alpha: (flags.alpha as number | undefined) ?? (budget === 'relative' ? 0.05 : 0.1),
    budget,
    json: flags.json as boolean,
    seed: flags.seed as number,
  };
}
