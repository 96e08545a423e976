import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { gram, jsBackend, Matrix, matmul, setBackend, symEig, symEigValues } from '../src/index.js';
import type { KernelBackend } from '../src/kernels/backend.js';
import { tridiagonalDivideAndConquer } from '../src/kernels/eigen/tridiagonal-divide-conquer.js';
import { eigenInstance } from '../src/kernels/wasm/eigen-instance.js';
import { mergeVectorsLayout, solveMergeInKernel } from '../src/kernels/wasm/merge-arithmetic.js';
import { growMemory } from '../src/kernels/wasm/rank-update-executor.js';
import { wasmBackend } from '../src/kernels/wasm/wasm-backends.js';
import { maxAbsDiff, randomMatrix, seededUniform } from './helpers.js';

const simd = wasmBackend('simd') as KernelBackend;

/** The merge's secular-equation roots from the WebAssembly kernel, as (origin, tau). */
function solveSecularEquation(
  k: number,
  d: Float64Array,
  z: Float64Array,
  rho: number,
  origin: Int32Array,
  tau: Float64Array,
): void {
  const { kernel, memory } = eigenInstance() as NonNullable<ReturnType<typeof eigenInstance>>;
  const at = mergeVectorsLayout(k, 0);
  growMemory(memory, at.end + k * k * 8);
  const roots = solveMergeInKernel(kernel, memory, at, k, d, z, rho, at.end);
  origin.set(roots.origin);
  tau.set(roots.tau);
}
const backends: [string, KernelBackend][] = [
  ['js', jsBackend],
  ['wasm-simd', simd],
];

/** max |T Z − Z Λ| / ‖T‖ and max |ZᵀZ − I| for the tridiagonal (d, e) and Z's columns. */
function tridiagonalResiduals(
  d: Float64Array,
  e: Float64Array,
  values: Float64Array,
  Z: Float64Array,
): { eigen: number; orthogonality: number } {
  const n = d.length;
  let normT = 0;
  for (let i = 0; i < n; i++)
    normT = Math.max(
      normT,
      Math.abs(d[i]) + (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < n - 1 ? Math.abs(e[i]) : 0),
    );
  let eigen = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      let tz = d[i] * Z[i * n + j];
      if (i > 0) tz += e[i - 1] * Z[(i - 1) * n + j];
      if (i < n - 1) tz += e[i] * Z[(i + 1) * n + j];
      eigen = Math.max(eigen, Math.abs(tz - values[j] * Z[i * n + j]));
    }
  }
  const ZtZ = matmul(new Matrix(n, n, Z), new Matrix(n, n, Z), { transposeA: true });
  let orthogonality = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      orthogonality = Math.max(orthogonality, Math.abs(ZtZ.get(i, j) - (i === j ? 1 : 0)));
  return { eigen: eigen / Math.max(normT, Number.MIN_VALUE), orthogonality };
}

function solveTridiagonal(d: Float64Array, e: Float64Array, backend: KernelBackend) {
  const values = d.slice();
  const offDiagonal = e.slice();
  const { vectors, unconverged } = tridiagonalDivideAndConquer(d.length, values, offDiagonal, backend, 60);
  expect(unconverged).toBe(-1);
  return { values, vectors };
}

/** Q diag(spectrum) Qᵀ for a seeded orthogonal Q (the eigenvectors of a random symmetric matrix). */
function withSpectrum(spectrum: number[], seed: number): Matrix {
  const n = spectrum.length;
  const B = randomMatrix(n, n, seed);
  const S = new Matrix(n, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) S.data[i * n + j] = B.data[i * n + j] + B.data[j * n + i];
  setBackend('js');
  const Q = symEig(S).vectors;
  const scaled = Q.clone();
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) scaled.data[i * n + j] *= spectrum[j];
  const A = matmul(scaled, Q, { transposeB: true });
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const mean = (A.data[i * n + j] + A.data[j * n + i]) / 2;
      A.data[i * n + j] = mean;
      A.data[j * n + i] = mean;
    }
  return A;
}

