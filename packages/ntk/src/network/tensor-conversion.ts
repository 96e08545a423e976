import { Matrix } from '@benignlab/linalg';
import type * as tf from '@tensorflow/tfjs';
import { tfjs } from './tfjs-module.js';

/** A float32 `rows×cols` tensor of a float64 {@link Matrix} (rounded to float32). */
export function matrixToTensor(matrix: Matrix): tf.Tensor2D {
  return tfjs.tensor2d(Float32Array.from(matrix.data), [matrix.rows, matrix.cols], 'float32');
}

/** A float64 {@link Matrix} of a rank-2 tensor's values (synchronous download). */
export function tensorToMatrix(tensor: tf.Tensor2D): Matrix {
  const [rows, cols] = tensor.shape;
  return new Matrix(rows, cols, Float64Array.from(tensor.dataSync()));
}

/** A float64 vector of a tensor's values (synchronous download). */
export function tensorToVector(tensor: tf.Tensor): Float64Array {
  return Float64Array.from(tensor.dataSync());
}

/**
 * Runs `body` in a tfjs memory scope and frees every tensor it created. Unlike
 * `tf.tidy`, the result may be any value (here: float64 arrays already downloaded).
 */
export function scoped<Result>(body: () => Result): Result {
  tfjs.engine().startScope();
  try {
    return body();
  } finally {
    tfjs.engine().endScope();
  }
}
