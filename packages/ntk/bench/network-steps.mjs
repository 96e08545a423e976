// Training speed of TwoLayerNetwork: full-batch gradient steps per second on tfjs' CPU and
// WASM backends, against the same network and loss in numpy (float32), interleaved. The
// issue's setting: n = 200, d = 2000, width 512, both layers trained.
//
//   node bench/network-steps.mjs [--quick]
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { createRng } from '@benignlab/data';
import { Matrix } from '@benignlab/linalg';
import * as tf from '@tensorflow/tfjs';
import { TwoLayerNetwork } from '../dist/network/index.js';

tf.enableProdMode();
const quick = process.argv.includes('--quick');
const [n, d, m] = quick ? [50, 200, 128] : [200, 2000, 512];
const steps = quick ? 5 : 10;
const rounds = quick ? 1 : 3;
const X = new Matrix(
  n,
  d,
  createRng(1)
    .fillNormal(new Float64Array(n * d))
    .map((v) => v / Math.sqrt(d)),
);
const y = createRng(2).fillNormal(new Float64Array(n));

function tfjsStepsPerSecond(backend) {
  const net = new TwoLayerNetwork({ inputDim: d, width: m, train: 'both', seed: 3 });
  net.train(X, y, { learningRate: 0.1, steps: 1 }); // warm-up (kernels, shapes)
  const started = performance.now();
  net.train(X, y, { learningRate: 0.1, steps });
  const seconds = (performance.now() - started) / 1000;
  net.dispose();
  return { backend, stepsPerSecond: steps / seconds };
}

const numpy = `
import numpy as np, time
rng = np.random.default_rng(0)
n, d, m, steps = ${n}, ${d}, ${m}, ${steps}
X = (rng.standard_normal((n, d)) / np.sqrt(d)).astype(np.float32)
y = rng.standard_normal(n).astype(np.float32)
W = rng.standard_normal((m, d)).astype(np.float32); a = np.sign(rng.standard_normal(m)).astype(np.float32)
def step(W, a, lr=np.float32(0.1)):
    H = X @ W.T; R = np.maximum(H, 0); f = R @ a / np.sqrt(m); g = (f - y) / n
    ga = R.T @ g / np.sqrt(m); gH = np.outer(g, a / np.sqrt(m)) * (H > 0); gW = gH.T @ X
    return W - lr * gW, a - lr * ga
W, a = step(W, a)
t = time.perf_counter()
for _ in range(steps): W, a = step(W, a)
print(steps / (time.perf_counter() - t))
`;

console.log(
  `n=${n} d=${d} m=${m}; ${cpus()[0]?.model}; load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
for (let round = 0; round < rounds; round++) {
  for (const backend of ['cpu', 'wasm']) {
    await tf.setBackend(backend);
    console.log(JSON.stringify(tfjsStepsPerSecond(backend)));
  }
  const python = spawnSync('python3', ['-c', numpy], { encoding: 'utf8' });
  console.log(JSON.stringify({ backend: 'numpy', stepsPerSecond: Number(python.stdout.trim()) }));
}
