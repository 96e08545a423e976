import { Matrix, matmul } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { covarianceEigenvalues, type DesignSpec, haarOrthogonal, makeDesign } from '../src/index.js';

/** Sample covariance (1/n) XᵀX (the population mean is 0 and known). */
function secondMoment(X: Matrix): Matrix {
  const S = matmul(X, X, { transposeA: true });
  for (let k = 0; k < S.data.length; k++) S.data[k] = (S.data[k] as number) / X.rows;
  return S;
}

/** Σ = B diag(λ) Bᵀ as a dense matrix. */
function denseSigma(eigenvalues: Float64Array, basis: Matrix | undefined): Matrix {
  const p = eigenvalues.length;
  const B = basis ?? Matrix.identity(p);
  const scaled = B.clone();
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++)
      scaled.data[i * p + j] = (B.data[i * p + j] as number) * (eigenvalues[j] as number);
  return matmul(scaled, B, { transposeB: true });
}

/**
 * Every entry of the second moment within 5 standard errors: Var(x_a x_b) =
 * Σ_aa Σ_bb + Σ_ab² + (κ − 3) Σ_j B_aj² B_bj² λ_j² for whitened coordinates with fourth
 * moment κ (3 Gaussian, 1 Rademacher, 9/5 uniform).
 */
function expectSecondMomentNear(
  X: Matrix,
  sigma: Matrix,
  kurtosis: number,
  basis: Matrix | undefined,
  eigenvalues: Float64Array,
) {
  const n = X.rows;
  const p = X.cols;
  const S = secondMoment(X);
  const B = basis ?? Matrix.identity(p);
  let worst = 0;
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      let excess = 0;
      for (let j = 0; j < p; j++)
        excess += B.get(a, j) ** 2 * B.get(b, j) ** 2 * (eigenvalues[j] as number) ** 2;
      const variance = sigma.get(a, a) * sigma.get(b, b) + sigma.get(a, b) ** 2 + (kurtosis - 3) * excess;
      // Rademacher diagonals have variance 0 (x_a² = λ_a exactly): allow rounding there.
      const error = Math.abs(S.get(a, b) - sigma.get(a, b)) - 1e-12;
      worst = Math.max(worst, error <= 0 ? 0 : error / Math.sqrt(variance / n));
    }
  }
  expect(worst).toBeLessThan(5);
}

function expectMeansNear(X: Matrix, sigma: Matrix) {
  for (let a = 0; a < X.cols; a++) {
    let sum = 0;
    for (let i = 0; i < X.rows; i++) sum += X.data[i * X.cols + a] as number;
    expect(Math.abs(sum / X.rows)).toBeLessThan(5 * Math.sqrt(sigma.get(a, a) / X.rows));
  }
}

const KURTOSIS = { gaussian: 3, rademacher: 1, uniform: 9 / 5 } as const;

describe('sample moments match Σ (tolerances = 5 standard errors at n = 20000)', () => {
  const cases: [string, DesignSpec][] = [
    ['gaussian, diagonal spiked', { covariance: { kind: 'spiked', p: 8, s: 2, tail: 0.1 } }],
    [
      'rademacher, diagonal power law',
      { covariance: { kind: 'powerLaw', p: 8, a: 1 }, features: 'rademacher' },
    ],
    ['uniform, diagonal bartlett', { covariance: { kind: 'bartlett', p: 8, beta: 2 }, features: 'uniform' }],
    [
      'gaussian, random basis',
      { covariance: { kind: 'powerLaw', p: 8, a: 1, basis: 'random', basisSeed: 3 } },
    ],
    [
      'rademacher, random basis',
      {
        covariance: { kind: 'spiked', p: 8, s: 3, tail: 0.2, basis: 'random', basisSeed: 4 },
        features: 'rademacher',
      },
    ],
  ];
  it.each(cases)('%s', (_name, spec) => {
    const design = makeDesign(spec);
    const { X } = design.sample(20_000, 11);
    const sigma = denseSigma(design.eigenvalues, design.basis);
    expectMeansNear(X, sigma);
    expectSecondMomentNear(X, sigma, KURTOSIS[design.features], design.basis, design.eigenvalues);
  });

  it('whitened coordinates have the right law: ±√λ for Rademacher, bounded by √(3λ) for uniform', () => {
    const rademacher = makeDesign({ covariance: { kind: 'powerLaw', p: 5, a: 2 }, features: 'rademacher' });
    const { X } = rademacher.sample(50, 1);
    for (let i = 0; i < 50; i++) {
      for (let j = 0; j < 5; j++)
        expect(Math.abs(X.get(i, j))).toBeCloseTo(Math.sqrt(rademacher.eigenvalues[j] as number), 14);
    }
    const uniform = makeDesign({ covariance: { kind: 'powerLaw', p: 5, a: 2 }, features: 'uniform' });
    const U = uniform.sample(2000, 1).X;
    for (let i = 0; i < 2000; i++) {
      for (let j = 0; j < 5; j++)
        expect(Math.abs(U.get(i, j))).toBeLessThanOrEqual(Math.sqrt(3 * (uniform.eigenvalues[j] as number)));
    }
  });
});

