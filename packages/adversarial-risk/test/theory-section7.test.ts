import { describe, expect, it } from 'vitest';
import { frontier, ridgeTheory, ridgeTheoryPath } from '../src/index.js';
import { expectRelative } from './helpers.js';

/** Theory §7's spiked design: s = 5, λ_tail = 1/n, p = ⌈n^1.5⌉ + 5, σ² = 0.25, ‖θ*‖ = 1. */
function design(n: number) {
  const p = Math.ceil(n ** 1.5) + 5;
  return {
    eigenvalues: new Float64Array(p).fill(1 / n).fill(1, 0, 5),
    thetaStar: new Float64Array(p).fill(1 / Math.sqrt(5), 0, 5),
    sigma2: 0.25,
    n,
  };
}

describe('Theory §7 figures from the theory curves', () => {
  it('min-norm: R falls, ‖θ̂₀‖² grows, and the harm ratio (α = 0.1) dips then rises', () => {
    const quoted = [
      { n: 50, risk: 0.078, norm2: 2.7, harm: 17.9 },
      { n: 400, harm: 13.3 },
      { n: 800, risk: 0.012, norm2: 8.25 },
      { n: 25_600, risk: 0.0017, norm2: 41, harm: 45.6 },
    ];
    for (const row of quoted) {
      const at = ridgeTheory({ ...design(row.n), lambda: 0 });
      if (row.risk !== undefined) expectRelative(at.risk, row.risk, 0.03, `R n=${row.n}`);
      if (row.norm2 !== undefined) expectRelative(at.norm2, row.norm2, 0.03, `‖θ̂‖² n=${row.n}`);
      if (row.harm !== undefined) expectRelative(at.harmRatio(0.1), row.harm, 0.01, `harm n=${row.n}`);
    }
  });

  it('relative budget α_rel = 0.05: min-norm R_α 0.31 → 17 and no λ makes both risks small', () => {
    const lambdas = Array.from({ length: 300 }, (_, k) => 10 ** (-8 + (10 * k) / 299));
    const small = ridgeTheoryPath({ ...design(100), lambdas });
    const large = ridgeTheoryPath({ ...design(25_600), lambdas });
    expectRelative(
      ridgeTheory({ ...design(100), lambda: 0 }).adversarialRisk(0.05, { budget: 'relative' }),
      0.31,
      0.03,
      'n=100',
    );
    expectRelative(
      ridgeTheory({ ...design(25_600), lambda: 0 }).adversarialRisk(0.05, { budget: 'relative' }),
      17,
      0.03,
      'n=25600',
    );
    const before = frontier(small.points(0.05, { budget: 'relative' }));
    const after = frontier(large.points(0.05, { budget: 'relative' }));
    expectRelative(before.bestStandard.adversarialRisk, 0.2, 0.05, 'R_α at the R-best λ, n=100');
    expectRelative(after.bestStandard.adversarialRisk, 3.1, 0.06, 'R_α at the R-best λ, n=25600');
    expect(after.bestAdversarial.standardRisk).toBeGreaterThan(0.02);
    expect(after.bestAdversarial.standardRisk).toBeLessThan(0.05);
  });

  it('absolute budget α = 0.1: the best R_α over λ falls from 0.135 (n = 50) to 0.027 (n = 25,600)', () => {
    const lambdas = Array.from({ length: 300 }, (_, k) => 10 ** (-8 + (10 * k) / 299));
    expectRelative(
      frontier(ridgeTheoryPath({ ...design(50), lambdas }).points(0.1)).bestAdversarial.adversarialRisk,
      0.135,
      0.01,
      'n=50',
    );
    expectRelative(
      frontier(ridgeTheoryPath({ ...design(25_600), lambdas }).points(0.1)).bestAdversarial.adversarialRisk,
      0.027,
      0.02,
      'n=25600',
    );
  });
});
