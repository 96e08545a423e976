import {
  type AnyExperiment,
  type ExperimentResult,
  type FigureSpec,
  rowsToCsv,
} from '@benignlab/experiments';
import { figureToSvg, svgToPng } from '../figures/render.js';
import { type OutputFile, publishFiles } from '../output/output-set.js';

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

/** A rendered figure: its spec, SVG text and file stem (`e1`, `e1-harm`). */
export interface RenderedFigure {
  spec: FigureSpec;
  svg: string;
  file: string;
}

/**
 * One experiment's output files, rendered in memory: `<id>.json`, `<id>.csv` and its
 * figures (`<id>.svg`/`.png`, further figures `<id>-<figure>.svg`/`.png`).
 *
 * @example
 * ```ts
 * const { files } = experimentFiles(getExperiment('e1'), result);
 * files.map((f) => f.name); // ['e1.json', 'e1.csv', 'e1.svg', 'e1.png', …]
 * ```
 */
export function experimentFiles(
  experiment: AnyExperiment,
  result: ExperimentResult,
): { files: OutputFile[]; figures: RenderedFigure[] } {
  const files: OutputFile[] = [
    { name: `${result.id}.json`, contents: resultJson(result) },
    { name: `${result.id}.csv`, contents: rowsToCsv(result.rows) },
  ];
  const figures = experiment.figures(result).map((spec, k) => {
    const file = k === 0 ? result.id : `${result.id}-${spec.id}`;
    const svg = figureToSvg(spec);
    files.push({ name: `${file}.svg`, contents: svg }, { name: `${file}.png`, contents: svgToPng(svg) });
    return { spec, svg, file };
  });
  return { files, figures };
}

/**
 * Writes one experiment's `<id>.json`, `<id>.csv` and its figures into `out`, all or
 * nothing ({@link publishFiles}): a failure leaves no partial set and no mix with an
 * older run's files.
 *
 * @returns the file names written, relative to `out`
 * @example
 * ```ts
 * writeExperimentFiles('results', getExperiment('e1'), result);
 * ```
 */
export function writeExperimentFiles(
  out: string,
  experiment: AnyExperiment,
  result: ExperimentResult,
): string[] {
  const { files } = experimentFiles(experiment, result);
  publishFiles(out, files);
  return files.map((file) => file.name);
}
