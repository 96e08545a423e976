import { adversarialRisk, standardRisk } from '@benignlab/adversarial-risk';
import { makeDesign } from '@benignlab/data';
import { minNorm, ridge } from '@benignlab/linear-models';
import { ntkRegression } from '@benignlab/ntk';
import { dimensionAt, type PlaygroundParameters, spikeCount } from './parameters.ts';
import { absoluteBudget, sampleSizeGrid } from './theory-curves.ts';

/** What the worker is asked to simulate. */
export interface SimulationRequest {
  params: PlaygroundParameters;
  /** Independent draws per n. */
  replicates: number;
  /** Top-level seed; draw k at sample size n uses `seed + 1000·k + n`. */
  seed: number;
  /** Fresh test points per draw for the kernel model's risks. */
  testSize: number;
}

/** One simulated risk: mean ± standard error over the draws at one n. */
export interface SimulatedPoint {
  x: number;
  quantity: 'R' | 'R_α';
  mean: number;
  standardError: number;
  replicates: number;
}

/** Progress after each fit. */
export interface SimulationProgress {
  done: number;
  total: number;
  n: number;
}

/** Work bound per draw: n·p entries of X (8 bytes each), so a draw stays well under a second. */
export const maxDesignEntries = 3_000_000;

/**
 * The sample sizes simulated: the theory grid up to the chosen n whose design has at most
 * {@link maxDesignEntries} entries (larger ones are left to the CLI), at most six of them.
 */
export function simulatedSampleSizes(params: PlaygroundParameters): number[] {
  const feasible = sampleSizeGrid(params.a).filter(
    (n) => n <= params.n && n * dimensionAt(n, params.a) <= maxDesignEntries,
  );
  return feasible.slice(-6);
}

function designFor(params: PlaygroundParameters, n: number) {
  return makeDesign({
    covariance: { kind: 'spikedScaled', n, a: params.a, b: params.b, s: spikeCount },
    thetaStar: { kind: 'spikes', norm: 1 },
    noise: { law: 'gaussian', sigma: params.sigma },
  });
}

function meanAndError(values: number[]): { mean: number; standardError: number } {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  if (values.length < 2) return { mean, standardError: 0 };
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, standardError: Math.sqrt(variance / values.length) };
}

/**
 * Risks of one fitted model on one draw. Linear models use the exact Gaussian closed forms
 * ([Theory §3](https://benignlab.github.io/theory.html#section-3)); the kernel model uses fresh test points and the first-order inner
 * maximum `(|f − f*| + α‖∇f‖₂)²`, with the analytic input gradient.
 */
function drawRisks(
  params: PlaygroundParameters,
  n: number,
  seed: number,
  testSize: number,
): [number, number] {
  const design = designFor(params, n);
  const { X, y } = design.sample(n, seed);
  const covariance = { eigenvalues: design.eigenvalues };
  if (params.model !== 'ntk') {
    const fit = params.model === 'min-norm' ? minNorm(X, y) : ridge(X, y, params.lambda);
    return [
      standardRisk(fit.coef, design.thetaStar, covariance),
      adversarialRisk(fit.coef, design.thetaStar, covariance, { alpha: params.alpha, budget: params.budget }),
    ];
  }
  const model = ntkRegression(X, y, { layers: params.ntkLayers, lambda: params.lambda });
  const test = design.testSample(testSize, seed);
  const predictions = model.predict(test.X);
  const gradients = model.inputGradient(test.X);
  const alpha = absoluteBudget(params, n);
  let risk = 0;
  let adversarial = 0;
  for (let i = 0; i < testSize; i++) {
    const error = Math.abs((predictions[i] as number) - (test.clean[i] as number));
    let gradientNorm2 = 0;
    const row = gradients.row(i);
    for (let j = 0; j < row.length; j++) gradientNorm2 += (row[j] as number) ** 2;
    risk += error * error;
    adversarial += (error + alpha * Math.sqrt(gradientNorm2)) ** 2;
  }
  return [risk / testSize, adversarial / testSize];
}

/**
 * Simulates the playground's setting with the real packages: for each sample size of
 * {@link simulatedSampleSizes}, `replicates` seeded draws from `@benignlab/data`, the fit
 * from `@benignlab/linear-models` or `@benignlab/ntk`, and the risks from
 * `@benignlab/adversarial-risk`. Deterministic for a given request.
 *
 * @example
 * ```ts
 * const points = await simulate({ params: defaultParameters, replicates: 3, seed: 1, testSize: 200 });
 * ```
 */
export async function simulate(
  request: SimulationRequest,
  onProgress?: (progress: SimulationProgress) => void,
): Promise<SimulatedPoint[]> {
  const { params, replicates, seed, testSize } = request;
  const sampleSizes = simulatedSampleSizes(params);
  const total = sampleSizes.length * replicates;
  const points: SimulatedPoint[] = [];
  let done = 0;
  for (const n of sampleSizes) {
    const risks: number[] = [];
    const adversarial: number[] = [];
    for (let k = 0; k < replicates; k++) {
      const [risk, adversarialRisk] = drawRisks(params, n, seed + 1000 * k + n, testSize);
      risks.push(risk);
      adversarial.push(adversarialRisk);
      done += 1;
      onProgress?.({ done, total, n });
      // Yield so the worker can receive a cancel message between fits.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    points.push({ x: n, quantity: 'R', replicates, ...meanAndError(risks) });
    points.push({ x: n, quantity: 'R_α', replicates, ...meanAndError(adversarial) });
  }
  return points;
}
