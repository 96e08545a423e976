import type { Matrix } from '@benignlab/linalg';
import * as tf from '@tensorflow/tfjs';
import { gaussianMatrix } from './helpers.js';

// Silences tfjs' one-time "install tfjs-node" console hint in test output.
tf.env().set('IS_TEST', true);

/** Seeded inputs on the unit sphere (rows), the usual NTK setting. */
export function unitRows(rows: number, cols: number, seed: number): Matrix {
  const M = gaussianMatrix(rows, cols, seed);
  for (let i = 0; i < rows; i++) {
    const row = M.row(i);
    const norm = Math.hypot(...row);
    for (let k = 0; k < cols; k++) row[k] /= norm;
  }
  return M;
}
