import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { adversarialRisk, standardRisk } from '@benignlab/adversarial-risk';
import { Matrix } from '@benignlab/linalg';
import { minNorm, ridge } from '@benignlab/linear-models';
import { ntkRegression } from '@benignlab/ntk';
import { describe, expect, it } from 'vitest';
import { fitFromFiles, fitJson } from '../src/commands/fit.js';
import { parseFitArgs } from '../src/commands/fit-options.js';
import { DataFileError } from '../src/input/data-file-error.js';
import { usageErrorOf } from './usage-error-of.js';

const at = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const json = (name: string) => JSON.parse(readFileSync(at(name), 'utf8'));
const linear = json('linear-models.json') as {
  X: number[][];
  y: number[];
  minNorm: number[];
  lambdas: number[];
  ridge: number[][];
  under: { leastSquares: number[] };
};
const ntk = json('ntk.json') as {
  train: number[][];
  y: number[];
  test: number[][];
  regression: Record<
    'first' | 'both',
    { ridgeless: { predictions: number[] }; ridge_lambda_0_1: { predictions: number[] } }
  >;
};
const reference = json('numpy-reference.json') as {
  minNorm: number[];
  ridge: number[];
  underLeastSquares: number[];
  risks: Record<string, number>;
};

function expectClose(actual: ArrayLike<number>, expected: readonly number[], relative = 1e-9) {
  expect(actual.length).toBe(expected.length);
  const scale = Math.max(...expected.map(Math.abs));
  for (let k = 0; k < expected.length; k++) {
    expect(Math.abs((actual[k] as number) - (expected[k] as number))).toBeLessThanOrEqual(relative * scale);
  }
}

const fit = (...args: string[]) => fitFromFiles(parseFitArgs(args));

