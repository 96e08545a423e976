// Exact risks and theory curves at p = 10⁶ beside the same computations in numpy.
// Run after `npx tsup`: node bench/exact-risks.mjs
import { adversarialRisk, ridgeTheoryPath, standardRisk } from '../dist/index.js';
import { report, runNumpy, timeMedian } from './bench-harness.mjs';

const p = 1_000_000;
const n = 10_000;
const grid = Array.from({ length: 500 }, (_, k) => 10 ** (-8 + (10 * k) / 499));

// THEORY.md §7's spiked design at n = 10⁴: 5 unit spikes, tail 1/n, p = n^1.5 (+ 5).
const spiked = new Float64Array(p + 5).fill(1 / n).fill(1, 0, 5);
const spikedTruth = new Float64Array(p + 5).fill(1 / Math.sqrt(5), 0, 5);
const theta = spikedTruth.map((t, j) => t + 1e-3 * Math.sin(j));
// A decaying spectrum with all eigenvalues distinct (no merging possible).
const powerP = 100_000;
const powerLaw = new Float64Array(powerP).map((_, j) => (j + 1) ** -1.5);
const powerTruth = new Float64Array(powerP).fill(1 / Math.sqrt(5), 0, 5);

const rows = [];
const ours = {
  standard: timeMedian(() => standardRisk(theta, spikedTruth, { eigenvalues: spiked }), 9),
  l2: timeMedian(() => adversarialRisk(theta, spikedTruth, { eigenvalues: spiked }, { alpha: 0.1 }), 9),
  linf: timeMedian(
    () => adversarialRisk(theta, spikedTruth, { eigenvalues: spiked }, { alpha: 0.001, norm: 'linf' }),
    9,
  ),
  spikedPath: timeMedian(
    () => ridgeTheoryPath({ eigenvalues: spiked, thetaStar: spikedTruth, sigma2: 0.25, n, lambdas: grid }),
    7,
  ),
  powerPath: timeMedian(
    () =>
      ridgeTheoryPath({ eigenvalues: powerLaw, thetaStar: powerTruth, sigma2: 0.25, n: 1000, lambdas: grid }),
    3,
  ),
};

const PYTHON = `
import json, sys, time
import numpy as np
spec = json.loads(sys.argv[1])
p, n = spec["p"], spec["n"]
grid = np.array(spec["grid"])

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

def theory_path(eigs, truth, sigma2, n, lambdas):
    # Same algorithm as ours: merge equal eigenvalues, then solve the kappa equation for
    # all lambdas at once (bracketed Newton from the left on the concave G, in chunks).
    values, inverse, counts = np.unique(eigs, return_inverse=True, return_counts=True)
    weights = np.bincount(inverse, weights=truth * truth)
    counts = counts.astype(float)
    P = eigs.size
    def sums(kappa):
        out1 = np.empty_like(kappa); out2 = np.empty_like(kappa)
        step = max(1, 4_000_000 // values.size)
        for s in range(0, kappa.size, step):
            inv = 1.0 / (values[None, :] + kappa[s:s + step, None])
            out1[s:s + step] = (counts * inv).sum(axis=1)
            out2[s:s + step] = (counts * values * inv * inv).sum(axis=1)
        return out1, out2
    k0 = 0.0
    if P > n:
        lo, hi = 1e-300, eigs.sum() / n
        for _ in range(200):
            mid = np.sqrt(lo * hi)
            t, _ = sums(np.array([mid]))
            if (n - P) / n + mid * t[0] / n < 0: lo = mid
            else: hi = mid
            if hi / lo - 1 < 1e-15: break
        k0 = hi
    lo = np.maximum(lambdas, k0)
    hi = lambdas + eigs.sum() / n
    kappa = lo.copy()
    for _ in range(500):
        t, s2 = sums(kappa)
        g = (n - P) / n + kappa * t / n - lambdas / kappa
        lo = np.where(g < 0, kappa, lo)
        hi = np.where(g > 0, kappa, hi)
        newton = kappa - g / (s2 / n + lambdas / kappa**2)
        mid = np.sqrt(lo) * np.sqrt(hi)
        usable = (newton > lo) & (newton < hi)
        creeping = (g < 0) & (newton - kappa > 0.5 * kappa) & (newton < mid)
        nxt = np.where(usable & ~creeping, newton, mid)
        done = (g == 0) | (usable & (np.abs(newton - kappa) <= 1e-13 * kappa)) | (hi - lo <= 1e-15 * lo)
        kappa = np.where(done, np.where(usable, newton, kappa), nxt)
        if done.all(): break
    risk = np.empty_like(kappa)
    step = max(1, 4_000_000 // values.size)
    for s in range(0, kappa.size, step):
        k = kappa[s:s + step, None]
        inv = 1.0 / (values[None, :] + k)
        shrink = values * inv * inv
        df2 = (counts * values * shrink).sum(axis=1)
        b0 = kappa[s:s + step] ** 2 * (weights * shrink).sum(axis=1)
        risk[s:s + step] = (n * b0 + sigma2 * df2) / (n - df2)
    return risk

spiked_ms, spiked_risk = median_ms(lambda: theory_path(lam, ts, 0.25, n, grid), 7)
P2 = spec["powerP"]
pl = (np.arange(1, P2 + 1, dtype=float)) ** -1.5
pt = np.zeros(P2); pt[:5] = 1 / np.sqrt(5)
power_ms, power_risk = median_ms(lambda: theory_path(pl, pt, 0.25, 1000, grid), 3)
out = {
  "standard": median_ms(standard, 9),
  "l2": median_ms(lambda: adversarial(0.1, 2), 9),
  "linf": median_ms(lambda: adversarial(0.001, 1), 9),
  "spikedPath": [spiked_ms, spiked_risk.tolist()],
  "powerPath": [power_ms, power_risk.tolist()],
}
print(json.dumps(out))
`;

const numpy = runNumpy(PYTHON, { p, n, grid, powerP });
const relative = (a, b) => Math.abs(a - b) / Math.abs(b);
const maxRelative = (a, b) => Math.max(...Array.from(a, (v, k) => relative(v, b[k])));
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
for (const [key, label] of [
  ['spikedPath', 'ridgeTheoryPath, 500 λ, spiked p = 10⁶ + 5, n = 10⁴'],
  ['powerPath', 'ridgeTheoryPath, 500 λ, power law p = 10⁵ (all distinct), n = 10³'],
]) {
  rows.push({
    case: label,
    oursMs: ours[key].ms,
    numpyMs: numpy ? numpy[key][0] : null,
    agreement: numpy
      ? `max rel. diff of R ${maxRelative(ours[key].result.risk, numpy[key][1]).toExponential(1)}`
      : 'n/a',
  });
}
report('exact-risks', 'Exact risks and theory curves (median wall time)', rows, {
  runs: { scalar: 9, spikedPath: 7, powerPath: 3 },
  note: 'Same formulas and the same κ algorithm in numpy (np.unique merging + vectorized bracketed Newton).',
});