describe('labels', () => {
  it('clean = Xθ* (linear) and y − clean has mean 0 and variance σ²', () => {
    const design = makeDesign({
      covariance: { kind: 'spiked', p: 30, s: 3, tail: 0.05 },
      noise: { sigma: 0.7 },
    });
    const n = 20_000;
    const { X, y, clean } = design.sample(n, 5);
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      let expected = 0;
      for (let j = 0; j < 30; j++) expected += X.get(i, j) * (design.thetaStar[j] as number);
      expect(clean[i]).toBeCloseTo(expected, 12);
      const noise = (y[i] as number) - (clean[i] as number);
      sum += noise;
      sumSquares += noise * noise;
    }
    expect(Math.abs(sum / n)).toBeLessThan(5 * Math.sqrt(0.49 / n));
    expect(Math.abs(sumSquares / n - 0.49)).toBeLessThan(5 * Math.sqrt((2 * 0.49 ** 2) / n));
  });

  it('Rademacher noise is exactly ±σ; singleIndex clean = tanh(⟨x, θ*⟩)', () => {
    const design = makeDesign({
      covariance: { kind: 'isotropic', p: 10, scale: 2 },
      noise: { law: 'rademacher', sigma: 0.25 },
      target: { kind: 'singleIndex', link: 'tanh' },
      thetaStar: { kind: 'sphere', norm: 2, seed: 9 },
    });
    const { X, y, clean } = design.sample(200, 1);
    for (let i = 0; i < 200; i++) {
      expect(Math.abs((y[i] as number) - (clean[i] as number))).toBeCloseTo(0.25, 14);
      let index = 0;
      for (let j = 0; j < 10; j++) index += X.get(i, j) * (design.thetaStar[j] as number);
      expect(clean[i]).toBeCloseTo(Math.tanh(index), 14);
    }
    expect(design.evaluateTarget(X)).toEqual(clean);
    expect(() => design.targetAt(new Float64Array(3))).toThrow(/^x: /);
  });
});

describe('seeds and streams', () => {
  const spec: DesignSpec = { covariance: { kind: 'spiked', p: 40, s: 4, tail: 0.1 } };

  it('the same seed reproduces bit-identical samples; other seeds differ', () => {
    const first = makeDesign(spec).sample(30, 123);
    const again = makeDesign(spec).sample(30, 123);
    expect(again.X.data).toEqual(first.X.data);
    expect(again.y).toEqual(first.y);
    const other = makeDesign(spec).sample(30, 124);
    let differing = 0;
    for (let k = 0; k < other.X.data.length; k++) if (other.X.data[k] !== first.X.data[k]) differing++;
    expect(differing).toBe(other.X.data.length);
  });

  it('changing n neither moves the test set nor the first rows of the training set', () => {
    const design = makeDesign(spec);
    const test = design.testSample(25, 7);
    design.sample(10, 7);
    expect(design.testSample(25, 7).X.data).toEqual(test.X.data);
    const small = design.sample(10, 7);
    const large = design.sample(60, 7);
    expect(large.X.data.subarray(0, 400)).toEqual(small.X.data);
    expect(large.y.subarray(0, 10)).toEqual(small.y);
    expect(test.X.data.subarray(0, 400)).not.toEqual(small.X.data);
  });

  it('pins the first draws (a regression guard for the stream layout)', () => {
    const { X, y } = makeDesign({ covariance: { kind: 'isotropic', p: 3 } }).sample(1, 0);
    expect(Array.from(X.data)).toEqual([-0.3334410798458878, -1.669935073520809, 1.064706201328565]);
    expect(Array.from(y)).toEqual([0.10675571293686792]);
  });
});