function eigenResiduals(
  A: Matrix,
  values: Float64Array,
  V: Matrix,
): { eigen: number; orthogonality: number } {
  const n = A.rows;
  const AV = matmul(A, V);
  const VtV = matmul(V, V, { transposeA: true });
  let eigen = 0;
  let orthogonality = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      eigen = Math.max(eigen, Math.abs(AV.data[i * n + j] - values[j] * V.data[i * n + j]));
      orthogonality = Math.max(orthogonality, Math.abs(VtV.data[i * n + j] - (i === j ? 1 : 0)));
    }
  return { eigen, orthogonality };
}

describe('secular equation (rank-one update D + ρ z zᵀ)', () => {
  it('finds one root per interval, each a zero of f to rounding', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer(),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (k, seed, rho) => {
          const uniform = seededUniform(seed);
          // Strictly increasing poles (seededUniform is in [−1, 1)) and weights bounded away from 0.
          const d = Float64Array.from({ length: k }, (_, j) => j + 0.45 * (uniform() + 1));
          const z = Float64Array.from({ length: k }, () => 0.1 + Math.abs(uniform()));
          let norm = 0;
          for (const x of z) norm += x * x;
          for (let j = 0; j < k; j++) z[j] /= Math.sqrt(norm);
          const origin = new Int32Array(k);
          const tau = new Float64Array(k);
          solveSecularEquation(k, d, z, rho, origin, tau);
          for (let i = 0; i < k; i++) {
            const root = d[origin[i]] + tau[i];
            expect(root).toBeGreaterThanOrEqual(d[i]);
            expect(root).toBeLessThanOrEqual(i < k - 1 ? d[i + 1] : d[k - 1] + rho);
            let f = 1;
            let size = 1;
            for (let j = 0; j < k; j++) {
              const term = (rho * z[j] * z[j]) / (d[j] - d[origin[i]] - tau[i]);
              f += term;
              size += Math.abs(term);
            }
            expect(Math.abs(f)).toBeLessThanOrEqual(1e-13 * k * size);
          }
        },
      ),
      { numRuns: 60, seed: 4 },
    );
  });

  it('solves the 2×2 case exactly: diag(0, 1) + (0.6, 0.8)(0.6, 0.8)ᵀ', () => {
    const origin = new Int32Array(2);
    const tau = new Float64Array(2);
    const d = Float64Array.of(0, 1);
    solveSecularEquation(2, d, Float64Array.of(0.6, 0.8), 1, origin, tau);
    // Eigenvalues of [[0.36, 0.48], [0.48, 1.64]]: 1 ± √(0.64² + 0.48²) = 1 ± 0.8.
    expect(d[origin[0]] + tau[0]).toBeCloseTo(0.2, 15);
    expect(d[origin[1]] + tau[1]).toBeCloseTo(1.8, 15);
  });
});

