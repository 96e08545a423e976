// A study as a numpy/scikit-learn/neural-tangents user writes it; `STUDY_SIZE=small` shrinks
// it for the test that runs it.
import { estimateRisks, harmRatio, ridgePathRisks, ridgeTheoryPath } from '@benignlab/adversarial-risk';
import { makeDesign } from '@benignlab/data';
import { Matrix, matvec } from '@benignlab/linalg';
import { minNorm, r2Score, ridgeCV } from '@benignlab/linear-models';
import { ntkGradientDescent, ntkRegression } from '@benignlab/ntk';
import { TwoLayerNetwork } from '@benignlab/ntk/network';

const small = process.env.STUDY_SIZE === 'small';
const [n, p, width, testSize] = small ? [40, 200, 64, 50] : [200, 2000, 512, 500];
const sigma = 0.5;
const alphaRelative = 0.05;

// 1. Design: a custom spectrum (5 spikes over a flat tail), θ* on the spikes, noisy labels.
const eigenvalues = Array.from({ length: p }, (_, j) => (j < 5 ? 10 : 0.1));
const design = makeDesign({
  covariance: { kind: 'custom', eigenvalues },
  thetaStar: { kind: 'spikes', norm: 1, count: 5 },
  noise: { sigma },
});
const { X, y } = design.sample(n, 1);
const test = design.testSample(testSize, 2);
const covariance = { eigenvalues: design.eigenvalues };
const truth = design.thetaStar;

// 2. Min-norm interpolation: benign for R, harmful for R_α (harm ratio ≫ 1).
const interpolator = minNorm(X, y);
const harmL2 = harmRatio(interpolator.coef, truth, covariance, { alpha: alphaRelative, budget: 'relative' });
const r2 = [r2Score(y, interpolator.predict(X)), r2Score(test.y, interpolator.predict(test.X))];
console.log(`min-norm: train/test R² = ${r2.map((r) => r.toFixed(3))}; ℓ2 harm ratio = ${harmL2.toFixed(2)}`);

// 3. A 50-λ ridge path: exact standard and adversarial risks (ℓ2 and ℓ∞) in one call.
const lambdas = Array.from({ length: 50 }, (_, k) => (k === 0 ? 0 : 10 ** (-5 + (6 * k) / 49)));
const path = ridgePathRisks(X, y, lambdas, {
  thetaStar: truth,
  covariance,
  alpha: alphaRelative,
  budget: 'relative',
  norms: ['l2', 'linf'],
});

// 4. λ chosen by generalized cross-validation on the training data alone (as RidgeCV).
const cv = ridgeCV(X, y, lambdas.slice(1), { criterion: 'gcv' });
const chosen = cv.bestIndex + 1;
const [harm2, harmInf] = [path.harmRatio.l2?.[chosen], path.harmRatio.linf?.[chosen]];
console.log(`GCV picks λ = ${cv.bestLambda.toExponential(2)}: R = ${path.standardRisk[chosen]?.toFixed(3)},`);
console.log(`  ℓ2 harm ${harm2?.toFixed(2)}, ℓ∞ harm ${harmInf?.toFixed(2)}`);

// 5. Theory curves (deterministic equivalents) for the same path.
const model = { eigenvalues: design.eigenvalues, thetaStar: truth, sigma2: sigma ** 2, n };
const theory = ridgeTheoryPath({ ...model, lambdas });
const theoryHarm = theory.harmRatio(alphaRelative, { budget: 'relative' });
const gaps = lambdas.map((_, k) =>
  Math.abs((path.standardRisk[k] as number) / (theory.risk[k] as number) - 1),
);
console.log('theory vs simulation: largest relative gap in R over the path =', Math.max(...gaps).toFixed(3));
console.log(
  'theory ℓ2 harm at λ = 0 and at the GCV λ:',
  theoryHarm[0]?.toFixed(2),
  theoryHarm[chosen]?.toFixed(2),
);

// 6. NTK kernel ridge on inputs scaled to unit RMS length (x/√tr Σ), attacked by PGD (ℓ2)
// against the robust truth f*(x) = ⟨x, θ*⟩·√tr Σ on the scaled inputs.
const scale = 1 / Math.sqrt(design.eigenvalues.reduce((sum, e) => sum + e, 0));
const scaled = (M: Matrix) =>
  new Matrix(
    M.rows,
    M.cols,
    M.data.map((v) => v * scale),
  );
const [Xs, Ts, scaledTruth] = [scaled(X), scaled(test.X), truth.map((t) => t / scale)];
const attack = {
  sample: Ts,
  target: (T: Matrix) => matvec(T, scaledTruth),
  alpha: alphaRelative,
  steps: 10,
  seed: 3,
};
const show = (label: string, { standardRisk: R, adversarialRisk: Ra }: ReturnType<typeof estimateRisks>) =>
  console.log(`${label}: R = ${R.mean.toFixed(3)}, PGD R_α = ${Ra.mean.toFixed(3)}`);
for (const lambda of [0, 1e-2]) {
  show(`NTK ridge λ = ${lambda}`, estimateRisks(ntkRegression(Xs, y, { layers: 'both', lambda }), attack));
}

// 7. The NTK predictor after t gradient steps (neural-tangents' gradient_descent_mse).
const flow = ntkGradientDescent(Xs, y, { learningRate: 1 });
for (const steps of [10, 100, 1000])
  show(`NTK after ${steps} GD steps`, estimateRisks(flow.at(steps), attack));

// 8. A width-512 two-layer network trained by gradient descent (tfjs; WASM backend if installed).
const net = new TwoLayerNetwork({ inputDim: p, width, train: 'both', seed: 7 });
const report = net.train(Xs, y, { learningRate: 1, steps: small ? 20 : 300 });
show(
  `network (width ${width}, ${report.steps} steps, loss ${report.loss.toExponential(2)})`,
  estimateRisks(net, attack),
);
net.dispose();
