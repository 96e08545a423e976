import { describe, expect, it } from 'vitest';
import { experiments, findExperiment, runExperiment } from '../src/index.js';
import { TINY } from './fixtures/tiny-configs.js';

/**
 * The truth is robust and the fitted model is not: a verdict that θ* itself would pass
 * proves nothing. Every claim's criterion is evaluated on θ* as the "fitted" model (R = 0,
 * ‖θ‖ = ‖θ*‖, R_α = R_α(θ*), harm ratio 1, everything else unchanged) and must fail there.
 */

/** Experiments with no truth θ* to substitute, and why. */
const NO_TRUTH: Record<string, string> = {
  e5: 'compares trained finite-width networks with their NTK predictor; no claim about the truth',
  e7: 'real MNIST labels: the truth is unknown, the reference is the most robust ridge fit',
};

describe('no verdict is supported on a criterion the truth θ* meets', () => {
  it('every experiment with a known truth can substitute it for the fitted model', () => {
    for (const experiment of experiments) {
      if (experiment.id in NO_TRUTH) expect(experiment.truthRows).toBeUndefined();
      else expect(typeof experiment.truthRows, experiment.id).toBe('function');
    }
  });

  const withTruth = experiments.map((e) => e.id).filter((id) => !(id in NO_TRUTH));
  it.each(withTruth)(
    '%s: every claim fails when θ* is the fitted model',
    async (id) => {
      const experiment = findExperiment(id);
      const { result } = await runExperiment(experiment, { seed: 11, overrides: TINY[id] });
      const truthRows = experiment.truthRows?.(result.config, result.rows) ?? [];
      expect(truthRows).toHaveLength(result.rows.length);
      const summary = experiment.summarize(result.config, truthRows);
      expect(summary.verdicts.length).toBe(result.summary.verdicts.length);
      for (const verdict of summary.verdicts) {
        expect({ claim: verdict.claim, supported: verdict.supported }).toEqual({
          claim: verdict.claim,
          supported: false,
        });
        // Every verdict names a falsifier and a deciding number.
        expect(verdict.falsifiedBy).toMatch(/\S/);
        expect(verdict.decidedBy.name).toMatch(/\S/);
      }
      // Adversarial claims print R_α(θ*), and the truth stays robust: it is fixed across rows.
      for (const verdict of result.summary.verdicts.filter((v) => v.budget === 'absolute')) {
        expect(verdict.truthAdversarialRisk).toBeGreaterThan(0);
      }
    },
    120_000,
  );
});
