// PGD on 1000 test points against an RBF kernel ridge model, beside the same attack in numpy.
// Run after `npx tsup`: node bench/pgd-kernel.mjs
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '@benignlab/data';
import { choleskySolve, Matrix, matmul } from '@benignlab/linalg';
import { estimateRisks } from '../dist/index.js';
import { report, runNumpy, timeMedian } from './bench-harness.mjs';

const d = 100;
const trainSize = 200;
const testSize = 1000;
const bandwidth2 = d; // h² = d: inputs have ‖x − x'‖² ≈ 2d, so kernel values are e^{-1}-ish.
const rng = createRng(2024);
const thetaStar = new Float64Array(d).fill(1 / Math.sqrt(5), 0, 5);
const Z = new Matrix(trainSize, d, rng.split('train').fillNormal(new Float64Array(trainSize * d)));
const X = new Matrix(testSize, d, rng.split('test').fillNormal(new Float64Array(testSize * d)));
const noise = rng.split('noise').fillNormal(new Float64Array(trainSize), 0, 0.5);

function squaredNorms(A) {
  const out = new Float64Array(A.rows);
  for (let i = 0; i < A.rows; i++) {
    let s = 0;
    for (let j = 0; j < A.cols; j++) s += A.data[i * A.cols + j] ** 2;
    out[i] = s;
  }
  return out;
}

/** K(A, Z) with K(x, z) = exp(−‖x − z‖²/(2h²)), from one product A Zᵀ. */
function kernel(A) {
  const K = matmul(A, Z, { transposeB: true });
  const a2 = squaredNorms(A);
  const z2 = squaredNorms(Z);
  for (let i = 0; i < A.rows; i++) {
    for (let t = 0; t < trainSize; t++) {
      const k = i * trainSize + t;
      K.data[k] = Math.exp(-(a2[i] + z2[t] - 2 * K.data[k]) / (2 * bandwidth2));
    }
  }
  return K;
}

// Kernel ridge fit (not timed): c = (K(Z, Z) + nλ I)⁻¹ y, λ = 1e-3.
const y = new Float64Array(trainSize);
for (let t = 0; t < trainSize; t++) {
  let s = noise[t];
  for (let j = 0; j < d; j++) s += Z.data[t * d + j] * thetaStar[j];
  y[t] = s;
}
const Ktrain = kernel(Z);
for (let t = 0; t < trainSize; t++) Ktrain.data[t * trainSize + t] += trainSize * 1e-3;
const coefficients = choleskySolve(Ktrain, y);

const predictor = {
  predict(A) {
    const K = kernel(A);
    const out = new Float64Array(A.rows);
    for (let i = 0; i < A.rows; i++) {
      let s = 0;
      for (let t = 0; t < trainSize; t++) s += K.data[i * trainSize + t] * coefficients[t];
      out[i] = s;
    }
    return out;
  },
  // ∇f(x) = Σ_t c_t k(x, z_t)(z_t − x)/h² = (W Z − diag(W 1) X)/h² with W = K ∘ c.
  inputGradient(A) {
    const W = kernel(A);
    const rowSums = new Float64Array(A.rows);
    for (let i = 0; i < A.rows; i++) {
      let s = 0;
      for (let t = 0; t < trainSize; t++) {
        const k = i * trainSize + t;
        W.data[k] *= coefficients[t];
        s += W.data[k];
      }
      rowSums[i] = s;
    }
    const G = matmul(W, Z);
    for (let i = 0; i < A.rows; i++) {
      for (let j = 0; j < d; j++) {
        const k = i * d + j;
        G.data[k] = (G.data[k] - rowSums[i] * A.data[k]) / bandwidth2;
      }
    }
    return G;
  },
};

const settings = [
  { norm: 'l2', alpha: 0.5, steps: 10 },
  { norm: 'linf', alpha: 0.05, steps: 10 },
];
const ours = settings.map((s) =>
  timeMedian(
    () =>
      estimateRisks(predictor, {
        sample: X,
        target: thetaStar,
        alpha: s.alpha,
        norm: s.norm,
        method: 'pgd',
        steps: s.steps,
        restarts: 0,
      }),
    5,
  ),
);

