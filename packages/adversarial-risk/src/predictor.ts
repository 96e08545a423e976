import type { Matrix } from '@benignlab/linalg';

/**
 * Anything that maps inputs to outputs and knows its input gradient: kernel models,
 * networks, linear fits. Rows of `X` are points ([Theory §6](https://benignlab.github.io/theory.html#section-6)).
 */
export interface DifferentiablePredictor {
  /**
   * f(x_i) for every row x_i of X (m×d) → length m.
   * @param X m×d inputs, one point per row
   */
  predict(X: Matrix): Float64Array;
  /**
   * ∇_x f(x_i) for every row → m×d, row i the gradient at x_i.
   * @param X m×d inputs, one point per row
   */
  inputGradient(X: Matrix): Matrix;
}
