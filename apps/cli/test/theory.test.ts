import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ridgeTheoryPath } from '@benignlab/adversarial-risk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCovarianceSpec } from '../src/commands/covariance-spec.js';
import { theoryCurve, theoryTable } from '../src/commands/theory.js';
import { parseLambdaGrid, parseTheoryArgs } from '../src/commands/theory-options.js';
import { usageErrorOf } from './usage-error-of.js';

const golden = JSON.parse(readFileSync(new URL('./fixtures/theory.json', import.meta.url), 'utf8')) as {
  eigenvalues: number[];
  thetaStar: number[];
  sigma2: number;
  n: number;
  predictions: { lmb: number; kappa: number; df2: number; risk: number; norm2: number }[];
};

const curve = (...args: string[]) => theoryCurve(parseTheoryArgs(args));

describe('benignlab theory', () => {
  it('reproduces the golden deterministic equivalents (4 spikes at 1, tail 0.02, p = 400, n = 60)', () => {
    const { model, points } = curve(
      '--covariance',
      'spiked:p=400,s=4,tail=0.02',
      '--n',
      '60',
      '--lambdas',
      golden.predictions.map((p) => p.lmb).join(','),
    );
    expect(model.p).toBe(400);
    expect(model.traceSigma).toBeCloseTo(
      golden.eigenvalues.reduce((a, b) => a + b, 0),
      10,
    );
    golden.predictions.forEach((expected, k) => {
      const point = points[k];
      expect(point?.lambda).toBe(expected.lmb);
      expect(point?.kappa).toBeCloseTo(expected.kappa, 8);
      expect(point?.df2).toBeCloseTo(expected.df2, 7);
      expect(point?.risk).toBeCloseTo(expected.risk, 8);
      expect(point?.norm2).toBeCloseTo(expected.norm2, 7);
    });
  });

  it('the same spectrum as JSON or from a file gives the same curve', () => {
    const a = curve('--covariance', 'spiked:p=40,s=3,tail=0.05', '--n', '10', '--lambda', '0.01');
    const b = curve(
      '--covariance',
      '{"kind":"spiked","p":40,"s":3,"tail":0.05}',
      '--n',
      '10',
      '--lambda',
      '0.01',
    );
    expect(b.points).toEqual(a.points);
    // A file of eigenvalues puts θ* on the single top direction; compare with the package directly.
    const file = fileURLToPath(new URL('./fixtures/eigenvalues.csv', import.meta.url));
    const c = curve('--covariance', file, '--n', '10', '--lambda', '0.01', '--alpha', '0.2');
    const eigenvalues = new Float64Array(40).fill(0.05).fill(1, 0, 3);
    const thetaStar = new Float64Array(40);
    thetaStar[0] = 1;
    const path = ridgeTheoryPath({ eigenvalues, thetaStar, sigma2: 0.25, n: 10, lambdas: [0.01] });
    expect(c.points[0]?.risk).toBe(path.risk[0]);
    expect(c.points[0]?.adversarialRisk).toBe(path.adversarialRisk(0.2)[0]);
  });

  it('a relative budget is α = α_rel·√tr Σ (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        fc.integer({ min: 20, max: 200 }),
        (alpha, p) => {
          const spec = `spiked:p=${p},s=2,tail=0.1`;
          const relative = curve(
            '--covariance',
            spec,
            '--n',
            '10',
            '--lambda',
            '0.1',
            '--alpha',
            String(alpha),
            '--budget',
            'relative',
          );
          const absolute = curve(
            '--covariance',
            spec,
            '--n',
            '10',
            '--lambda',
            '0.1',
            '--alpha',
            String(alpha * Math.sqrt(2 + 0.1 * (p - 2))),
          );
          expect(relative.points[0]?.adversarialRisk).toBeCloseTo(
            absolute.points[0]?.adversarialRisk as number,
            9,
          );
          // The adversarial risk is never below the standard risk.
          expect(relative.points[0]?.adversarialRisk).toBeGreaterThanOrEqual(
            relative.points[0]?.risk as number,
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it('prints a table with one row per λ', () => {
    const text = theoryTable(
      curve('--covariance', 'powerLaw:p=500,a=1.5', '--n', '50', '--lambdas', '1e-3:1:4'),
    );
    const lines = text.split('\n');
    expect(lines[0]).toContain('p = 500');
    expect(lines).toHaveLength(3 + 4);
    expect(lines[2]).toMatch(/λ\s+κ\s+df₂\s+R\s+‖θ̂‖²\s+R_α/);
  });

  it('reads λ grids', () => {
    expect(parseLambdaGrid('--lambdas', '1e-3:1:4')).toEqual([0.001, 0.01, 0.1, 1]);
    expect(parseLambdaGrid('--lambdas', '0,0.5')).toEqual([0, 0.5]);
    expect(usageErrorOf(() => parseLambdaGrid('--lambdas', '0:1:3')).message).toMatch(/0 < a < b/);
    expect(usageErrorOf(() => parseLambdaGrid('--lambdas', '1:2')).message).toMatch(/expected a:b:k/);
    expect(usageErrorOf(() => parseLambdaGrid('--lambdas', '1,-2')).message).toMatch(
      /got "-2"; expected a number ≥ 0/,
    );
  });

  it.each([
    [
      ['--covariance', 'weird:p=3', '--n', '5', '--lambda', '0'],
      '--covariance',
      /unknown covariance "weird"/,
    ],
    [
      ['--covariance', 'spiked:p=30,s=2,tail=0.1,x=1', '--n', '5', '--lambda', '0'],
      '--covariance',
      /no field "x"/,
    ],
    [
      ['--covariance', 'spiked:p=30,s=2,tail=abc', '--n', '5', '--lambda', '0'],
      '--covariance',
      /is not a number/,
    ],
    [['--covariance', 'spiked:p=30,s=2,tail=2', '--n', '5', '--lambda', '0'], '--covariance', /tail/],
    [['--covariance', 'spiked:p=30,s=2,tail=0.1', '--n', '50', '--lambda', '0'], '--lambda', /needs p > n/],
    [['--covariance', 'spiked:p=30,s=2,tail=0.1', '--n', '5'], '--lambda', /is required/],
    [
      ['--covariance', 'spiked:p=30,s=2,tail=0.1', '--n', '5', '--lambda', '1', '--lambdas', '1,2'],
      '--lambdas',
      /cannot be combined/,
    ],
    [
      ['--covariance', 'spiked:p=30,s=2,tail=0.1', '--n', '0', '--lambda', '1'],
      '--n',
      /expected an integer ≥ 1/,
    ],
    [['--covariance', '{bad', '--n', '5', '--lambda', '1'], '--covariance', /not valid JSON/],
  ])('%j → %s', (args, argument, message) => {
    const error = usageErrorOf(() => curve(...(args as string[])));
    expect(error.argument).toBe(argument);
    expect(error.message).toMatch(message);
  });

  it('parses every covariance family', () => {
    expect(parseCovarianceSpec('--covariance', 'bartlett:p=100,beta=2')).toEqual({
      kind: 'bartlett',
      p: 100,
      beta: 2,
    });
    expect(parseCovarianceSpec('--covariance', 'isotropic:p=5')).toEqual({ kind: 'isotropic', p: 5 });
  });
});
