import { createRng } from '@benignlab/data';
import { describe, expect, it } from 'vitest';
import {
  type ConfigSchema,
  checkSeed,
  DEFAULT_SEED,
  type ExperimentDefinition,
  ExperimentError,
  type ProgressEvent,
  planExperiment,
  type Row,
  runExperiment,
  selectExperiments,
} from '../src/index.js';

type ToyConfig = { ns: number[]; replicates: number };

const schema: ConfigSchema<ToyConfig> = {
  ns: { type: 'integerList', default: [10, 20], min: 1, increasing: true, description: 'sizes' },
  replicates: { type: 'integer', default: 3, min: 1, description: 'draws' },
};

/** A toy experiment whose rows are a seeded draw: any change of seeds shows in the rows. */
const toy: ExperimentDefinition<ToyConfig> = {
  id: 'toy',
  title: 'toy',
  shows: 'nothing',
  schema,
  cells: (config) =>
    config.ns.flatMap((n) =>
      Array.from({ length: config.replicates }, (_, r) => ({
        key: `n=${n}/rep=${r}`,
        params: { n, r },
        cost: n,
      })),
    ),
  async runCell(_config, cell) {
    const draw = createRng(cell.seed).fillNormal(new Float64Array(3));
    return [
      { n: cell.params.n as number, r: cell.params.r as number, seed: cell.seed, a: draw[0] as number },
    ];
  },
  summarize: (_config, rows) => ({
    verdicts: [
      {
        claim: 'rows exist',
        supported: rows.length > 0,
        budget: null,
        evidence: `${rows.length} rows`,
        falsifiedBy: 'No rows.',
        decidedBy: { name: 'rows', value: rows.length, comparison: '>', threshold: 0 },
        truthAdversarialRisk: null,
        numbers: { rows: rows.length },
      },
    ],
  }),
  figures: () => [],
  tables: () => [],
};

describe('planExperiment', () => {
  it('derives one distinct seed per cell from the top-level seed', () => {
    const plan = planExperiment(toy as never, { seed: 7 });
    expect(plan.cells.map((c) => c.key)).toEqual([
      'n=10/rep=0',
      'n=10/rep=1',
      'n=10/rep=2',
      'n=20/rep=0',
      'n=20/rep=1',
      'n=20/rep=2',
    ]);
    expect(new Set(plan.cells.map((c) => c.seed)).size).toBe(6);
    expect(plan.cost).toBe(90);
    expect(plan.seed).toBe(7);
  });

  it('keeps a cell’s seed when other cells are added or removed', () => {
    const small = planExperiment(toy as never, { seed: 7, overrides: { ns: [20] } });
    const large = planExperiment(toy as never, { seed: 7, overrides: { ns: [10, 20, 40], replicates: 5 } });
    for (const cell of small.cells) {
      expect(large.cells.find((c) => c.key === cell.key)?.seed).toBe(cell.seed);
    }
  });

  it('gives cells with the same seedKey the same seed', () => {
    const shared = {
      ...toy,
      cells: () => [
        { key: 'a/1', seedKey: 'a', params: {}, cost: 1 },
        { key: 'a/2', seedKey: 'a', params: {}, cost: 1 },
        { key: 'b/1', params: {}, cost: 1 },
      ],
    };
    const [a1, a2, b1] = planExperiment(shared as never, { seed: 4 }).cells;
    expect(a1?.seed).toBe(a2?.seed);
    expect(b1?.seed).not.toBe(a1?.seed);
  });

  it('uses the default seed when none is given, and rejects bad seeds', () => {
    expect(planExperiment(toy as never).seed).toBe(DEFAULT_SEED);
    for (const bad of [-1, 1.5, Number.NaN, '3', 2 ** 60]) {
      expect(() => checkSeed(bad)).toThrow(ExperimentError);
    }
    expect(checkSeed(0)).toBe(0);
  });
});

describe('runExperiment', () => {
  it('is bit-identical for the same seed and differs for another', async () => {
    const a = await runExperiment(toy as never, { seed: 11 });
    const b = await runExperiment(toy as never, { seed: 11 });
    const c = await runExperiment(toy as never, { seed: 12 });
    expect(JSON.stringify(a.result)).toBe(JSON.stringify(b.result));
    expect(JSON.stringify(a.result.rows)).not.toBe(JSON.stringify(c.result.rows));
  });

  it('assembles rows in plan order with config, seeds and summary', async () => {
    const { result } = await runExperiment(toy as never, {
      seed: 3,
      quick: true,
      overrides: { replicates: 2 },
    });
    expect(result.rows.map((r: Row) => `${r.n}/${r.r}`)).toEqual(['10/0', '10/1', '20/0', '20/1']);
    expect(result.config).toEqual({ ns: [10, 20], replicates: 2 });
    expect(result.sizes).toBe('quick');
    expect(result.cells.map((c) => c.seed)).toEqual(result.rows.map((r) => r.seed));
    expect(result.summary.verdicts[0]?.supported).toBe(true);
  });

  it('emits start, one event per cell with cumulative cost, and done', async () => {
    const events: ProgressEvent[] = [];
    await runExperiment(toy as never, { onProgress: (e) => events.push(e) });
    expect(events[0]).toEqual({ type: 'experiment-start', id: 'toy', cells: 6, cost: 90 });
    const cells = events.filter((e) => e.type === 'cell-done');
    expect(cells).toHaveLength(6);
    expect(cells.map((e) => (e.type === 'cell-done' ? e.costDone : 0))).toEqual([10, 20, 30, 50, 70, 90]);
    expect(events.at(-1)?.type).toBe('experiment-done');
  });

  it('rejects duplicate cell keys', () => {
    const broken = {
      ...toy,
      cells: () => [
        { key: 'same', params: {}, cost: 1 },
        { key: 'same', params: {}, cost: 1 },
      ],
    };
    expect(() => planExperiment(broken as never)).toThrow(/duplicate cell key same/);
  });
});

describe('selectExperiments', () => {
  it('parses a comma list into experiments in report order', () => {
    expect(selectExperiments('e3,e1').map((e) => e.id)).toEqual(['e1', 'e3']);
    expect(selectExperiments(' e2 , e1 ').map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(selectExperiments().length).toBeGreaterThanOrEqual(3);
  });

  it('names the unknown id and the allowed ones', () => {
    expect(() => selectExperiments('e1,e9')).toThrow(
      /only: unknown experiment "e9"; expected ids from e1, e2, e3/,
    );
    expect(() => selectExperiments(',')).toThrow(/only: is empty/);
  });
});
