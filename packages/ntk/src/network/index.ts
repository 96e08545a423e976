export { wasmBackendInstalled } from './tfjs-module.js';
export { DEFAULT_MAX_STEPS, type TrainingStep, type TrainOptions } from './training-options.js';
export {
  type TrainingReport,
  TwoLayerNetwork,
  type TwoLayerNetworkOptions,
  type WeightMovement,
} from './two-layer-network.js';
