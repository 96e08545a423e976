// Exact risks at p = 10⁶ beside the same computations in numpy (theory curves: theory-path.mjs).
// Run after `npx tsup`: node bench/exact-risks.mjs
import { adversarialRisk, standardRisk } from '../dist/index.js';
import { report, runNumpy, timeMedian } from './bench-harness.mjs';

const p = 1_000_000;
const n = 10_000;
// Theory §7's spiked design at n = 10⁴: 5 unit spikes, tail 1/n, p = n^1.5 (+ 5).
const spiked = new Float64Array(p + 5).fill(1 / n).fill(1, 0, 5);
const spikedTruth = new Float64Array(p + 5).fill(1 / Math.sqrt(5), 0, 5);
const theta = spikedTruth.map((t, j) => t + 1e-3 * Math.sin(j));

const rows = [];
const ours = {
  standard: timeMedian(() => standardRisk(theta, spikedTruth, { eigenvalues: spiked }), 9),
  l2: timeMedian(() => adversarialRisk(theta, spikedTruth, { eigenvalues: spiked }, { alpha: 0.1 }), 9),
  linf: timeMedian(
    () => adversarialRisk(theta, spikedTruth, { eigenvalues: spiked }, { alpha: 0.001, norm: 'linf' }),
    9,
  ),
};

const PYTHON = `
import json, sys, time
import numpy as np
spec = json.loads(sys.argv[1])
p, n = spec["p"], spec["n"]

def median_ms(work, runs):
    work()
    times = []
    for _ in range(runs):
        t = time.perf_counter(); out = work(); times.append((time.perf_counter() - t) * 1e3)
    return float(np.median(times)), out

lam = np.full(p + 5, 1.0 / n); lam[:5] = 1.0
ts = np.zeros(p + 5); ts[:5] = 1 / np.sqrt(5)
th = ts + 1e-3 * np.sin(np.arange(p + 5))
c = np.sqrt(2 / np.pi)

def standard():
    d = th - ts
    return float(np.dot(lam, d * d))

def adversarial(alpha, dual):
    d = th - ts
    R = np.dot(lam, d * d)
    q = alpha * (np.sqrt(np.dot(th, th)) if dual == 2 else np.abs(th).sum())
    return float(R + 2 * c * q * np.sqrt(R) + q * q)

out = {
  "standard": median_ms(standard, 9),
  "l2": median_ms(lambda: adversarial(0.1, 2), 9),
  "linf": median_ms(lambda: adversarial(0.001, 1), 9),
}
print(json.dumps(out))
`;

const numpy = runNumpy(PYTHON, { p, n });
const relative = (a, b) => Math.abs(a - b) / Math.abs(b);
const scalar = (key, label) => {
  rows.push({
    case: label,
    oursMs: ours[key].ms,
    numpyMs: numpy ? numpy[key][0] : null,
    agreement: numpy ? `rel. diff ${relative(ours[key].result, numpy[key][1]).toExponential(1)}` : 'n/a',
  });
};
scalar('standard', 'standardRisk, diagonal Σ, p = 10⁶');
scalar('l2', 'adversarialRisk ℓ2 (Gaussian closed form), p = 10⁶');
scalar('linf', 'adversarialRisk ℓ∞ (Gaussian closed form), p = 10⁶');
report('exact-risks', 'Exact risks (median wall time)', rows, {
  runs: 9,
  note: 'Same formulas in numpy.',
});