describe('benignlab fit against the golden and numpy reference values', () => {
  it.each([
    ['X.csv', 'y.csv'],
    ['X.npy', 'y.npy'],
    ['X-fortran.npy', 'y-column.npy'],
    ['X-big-endian.npy', 'y.csv'],
    ['X-v2.npy', 'y.npy'],
    ['X-spaces.txt', 'y.npy'],
  ])('min-norm from %s and %s', (x, y) => {
    const outcome = fit('--x', at(x), '--y', at(y), '--model', 'minnorm');
    expectClose(outcome.coef as Float64Array, linear.minNorm);
    expectClose(outcome.coef as Float64Array, reference.minNorm);
  });

  it('ridge at every golden λ, and the least-squares fit when p ≤ n', () => {
    linear.lambdas.forEach((lambda, k) => {
      const outcome = fit(
        '--x',
        at('X.npy'),
        '--y',
        at('y.csv'),
        '--model',
        'ridge',
        '--lambda',
        String(lambda),
      );
      expectClose(outcome.coef as Float64Array, linear.ridge[k] as number[], 1e-7);
    });
    const numpyRidge = fit('--x', at('X.csv'), '--y', at('y.csv'), '--model', 'ridge', '--lambda', '0.1');
    expectClose(numpyRidge.coef as Float64Array, reference.ridge);
    const under = fit('--x', at('under-X.npy'), '--y', at('under-y.npy'), '--model', 'minnorm');
    expectClose(under.coef as Float64Array, linear.under.leastSquares);
    expectClose(under.coef as Float64Array, reference.underLeastSquares);
  });

  it('is exactly the library’s fit', () => {
    const X = Matrix.fromRows(linear.X);
    const y = Float64Array.from(linear.y);
    expect(fit('--x', at('X.npy'), '--y', at('y.npy'), '--model', 'minnorm').coef).toEqual(
      minNorm(X, y).coef,
    );
    expect(fit('--x', at('X.npy'), '--y', at('y.npy'), '--model', 'ridge', '--lambda', '0.01').coef).toEqual(
      ridge(X, y, 0.01).coef,
    );
    const kernel = ntkRegression(Matrix.fromRows(ntk.train), Float64Array.from(ntk.y), { layers: 'first' });
    expect(
      fit('--x', at('ntk-train.npy'), '--y', at('ntk-y.npy'), '--model', 'ntk', '--layers', 'first').coef,
    ).toEqual(kernel.coefficients);
  });

  it.each(['first', 'both'] as const)('NTK (%s) predictions match the golden values', (layers) => {
    const base = ['--x', at('ntk-train.npy'), '--y', at('ntk-y.npy'), '--layers', layers];
    for (const predict of ['ntk-test.npy', 'ntk-test.csv']) {
      const ridgeless = fit(...base, '--model', 'ntk', '--predict', at(predict));
      expectClose(ridgeless.predictions as Float64Array, ntk.regression[layers].ridgeless.predictions, 1e-8);
    }
    const ridged = fit(...base, '--model', 'ntk-ridge', '--lambda', '0.1', '--predict', at('ntk-test.npy'));
    expectClose(
      ridged.predictions as Float64Array,
      ntk.regression[layers].ridge_lambda_0_1.predictions,
      1e-8,
    );
  });

  it('linear predictions are X_new θ̂', () => {
    const outcome = fit(
      '--x',
      at('X.npy'),
      '--y',
      at('y.npy'),
      '--model',
      'minnorm',
      '--predict',
      at('X.csv'),
    );
    expectClose(outcome.predictions as Float64Array, linear.y, 1e-9);
  });

  it('risks match numpy for diagonal and full Σ and both budgets', () => {
    const base = [
      '--x',
      at('X.npy'),
      '--y',
      at('y.npy'),
      '--model',
      'minnorm',
      '--theta-star',
      at('theta-star.csv'),
    ];
    const diagonal = fit(...base, '--covariance', at('eigenvalues.csv')).risks;
    expect(diagonal?.standard).toBeCloseTo(reference.risks.standard as number, 10);
    expect(diagonal?.adversarial).toBeCloseTo(reference.risks.adversarial as number, 10);
    const full = fit(...base, '--covariance', at('sigma-full.npy')).risks;
    expect(full?.standard).toBeCloseTo(reference.risks.standardFull as number, 9);
    expect(full?.adversarial).toBeCloseTo(reference.risks.adversarialFull as number, 9);
    const relative = fit(...base, '--covariance', at('eigenvalues.csv'), '--budget', 'relative').risks;
    expect(relative?.alpha).toBe(0.05);
    expect(relative?.adversarial).toBeCloseTo(reference.risks.adversarialRelative as number, 10);
    // R_α(θ*) = α²‖θ*‖² = 0.01, so the harm ratio is R_α/0.01.
    expect(diagonal?.harmRatio).toBeCloseTo((diagonal?.adversarial as number) / 0.01, 8);
  });

  it('agrees with the risk package on the fitted coefficients', () => {
    const outcome = fit(
      '--x',
      at('X.csv'),
      '--y',
      at('y.csv'),
      '--model',
      'ridge',
      '--lambda',
      '0.1',
      '--theta-star',
      at('theta-star.csv'),
      '--covariance',
      at('eigenvalues.csv'),
      '--alpha',
      '0.3',
    );
    const thetaStar = new Float64Array(40).fill(1 / Math.sqrt(3), 0, 3);
    const eigenvalues = new Float64Array(40).fill(0.05).fill(1, 0, 3);
    const coef = outcome.coef as Float64Array;
    expect(outcome.risks?.standard).toBe(standardRisk(coef, thetaStar, { eigenvalues }));
    expect(outcome.risks?.adversarial).toBe(
      adversarialRisk(coef, thetaStar, { eigenvalues }, { alpha: 0.3 }),
    );
  });

  it('--json is { coef } or { predictions } and nothing else', () => {
    const coef = JSON.parse(fitJson(fit('--x', at('X.npy'), '--y', at('y.npy'), '--model', 'minnorm')));
    expect(Object.keys(coef)).toEqual(['coef']);
    expectClose(coef.coef, reference.minNorm);
    const predictions = JSON.parse(
      fitJson(
        fit(
          '--x',
          at('ntk-train.npy'),
          '--y',
          at('ntk-y.npy'),
          '--model',
          'ntk',
          '--predict',
          at('ntk-test.npy'),
        ),
      ),
    );
    expect(Object.keys(predictions)).toEqual(['predictions']);
  });
});

