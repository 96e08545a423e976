import { LinalgError } from '@benignlab/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FrontierPoint, frontier, ridgeTheoryPath } from '../src/index.js';

const pointArbitrary = fc.record({
  lambda: fc.double({ min: 0, max: 10, noNaN: true }),
  standardRisk: fc.double({ min: 0, max: 5, noNaN: true }),
  adversarialRisk: fc.double({ min: 0, max: 5, noNaN: true }),
});

function dominates(a: FrontierPoint, b: FrontierPoint): boolean {
  return (
    a.standardRisk <= b.standardRisk &&
    a.adversarialRisk <= b.adversarialRisk &&
    (a.standardRisk < b.standardRisk || a.adversarialRisk < b.adversarialRisk)
  );
}

describe('frontier', () => {
  it('keeps exactly the non-dominated points, sorted, with consistent best points and prices ≥ 1', () => {
    fc.assert(
      fc.property(fc.array(pointArbitrary, { minLength: 1, maxLength: 40 }), (points) => {
        const result = frontier(points);
        for (const kept of result.points) {
          expect(points.some((other) => dominates(other, kept))).toBe(false);
        }
        for (const point of points) {
          const covered = result.points.some(
            (kept) =>
              kept === point ||
              dominates(kept, point) ||
              (kept.standardRisk === point.standardRisk && kept.adversarialRisk === point.adversarialRisk),
          );
          expect(covered).toBe(true);
        }
        for (let k = 1; k < result.points.length; k++) {
          expect(result.points[k]!.standardRisk).toBeGreaterThan(result.points[k - 1]!.standardRisk);
          expect(result.points[k]!.adversarialRisk).toBeLessThan(result.points[k - 1]!.adversarialRisk);
        }
        const minStandard = Math.min(...points.map((p) => p.standardRisk));
        const minAdversarial = Math.min(...points.map((p) => p.adversarialRisk));
        expect(result.bestStandard.standardRisk).toBe(minStandard);
        expect(result.bestAdversarial.adversarialRisk).toBe(minAdversarial);
        expect(result.lambdaBestStandard).toBe(result.bestStandard.lambda);
        expect(result.priceOfRobustness).toBeGreaterThanOrEqual(1);
        expect(result.priceOfAccuracy).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('computes the prices on a worked example and keeps extra fields', () => {
    const result = frontier([
      { lambda: 0, standardRisk: 0.05, adversarialRisk: 0.9, label: 'min-norm' },
      { lambda: 0.1, standardRisk: 0.04, adversarialRisk: 0.5, label: 'ridge' },
      { lambda: 1, standardRisk: 0.3, adversarialRisk: 0.35, label: 'heavy' },
    ]);
    expect(result.points.map((p) => p.label)).toEqual(['ridge', 'heavy']);
    expect(result.lambdaBestStandard).toBe(0.1);
    expect(result.lambdaBestAdversarial).toBe(1);
    expect(result.priceOfRobustness).toBeCloseTo(7.5, 12);
    expect(result.priceOfAccuracy).toBeCloseTo(0.5 / 0.35, 12);
  });

  it('shows the trade-off of Theory §7 on the theory path (relative budget, n = 800)', () => {
    const n = 800;
    const p = Math.ceil(n ** 1.5) + 5;
    const eigenvalues = new Float64Array(p).fill(1 / n).fill(1, 0, 5);
    const thetaStar = new Float64Array(p).fill(1 / Math.sqrt(5), 0, 5);
    const lambdas = Array.from({ length: 200 }, (_, k) => 10 ** (-6 + (7 * k) / 199));
    const path = ridgeTheoryPath({ eigenvalues, thetaStar, sigma2: 0.25, n, lambdas });
    const result = frontier(path.points(0.05, { budget: 'relative' }));
    expect(result.points.length).toBeGreaterThan(1);
    expect(result.lambdaBestAdversarial).toBeGreaterThan(result.lambdaBestStandard);
    expect(result.priceOfRobustness).toBeGreaterThan(1.5);
    expect(result.priceOfAccuracy).toBeGreaterThan(1.5);
  });

  it('rejects empty input and bad points, naming the argument', () => {
    expect(() => frontier([])).toThrow(LinalgError);
    expect(() => frontier([{ lambda: 0, standardRisk: Number.NaN, adversarialRisk: 1 }])).toThrow(
      /standardRisk/,
    );
    expect(() => frontier([{ lambda: -1, standardRisk: 1, adversarialRisk: 1 }])).toThrow(/lambda/);
    expect(() => frontier('points' as never)).toThrow(/points/);
  });
});
