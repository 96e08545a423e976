export {
  allowedText,
  defaultConfig,
  type ResolveOptions,
  resolveConfig,
  validateParam,
} from './core/config.js';
export { rowsToCsv } from './core/csv.js';
export type { AnyExperiment, ExperimentDefinition, FigureSpec, TableSpec } from './core/definition.js';
export { ExperimentError } from './core/errors.js';
export {
  assembleResult,
  checkSeed,
  DEFAULT_SEED,
  type ExperimentPlan,
  now,
  type PlanOptions,
  type ProgressEvent,
  planExperiment,
  type RunOptions,
  runExperiment,
} from './core/runner.js';
export { type AggregatePoint, aggregate, fmt, logLogSlope, type MeanSe, meanSe } from './core/stats.js';
export {
  type TheoryAgreement,
  type TheoryComparison,
  theoryAgreement,
} from './core/theory-agreement.js';
export { asTruth } from './core/truth-rows.js';
export type {
  Budget,
  CellSpec,
  CellValue,
  Config,
  ConfigSchema,
  Decision,
  ExperimentResult,
  ParamSpec,
  ParamValue,
  PlannedCell,
  Row,
  Summary,
  Verdict,
} from './core/types.js';
export { decisionText, holds } from './core/verdict.js';
export {
  type E1Config,
  type E1Summary,
  type E1TheoryPoint,
  e1MinNorm,
  e1Theory,
} from './definitions/e1-min-norm.js';
export {
  type E2Config,
  type E2DesignConfig,
  type E2DesignName,
  type E2Point,
  type E2Summary,
  e2Design,
  e2Ridge,
  e2TheoryPoint,
} from './definitions/e2-ridge.js';
export {
  type E3Config,
  type E3Slopes,
  type E3Summary,
  type E3TheoryPoint,
  e3NtkInterpolator,
  e3Theory,
} from './definitions/e3-ntk-interpolator.js';
export {
  type E4Config,
  type E4Point,
  type E4Summary,
  e4NtkRidge,
  linearizedLambda,
} from './definitions/e4-ntk-ridge.js';
export { type E5Config, type E5Summary, e5FiniteWidth } from './definitions/e5-finite-width.js';
export {
  type E6Config,
  type E6Placement,
  type E6Summary,
  e6Comparators,
} from './definitions/e6-comparators.js';
export { type E7Comparison, type E7Config, type E7Summary, e7Mnist } from './definitions/e7-mnist.js';
export {
  E8_SPOT_DESIGNS,
  type E8Config,
  type E8Design,
  type E8SpotCheck,
  type E8Summary,
  e8HarmMap,
} from './definitions/e8-harm-map.js';
export { ratioToFrontier } from './definitions/frontier-distance.js';
export { logGrid } from './definitions/lambda-grid.js';
export {
  type ExperimentId,
  type ExperimentsById,
  experimentIds,
  experiments,
  findExperiment,
  getExperiment,
  isExperimentId,
  selectExperiments,
} from './definitions/registry.js';
export { simulatedCompromise, simulateRidgeSweep } from './definitions/ridge-sweep-cell.js';
export {
  type BestCompromise,
  bestCompromise,
  type TwoLevelDesign,
  theoryCompromise,
  theoryLambdaGrid,
  twoLevelDesignSpec,
  twoLevelDimension,
  twoLevelSpectrum,
} from './definitions/two-level-design.js';
export { type HeatCell, type HeatMapInput, heatMapFigure } from './figures/heat-map-figure.js';
export {
  PALETTE,
  renderFigure,
  type Series,
  type SeriesFigureInput,
  seriesFigure,
} from './figures/series-figure.js';
