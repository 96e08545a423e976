export { type TrainingStep, type TrainOptions, DEFAULT_MAX_STEPS } from './training-options.js';
export {
  type TrainingReport,
  TwoLayerNetwork,
  type TwoLayerNetworkOptions,
  type WeightMovement,
} from './two-layer-network.js';
