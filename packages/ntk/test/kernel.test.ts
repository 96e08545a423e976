import { Matrix, symEig } from '@benignlab/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NtkLayers, ntkKernel } from '../src/index.js';
import { gaussianMatrix, maxRelativeError, pairGeometry } from './helpers.js';

const LAYERS: NtkLayers[] = ['first', 'both'];
const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const sizes = fc.integer({ min: 1, max: 12 });

/** Direct scalar evaluation of Theory §5, the property tests' reference. */
function kernelByDefinition(a: Float64Array, b: Float64Array, layers: NtkLayers): number {
  const { u, norms, c, phi } = pairGeometry(a, b);
  const first = (u * (Math.PI - phi)) / (2 * Math.PI);
  return layers === 'first' ? first : first + (norms * (Math.sin(phi) + (Math.PI - phi) * c)) / (2 * Math.PI);
}

describe.each(LAYERS)('ntkKernel, layers = %s', (layers) => {
  it('matches the scalar definition entry by entry', () => {
    fc.assert(
      fc.property(seeds, sizes, sizes, fc.integer({ min: 1, max: 20 }), (seed, n, m, d) => {
        const A = gaussianMatrix(n, d, seed);
        const B = gaussianMatrix(m, d, seed + 1);
        const K = ntkKernel(A, B, { layers });
        expect(K.shape).toEqual([n, m]);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < m; j++) {
            const expected = kernelByDefinition(A.row(i), B.row(j), layers);
            // acos is ill-conditioned at c = ±1 where the scalar reference rounds; hence the floor.
            const floor = 1e-12 * Math.hypot(...A.row(i)) * Math.hypot(...B.row(j));
            expect(Math.abs(K.get(i, j) - expected)).toBeLessThanOrEqual(1e-7 * Math.abs(expected) + floor);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('is symmetric, K(A, B) = K(B, A)ᵀ, and the fast path equals the general path', () => {
    fc.assert(
      fc.property(seeds, sizes, sizes, fc.integer({ min: 1, max: 30 }), (seed, n, m, d) => {
        const A = gaussianMatrix(n, d, seed);
        const B = gaussianMatrix(m, d, seed + 7);
        expect(
          maxRelativeError(
            ntkKernel(A, B, { layers }).data,
            ntkKernel(B, A, { layers }).transpose().data,
            1e-15,
          ),
        ).toBeLessThan(1e-14);
        const fast = ntkKernel(A, A, { layers });
        expect(fast.data).toEqual(fast.transpose().data);
        expect(maxRelativeError(fast.data, ntkKernel(A, A.clone(), { layers }).data, 1e-12)).toBeLessThan(
          1e-13,
        );
      }),
      { numRuns: 40 },
    );
  });

  it('is positively homogeneous: K(s·a, t·b) = s·t·K(a, b) for s, t > 0', () => {
    fc.assert(
      fc.property(
        seeds,
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (seed, s, t) => {
          const A = gaussianMatrix(4, 6, seed);
          const B = gaussianMatrix(5, 6, seed + 3);
          const scaledA = new Matrix(
            4,
            6,
            A.data.map((v) => v * s),
          );
          const scaledB = new Matrix(
            5,
            6,
            B.data.map((v) => v * t),
          );
          const expected = ntkKernel(A, B, { layers }).data.map((v) => v * s * t);
          expect(
            maxRelativeError(ntkKernel(scaledA, scaledB, { layers }).data, expected, 1e-12),
          ).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('gives a positive semidefinite K(X, X)', () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 8 }), (seed, n, d) => {
        const { values } = symEig(
          ntkKernel(gaussianMatrix(n, d, seed), gaussianMatrix(n, d, seed), { layers }),
        );
        expect(values[n - 1]).toBeGreaterThan(-1e-12 * values[0]);
      }),
      { numRuns: 25 },
    );
  });

  it('is exact for parallel, antiparallel, duplicated and zero rows', () => {
    const x = [0.3, -1.2, 2.5, 0.7];
    const A = Matrix.fromRows([x, x.map((v) => 3 * v), x.map((v) => -2 * v), [0, 0, 0, 0], x]);
    const K = ntkKernel(A, A, { layers });
    const squaredNorm = x.reduce((s, v) => s + v * v, 0);
    const diagonal = layers === 'first' ? squaredNorm / 2 : squaredNorm;
    expect(K.get(0, 0)).toBeCloseTo(diagonal, 14);
    expect(K.get(0, 4)).toBe(K.get(0, 0));
    expect(K.get(0, 1)).toBeCloseTo(3 * diagonal, 13);
    // Antiparallel: relu(⟨w, x⟩)·relu(−⟨w, x⟩) = 0 and the indicators never agree.
    expect(Math.abs(K.get(0, 2))).toBeLessThan(1e-14);
    for (let j = 0; j < 5; j++) {
      expect(K.get(3, j)).toBe(0);
      expect(K.get(j, 3)).toBe(0);
    }
    const general = ntkKernel(A, A.clone(), { layers });
    expect(maxRelativeError(general.data, K.data, 1e-12)).toBeLessThan(1e-14);
  });
});
