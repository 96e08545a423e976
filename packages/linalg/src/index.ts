export { LinalgError } from './errors.js';
export { describeValue, Matrix } from './matrix.js';
export {
  assertFiniteNumber,
  assertKnownOptions,
  assertMatrix,
  assertSquare,
  assertSymmetric,
  assertVector,
} from './validate.js';
