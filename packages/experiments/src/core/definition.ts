import type { PlotOptions } from '@observablehq/plot';
import type { CellSpec, Config, ConfigSchema, ExperimentResult, PlannedCell, Row, Summary } from './types.js';

/**
 * A figure: Observable Plot options built from a result (no `document`: the caller
 * supplies one, a browser's or a headless DOM's). The same spec draws the figure in the
 * docs site and in the CLI's SVG/PNG files.
 */
export interface FigureSpec {
  /** File-name suffix: the first figure of `e1` is `e1`, the others `e1-<id>`. */
  id: string;
  title: string;
  /** What the figure shows, which budget it uses, and how to read it. */
  caption: string;
  options: PlotOptions;
}

/** A small table of key numbers for reports (cells preformatted or numbers). */
export interface TableSpec {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

/**
 * One experiment of the reproduction suite. Methods (not function properties) so that a
 * registry can hold experiments with different config types.
 *
 * `runCell` must be a pure function of (config, cell): the seed is in the cell. That is
 * the whole determinism contract; the runners rely on it.
 */
export interface ExperimentDefinition<C extends Config = Config, S extends Summary = Summary> {
  /** Short id, `e1` … `e7`. */
  readonly id: string;
  readonly title: string;
  /** The paper's claim this experiment shows, one sentence. */
  readonly shows: string;
  readonly schema: ConfigSchema<C>;
  /**
   * Checks that involve several keys at once; throws {@link ExperimentError}.
   * @param config the resolved config (defaults and overrides, each key already validated)
   */
  checkConfig?(config: C): void;
  /**
   * The independent cells (setting × replicate) of a run.
   * @param config the resolved config
   */
  cells(config: C): CellSpec[];
  /**
   * Computes the rows of one cell.
   * @param config the resolved config
   * @param cell the cell to compute, with its derived `seed`
   */
  runCell(config: C, cell: PlannedCell): Promise<Row[]>;
  /**
   * The rows the truth θ* would give in place of every fitted model (R = 0, ‖θ‖ = ‖θ*‖,
   * R_α = R_α(θ*), harm ratio 1), for the check that no verdict is supported on a
   * criterion the truth itself meets: `summarize(config, truthRows(config, rows))` must
   * support no claim. Absent only where there is no known truth (real data) or no claim
   * about the truth (finite networks against their NTK predictor).
   * @param config the resolved config
   * @param rows every cell's rows, concatenated in plan order
   */
  truthRows?(config: C, rows: Row[]): Row[];
  /**
   * Summary with verdicts (and theory curves) from all rows, in plan order.
   * @param config the resolved config
   * @param rows every cell's rows, concatenated in plan order
   */
  summarize(config: C, rows: Row[]): S;
  /**
   * Figures of a finished result; the first one is the experiment's main figure.
   * @param result the finished result (config, rows, summary)
   */
  figures(result: ExperimentResult<C, S>): FigureSpec[];
  /**
   * Key numbers as tables (simulation beside theory), for the report.
   * @param result the finished result (config, rows, summary)
   */
  tables(result: ExperimentResult<C, S>): TableSpec[];
}

/** Any experiment, whatever its config type. */
export type AnyExperiment = ExperimentDefinition<Config>;
