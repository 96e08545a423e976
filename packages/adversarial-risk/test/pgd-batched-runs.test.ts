import { createRng } from '@benignlab/data';
import { Matrix } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { addInto, ascentStep, randomStart } from '../src/attack-steps.js';
import { estimateRisks } from '../src/index.js';

// A non-linear predictor computed row by row: f(x) = sin⟨w, x⟩ + ⟨v, x⟩², ∇f = cos⟨w, x⟩·w + 2⟨v, x⟩·v.
const d = 6;
const w = Float64Array.of(0.9, -0.4, 0.3, 1.2, -0.7, 0.2);
const v = Float64Array.of(0.5, 0.1, -0.8, 0.3, 0.6, -0.2);
const calls: number[] = [];
const dot = (X: Matrix, r: number, a: Float64Array) => {
  let sum = 0;
  for (let j = 0; j < d; j++) sum += X.get(r, j) * (a[j] as number);
  return sum;
};
const predictor = {
  predict(X: Matrix) {
    calls.push(X.rows);
    return Float64Array.from({ length: X.rows }, (_, r) => Math.sin(dot(X, r, w)) + dot(X, r, v) ** 2);
  },
  inputGradient(X: Matrix) {
    const G = new Matrix(X.rows, d);
    for (let r = 0; r < X.rows; r++) {
      const c = Math.cos(dot(X, r, w));
      const q = 2 * dot(X, r, v);
      for (let j = 0; j < d; j++) G.set(r, j, c * (w[j] as number) + q * (v[j] as number));
    }
    return G;
  },
};

/** PGD as it ran before the runs were batched: one run after another. */
function sequentialPgd(
  X: Matrix,
  target: Float64Array,
  alpha: number,
  steps: number,
  restarts: number,
  seed: number,
) {
  const m = X.rows;
  const fStar = Float64Array.from({ length: m }, (_, r) => dot(X, r, target));
  const best = Float64Array.from(
    { length: m },
    (_, r) => ((predictor.predict(X)[r] as number) - (fStar[r] as number)) ** 2,
  );
  const stepSize = (2.5 * alpha) / steps;
  const delta = new Float64Array(m * d);
  const perturbed = new Matrix(m, d);
  const residual = new Float64Array(m);
  const rng = createRng(seed).split('pgd-random-starts');
  for (let run = 0; run <= restarts; run++) {
    if (run === 0) delta.fill(0);
    else randomStart(delta, m, d, alpha, false, rng);
    for (let step = 0; step <= steps; step++) {
      addInto(perturbed.data, X.data, delta);
      const prediction = predictor.predict(perturbed);
      for (let i = 0; i < m; i++) {
        const r = (prediction[i] as number) - (fStar[i] as number);
        residual[i] = r;
        if (r * r > (best[i] as number)) best[i] = r * r;
      }
      if (step === steps) break;
      ascentStep(delta, predictor.inputGradient(perturbed).data, residual, d, stepSize, alpha, false);
    }
  }
  return best;
}

describe('PGD with restarts', () => {
  it('runs the restarts side by side: the same losses as one run after another, one call per step', () => {
    const m = 9;
    const X = new Matrix(m, d, createRng(11).fillNormal(new Float64Array(m * d)));
    const target = Float64Array.of(1, 0, 0, 0, 0, 0);
    for (const restarts of [0, 1, 3]) {
      calls.length = 0;
      const result = estimateRisks(predictor, {
        sample: X,
        target,
        alpha: 0.4,
        norm: 'l2',
        method: 'pgd',
        steps: 5,
        restarts,
        seed: 7,
      });
      // The clean call, the random starts at step 0 (if any), then one batch of all runs per step.
      expect(calls).toEqual([
        m,
        ...(restarts > 0 ? [restarts * m] : []),
        ...Array(5).fill((restarts + 1) * m),
      ]);
      expect(Array.from(result.pointwise.adversarial)).toEqual(
        Array.from(sequentialPgd(X, target, 0.4, 5, restarts, 7)),
      );
    }
  });
});
