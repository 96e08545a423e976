import { adversarialRisk, harmRatio, standardRisk } from '@benignlab/adversarial-risk';
import type { Matrix } from '@benignlab/linalg';
import { minNorm, ridge } from '@benignlab/linear-models';
import { ntkRegression } from '@benignlab/ntk';
import { DataFileError } from '../input/data-file-error.js';
import { readNumericArray, toMatrix, toVector } from '../input/read-array.js';
import { fitCommand } from './definitions.js';
import { covarianceFromArray } from './fit-covariance.js';
import { type FitModel, type FitOptions, parseFitArgs } from './fit-options.js';
import { formatCommandHelp } from './help-text.js';
import type { CommandIo } from './reproduce.js';

/** Standard and adversarial risks of a fitted linear model (Gaussian features, ℓ2). */
export interface FitRisks {
  /** R(θ̂) = (θ̂ − θ*)ᵀ Σ (θ̂ − θ*). */
  standard: number;
  /** R_α(θ̂) = R + 2√(2/π)·α‖θ̂‖₂·√R + α²‖θ̂‖₂², with α resolved from the budget. */
  adversarial: number;
  /** R_α(θ̂)/R_α(θ*); `null` when R_α(θ*) = 0 (α = 0 or θ* = 0). */
  harmRatio: number | null;
  /** The budget as given (α, or α_rel for a relative budget). */
  alpha: number;
  budget: 'absolute' | 'relative';
}

/** What `benignlab fit` computed. */
export interface FitOutcome {
  model: FitModel;
  n: number;
  p: number;
  /** θ̂ (length p) for linear models, the kernel weights α (length n) for NTK models; absent with `--predict`. */
  coef?: Float64Array;
  /** Predictions at the rows of `--predict`. */
  predictions?: Float64Array;
  /** One line on how the fit was computed (form, rank, training error). */
  details: string;
  risks?: FitRisks;
}

/**
 * Loads the files named by `options` and fits the model (see {@link fitCommand} for the
 * formulas). Every file problem is a {@link DataFileError} naming the flag, the file and
 * the row and column.
 *
 * @param options the parsed `fit` flags (from {@link parseFitArgs}): `x`, `y` data files, `model` and its `lambda`/`layers`, optional `predict`, `thetaStar`, `covariance`, `alpha`, `budget`, `seed`
 * @example
 * ```ts
 * const outcome = fitFromFiles(parseFitArgs(['--x', 'X.npy', '--y', 'y.npy', '--model', 'minnorm']));
 * outcome.coef; // θ̂ = X⁺y
 * ```
 */
export function fitFromFiles(options: FitOptions): FitOutcome {
  const X = toMatrix('--x', options.x, readNumericArray('--x', options.x));
  const n = X.rows;
  const p = X.cols;
  const y = toVector('--y', options.y, readNumericArray('--y', options.y), {
    length: n,
    what: `one per row of --x ${options.x}, which is ${n}×${p}`,
  });
  let T: Matrix | undefined;
  if (options.predict !== undefined) {
    T = toMatrix('--predict', options.predict, readNumericArray('--predict', options.predict));
    if (T.cols !== p) {
      throw new DataFileError(
        '--predict',
        options.predict,
        `has ${T.cols} columns; expected ${p} like --x ${options.x} (${n}×${p})`,
      );
    }
  }
  if (options.model === 'ntk' || options.model === 'ntk-ridge') {
    const fit = ntkRegression(X, y, { layers: options.layers ?? 'both', lambda: options.lambda });
    const details = `NTK ${fit.layers === 'first' ? 'K₁ (first layer)' : 'K₁ + K₂ (both layers)'}, λ = ${fit.lambda}, n = ${n}, d = ${p}, training MSE ${fit.trainingError.toPrecision(4)}, ‖f̂‖²_K = ${fit.rkhsNormSquared.toPrecision(6)}`;
    return T
      ? { model: options.model, n, p, predictions: fit.predict(T), details }
      : { model: options.model, n, p, coef: fit.coefficients, details };
  }
  const fit = options.model === 'ridge' ? ridge(X, y, options.lambda) : minNorm(X, y);
  const rank = 'rank' in fit && fit.rank !== undefined ? `, rank ${fit.rank}` : '';
  const details = `${options.model === 'ridge' ? `ridge λ = ${options.lambda}` : 'min-norm'}, n = ${n}, p = ${p}, ${fit.form} form${rank}`;
  const outcome: FitOutcome = T
    ? { model: options.model, n, p, predictions: fit.predict(T), details }
    : { model: options.model, n, p, coef: fit.coef, details };
  if (options.thetaStar !== undefined && options.covariance !== undefined) {
    const thetaStar = toVector(
      '--theta-star',
      options.thetaStar,
      readNumericArray('--theta-star', options.thetaStar),
      {
        length: p,
        what: `one per column of --x ${options.x}`,
      },
    );
    const covariance = covarianceFromArray(
      '--covariance',
      options.covariance,
      readNumericArray('--covariance', options.covariance),
      p,
    );
    const budget = { alpha: options.alpha, budget: options.budget } as const;
    let harm: number | null = null;
    if (options.alpha > 0 && thetaStar.some((v) => v !== 0)) {
      harm = harmRatio(fit.coef, thetaStar, covariance, budget);
    }
    outcome.risks = {
      standard: standardRisk(fit.coef, thetaStar, covariance),
      adversarial: adversarialRisk(fit.coef, thetaStar, covariance, budget),
      harmRatio: harm,
      alpha: options.alpha,
      budget: options.budget,
    };
  }
  return outcome;
}

