export {
  MNIST_PIXELS,
  type MnistRegression,
  type MnistRegressionOptions,
  mnistRegression,
} from './mnist-regression.js';
