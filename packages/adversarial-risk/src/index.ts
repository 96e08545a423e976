export { absoluteAlpha, type BudgetMode } from './budget.js';
export type { Covariance, CovarianceInput } from './covariance.js';
export { RiskError } from './errors.js';
export {
  type AttackMethod,
  type EstimatedRisks,
  type EstimateRisksOptions,
  estimateRisks,
  type TestPointSource,
} from './estimate-risks.js';
export { type Frontier, type FrontierPoint, frontier } from './frontier.js';
export { gaussianAdversarialRisk } from './gaussian-closed-form.js';
export {
  type AdversarialRiskOptions,
  adversarialRisk,
  harmRatio,
  type MonteCarloRisk,
  type RiskLaw,
  standardRisk,
} from './linear-risk.js';
export type { FeatureLaw } from './monte-carlo-margin.js';
export { dualExponent, dualNorm, lqNorm, type NormSpec, normExponent } from './norms.js';
export type { DifferentiablePredictor } from './predictor.js';
export { type RidgePathRisks, type RidgePathRisksOptions, ridgePathRisks } from './ridge-path-risks.js';
export {
  type GroupedSpectrum,
  minNormNormLowerBound,
  minNormSquaredNormLowerBound,
  type RidgeTheoryGroupedInput,
  type RidgeTheoryInput,
  type RidgeTheoryModel,
  type RidgeTheoryPath,
  type RidgeTheoryPathInput,
  type RidgeTheoryPrediction,
  ridgeTheory,
  ridgeTheoryPath,
  ridgeTheoryPathGrouped,
  type TheoryAdversarialOptions,
} from './ridge-theory.js';
export type { MeanEstimate } from './sample-mean.js';
