import { createRng } from '@benignlab/data';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERIES_LENGTH } from '../src/expansion-sums.js';
import { computeRidgeTheoryPath } from '../src/ridge-theory.js';
import { createSpectralSums, type SpectralSumsMethod } from '../src/spectral-sums.js';
import golden from './fixtures/theory.json';
import { expectRelative } from './helpers.js';
import { referenceRidgeTheory } from './reference-ridge-theory.js';

type Family = 'power' | 'lognormal' | 'spiked' | 'uniform' | 'repeated';
const FAMILIES: Family[] = ['power', 'lognormal', 'spiked', 'uniform', 'repeated'];

/**
 * A seeded random spectrum and a truth θ*: distinct eigenvalues (up to rounding), or a
 * few repeated values in random order (`'repeated'`, runs of equal values to merge).
 */
function randomModel(family: Family, p: number, seed: number, shape: number, shuffled: boolean) {
  const rng = createRng(seed);
  const eigenvalues = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (family === 'power') eigenvalues[j] = (j + 1) ** -shape;
    else if (family === 'lognormal')
      eigenvalues[j] = Math.exp(shape * rng.fillNormal(new Float64Array(1))[0]!);
    else if (family === 'spiked')
      eigenvalues[j] = j < 5 ? 1 + rng.nextDouble() : 0.01 * (1 - rng.nextDouble() / 2);
    else if (family === 'repeated') eigenvalues[j] = [2, 0.5, 0.5, 0.01][Math.floor(4 * rng.nextDouble())]!;
    else eigenvalues[j] = 1 - rng.nextDouble();
  }
  if (shuffled) {
    for (let j = p - 1; j > 0; j--) {
      const i = Math.floor(rng.nextDouble() * (j + 1));
      [eigenvalues[i], eigenvalues[j]] = [eigenvalues[j]!, eigenvalues[i]!];
    }
  }
  const thetaStar = new Float64Array(p);
  const support = 1 + Math.floor(rng.nextDouble() * p);
  for (let j = 0; j < support; j++)
    thetaStar[j] = rng.fillNormal(new Float64Array(1))[0]! / Math.sqrt(support);
  return { eigenvalues, thetaStar };
}

