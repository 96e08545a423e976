import { join } from 'node:path';
import type { ExperimentPlan, PlannedCell } from '@benignlab/experiments';
import { getKernelPolicy } from '@benignlab/linalg';
import type { AtomicWriter } from '../output/atomic-writer.js';
import { canonicalJson, cellHash, planHash } from './cell-hash.js';

/** Format tag of a plan file. */
export const PLAN_FORMAT = 'benignlab-plan/1';

/**
 * The content of `cells/<id>/plan-<hash>.json`: what `merge` needs to rebuild the plan
 * (resolved config, sizes, seed) and check it against the cell files (each cell's hash),
 * plus the shard count, to say which shard a missing cell belonged to.
 */
export interface PlanFile {
  format: typeof PLAN_FORMAT;
  experiment: string;
  planHash: string;
  sizes: 'quick' | 'default';
  seed: number;
  shards: number;
  config: Record<string, unknown>;
  cells: { index: number; key: string; seed: number; hash: string }[];
}

/**
 * The directory of an experiment's cell files: `<out>/cells/<id>`.
 *
 * @param out the output directory of the run
 * @param experimentId the experiment id, e.g. `e1`
 * @example
 * ```ts
 * cellsDirectory('results', 'e1'); // 'results/cells/e1'
 * ```
 */
export function cellsDirectory(out: string, experimentId: string): string {
  return join(out, 'cells', experimentId);
}

/**
 * The hash naming one planned cell's file (see {@link cellHash}).
 *
 * @param plan the experiment's plan (id and resolved config)
 * @param cell one of `plan.cells`
 * @example
 * ```ts
 * plannedCellHash(plan, plan.cells[0]);
 * ```
 */
export function plannedCellHash(plan: ExperimentPlan, cell: PlannedCell): string {
  // Cells of `--fast-kernels` runs may differ in the last bits: they get names of their own
  // (strict cells keep the names they always had).
  const kernels = getKernelPolicy() === 'fastest' ? 'fastest' : undefined;
  return cellHash({
    experiment: plan.experiment.id,
    config: plan.config,
    key: cell.key,
    seed: cell.seed,
    kernels,
  });
}

/**
 * The plan file of a plan run in `shards` shards.
 *
 * @param plan the experiment's plan
 * @param shards number of shards N the cells are dealt to (integer ≥ 1)
 * @example
 * ```ts
 * planFile(plan, 3).cells.length === plan.cells.length;
 * ```
 */
export function planFile(plan: ExperimentPlan, shards: number): PlanFile {
  const experiment = plan.experiment.id;
  return {
    format: PLAN_FORMAT,
    experiment,
    planHash: planHash({ experiment, config: plan.config, seed: plan.seed, sizes: plan.sizes }),
    sizes: plan.sizes,
    seed: plan.seed,
    shards,
    config: JSON.parse(canonicalJson(plan.config)) as Record<string, unknown>,
    cells: plan.cells.map((cell) => ({
      index: cell.index,
      key: cell.key,
      seed: cell.seed,
      hash: plannedCellHash(plan, cell),
    })),
  };
}

/**
 * Writes the plan file next to the cells, atomically (every shard of one layout writes
 * the same bytes). A sharded run also writes `plan-<hash>.shards-<N>.json`, so that when
 * shards of different counts N share a directory, `merge` knows every layout that ran
 * (the plain plan file holds only the last one) and blames the right shard.
 *
 * @param writer the atomic writer of the run
 * @param out the output directory of the run
 * @param file the plan file, from {@link planFile}
 * @returns the path written
 * @example
 * ```ts
 * writePlanFile(new AtomicWriter(), 'results', planFile(plan, 3));
 * ```
 */
export function writePlanFile(writer: AtomicWriter, out: string, file: PlanFile): string {
  const directory = cellsDirectory(out, file.experiment);
  const path = join(directory, `plan-${file.planHash}.json`);
  const text = `${JSON.stringify(file, null, 2)}\n`;
  writer.write(path, text);
  if (file.shards > 1)
    writer.write(join(directory, `plan-${file.planHash}.shards-${file.shards}.json`), text);
  return path;
}

/**
 * The path of one cell's result file: `<out>/cells/<id>/<hash>.json`.
 *
 * @param out the output directory of the run
 * @param experimentId the experiment id, e.g. `e1`
 * @param hash the cell's hash, from {@link plannedCellHash}
 * @example
 * ```ts
 * cellPath('results', 'e1', hash);
 * ```
 */
export function cellPath(out: string, experimentId: string, hash: string): string {
  return join(cellsDirectory(out, experimentId), `${hash}.json`);
}
