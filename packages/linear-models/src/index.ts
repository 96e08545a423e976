export {
  type AdversarialObjectiveOptions,
  adversarialObjective,
  dualNorm,
  type PerturbationNorm,
  perturbationDualNorm,
} from './adversarial-objective.js';
export {
  type AdversarialTrainingModel,
  type AdversarialTrainingOptions,
  adversarialTraining,
} from './adversarial-training.js';
export type { Covariance, CovarianceInput } from './covariance.js';
export { LinearModelError } from './errors.js';
export {
  type GradientDescentModel,
  type GradientDescentOptions,
  type GradientDescentRecord,
  gradientDescent,
} from './gradient-descent.js';
export { type LinearModel, linearModel } from './linear-model.js';
export { type MinNormModel, minNorm } from './min-norm.js';
export { r2Score } from './r2-score.js';
export { type RidgeModel, ridge } from './ridge.js';
export { type RidgeCV, type RidgeCVOptions, ridgeCV } from './ridge-cv.js';
export {
  type RidgePath,
  type RidgePathOptions,
  type RidgePathSummary,
  type RidgePathSummaryOptions,
  type RidgePathSweep,
  ridgePath,
  type WithRidgeRisks,
} from './ridge-path.js';
export type { RotatedFit, RotatedSample, RotatedTruth } from './rotated-sample.js';
export {
  type SpectralGradientDescentOptions,
  type SpectralGradientDescentRecord,
  spectralGradientDescent,
} from './spectral-gradient-descent.js';
export { type SpectralRidgeOptions, spectralRidgePath } from './spectral-ridge-path.js';
