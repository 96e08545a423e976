import { Matrix, matvec } from '@benignlab/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NtkLayers, ntkInputGradient, ntkKernel } from '../src/index.js';
import { gaussianMatrix, gaussianVector, pairGeometry } from './helpers.js';

const LAYERS: NtkLayers[] = ['first', 'both'];

/** Central finite differences of x ↦ Σᵢ wᵢ K(x, xᵢ) at each row of T, step h·(1 + ‖t‖). */
function finiteDifferenceGradient(
  T: Matrix,
  X: Matrix,
  weights: Float64Array,
  layers: NtkLayers,
  h = 1e-5,
): Matrix {
  const out = new Matrix(T.rows, T.cols);
  const f = (point: Float64Array) =>
    matvec(ntkKernel(new Matrix(1, point.length, point), X, { layers }), weights)[0];
  for (let r = 0; r < T.rows; r++) {
    const base = T.row(r).slice();
    const step = h * (1 + Math.hypot(...base));
    for (let k = 0; k < T.cols; k++) {
      const plus = base.slice();
      const minus = base.slice();
      plus[k] += step;
      minus[k] -= step;
      out.set(r, k, (f(plus) - f(minus)) / (2 * step));
    }
  }
  return out;
}

function expectClose(actual: Matrix, expected: Matrix, tolerance: number): void {
  expect(actual.shape).toEqual(expected.shape);
  for (let r = 0; r < actual.rows; r++) {
    const scale = 1 + Math.hypot(...expected.row(r));
    for (let k = 0; k < actual.cols; k++) {
      expect(Math.abs(actual.get(r, k) - expected.get(r, k))).toBeLessThan(tolerance * scale);
    }
  }
}

describe.each(LAYERS)('ntkInputGradient, layers = %s', (layers) => {
  it('matches central finite differences at random points', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 2, max: 10 }),
        (seed, n, t, d) => {
          const X = gaussianMatrix(n, d, seed);
          const weights = gaussianVector(n, seed + 2);
          // Central differences straddle K₁'s kink when a point is nearly parallel to a
          // centre (their error grows like h²/sin³φ: 1e-7 already at sin φ ≈ 0.01), so
          // the random points keep sin φ ≥ 0.05 here; the kink itself has its own test.
          const centres = X.toRows();
          const farFromKinks = (point: number[]) =>
            centres.every((centre) => Math.sin(pairGeometry(point, centre).phi) >= 0.05);
          const points = gaussianMatrix(t, d, seed + 1)
            .toRows()
            .filter(farFromKinks);
          fc.pre(points.length > 0);
          const T = Matrix.fromRows(points);
          expectClose(
            ntkInputGradient(T, X, weights, { layers }),
            finiteDifferenceGradient(T, X, weights, layers),
            1e-7,
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('takes the average of the one-sided limits where K has a kink (as central differences do)', () => {
    const X = gaussianMatrix(5, 4, 11);
    const weights = gaussianVector(5, 12);
    const rows = X.toRows();
    // At training points, scaled and flipped copies of them, and at the origin.
    const T = Matrix.fromRows([
      rows[0],
      rows[3],
      rows[1].map((v) => 2.5 * v),
      rows[2].map((v) => -0.5 * v),
      [0, 0, 0, 0],
    ]);
    const gradient = ntkInputGradient(T, X, weights, { layers });
    expectClose(gradient, finiteDifferenceGradient(T, X, weights, layers), 1e-7);
    // At x = 0 the average gradient is Σ wᵢ xᵢ/4 per kernel.
    const factor = layers === 'first' ? 0.25 : 0.5;
    const expectedAtZero = matvec(X, weights, { transpose: true }).map((v) => factor * v);
    for (let k = 0; k < 4; k++) expect(gradient.get(4, k)).toBeCloseTo(expectedAtZero[k], 14);
  });

  it('is exactly zero for a zero kernel centre and bounded just off a training point', () => {
    const X = Matrix.fromRows([
      [0, 0, 0],
      [1, 2, 3],
    ]);
    const weights = Float64Array.of(5, 1);
    const T = Matrix.fromRows([
      [1, 2, 3 + 1e-9],
      [1, 2, 3 - 1e-9],
      [1, 2, 3],
    ]);
    const gradient = ntkInputGradient(T, X, weights, { layers });
    for (const value of gradient.data) expect(Number.isFinite(value)).toBe(true);
    const onlyCentre = ntkInputGradient(T, Matrix.fromRows([[1, 2, 3]]), Float64Array.of(1), { layers });
    expect(gradient.data).toEqual(onlyCentre.data);
    // Within a 1e-9 angle of the centre the kink term has norm ≤ ‖x‖/(2π).
    const distance = Math.hypot(...gradient.row(0).map((v, k) => v - gradient.get(2, k)));
    expect(distance).toBeLessThanOrEqual(Math.hypot(1, 2, 3) / (2 * Math.PI) + 1e-12);
  });
});