/**
 * The JSON `benignlab fit --json` prints: `{ "coef": [...] }` or `{ "predictions": [...] }`,
 * plus `"risks"` when θ* and Σ were given. Numbers in shortest round-trip form.
 *
 * @param outcome what {@link fitFromFiles} returned
 * @example
 * ```ts
 * fitJson(outcome); // '{"coef":[0.5,-1.25]}'
 * ```
 */
export function fitJson(outcome: FitOutcome): string {
  const body: Record<string, unknown> = outcome.predictions
    ? { predictions: Array.from(outcome.predictions) }
    : { coef: Array.from(outcome.coef ?? []) };
  if (outcome.risks) body.risks = outcome.risks;
  return JSON.stringify(body);
}

/**
 * `benignlab fit`: parses `argv`, fits, and prints the coefficients or predictions on
 * stdout (one per line under a `coef`/`prediction` header, so the output is itself a
 * CSV that `--theta-star` or numpy can read back), and a one-line summary and the risks
 * on stderr; with `--json` only the JSON on stdout.
 *
 * @returns the exit status (0); usage and data-file errors are thrown as UsageError
 * @example
 * ```ts
 * await fitMain(['--x', 'X.csv', '--y', 'y.csv', '--model', 'minnorm', '--json'], io);
 * ```
 */
export async function fitMain(argv: readonly string[], io: CommandIo): Promise<number> {
  const options = parseFitArgs(argv);
  if (options.help) {
    io.stdout.write(`${formatCommandHelp(fitCommand)}\n`);
    return 0;
  }
  const outcome = fitFromFiles(options);
  if (options.json) {
    io.stdout.write(`${fitJson(outcome)}\n`);
    return 0;
  }
  const values = outcome.predictions ?? outcome.coef ?? new Float64Array(0);
  const header = outcome.predictions ? 'prediction' : 'coef';
  io.stdout.write(`${header}\n${Array.from(values, String).join('\n')}\n`);
  io.stderr.write(`benignlab fit: ${outcome.details}\n`);
  if (outcome.risks) {
    const r = outcome.risks;
    const alpha = r.budget === 'relative' ? `α_rel = ${r.alpha} (relative)` : `α = ${r.alpha} (absolute)`;
    io.stderr.write(
      `benignlab fit: standard risk R = ${r.standard.toPrecision(6)}, ℓ2 adversarial risk R_α = ${r.adversarial.toPrecision(6)} at ${alpha}, harm ratio R_α(θ̂)/R_α(θ*) = ${r.harmRatio === null ? 'undefined' : r.harmRatio.toPrecision(6)} (Gaussian features)\n`,
    );
  }
  return 0;
}