describe('θ* coordinates and the random basis', () => {
  it('spikes spread norm/√count over the top directions; sphere has the norm and follows its seed', () => {
    const design = makeDesign({
      covariance: { kind: 'spiked', p: 10, s: 4, tail: 0.1 },
      thetaStar: { kind: 'spikes', norm: 2 },
    });
    expect(Array.from(design.thetaStar)).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    const sphere = makeDesign({
      covariance: { kind: 'isotropic', p: 50 },
      thetaStar: { kind: 'sphere', norm: 3, seed: 1 },
    });
    expect(Math.hypot(...sphere.thetaStar)).toBeCloseTo(3, 12);
    const sameSeed = makeDesign({
      covariance: { kind: 'isotropic', p: 50 },
      thetaStar: { kind: 'sphere', norm: 3, seed: 1 },
    });
    expect(sameSeed.thetaStar).toEqual(sphere.thetaStar);
    const otherSeed = makeDesign({
      covariance: { kind: 'isotropic', p: 50 },
      thetaStar: { kind: 'sphere', norm: 3, seed: 2 },
    });
    expect(otherSeed.thetaStar).not.toEqual(sphere.thetaStar);
  });

  it('with a random basis, thetaStar = B · thetaStarEigen, in either custom coordinate system', () => {
    const covariance = { kind: 'powerLaw', p: 6, a: 1, basis: 'random', basisSeed: 5 } as const;
    const eigen = makeDesign({ covariance, thetaStar: { kind: 'custom', values: [1, 2, 0, 0, 0, -1] } });
    const B = eigen.basis as Matrix;
    for (let i = 0; i < 6; i++) {
      let expected = 0;
      for (let j = 0; j < 6; j++) expected += B.get(i, j) * (eigen.thetaStarEigen[j] as number);
      expect(eigen.thetaStar[i]).toBeCloseTo(expected, 14);
    }
    const ambient = makeDesign({
      covariance,
      thetaStar: { kind: 'custom', values: Array.from(eigen.thetaStar), coordinates: 'ambient' },
    });
    for (let j = 0; j < 6; j++)
      expect(ambient.thetaStarEigen[j]).toBeCloseTo(eigen.thetaStarEigen[j] as number, 13);
    expect(eigen.covariance.basis).toBe(B);
    expect('basis' in makeDesign({ covariance: { kind: 'isotropic', p: 3 } }).covariance).toBe(false);
  });

  it('haarOrthogonal is orthogonal, seeded, and sign-corrected (diagonal mean ≈ 0)', () => {
    const Q = haarOrthogonal(40, 1);
    const QtQ = matmul(Q, Q, { transposeA: true });
    for (let i = 0; i < 40; i++)
      for (let j = 0; j < 40; j++) expect(Math.abs(QtQ.get(i, j) - (i === j ? 1 : 0))).toBeLessThan(1e-13);
    expect(haarOrthogonal(40, 1).data).toEqual(Q.data);
    // Without the sign correction, Householder QR biases diag(Q) (mean ≈ −0.2 here); Haar has mean 0.
    const p = 20;
    const draws = 200;
    let sum = 0;
    for (let seed = 0; seed < draws; seed++) {
      const H = haarOrthogonal(p, seed);
      for (let i = 0; i < p; i++) sum += H.get(i, i);
    }
    expect(Math.abs(sum / (p * draws))).toBeLessThan(5 / Math.sqrt(p * p * draws));
  });
});

describe('spectra', () => {
  it('every family gives its formula, non-increasing', () => {
    expect(Array.from(covarianceEigenvalues({ kind: 'isotropic', p: 3, scale: 2 }))).toEqual([2, 2, 2]);
    expect(Array.from(covarianceEigenvalues({ kind: 'spiked', p: 4, s: 1, tail: 0.5 }))).toEqual([
      1, 0.5, 0.5, 0.5,
    ]);
    const scaled = covarianceEigenvalues({ kind: 'spikedScaled', n: 100, a: 1.5, b: 1, s: 5 });
    expect(scaled.length).toBe(1005);
    expect(scaled[4]).toBe(1);
    expect(scaled[5]).toBeCloseTo(0.01, 16);
    expect(covarianceEigenvalues({ kind: 'spikedScaled', n: 10, a: 1.5, b: 0.5, s: 0 }).length).toBe(32);
    expect(Array.from(covarianceEigenvalues({ kind: 'powerLaw', p: 3, a: 2 }))).toEqual([1, 0.25, 1 / 9]);
    const bartlett = covarianceEigenvalues({ kind: 'bartlett', p: 3, beta: 2 });
    expect(bartlett[2]).toBeCloseTo(1 / (3 * Math.log(4) ** 2), 15);
    expect(Array.from(covarianceEigenvalues({ kind: 'custom', eigenvalues: [3, 2, 2] }))).toEqual([3, 2, 2]);
  });
});
