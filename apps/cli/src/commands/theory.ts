import { ridgeTheoryPath } from '@benignlab/adversarial-risk';
import { type CovarianceSpec, makeDesign } from '@benignlab/data';
import { LinalgError } from '@benignlab/linalg';
import { readNumericArray, toVector } from '../input/read-array.js';
import { UsageError } from '../usage-error.js';
import { isSpectrumFile, parseCovarianceSpec } from './covariance-spec.js';
import { theoryCommand } from './definitions.js';
import { formatCommandHelp } from './help-text.js';
import type { CommandIo } from './reproduce.js';
import { parseTheoryArgs, type TheoryOptions } from './theory-options.js';

/** One λ of a theory curve ([Theory §4](https://benignlab.github.io/theory.html#section-4)). */
export interface TheoryPoint {
  lambda: number;
  /** κ, the effective regularization. */
  kappa: number;
  df2: number;
  /** Predicted E R(θ̂_λ). */
  risk: number;
  /** Predicted E‖θ̂_λ‖₂². */
  norm2: number;
  /** Predicted ℓ2 R_α(θ̂_λ) (Gaussian closed form). */
  adversarialRisk: number;
  /** R_α(θ̂_λ)/R_α(θ*); `null` when α = 0 or θ* = 0. */
  harmRatio: number | null;
}

/** The model behind the curve, as `benignlab theory --json` reports it. */
export interface TheoryModel {
  covariance: CovarianceSpec | { kind: 'file'; path: string };
  p: number;
  traceSigma: number;
  n: number;
  sigma2: number;
  thetaNorm: number;
  alpha: number;
  budget: 'absolute' | 'relative';
  /** The absolute ℓ2 budget α the risks use (α_rel·√tr Σ for a relative budget). */
  alphaAbsolute: number;
}

function loadSpectrum(text: string): { spec: CovarianceSpec; described: TheoryModel['covariance'] } {
  if (!isSpectrumFile(text)) {
    const spec = parseCovarianceSpec('--covariance', text);
    return { spec, described: spec };
  }
  const values = toVector('--covariance', text, readNumericArray('--covariance', text));
  // Sorted descending: θ* sits on the top eigendirections, and the theory depends only on the multiset.
  const eigenvalues = Float64Array.from(values).sort().reverse();
  return { spec: { kind: 'custom', eigenvalues }, described: { kind: 'file', path: text } };
}

/**
 * The deterministic-equivalent curve of ridge regression for `options` ([Theory §4](https://benignlab.github.io/theory.html#section-4)):
 * κ solves `κ − λ = (κ/n) Σ_j λ_j/(λ_j + κ)`, then
 * `E R ≈ (n·B₀ + σ²·df₂)/(n − df₂)`, `E‖θ̂‖²` likewise, and `R_α` from the Gaussian closed
 * form. θ* has norm `thetaNorm` spread equally over the top s eigendirections (the top
 * one for non-spiked families). Cost O(distinct eigenvalues × grid × Newton steps).
 *
 * @param options the parsed `theory` flags (from {@link parseTheoryArgs}): `covariance` spectrum, `n`, `lambdas`, `alpha`, `budget`, `thetaNorm`, `seed`
 * @example
 * ```ts
 * theoryCurve(parseTheoryArgs(['--covariance', 'spiked:p=400,s=4,tail=0.02', '--n', '60', '--lambda', '0'])).points[0].risk; // ≈ 0.0717
 * ```
 */
