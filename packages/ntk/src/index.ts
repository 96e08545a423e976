export { NtkError } from './errors.js';
export { KernelSpectrum } from './kernel-spectrum.js';
export { DEFAULT_LAYERS, type NtkLayers } from './layers.js';
export {
  type NtkGradientDescent,
  type NtkGradientDescentOptions,
  type NtkGradientDescentPredictor,
  ntkGradientDescent,
} from './ntk-gradient-descent.js';
export {
  type NtkGramFit,
  type NtkGramRegressionOptions,
  type NtkGramRegressionPathOptions,
  ntkGramRegression,
  ntkGramRegressionPath,
} from './ntk-gram-regression.js';
export { type NtkInputGradientOptions, ntkInputGradient, PARALLEL_SINE } from './ntk-input-gradient.js';
export { type NtkKernelOptions, ntkKernel } from './ntk-kernel.js';
export {
  type NtkKernelExpansion,
  type NtkKernelExpansionOptions,
  ntkKernelExpansion,
} from './ntk-kernel-expansion.js';
export {
  type NtkLinearization,
  type NtkLinearizationOptions,
  ntkLinearization,
} from './ntk-linearization.js';
export {
  NtkRegression,
  type NtkRegressionOptions,
  NtkRegressionPath,
  ntkRegression,
} from './ntk-regression.js';