describe.each(backends)('tridiagonal divide and conquer on %s', (_name, backend) => {
  it('gives T Z = Z Λ and ZᵀZ = I for random tridiagonals of orders around the leaf and merge boundaries', () => {
    for (const n of [1, 2, 3, 31, 32, 33, 63, 64, 65, 97, 128, 131]) {
      const uniform = seededUniform(n);
      const d = Float64Array.from({ length: n }, () => uniform() - 0.5);
      const e = Float64Array.from({ length: n }, (_, i) => (i < n - 1 ? uniform() - 0.5 : 0));
      const { values, vectors } = solveTridiagonal(d, e, backend);
      const { eigen, orthogonality } = tridiagonalResiduals(d, e, values, vectors);
      expect(eigen, `n = ${n}`).toBeLessThanOrEqual(1e-14 * n);
      expect(orthogonality, `n = ${n}`).toBeLessThanOrEqual(1e-14 * n);
    }
  });

  it('deflates repeated, clustered and decoupled spectra and stays orthogonal', () => {
    const n = 150;
    const cases: [string, Float64Array, Float64Array][] = [
      // Identity: ρ = 0 at every merge, everything deflates.
      ['identity', new Float64Array(n).fill(1), new Float64Array(n)],
      // Constant diagonal, tiny couplings: a tight cluster around 2.
      [
        'cluster',
        new Float64Array(n).fill(2),
        Float64Array.from({ length: n }, (_, i) => (i < n - 1 ? 1e-9 : 0)),
      ],
      // Wilkinson W+ (pairs of nearly equal eigenvalues).
      [
        'wilkinson',
        Float64Array.from({ length: n }, (_, i) => Math.abs((n - 1) / 2 - i)),
        Float64Array.from({ length: n }, (_, i) => (i < n - 1 ? 1 : 0)),
      ],
      // Alternating zero couplings: blocks of 2 with identical spectra (exactly repeated eigenvalues).
      [
        'repeated blocks',
        new Float64Array(n).fill(1),
        Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 && i < n - 1 ? 1 : 0)),
      ],
      // The 1-2-1 matrix (Laplacian): known eigenvalues 2 − 2cos(πj/(n+1)).
      [
        'laplacian',
        new Float64Array(n).fill(2),
        Float64Array.from({ length: n }, (_, i) => (i < n - 1 ? -1 : 0)),
      ],
    ];
    for (const [label, d, e] of cases) {
      const { values, vectors } = solveTridiagonal(d, e, backend);
      const { eigen, orthogonality } = tridiagonalResiduals(d, e, values, vectors);
      expect(eigen, label).toBeLessThanOrEqual(1e-14 * n);
      expect(orthogonality, label).toBeLessThanOrEqual(1e-14 * n);
    }
    const laplacian = solveTridiagonal(
      new Float64Array(n).fill(2),
      Float64Array.from({ length: n }, (_, i) => (i < n - 1 ? -1 : 0)),
      backend,
    ).values.sort();
    for (let j = 1; j <= n; j++)
      expect(Math.abs(laplacian[j - 1] - (2 - 2 * Math.cos((Math.PI * j) / (n + 1))))).toBeLessThanOrEqual(
        1e-13,
      );
  });
});

describe('symEig with divide and conquer (WebAssembly path) against the JS reference path', () => {
  afterEach(() => setBackend('auto'));

  it('matches the reference on orders around the 32-leaf and 128-reflector block boundaries', () => {
    // n − 2 reflectors: 129, 130 and 131 put the first block boundary just before, at and after.
    for (const n of [1, 2, 3, 31, 33, 63, 65, 127, 129, 130, 131, 200]) {
      const A = gram(randomMatrix(n, n + 3, 100 + n));
      setBackend(simd);
      const fast = symEig(A);
      const scale = Math.max(Math.abs(fast.values[0]), Number.MIN_VALUE);
      const { eigen, orthogonality } = eigenResiduals(A, fast.values, fast.vectors);
      expect(eigen / scale, `n = ${n}`).toBeLessThanOrEqual(1e-14 * Math.max(n, 10));
      expect(orthogonality, `n = ${n}`).toBeLessThanOrEqual(1e-14 * Math.max(n, 10));
      expect(symEigValues(A)).toEqual(fast.values);
      setBackend('js');
      const reference = symEig(A);
      expect(maxAbsDiff(fast.values, reference.values) / scale, `n = ${n}`).toBeLessThanOrEqual(1e-12);
      // Simple, well-separated eigenvalues: the same vectors up to the fixed sign convention.
      if (n <= 3) expect(maxAbsDiff(fast.vectors, reference.vectors)).toBeLessThanOrEqual(1e-12);
    }
  });

  it('keeps repeated and clustered eigenvalues orthogonal (spectrum 1,1,1,… with 2,2,… and a 1e-10 cluster)', () => {
    const n = 160;
    const spectrum = Array.from({ length: n }, (_, j) => (j < 60 ? 1 : j < 100 ? 2 : 3 + 1e-10 * j));
    const A = withSpectrum(spectrum, 9);
    for (const backend of [simd, 'js'] as const) {
      setBackend(backend);
      const { values, vectors } = symEig(A);
      const { eigen, orthogonality } = eigenResiduals(A, values, vectors);
      expect(eigen / 3).toBeLessThanOrEqual(1e-13);
      expect(orthogonality).toBeLessThanOrEqual(1e-13);
      const expected = spectrum.slice().sort((x, y) => y - x);
      for (let j = 0; j < n; j++) expect(Math.abs(values[j] - expected[j])).toBeLessThanOrEqual(1e-13);
    }
  });
});
