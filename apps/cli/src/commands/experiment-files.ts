import { type AnyExperiment, type ExperimentResult, rowsToCsv } from '@benignlab/experiments';
import { figureToSvg, svgToPng } from '../figures/render.js';
import type { AtomicWriter } from '../output/atomic-writer.js';
import type { ProducedWith } from './kernel-choice.js';

/**
 * The content of `<id>.json`, in the same shape and key order for `benignlab run` and
 * `reproduce`, so their results are interchangeable. `producedWith` (kernel policy, kernel
 * variant, runtime) comes right after the seed; under the strict kernels every other byte is
 * the same on every runtime and processor.
 *
 * @example
 * ```ts
 * JSON.parse(resultJson(result, chooseKernels(false))).rows.length;
 * ```
 */
export function resultJson(result: ExperimentResult, producedWith: ProducedWith): string {
  const { id, title, sizes, seed, config, cells, summary, rows } = result;
  return `${JSON.stringify({ id, title, sizes, seed, producedWith, config, cells, summary, rows }, null, 2)}\n`;
}

/**
 * Writes one experiment's `<id>.json`, `<id>.csv` and its figures (`<id>.svg`/`.png`,
 * further figures `<id>-<figure>.svg`/`.png`) into `out`, each file atomically.
 *
 * @returns the file names written, relative to `out`
 * @example
 * ```ts
 * writeExperimentFiles(new AtomicWriter(), 'results', getExperiment('e1'), result, chooseKernels(false));
 * ```
 */
export function writeExperimentFiles(
  writer: AtomicWriter,
  out: string,
  experiment: AnyExperiment,
  result: ExperimentResult,
  producedWith: ProducedWith,
): string[] {
  const files: string[] = [];
  writer.write(`${out}/${result.id}.json`, resultJson(result, producedWith));
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