export function theoryCurve(options: TheoryOptions): { model: TheoryModel; points: TheoryPoint[] } {
  const { spec, described } = loadSpectrum(options.covariance);
  let design: ReturnType<typeof makeDesign>;
  try {
    design = makeDesign({
      covariance: spec,
      thetaStar: { kind: 'spikes', norm: options.thetaNorm },
      noise: { sigma: Math.sqrt(options.sigma2) },
    });
  } catch (error) {
    if (error instanceof LinalgError) {
      throw new UsageError(
        '--covariance',
        error.message.replace(/^spec\.covariance\.?/, '').replace(/^: /, ''),
      );
    }
    throw error;
  }
  const { eigenvalues, thetaStarEigen, p } = design;
  if (options.lambdas.includes(0) && p <= options.n) {
    throw new UsageError(
      options.lambdas.length === 1 ? '--lambda' : '--lambdas',
      `λ = 0 (min-norm interpolation) needs p > n; here p = ${p} and n = ${options.n}`,
    );
  }
  const path = ridgeTheoryPath({
    eigenvalues,
    thetaStar: thetaStarEigen,
    sigma2: options.sigma2,
    n: options.n,
    lambdas: options.lambdas,
  });
  const adversarial = path.adversarialRisk(options.alpha, { budget: options.budget });
  const harm =
    options.alpha > 0 && options.thetaNorm > 0
      ? path.harmRatio(options.alpha, { budget: options.budget })
      : null;
  let traceSigma = 0;
  for (let j = 0; j < p; j++) traceSigma += eigenvalues[j] as number;
  const model: TheoryModel = {
    covariance: described,
    p,
    traceSigma,
    n: options.n,
    sigma2: options.sigma2,
    thetaNorm: options.thetaNorm,
    alpha: options.alpha,
    budget: options.budget,
    alphaAbsolute: options.budget === 'relative' ? options.alpha * Math.sqrt(traceSigma) : options.alpha,
  };
  const points = Array.from(path.lambda, (lambda, k) => ({
    lambda,
    kappa: path.kappa[k] as number,
    df2: path.df2[k] as number,
    risk: path.risk[k] as number,
    norm2: path.normSquared[k] as number,
    adversarialRisk: adversarial[k] as number,
    harmRatio: harm ? (harm[k] as number) : null,
  }));
  return { model, points };
}

function cell(value: number | null): string {
  return value === null ? '—' : value.toPrecision(5);
}

/**
 * The curve as a plain-text table: one row per λ with κ, df₂, R, ‖θ̂‖², R_α and the harm
 * ratio, under a line describing the model.
 *
 * @param curve what {@link theoryCurve} returned: the model and one point per λ
 * @example
 * ```ts
 * console.log(theoryTable(theoryCurve(options)));
 * ```
 */
export function theoryTable(curve: { model: TheoryModel; points: TheoryPoint[] }): string {
  const m = curve.model;
  const budget =
    m.budget === 'relative'
      ? `α_rel = ${m.alpha} (relative, α = ${m.alphaAbsolute.toPrecision(4)})`
      : `α = ${m.alpha} (absolute)`;
  const head = `p = ${m.p}, tr Σ = ${m.traceSigma.toPrecision(5)}, n = ${m.n}, σ² = ${m.sigma2}, ‖θ*‖ = ${m.thetaNorm}, ℓ2 ${budget}`;
  const columns = ['λ', 'κ', 'df₂', 'R', '‖θ̂‖²', 'R_α', 'R_α/R_α(θ*)'];
  const rows = curve.points.map((pt) => [
    String(pt.lambda),
    cell(pt.kappa),
    cell(pt.df2),
    cell(pt.risk),
    cell(pt.norm2),
    cell(pt.adversarialRisk),
    cell(pt.harmRatio),
  ]);
  const widths = columns.map((c, k) => Math.max(c.length, ...rows.map((r) => (r[k] as string).length)));
  const line = (cells: string[]) => cells.map((c, k) => c.padStart(widths[k] as number)).join('  ');
  return [head, '', line(columns), ...rows.map(line)].join('\n');
}

/**
 * `benignlab theory`: prints the theory curve as a table, or with `--json`
 * `{ "model": {...}, "points": [...] }` and nothing else.
 *
 * @example
 * ```ts
 * await theoryMain(['--covariance', 'spiked:p=2000,s=5,tail=0.005', '--n', '200', '--lambda', '0'], io);
 * ```
 */
export async function theoryMain(argv: readonly string[], io: CommandIo): Promise<number> {
  const options = parseTheoryArgs(argv);
  if (options.help) {
    io.stdout.write(`${formatCommandHelp(theoryCommand)}\n`);
    return 0;
  }
  const curve = theoryCurve(options);
  io.stdout.write(options.json ? `${JSON.stringify(curve)}\n` : `${theoryTable(curve)}\n`);
  return 0;
}
