import { describe, expect, it } from 'vitest';
import { type ExperimentResult, findExperiment, getExperiment, runExperiment } from '../src/index.js';
import { TINY } from './fixtures/tiny-configs.js';

function checkResult(result: ExperimentResult): void {
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  expect(result.rows.length).toBeGreaterThan(0);
  expect(result.summary.verdicts.length).toBeGreaterThan(0);
  for (const verdict of result.summary.verdicts) {
    expect(verdict.claim).toMatch(/\S/);
    expect(['absolute', 'relative', null]).toContain(verdict.budget);
    expect(Object.keys(verdict.numbers).length).toBeGreaterThan(0);
    expect(verdict.falsifiedBy).toMatch(/\S/);
    expect(['>', '>=', '<', '<=']).toContain(verdict.decidedBy.comparison);
  }
  const experiment = findExperiment(result.id);
  const figures = experiment.figures(result);
  expect(figures.length).toBeGreaterThan(0);
  expect(figures[0]?.id).toBe(result.id);
  expect(new Set(figures.map((f) => f.id)).size).toBe(figures.length);
  for (const table of experiment.tables(result)) {
    for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
  }
}

describe('every experiment at tiny sizes', () => {
  it.each(Object.keys(TINY).filter((id) => !['e1', 'e2'].includes(id)))(
    '%s runs, is JSON, and has verdicts, figures and tables',
    async (id) => {
      const { result } = await runExperiment(findExperiment(id), { seed: 3, overrides: TINY[id] });
      checkResult(result);
      const again = await runExperiment(findExperiment(id), { seed: 3, overrides: TINY[id] });
      expect(JSON.stringify(again.result)).toBe(JSON.stringify(result));
    },
  );

  it('e3 rows carry risks, gradient norms and both R_α estimates', async () => {
    const { result } = await runExperiment(getExperiment('e3'), { seed: 1, overrides: TINY.e3 });
    for (const row of result.rows) {
      expect(row.risk as number).toBeGreaterThan(0);
      expect(row.gradNorm2 as number).toBeGreaterThan(0);
      expect(row.advRiskFirstOrder as number).toBeGreaterThan(row.risk as number);
      expect(row.advRiskPgd).not.toBeNull();
    }
  });

  it('e5 trains one network per (draw, width) on data shared by the draw', async () => {
    const { result } = await runExperiment(getExperiment('e5'), { seed: 1, overrides: TINY.e5 });
    expect(result.rows.map((r) => r.width)).toEqual([16, 64]);
    expect(result.rows[0]?.seed).toBe(result.rows[1]?.seed);
    expect(result.rows[0]?.ntkAdvRiskPgd).toBe(result.rows[1]?.ntkAdvRiskPgd);
    for (const row of result.rows) expect(row.weightMovement as number).toBeGreaterThan(0);
  });

  it('e7 measures the interpolator (λ = 0) beside the ridge grid, with the flips it made', async () => {
    const { result } = await runExperiment(getExperiment('e7'), { seed: 1, overrides: TINY.e7 });
    const noisy = result.rows.filter((r) => r.labelNoise === 0.2);
    expect(noisy.some((r) => r.lambda === 0)).toBe(true);
    expect(noisy[0]?.flipped as number).toBeGreaterThan(0);
    expect(result.rows.filter((r) => r.labelNoise === 0).every((r) => r.flipped === 0)).toBe(true);
  });
});
