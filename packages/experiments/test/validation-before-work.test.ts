import { describe, expect, it } from 'vitest';
import {
  ExperimentError,
  findExperiment,
  getExperiment,
  planExperiment,
  validateParam,
} from '../src/index.js';
import { CellError, runCells, runPlans } from '../src/node/index.js';

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('settings that would fail inside a cell are refused when planning', () => {
  it('e5 widths must be even (symmetric initialization pairs the units)', () => {
    const error = errorOf(() => planExperiment(getExperiment('e5'), { overrides: { widths: [3, 5] } }));
    expect(error).toBeInstanceOf(ExperimentError);
    expect((error as Error).message).toContain('even integers');
    expect(() => planExperiment(getExperiment('e5'), { overrides: { widths: [4, 6] } })).not.toThrow();
  });

  it.each(['e1', 'e2', 'e3', 'e5', 'e6'])('%s: a zero budget (harm ratio undefined) is refused', (id) => {
    const experiment = findExperiment(id);
    const budgets = Object.keys(experiment.schema).filter((key) => /^alpha(Absolute|Relative)$/.test(key));
    expect(budgets.length).toBeGreaterThan(0);
    for (const key of budgets) {
      const error = errorOf(() => planExperiment(experiment, { quick: true, overrides: { [key]: 0 } }));
      expect(error).toBeInstanceOf(ExperimentError);
      expect((error as ExperimentError).argument).toBe(`${id}.${key}`);
      expect((error as Error).message).toMatch(/number (in \(0,|> 0)/);
    }
  });

  it('exclusiveMin and multipleOf in validateParam', () => {
    const spec = { type: 'number' as const, default: 1, min: 0, exclusiveMin: true, description: '' };
    expect(validateParam('x', spec, 1e-9)).toBe(1e-9);
    expect(() => validateParam('x', spec, 0)).toThrow('expected a number > 0');
    const list = { type: 'integerList' as const, default: [2], min: 2, multipleOf: 2, description: '' };
    expect(() => validateParam('w', list, [2, 3])).toThrow('expected a list of even integers ≥ 2');
  });
});

describe('options objects reject unknown keys', () => {
  it.each([
    ['planExperiment', () => planExperiment(getExperiment('e1'), { quik: true } as never)],
    ['runCells', () => runCells([], { worker: 2 } as never)],
    ['runPlans', () => runPlans([], { worker: 2 } as never)],
  ])('%s', (_, run) => {
    const error = errorOf(run);
    expect(error).toBeInstanceOf(ExperimentError);
    expect((error as Error).message).toContain('unknown option');
  });
});

describe('failures while running cells', () => {
  const plan = planExperiment(getExperiment('e1'), {
    quick: true,
    overrides: { ns: [20, 40], replicates: 1 },
  });
  const tasks = plan.cells.map((cell) => ({ experimentId: 'e1', config: plan.config, cell }));

  it('a cell that throws rejects with a one-line CellError naming the cell', async () => {
    const broken = tasks.map((task) => ({
      ...task,
      cell: { ...task.cell, params: { n: -3, replicate: 0 } },
    }));
    const error = await runCells(broken, { inThread: true }).outcomes.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CellError);
    expect((error as Error).message).toMatch(/^e1 cell .* failed: \w+: /);
    expect((error as Error).message).not.toContain('\n');
  });

  it('a failing onCellDone (a full disk while saving) rejects the run', async () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const outcome = runCells(tasks, {
      inThread: true,
      onCellDone: () => {
        throw full;
      },
    }).outcomes;
    await expect(outcome).rejects.toBe(full);
  });
});
