import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  assembleResult,
  type ExperimentPlan,
  type ExperimentResult,
  findExperiment,
  planExperiment,
  type Row,
} from '@benignlab/experiments';
import { RuntimeError } from '../runtime-error.js';
import { UsageError } from '../usage-error.js';
import { readCellFile } from './cell-file.js';
import { cellPath, PLAN_FORMAT, type PlanFile, plannedCellHash } from './cell-store.js';
import { shardOfCell } from './shard.js';

/**
 * Why shard outputs cannot be merged (missing or conflicting cells, mismatched plans).
 * The CLI exits with status 1.
 */
export class MergeError extends RuntimeError {
  /**
   * @param argument the experiment or directory concerned (kept as `.argument`)
   * @param message what is wrong; the error message becomes `"<argument>: <message>"`
   */
  constructor(argument: string, message: string) {
    super(argument, message);
    this.name = 'MergeError';
  }
}

/** One merged experiment: the rebuilt plan and the assembled result. */
export interface MergedExperiment {
  plan: ExperimentPlan;
  result: ExperimentResult;
  /** Cells found valid in more than one directory (with the same rows). */
  duplicates: number;
}

function readPlanFiles(directory: string): { path: string; file: PlanFile }[] {
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    throw new UsageError(
      'DIR',
      `${directory} is not a directory; expected an output directory of benignlab run`,
    );
  }
  const cellsRoot = join(directory, 'cells');
  if (!existsSync(cellsRoot)) return [];
  const found: { path: string; file: PlanFile }[] = [];
  for (const id of readdirSync(cellsRoot).sort()) {
    const folder = join(cellsRoot, id);
    if (!statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder).sort()) {
      if (!/^plan-[0-9a-f]+(\.shards-\d+)?\.json$/.test(name)) continue;
      const path = join(folder, name);
      let file: PlanFile;
      try {
        file = JSON.parse(readFileSync(path, 'utf8')) as PlanFile;
      } catch (error) {
        throw new MergeError(path, `is not valid JSON (${(error as Error).message})`);
      }
      if (file.format !== PLAN_FORMAT || !Array.isArray(file.cells)) {
        throw new MergeError(path, `is not a ${PLAN_FORMAT} file`);
      }
      found.push({ path, file });
    }
  }
  return found;
}

function rebuildPlan(path: string, file: PlanFile): ExperimentPlan {
  const plan = planExperiment(findExperiment(file.experiment), {
    overrides: file.config,
    quick: file.sizes === 'quick',
    seed: file.seed,
  });
  const matches =
    plan.cells.length === file.cells.length &&
    plan.cells.every((cell, i) => plannedCellHash(plan, cell) === file.cells[i]?.hash);
  if (!matches) {
    throw new MergeError(
      path,
      'its cells do not match the plan this version of benignlab makes from the same config; merge with the version that ran the shards',
    );
  }
  return plan;
}

/** Per shard of an N-shard layout, how many of the `missing` cells it should have written. */
function missingByShard(missing: readonly number[], count: number): Map<number, number> {
  const byShard = new Map<number, number>();
  for (const index of missing) {
    const shard = shardOfCell(index, count);
    byShard.set(shard, (byShard.get(shard) ?? 0) + 1);
  }
  return new Map([...byShard.entries()].sort((a, b) => a[0] - b[0]));
}

/**
 * Says which cells are missing and which shard run most likely failed. When shards of
 * several counts N ran into one directory, the layout in which the fewest shards hold
 * all missing cells is blamed (the others are named too).
 */
function describeMissing(
  file: PlanFile,
  layouts: readonly number[],
  missing: number[],
  keys: (i: number) => string,
): string {
  const ranked = layouts
    .map((count) => ({ count, byShard: missingByShard(missing, count) }))
    .sort((a, b) => a.byShard.size - b.byShard.size || a.count - b.count);
  const best = ranked[0] as { count: number; byShard: Map<number, number> };
  const shards = [...best.byShard.entries()]
    .map(([shard, count]) => `${shard}/${best.count} (${count})`)
    .join(', ');
  const rerun = [...best.byShard.keys()].map((shard) => `--shard ${shard}/${best.count}`).join(', ');
  const others = ranked
    .slice(1)
    .map(({ count, byShard }) => [...byShard.keys()].map((shard) => `${shard}/${count}`).join(', '))
    .join('; ');
  const shown = missing.slice(0, 5).map(keys).join(', ');
  const more = missing.length > 5 ? `, … ${missing.length - 5} more` : '';
  const advice =
    best.count > 1
      ? `; the run of shard ${shards} likely failed or is still running${others ? ` (in the other shard layouts that ran here: ${others})` : ''}: rerun it with the same options and ${rerun} (finished cells are reused)`
      : '; rerun the same benignlab run command to finish it (finished cells are reused)';
  return `${missing.length} of ${file.cells.length} cells missing (${shown}${more})${advice}`;
}

