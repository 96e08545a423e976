import { describe, expect, it } from 'vitest';
import { ntkTheoryTrusted } from '../src/playground/ntk-trust-region.ts';
import { defaultParameters } from '../src/playground/parameters.ts';
import { settingsFromQuery, settingsToQuery } from '../src/playground/settings-url.ts';

describe('playground settings in the URL', () => {
  it('round-trips every setting', () => {
    const params = {
      ...defaultParameters,
      n: 812,
      a: 1.35,
      b: 0.75,
      sigma: 0.2,
      alpha: 0.1,
      lambda: 0.00123,
    };
    const withChoices = { ...params, budget: 'absolute', model: 'ntk', ntkLayers: 'both' } as const;
    expect(settingsFromQuery(`?${settingsToQuery(withChoices)}`)).toEqual({
      params: withChoices,
      rejected: [],
    });
  });

  it('keeps the default and names the key for a value out of range or unknown', () => {
    const { params, rejected } = settingsFromQuery('n=10&a=abc&b=&model=svm&lambda=1e-3');
    expect(params).toEqual({ ...defaultParameters, lambda: 0.001 });
    expect(rejected).toEqual([
      'n = 10 is not a number in [50, 3200]; kept 200',
      'a = abc is not a number in [1.1, 1.8]; kept 1.5',
      'b =  is not a number in [0.2, 1.5]; kept 1',
      'model = svm is not one of min-norm, ridge, ntk; kept min-norm',
    ]);
  });
});

describe('the NTK trust region', () => {
  it('trusts the line where p ≥ 10 n', () => {
    expect(ntkTheoryTrusted(400, 1.5)).toBe(true); // p = 8 005
    expect(ntkTheoryTrusted(50, 1.5)).toBe(false); // p = 359 < 500
    expect(ntkTheoryTrusted(3200, 1.1)).toBe(false); // p ≈ 7 183 < 32 000 (simulated R ≈ 2× the line)
  });
});