describe('benignlab fit refuses bad input with the flag, file, row and column', () => {
  const failure = (...args: string[]) => usageErrorOf(() => fit(...args));
  const xy = ['--x', at('X.csv'), '--y', at('y.csv')];

  it.each([
    [[...xy, '--model', 'ridge'], '--lambda', /is required by --model ridge/],
    [[...xy, '--model', 'minnorm', '--lambda', '1'], '--lambda', /does not apply to --model minnorm/],
    [[...xy, '--model', 'ntk-ridge'], '--lambda', /is required/],
    [
      [...xy, '--model', 'ridge', '--lambda', '1', '--layers', 'first'],
      '--layers',
      /applies to --model ntk or ntk-ridge only/,
    ],
    [[...xy, '--model', 'minnorm', '--theta-star', 'a.csv'], '--covariance', /give both/],
    [[...xy, '--model', 'ntk', '--theta-star', 'a', '--covariance', 'b'], '--theta-star', /linear models/],
    [[...xy, '--model', 'minnorm', '--alpha', '0.2'], '--alpha', /only used for the risks/],
    [[...xy, '--model', 'svm'], '--model', /expected one of minnorm, ridge, ntk, ntk-ridge/],
    [['--x', at('X.csv'), '--model', 'minnorm'], '--y', /is required/],
    [[...xy, '--model', 'ridge', '--lambda', 'small'], '--lambda', /got "small"; expected a number ≥ 0/],
  ])('%j → %s', (args, argument, message) => {
    const error = failure(...(args as string[]));
    expect(error.argument).toBe(argument);
    expect(error.message).toMatch(message);
  });

  it.each([
    ['--x', 'bad-ragged.csv', 3, 3],
    ['--x', 'bad-text.csv', 2, 2],
    ['--x', 'bad-nan.csv', 3, 2],
    ['--x', 'bad-nan.npy', 2, 1],
  ])('%s %s: row %i, column %i', (flag, name, row, column) => {
    const args = flag === '--x' ? ['--x', at(name), '--y', at('y.csv')] : [];
    const error = failure(...args, '--model', 'minnorm');
    expect(error).toBeInstanceOf(DataFileError);
    expect([(error as DataFileError).row, (error as DataFileError).column]).toEqual([row, column]);
    expect(error.message).toContain(`${name}: row ${row}, column ${column}`);
  });

  it('wrong lengths and shapes name the file and what was expected', () => {
    expect(failure('--x', at('X.csv'), '--y', at('y-short.csv'), '--model', 'minnorm').message).toMatch(
      /y-short\.csv: has 11 values; expected 12 \(one per row of --x/,
    );
    expect(failure('--x', at('y.npy'), '--y', at('y.csv'), '--model', 'minnorm').message).toMatch(
      /is a vector of length 12; expected a 2-D array/,
    );
    expect(
      failure('--x', at('X.csv'), '--y', at('y.csv'), '--model', 'minnorm', '--predict', at('ntk-test.npy'))
        .message,
    ).toMatch(/has 6 columns; expected 40/);
    expect(
      failure(...xy, '--model', 'minnorm', '--theta-star', at('y.csv'), '--covariance', at('eigenvalues.csv'))
        .message,
    ).toMatch(/--theta-star: .*y\.csv: has 12 values; expected 40/);
    expect(
      failure(...xy, '--model', 'minnorm', '--theta-star', at('theta-star.csv'), '--covariance', at('X.npy'))
        .message,
    ).toMatch(/has shape 12×40; expected 40 eigenvalues/);
    expect(failure('--x', at('missing.csv'), '--y', at('y.csv'), '--model', 'minnorm').message).toMatch(
      /missing\.csv: does not exist/,
    );
  });
});
