export {
  CancelledError,
  CellError,
  type CellOutcome,
  type CellTask,
  defaultWorkers,
  type PoolOptions,
  type PoolRun,
  runCells,
} from './pool.js';
export { runPlans, type SuiteOptions, type SuiteRun, type TimedResult } from './suite.js';
