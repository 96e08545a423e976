export { main, USAGE } from './cli.js';
export {
  type CommandDefinition,
  type CommandExample,
  commandDefinitions,
  describeCommand,
  type FlagDefinition,
  type FlagType,
  findCommand,
  fitCommand,
  listCommand,
  mergeCommand,
  type PositionalDefinition,
  reproduceCommand,
  runCommand,
  sweepScriptCommand,
  theoryCommand,
} from './commands/definitions.js';
export { describeExperiment, type SettingDescription } from './commands/describe.js';
export { type CommandMain, extraCommands, findExtraCommand } from './commands/extra-commands.js';
export { type FitOutcome, type FitRisks, fitFromFiles, fitJson } from './commands/fit.js';
export { covarianceFromArray, type FitCovariance } from './commands/fit-covariance.js';
export { type FitModel, type FitOptions, parseFitArgs } from './commands/fit-options.js';
export { cliGuideMarkdown, commandSummaries, formatCommandHelp, usageLine } from './commands/help-text.js';
export {
  type FlagValue,
  type ParsedCommandLine,
  parseCommandLine,
  readNumber,
} from './commands/parse-command-line.js';
export { type CommandIo, type ReproduceOutcome, reproduce } from './commands/reproduce.js';
export { parseReproduceArgs, REPRODUCE_USAGE, type ReproduceOptions } from './commands/reproduce-options.js';
export { parseRunArgs, type RunOptions, settingValue } from './commands/run-options.js';
export { type TheoryModel, type TheoryPoint, theoryCurve, theoryTable } from './commands/theory.js';
export { parseLambdaGrid, parseTheoryArgs, type TheoryOptions } from './commands/theory-options.js';
export { figureToSvg, svgToPng } from './figures/render.js';
export { DataFileError } from './input/data-file-error.js';
export type { NumericArray } from './input/numeric-array.js';
export { parseNumericCsv } from './input/parse-csv.js';
export { type NpyHeader, parseNpy, parseNpyHeader } from './input/parse-npy.js';
export { readNumericArray, toMatrix, toVector } from './input/read-array.js';
export { AtomicWriter, removeStaleTemporaries } from './output/atomic-writer.js';
export { checkOutputDirectory, type OutputFile, publishFiles } from './output/output-set.js';
export { escapeHtml, type ReportRun, type ReportSection, reportHtml } from './output/report-html.js';
export { describeError, reportError } from './report-error.js';
export { RuntimeError } from './runtime-error.js';
export {
  CELL_FORMAT,
  type CellHeader,
  type CellRead,
  type ColumnKind,
  cellChecksum,
  cellFileText,
  readCellFile,
} from './sweep/cell-file.js';
export { type CellIdentity, canonicalJson, cellHash, planHash } from './sweep/cell-hash.js';
export {
  cellPath,
  cellsDirectory,
  PLAN_FORMAT,
  type PlanFile,
  planFile,
  plannedCellHash,
  writePlanFile,
} from './sweep/cell-store.js';
export { type MergedExperiment, MergeError, mergeDirectories } from './sweep/merge-cells.js';
export { type SweepOptions, type SweepOutcome, type SweepRun, startSweep } from './sweep/run-sweep.js';
export { cellsOfShard, parseShard, type Shard, shardFor, shardOfCell, WHOLE_RUN } from './sweep/shard.js';
export { kubernetesJob, type SweepScriptSpec, shellQuote, slurmScript } from './sweep/sweep-script-text.js';
export { UsageError } from './usage-error.js';
