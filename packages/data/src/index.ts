export { covarianceEigenvalues } from './design/covariance-spectrum.js';
export { haarOrthogonal } from './design/haar-orthogonal.js';
export {
  type CovarianceDescription,
  type Design,
  type DesignSample,
  makeDesign,
} from './design/make-design.js';
export {
  type BartlettCovariance,
  type BasisKind,
  type CovarianceSpec,
  type CustomCovariance,
  type DesignSpec,
  type FeatureLaw,
  type IsotropicCovariance,
  type NoiseSpec,
  type PowerLawCovariance,
  type ResolvedDesignSpec,
  resolveDesignSpec,
  type SpikedCovariance,
  type SpikedScaledCovariance,
  type TargetSpec,
  type ThetaStarSpec,
} from './design/spec.js';
export {
  type BenignCheck,
  type BenignDiagnostics,
  benignDiagnostics,
  LARGE_RATIO,
  type RatioLevel,
  SMALL_RATIO,
} from './diagnostics/benign-diagnostics.js';
export { type EffectiveRanks, effectiveRanks } from './diagnostics/effective-ranks.js';
export { DataError } from './errors.js';
export { chiDraw } from './rng/chi.js';
export { deterministicExp, deterministicLog } from './rng/deterministic-math.js';
export { assertSeed, deriveSeed, type Seed, type StreamLabel } from './rng/seed.js';
export { createRng, Rng } from './rng/xoshiro256.js';
export { bartlettFactor, bartlettGram } from './spectral/bartlett-gram.js';
export { spikedTailDesignFromSpec } from './spectral/from-design-spec.js';
export { laguerreEigenvalues } from './spectral/laguerre-eigenvalues.js';
export {
  type GramSample,
  type SpectralSample,
  type SpikedTailDesign,
  type SpikedTailDesignSpec,
  spikedTailDesign,
} from './spectral/spiked-tail-design.js';