/**
 * Combines the cell files of shard runs in `directories` into each experiment's result,
 * exactly as an unsharded run assembles it: the plan is rebuilt from the stored config
 * and seed, each cell's rows are read from whichever directory holds a valid file, and
 * the rows are assembled in plan order. Errors: no plan files; two different sweeps of
 * one experiment; missing cells (how many, which, and the shard they belong to); a cell
 * present in two directories with different rows.
 *
 * @param directories the output directories of the shards (each with `cells/<id>/plan-*.json` and cell files)
 * @example
 * ```ts
 * const [merged] = mergeDirectories(['shard-1', 'shard-2', 'shard-3']);
 * merged.result.rows.length;
 * ```
 */
export function mergeDirectories(directories: readonly string[]): MergedExperiment[] {
  const plans = new Map<string, { path: string; file: PlanFile }>();
  const layouts = new Map<string, Set<number>>();
  for (const directory of directories) {
    for (const entry of readPlanFiles(directory)) {
      const seen = layouts.get(entry.file.experiment) ?? new Set<number>();
      if (Number.isSafeInteger(entry.file.shards) && entry.file.shards >= 1) seen.add(entry.file.shards);
      layouts.set(entry.file.experiment, seen);
      const other = plans.get(entry.file.experiment);
      if (other && other.file.planHash !== entry.file.planHash) {
        throw new MergeError(
          entry.file.experiment,
          `two different sweeps (${other.path} and ${entry.path}: other settings or seed); merge the directories of one sweep at a time`,
        );
      }
      if (!other) plans.set(entry.file.experiment, entry);
    }
  }
  if (plans.size === 0) {
    throw new MergeError(
      directories.join(' '),
      'no plan files (cells/<id>/plan-*.json) found; expected output directories of benignlab run',
    );
  }
  const merged: MergedExperiment[] = [];
  for (const [id, { path, file }] of plans) {
    const plan = rebuildPlan(path, file);
    const rowsByCell: Row[][] = [];
    const missing: number[] = [];
    let duplicates = 0;
    for (const cell of plan.cells) {
      const hash = plannedCellHash(plan, cell);
      let found: { rows: Row[]; canonical: string; where: string } | undefined;
      for (const directory of directories) {
        const where = cellPath(directory, id, hash);
        const read = readCellFile(where, { hash, experiment: id, key: cell.key, seed: cell.seed });
        if (!read.ok) {
          if (read.reason === 'missing') continue;
          // Never merged, never skipped silently: an edited or damaged cell is named.
          throw new MergeError(
            where,
            `${read.detail}; refusing to merge it: remove the file and rerun its shard to recompute that cell (${cell.key})`,
          );
        }
        const canonical = JSON.stringify(JSON.parse(read.text).rows);
        if (found && found.canonical !== canonical) {
          throw new MergeError(
            id,
            `cell ${cell.key} has different rows in ${found.where} and ${where}; remove the wrong one (or rerun that cell with --fresh)`,
          );
        }
        if (found) duplicates++;
        else found = { rows: read.rows, canonical, where };
      }
      if (found) rowsByCell.push(found.rows);
      else missing.push(cell.index);
    }
    if (missing.length > 0) {
      throw new MergeError(
        id,
        describeMissing(
          file,
          [...(layouts.get(id)?.size ? (layouts.get(id) as Set<number>) : [Math.max(1, file.shards)])],
          missing,
          (i) => plan.cells[i]?.key ?? String(i),
        ),
      );
    }
    merged.push({ plan, result: assembleResult(plan, rowsByCell).result, duplicates });
  }
  return merged;
}
