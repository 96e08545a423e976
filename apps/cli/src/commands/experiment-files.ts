import { type AnyExperiment, type ExperimentResult, rowsToCsv } from '@benignlab/experiments';
import { figureToSvg, svgToPng } from '../figures/render.js';
import type { AtomicWriter } from '../output/atomic-writer.js';

/**
 * The content of `<id>.json`, in the same shape and key order `benignlab reproduce`
 * writes, so results from `run` and `reproduce` are interchangeable.
 *
 * @example
 * ```ts
 * JSON.parse(resultJson(result)).rows.length;
 * ```
 */
export function resultJson(result: ExperimentResult): string {
  const { id, title, sizes, seed, config, cells, summary, rows } = result;
  return `${JSON.stringify({ id, title, sizes, seed, config, cells, summary, rows }, null, 2)}\n`;
}

/**
 * Writes one experiment's `<id>.json`, `<id>.csv` and its figures (`<id>.svg`/`.png`,
 * further figures `<id>-<figure>.svg`/`.png`) into `out`, each file atomically.
 *
 * @returns the file names written, relative to `out`
 * @example
 * ```ts
 * writeExperimentFiles(new AtomicWriter(), 'results', getExperiment('e1'), result);
 * ```
 */
export function writeExperimentFiles(
  writer: AtomicWriter,
  out: string,
  experiment: AnyExperiment,
  result: ExperimentResult,
): string[] {
  const files: string[] = [];
  writer.write(`${out}/${result.id}.json`, resultJson(result));
  writer.write(`${out}/${result.id}.csv`, rowsToCsv(result.rows));
  files.push(`${result.id}.json`, `${result.id}.csv`);
  experiment.figures(result).forEach((spec, k) => {
    const file = k === 0 ? result.id : `${result.id}-${spec.id}`;
    const svg = figureToSvg(spec);
    writer.write(`${out}/${file}.svg`, svg);
    writer.write(`${out}/${file}.png`, svgToPng(svg));
    files.push(`${file}.svg`, `${file}.png`);
  });
  return files;
}
