import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minNormNormLowerBound, RiskError, ridgeTheory, ridgeTheoryPath } from '../src/index.js';
import { expectArgumentErrors, expectRelative } from './helpers.js';

const spectrum = fc
  .array(fc.double({ min: 1e-4, max: 10, noNaN: true }), { minLength: 1, maxLength: 60 })
  .map((values) => Float64Array.from(values.sort((a, b) => b - a)));

describe('κ solver', () => {
  it('solves κ − λ = (κ/n) Σ λ_j/(λ_j + κ) to near machine precision for random spectra, n and λ', () => {
    fc.assert(
      fc.property(
        spectrum,
        fc.integer({ min: 1, max: 80 }),
        fc.oneof(fc.constant(0), fc.double({ min: 1e-300, max: 100, noNaN: true })),
        (eigenvalues, n, lambda) => {
          fc.pre(lambda > 0 || eigenvalues.length > n);
          const thetaStar = new Float64Array(eigenvalues.length).fill(1);
          const { kappa } = ridgeTheory({ eigenvalues, thetaStar, sigma2: 0.1, n, lambda });
          let s = 0;
          for (const value of eigenvalues) s += value / (value + kappa);
          expect(kappa).toBeGreaterThan(0);
          expect(kappa).toBeGreaterThanOrEqual(lambda);
          expect(Math.abs(kappa - lambda - (kappa / n) * s)).toBeLessThanOrEqual(1e-12 * kappa);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('κ, risk denominators and the path are monotone/consistent over a λ grid', () => {
    const p = 300;
    const eigenvalues = new Float64Array(p).map((_, j) => (j + 1) ** -1.2);
    const thetaStar = new Float64Array(p).map((_, j) => (j < 5 ? 1 / Math.sqrt(5) : 0));
    const lambdas = Array.from({ length: 50 }, (_, k) => (k === 0 ? 0 : 10 ** (-6 + (7 * k) / 49)));
    const path = ridgeTheoryPath({ eigenvalues, thetaStar, sigma2: 0.25, n: 100, lambdas });
    for (let k = 1; k < lambdas.length; k++) {
      expect(path.kappa[k]!).toBeGreaterThan(path.kappa[k - 1]!);
      expect(path.df2[k]!).toBeLessThan(path.df2[k - 1]!);
      // Larger λ shrinks the fit: the predicted norm falls.
      expect(path.norm2[k]!).toBeLessThan(path.norm2[k - 1]!);
    }
    for (let k = 0; k < lambdas.length; k++) {
      expect(path.df2[k]!).toBeLessThan(100);
      const single = ridgeTheory({ eigenvalues, thetaStar, sigma2: 0.25, n: 100, lambda: lambdas[k]! });
      expectRelative(path.kappa[k]!, single.kappa, 1e-13, 'path vs single');
      expectRelative(path.risk[k]!, single.risk, 1e-12, 'path vs single risk');
    }
  });

  it('long spectra of distinct eigenvalues (summed by cluster expansion) match plain bisection', () => {
    const p = 6000;
    const n = 500;
    const eigenvalues = new Float64Array(p).map((_, j) => (j + 1) ** -1.3);
    const thetaStar = new Float64Array(p).fill(0.5, 0, 4);
    const lambdas = [0, 1e-7, 1e-4, 0.01, 1, 50];
    const path = ridgeTheoryPath({ eigenvalues, thetaStar, sigma2: 0.1, n, lambdas });
    lambdas.forEach((lambda, k) => {
      // κ·(1 − S₁(κ)/n) − λ changes sign once on (0, λ + tr Σ/n) for λ > 0, and
      // 1 − S₁/n does at λ = 0: bisect on the log scale.
      const f = (kappa: number) => {
        let s = 0;
        for (const value of eigenvalues) s += value / (value + kappa);
        return lambda === 0 ? 1 - s / n : kappa * (1 - s / n) - lambda;
      };
      let lo = 1e-300;
      let hi = lambda + eigenvalues.reduce((a, b) => a + b, 0) / n;
      for (let i = 0; i < 2000 && hi / lo - 1 > 1e-14; i++) {
        const mid = Math.sqrt(lo) * Math.sqrt(hi);
        if (f(mid) < 0) lo = mid;
        else hi = mid;
      }
      expectRelative(path.kappa[k]!, hi, 1e-11, `κ at λ = ${lambda}`);
    });
  });

  it('merging equal eigenvalues changes nothing beyond rounding (unsorted input keeps runs separate)', () => {
    const sorted = Float64Array.from([1, 1, 1, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01]);
    const shuffled = Float64Array.from([0.01, 1, 0.01, 0.01, 1, 0.01, 0.01, 1, 0.01, 0.01]);
    const thetaSorted = Float64Array.from([0.5, 0.5, 0.5, 0, 0, 0, 0, 0, 0, 0.3]);
    const thetaShuffled = Float64Array.from([0, 0.5, 0, 0, 0.5, 0, 0, 0.5, 0, 0.3]);
    const a = ridgeTheory({ eigenvalues: sorted, thetaStar: thetaSorted, sigma2: 0.2, n: 4, lambda: 0.001 });
    const b = ridgeTheory({
      eigenvalues: shuffled,
      thetaStar: thetaShuffled,
      sigma2: 0.2,
      n: 4,
      lambda: 0.001,
    });
    expectRelative(a.kappa, b.kappa, 1e-13, 'kappa');
    expectRelative(a.risk, b.risk, 1e-13, 'risk');
    expectRelative(a.norm2, b.norm2, 1e-13, 'norm2');
  });

  it('agrees with the simulation quoted in Theory §4 (n = 200, p = 2000, 5 spikes, tail 1/n)', () => {
    const n = 200;
    const p = 2000;
    const eigenvalues = new Float64Array(p).fill(1 / n).fill(1, 0, 5);
    const thetaStar = new Float64Array(p).fill(1 / Math.sqrt(5), 0, 5);
    const path = ridgeTheoryPath({ eigenvalues, thetaStar, sigma2: 0.25, n, lambdas: [1e-6, 0.1] });
    expectRelative(path.risk[0]!, 0.0358, 0.01, 'R at 1e-6');
    expectRelative(path.risk[1]!, 0.0253, 0.01, 'R at 0.1');
    expectRelative(path.norm2[0]!, 6.38, 0.01, '‖θ‖² at 1e-6');
    expectRelative(path.norm2[1]!, 1.319, 0.01, '‖θ‖² at 0.1');
  });

  it('λ = 0 needs p > n, with an error naming λ', () => {
    const eigenvalues = new Float64Array(10).fill(1);
    const thetaStar = new Float64Array(10);
    expect(() => ridgeTheory({ eigenvalues, thetaStar, sigma2: 1, n: 10, lambda: 0 })).toThrow(RiskError);
    expect(() => ridgeTheory({ eigenvalues, thetaStar, sigma2: 1, n: 10, lambda: 0 })).toThrow(/needs p > n/);
    expect(ridgeTheory({ eigenvalues, thetaStar, sigma2: 1, n: 10, lambda: 0.1 }).kappa).toBeGreaterThan(0.1);
  });

  it('the min-norm norm bound σ² n / tr Σ lies below the predicted E‖θ̂₀‖²', () => {
    const n = 100;
    const p = 1005;
    const eigenvalues = new Float64Array(p).fill(1 / n).fill(1, 0, 5);
    const thetaStar = new Float64Array(p).fill(1 / Math.sqrt(5), 0, 5);
    const bound = minNormNormLowerBound(eigenvalues, 0.25, n);
    const trace = 5 + 1000 / n;
    expectRelative(bound, (0.25 * n) / trace, 1e-12, 'bound');
    expect(ridgeTheory({ eigenvalues, thetaStar, sigma2: 0.25, n, lambda: 0 }).norm2).toBeGreaterThan(bound);
  });

  it('rejects bad input with errors naming the argument', () => {
    const eigenvalues = new Float64Array([1, 0.5, 0.25]);
    const thetaStar = new Float64Array(3);
    const base = { eigenvalues, thetaStar, sigma2: 0.1, n: 2 };
    const cases: [() => unknown, string][] = [
      [() => ridgeTheory({ ...base, lambda: -1 }), 'lambda'],
      [() => ridgeTheory({ ...base, lambda: Number.NaN }), 'lambda'],
      [() => ridgeTheory({ ...base, eigenvalues: new Float64Array([1, 0, 1]), lambda: 1 }), 'eigenvalues'],
      [() => ridgeTheory({ ...base, thetaStar: new Float64Array(2), lambda: 1 }), 'thetaStar'],
      [() => ridgeTheory({ ...base, sigma2: -1, lambda: 1 }), 'sigma2'],
      [() => ridgeTheory({ ...base, n: 0, lambda: 1 }), 'n'],
      [() => ridgeTheory({ ...base, lambda: 1, lamda: 2 } as never), 'input'],
      [() => ridgeTheoryPath({ ...base, lambdas: [] }), 'lambdas'],
      [() => ridgeTheoryPath({ ...base, lambdas: [1, -2] }), 'lambdas'],
      [() => ridgeTheory({ ...base, lambda: 1 }).adversarialRisk(-0.1), 'alpha'],
      [
        () => ridgeTheory({ ...base, lambda: 1 }).adversarialRisk(0.1, { norm: 'linf' as never }),
        'options.norm',
      ],
      [
        () => ridgeTheory({ ...base, lambda: 1 }).adversarialRisk(0.1, { budjet: 'relative' } as never),
        'options',
      ],
      [() => minNormNormLowerBound(new Float64Array([1, -1]), 1, 3), 'eigenvalues'],
    ];
    expectArgumentErrors(cases);
  });
});
