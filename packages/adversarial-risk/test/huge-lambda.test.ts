import { describe, expect, it } from 'vitest';
import { ridgeTheory, ridgeTheoryPath } from '../src/index.js';

// As λ → ∞ ridge shrinks θ̂ to 0: the risk tends to θ*ᵀΣθ* and ‖θ̂‖² to 0. Past κ ≈ 1e154
// the old route computed κ² · Σ λθ²/(λ + κ)² = ∞ · 0 = NaN.
describe('ridge theory at huge λ', () => {
  const eigenvalues = new Float64Array(400).fill(0.02).fill(1, 0, 4);
  const thetaStar = new Float64Array(400).fill(0.5, 0, 4);
  const signalEnergy = 4 * 0.25; // θ*ᵀΣθ* = Σ λ_j θ*_j²

  it.each([1e120, 1e200, 1e300, 1.7e308])('λ = %s gives finite values at the λ → ∞ limit', (lambda) => {
    const at = ridgeTheory({ eigenvalues, thetaStar, sigma2: 0.25, n: 60, lambda });
    expect(at.risk).toBeCloseTo(signalEnergy, 12);
    expect(at.norm2).toBeGreaterThanOrEqual(0);
    expect(at.norm2).toBeLessThan(1e-100);
    expect(Number.isFinite(at.adversarialRisk(0.1))).toBe(true);
    expect(Number.isFinite(at.harmRatio(0.1))).toBe(true);
  });

  it('joins the ordinary route continuously around the switch', () => {
    const path = ridgeTheoryPath({ eigenvalues, thetaStar, sigma2: 0.25, n: 60, lambdas: [1e99, 1e101] });
    expect(path.risk[0]).toBeCloseTo(path.risk[1] as number, 12);
    expect(path.risk[1]).toBeCloseTo(signalEnergy, 12);
  });
});