const PYTHON = `
import json, sys, time
import numpy as np
spec = json.loads(sys.argv[1])
data = json.load(open(spec["file"]))
d, h2 = data["d"], data["h2"]
Z = np.array(data["Z"]).reshape(-1, d); X = np.array(data["X"]).reshape(-1, d)
c = np.array(data["c"]); ts = np.array(data["thetaStar"])
z2 = (Z * Z).sum(axis=1)

def kernel(A):
    D = (A * A).sum(axis=1)[:, None] + z2[None, :] - 2 * A @ Z.T
    return np.exp(-D / (2 * h2))
def predict(A): return kernel(A) @ c
def gradient(A):
    W = kernel(A) * c[None, :]
    return (W @ Z - W.sum(axis=1)[:, None] * A) / h2

def pgd(alpha, norm, steps):
    step = 2.5 * alpha / steps
    fstar = X @ ts
    f = predict(X); G = gradient(X)
    best = (f - fstar) ** 2
    delta = np.zeros_like(X)
    for s in range(steps + 1):
        if s > 0:
            f = predict(X + delta)
            best = np.maximum(best, (f - fstar) ** 2)
            if s == steps: break
            G = gradient(X + delta)
        r = f - fstar
        sign = np.where(r < 0, -1.0, 1.0)[:, None]
        if norm == "linf":
            delta = np.clip(delta + step * np.sign(sign * G), -alpha, alpha)
        else:
            gn = np.linalg.norm(G, axis=1, keepdims=True)
            safe = np.where(gn > 0, gn, 1.0)
            delta = delta + np.where(gn > 0, step * sign * G / safe, 0.0)
            dn = np.linalg.norm(delta, axis=1, keepdims=True)
            delta = delta * np.where(dn > alpha, alpha / np.where(dn > 0, dn, 1.0), 1.0)
    return float(best.mean())

out = []
for s in spec["settings"]:
    pgd(s["alpha"], s["norm"], s["steps"])
    times = []
    for _ in range(5):
        t = time.perf_counter(); value = pgd(s["alpha"], s["norm"], s["steps"]); times.append((time.perf_counter() - t) * 1e3)
    out.append([float(np.median(times)), value])
print(json.dumps(out))
`;

const folder = mkdtempSync(join(tmpdir(), 'benignlab-pgd-'));
const file = join(folder, 'model.json');
writeFileSync(
  file,
  JSON.stringify({
    d,
    h2: bandwidth2,
    Z: Array.from(Z.data),
    X: Array.from(X.data),
    c: Array.from(coefficients),
    thetaStar: Array.from(thetaStar),
  }),
);
let numpy;
try {
  numpy = runNumpy(PYTHON, { file, settings });
} finally {
  rmSync(folder, { recursive: true, force: true });
}

const rows = settings.map((s, k) => {
  const value = ours[k].result.adversarialRisk.mean;
  const reference = numpy ? numpy[k][1] : null;
  return {
    case: `PGD ${s.norm}, α = ${s.alpha}, ${s.steps} steps, 1000 points, d = ${d}, RBF model on ${trainSize} centres`,
    oursMs: ours[k].ms,
    numpyMs: numpy ? numpy[k][0] : null,
    agreement:
      reference === null
        ? 'n/a'
        : `R_α ${value.toPrecision(6)} vs ${reference.toPrecision(6)} (rel. diff ${(Math.abs(value - reference) / reference).toExponential(1)})`,
    standardRisk: ours[k].result.standardRisk.mean,
    adversarialRisk: value,
  };
});
report('pgd-kernel', 'PGD attack on a kernel model (median wall time of 5 runs)', rows, {
  runs: 5,
  note: 'Deterministic start δ = 0 (restarts: 0), so both run the identical attack. Products K(A, Z) and W Z: @benignlab/linalg matmul (ours), BLAS (numpy).',
});
