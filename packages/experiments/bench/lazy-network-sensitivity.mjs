// When does a trained two-layer network have the NTK predictor's adversarial sensitivity?
// Trains TwoLayerNetwork (both layers, symmetric init, full-batch GD toward interpolation)
// at several widths m and input dimensions d for a fixed n, and compares its PGD R_α with
// the NTK interpolator's on the same test points (unit-sphere inputs, truth f*(x) = √d·x₁,
// labels f* + N(0, 0.25), ℓ2 budget α = 0.05). Feeds the ntk README.
//
//   node bench/lazy-network-sensitivity.mjs [--quick]
import { loadavg } from 'node:os';
import { estimateRisks } from '@benignlab/adversarial-risk';
import { createRng } from '@benignlab/data';
import { Matrix } from '@benignlab/linalg';
import { ntkRegression } from '@benignlab/ntk';
import { TwoLayerNetwork } from '@benignlab/ntk/network';
import * as tf from '@tensorflow/tfjs';

tf.enableProdMode();
const quick = process.argv.includes('--quick');
const n = 30;
const dims = quick ? [10] : [10, 300];
const widths = quick ? [256] : [512, 4096];
const maxSteps = quick ? 300 : 4000;

function sphere(rows, cols, seed) {
  const M = new Matrix(rows, cols, createRng(seed).fillNormal(new Float64Array(rows * cols)));
  for (let i = 0; i < rows; i++) {
    const row = M.row(i);
    const length = Math.hypot(...row);
    for (let j = 0; j < cols; j++) row[j] /= length;
  }
  return M;
}

console.log(
  `backend ${tf.getBackend()}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const rows = [];
for (const d of dims) {
  const X = sphere(n, d, 1);
  const T = sphere(200, d, 2);
  const truth = (M) => Float64Array.from({ length: M.rows }, (_, i) => Math.sqrt(d) * M.data[i * d]);
  const noise = createRng(3).fillNormal(new Float64Array(n));
  const y = truth(X).map((v, i) => v + 0.5 * noise[i]);
  const attack = { sample: T, target: truth, alpha: 0.05, steps: 20, seed: 4 };
  const ntk = ntkRegression(X, y, { layers: 'both', lambda: 0 });
  const kernel = estimateRisks(ntk, attack);
  const learningRate = n / ntk.kernelEigenvalues[0];
  for (const m of widths) {
    const net = new TwoLayerNetwork({ inputDim: d, width: m, train: 'both', seed: 7 });
    const started = performance.now();
    const report = net.train(X, y, { learningRate, tolerance: 1e-4, steps: maxSteps });
    const seconds = (performance.now() - started) / 1000;
    const network = estimateRisks(net, attack);
    const row = {
      n,
      d,
      m,
      steps: report.steps,
      loss: report.loss,
      stepsPerSecond: report.steps / seconds,
      weightMovement: report.movement.trained,
      ntkR: kernel.standardRisk.mean,
      ntkPgdRalpha: kernel.adversarialRisk.mean,
      networkR: network.standardRisk.mean,
      networkPgdRalpha: network.adversarialRisk.mean,
    };
    rows.push(row);
    console.log(JSON.stringify(row));
    net.dispose();
  }
}