const scenario = fc
  .record({
    family: fc.constantFrom(...FAMILIES),
    p: fc.integer({ min: 300, max: 3000 }),
    n: fc.integer({ min: 5, max: 4000 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    shape: fc.double({ min: 0.5, max: 2.5, noNaN: true }),
    shuffled: fc.boolean(),
    sigma2: fc.double({ min: 0, max: 2, noNaN: true }),
    grid: fc.array(
      fc.oneof(
        fc.constant(0),
        fc.double({ min: -10, max: 2, noNaN: true }).map((e) => 10 ** e),
      ),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map((s) => {
    // λ = 0 (min-norm) needs p > n; repeat the first λ so every grid has a duplicate.
    const grid = s.grid.map((lambda) => (lambda === 0 && s.p <= s.n ? 1e-3 : lambda));
    return { ...s, lambdas: [...grid, grid[0]!] };
  });

function expectMatchesReference(
  model: { eigenvalues: Float64Array; thetaStar: Float64Array },
  sigma2: number,
  n: number,
  lambdas: number[],
  method: SpectralSumsMethod,
) {
  const { path, iterations } = computeRidgeTheoryPath({ ...model, sigma2, n, lambdas }, method);
  lambdas.forEach((lambda, k) => {
    const reference = referenceRidgeTheory(model.eigenvalues, model.thetaStar, sigma2, n, lambda);
    const label = `${method}, λ = ${lambda}`;
    expect(path.lambda[k]).toBe(lambda);
    expectRelative(path.kappa[k]!, reference.kappa, 1e-12, `κ (${label})`);
    expectRelative(path.df2[k]!, reference.df2, 1e-10, `df₂ (${label})`);
    expectRelative(path.risk[k]!, reference.risk, 1e-10, `risk (${label})`);
    expectRelative(path.norm2[k]!, reference.norm2, 1e-10, `‖θ̂‖² (${label})`);
  });
  return { path, iterations };
}

describe('fast path against a per-λ reference solve', () => {
  it('matches on random spectra, any λ grid order, duplicates and λ = 0 (κ 1e-12, risks 1e-10)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const model = randomModel(s.family, s.p, s.seed, s.shape, s.shuffled);
        for (const method of ['expansion', 'auto'] as const) {
          const { path } = expectMatchesReference(model, s.sigma2, s.n, s.lambdas, method);
          // The duplicate λ at the end gets exactly the numbers of its first copy.
          const last = s.lambdas.length - 1;
          expect(path.kappa[last]).toBe(path.kappa[0]);
          expect(path.risk[last]).toBe(path.risk[0]);
        }
      }),
      { numRuns: 40, seed: 2401 },
    );
  });

  it('matches on a long power-law spectrum (p = 2·10⁵, all distinct, λ = 0 included)', () => {
    const model = randomModel('power', 200_000, 1, 1.5, false);
    const { path, iterations } = expectMatchesReference(model, 0.25, 2000, [0, 1e-9, 1e-4, 0.3], 'auto');
    expect(path.kappa[0]).toBeGreaterThan(0);
    // λ = 0 bracketing plus the grid's safeguarded Newton (18 today): a solver that fell
    // back to bisection would need about 60.
    expect(iterations).toBeLessThanOrEqual(30);
  });

  it('reads eigenvalues through a view into a larger buffer exactly as from a copy', () => {
    const model = randomModel('lognormal', 5000, 3, 1.5, true);
    const backing = new Float64Array(5003);
    backing.set(model.eigenvalues, 3);
    const view = backing.subarray(3);
    const lambdas = [0, 1e-5, 0.1];
    const fromView = computeRidgeTheoryPath(
      { ...model, eigenvalues: view, sigma2: 0.1, n: 300, lambdas },
      'auto',
    );
    const fromCopy = computeRidgeTheoryPath({ ...model, sigma2: 0.1, n: 300, lambdas }, 'expansion');
    expect(Array.from(fromView.path.kappa)).toEqual(Array.from(fromCopy.path.kappa));
    expect(Array.from(fromView.path.risk)).toEqual(Array.from(fromCopy.path.risk));
  });

  it('the cluster expansion reproduces golden theory.json to 1e-9', () => {
    const model = {
      eigenvalues: Float64Array.from(golden.eigenvalues),
      thetaStar: Float64Array.from(golden.thetaStar),
      sigma2: golden.sigma2,
      n: golden.n,
    };
    const lambdas = golden.predictions.map((r) => r.lmb);
    const { path } = computeRidgeTheoryPath({ ...model, lambdas }, 'expansion');
    golden.predictions.forEach((reference, k) => {
      expectRelative(path.kappa[k]!, reference.kappa, 1e-9, 'kappa');
      expectRelative(path.df2[k]!, reference.df2, 1e-9, 'df2');
      expectRelative(path.risk[k]!, reference.risk, 1e-9, 'risk');
      expectRelative(path.norm2[k]!, reference.norm2, 1e-9, 'norm2');
    });
  });
});

describe('spectral sums', () => {
  it('the cluster expansion equals the direct sums to 1e-13 at any κ ≥ 0', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FAMILIES),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.array(
          fc.oneof(
            fc.constant(0),
            fc.double({ min: -12, max: 4, noNaN: true }).map((e) => 10 ** e),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        (family, p, seed, kappas) => {
          const model = randomModel(family, p, seed, 1.2, seed % 2 === 0);
          const expansion = createSpectralSums(model.eigenvalues, model.thetaStar, 'expansion');
          const direct = createSpectralSums(model.eigenvalues, model.thetaStar, 'direct');
          expect([expansion.method, direct.method]).toEqual(['expansion', 'direct']);
          const kappa = Float64Array.from(kappas);
          const indices = Int32Array.from(kappas, (_, k) => k);
          const results = [expansion, direct].map((sums) => {
            const inverse = new Float64Array(kappa.length);
            const fraction = new Float64Array(kappa.length);
            const slope = new Float64Array(kappa.length);
            const out = {
              variance: new Float64Array(kappa.length),
              bias: new Float64Array(kappa.length),
              df2: new Float64Array(kappa.length),
              signal: new Float64Array(kappa.length),
            };
            sums.solverSums(kappa, indices, kappa.length, inverse, fraction, slope);
            sums.predictionSums(kappa, out);
            return { inverse, fraction, slope, ...out };
          });
          const [fast, exact] = results as [(typeof results)[0], (typeof results)[0]];
          for (const key of ['inverse', 'fraction', 'slope', 'variance', 'bias', 'df2', 'signal'] as const) {
            for (let k = 0; k < kappa.length; k++) {
              if (exact[key][k] === 0) expect(fast[key][k]).toBe(0);
              else expectRelative(fast[key][k]!, exact[key][k]!, 1e-13, `${key} at κ = ${kappa[k]}`);
            }
          }
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });

  it('auto picks the expansion for long spread-out spectra and the direct sums otherwise', () => {
    const pick = (eigenvalues: Float64Array) =>
      createSpectralSums(eigenvalues, new Float64Array(eigenvalues.length)).method;
    expect(pick(randomModel('power', 20_000, 0, 1.5, false).eigenvalues)).toBe('expansion');
    expect(pick(randomModel('lognormal', 20_000, 0, 1.5, false).eigenvalues)).toBe('expansion');
    expect(pick(randomModel('power', 50, 0, 1.5, false).eigenvalues)).toBe('direct');
    // A spiked design is two runs of equal values: two direct terms beat any expansion.
    expect(pick(new Float64Array(20_000).fill(0.01).fill(1, 0, 5))).toBe('direct');
    expect(SERIES_LENGTH).toBeGreaterThan(10);
  });

  it('keeps full accuracy across 500 decades of eigenvalues (no overflow in the series)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (seed) => {
        const rng = createRng(seed);
        const p = 400;
        const eigenvalues = Float64Array.from({ length: p }, () => 10 ** (500 * rng.nextDouble() - 250));
        const thetaStar = Float64Array.from({ length: p }, () => rng.nextDouble());
        const kappa = Float64Array.from([0, 1e-200, 1e-3, 1, 1e200]);
        const [fast, exact] = (['expansion', 'direct'] as const).map((method) => {
          const sums = createSpectralSums(eigenvalues, thetaStar, method);
          expect(sums.method).toBe(method);
          const out = {
            variance: new Float64Array(kappa.length),
            bias: new Float64Array(kappa.length),
            df2: new Float64Array(kappa.length),
            signal: new Float64Array(kappa.length),
          };
          sums.predictionSums(kappa, out);
          return out;
        }) as [PredictionOutputs, PredictionOutputs];
        for (const key of ['variance', 'bias', 'df2', 'signal'] as const) {
          for (let k = 0; k < kappa.length; k++) {
            expect(Number.isFinite(exact[key][k]!)).toBe(true);
            expectRelative(fast[key][k]!, exact[key][k]!, 1e-13, `${key} at κ = ${kappa[k]}`);
          }
        }
      }),
      { numRuns: 20, seed: 5 },
    );
  });

  it('falls back to the direct sums for eigenvalues below 2⁻¹⁰⁰⁰, with the same answers', () => {
    const model = randomModel('power', 5000, 0, 1.5, false);
    model.eigenvalues[4999] = 1e-305;
    expect(createSpectralSums(model.eigenvalues, model.thetaStar, 'expansion').method).toBe('direct');
    expectMatchesReference(model, 0.5, 100, [0, 1e-6, 1], 'auto');
  });
});

interface PredictionOutputs {
  variance: Float64Array;
  bias: Float64Array;
  df2: Float64Array;
  signal: Float64Array;
}
