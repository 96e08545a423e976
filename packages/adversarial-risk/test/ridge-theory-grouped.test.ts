import { describe, expect, it } from 'vitest';
import { RiskError, ridgeTheoryPath, ridgeTheoryPathGrouped } from '../src/index.js';

describe('ridgeTheoryPathGrouped', () => {
  // Two spike levels and a tail, as the harm/rescue map uses them.
  const n = 300;
  const groups = { values: [1, 0.05, 1 / n], multiplicities: [5, 5, 6000], thetaStarSquared: [0.4, 0.6, 0] };
  const expanded = () => {
    const p = 6010;
    const eigenvalues = new Float64Array(p).fill(1 / n);
    const thetaStar = new Float64Array(p);
    for (let j = 0; j < 5; j++) {
      eigenvalues[j] = 1;
      thetaStar[j] = Math.sqrt(0.4 / 5);
      eigenvalues[j + 5] = 0.05;
      thetaStar[j + 5] = Math.sqrt(0.6 / 5);
    }
    return { eigenvalues, thetaStar };
  };
  const lambdas = [0, 1e-4, 1e-2, 1];

  it('matches ridgeTheoryPath on the expanded spectrum (κ, R, ‖θ̂‖², R_α, harm ratio, both budgets)', () => {
    const grouped = ridgeTheoryPathGrouped({ spectrum: groups, sigma2: 0.25, n, lambdas });
    const direct = ridgeTheoryPath({ ...expanded(), sigma2: 0.25, n, lambdas });
    for (let k = 0; k < lambdas.length; k++) {
      expect(grouped.kappa[k]).toBeCloseTo(direct.kappa[k] as number, 12);
      expect(grouped.risk[k] as number).toBeCloseTo(direct.risk[k] as number, 12);
      expect(grouped.norm2[k] as number).toBeCloseTo(direct.norm2[k] as number, 10);
      for (const budget of ['absolute', 'relative'] as const) {
        const a = grouped.harmRatio(0.1, { budget })[k] as number;
        const b = direct.harmRatio(0.1, { budget })[k] as number;
        expect(Math.abs(a - b) / b).toBeLessThan(1e-12);
        expect(grouped.adversarialRisk(0.1, { budget })[k]).toBeCloseTo(
          direct.adversarialRisk(0.1, { budget })[k] as number,
          12,
        );
      }
    }
  });

  it('handles dimensions no array could hold (p = 10¹²) and stays finite', () => {
    const path = ridgeTheoryPathGrouped({
      spectrum: { values: [1, 1e-9], multiplicities: [5, 1e12], thetaStarSquared: [1, 0] },
      sigma2: 0.25,
      n: 1e6,
      lambdas: [0, 1e-3],
    });
    for (const value of [...path.risk, ...path.norm2]) expect(Number.isFinite(value)).toBe(true);
    expect(path.risk[0]).toBeGreaterThan(0);
  });

  it('rejects bad groups with a typed error naming the field', () => {
    const bad = (spectrum: unknown) => () =>
      ridgeTheoryPathGrouped({ spectrum: spectrum as never, sigma2: 0.25, n: 10, lambdas: [0.1] });
    expect(bad({ values: [1, -1], multiplicities: [1, 1], thetaStarSquared: [1, 0] })).toThrow(
      /spectrum.values/,
    );
    expect(bad({ values: [1], multiplicities: [0.5], thetaStarSquared: [1] })).toThrow(
      /spectrum.multiplicities/,
    );
    expect(bad({ values: [1], multiplicities: [1], thetaStarSquared: [Number.NaN] })).toThrow(RiskError);
    expect(bad({ values: [1, 2], multiplicities: [1], thetaStarSquared: [1, 0] })).toThrow(/one per group/);
  });
});
