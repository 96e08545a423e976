import { createRng } from '@benignlab/data';
import { Matrix } from '@benignlab/linalg';

/** n×p design with independent N(0, scales[j]) columns (unit variance when omitted). */
export function gaussianDesign(seed: number, n: number, p: number, scales?: Float64Array): Matrix {
  const X = new Matrix(n, p, createRng(seed).fillNormal(new Float64Array(n * p)));
  if (scales !== undefined) {
    for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) X.data[i * p + j] *= Math.sqrt(scales[j]);
  }
  return X;
}

export function gaussianVector(seed: number, length: number, scale = 1): Float64Array {
  return createRng(seed).fillNormal(new Float64Array(length), 0, scale);
}

/** Labels y = Xθ* + σ·noise. */
export function linearLabels(X: Matrix, thetaStar: Float64Array, sigma: number, seed: number): Float64Array {
  const noise = gaussianVector(seed, X.rows, sigma);
  for (let i = 0; i < X.rows; i++) {
    let s = 0;
    for (let j = 0; j < X.cols; j++) s += X.data[i * X.cols + j] * thetaStar[j];
    noise[i] += s;
  }
  return noise;
}

export function predictWith(X: Matrix, theta: Float64Array): Float64Array {
  const out = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    let s = 0;
    for (let j = 0; j < X.cols; j++) s += X.data[i * X.cols + j] * theta[j];
    out[i] = s;
  }
  return out;
}

export function euclidean(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

export function difference(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] - b[i];
  return out;
}

/** ‖a − b‖ / ‖b‖ (absolute when b = 0). */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const scale = euclidean(b);
  const gap = euclidean(difference(a, b));
  return scale === 0 ? gap : gap / scale;
}

/** Xᵀ(Xθ − y): zero at any least-squares solution. */
export function normalEquationResidual(X: Matrix, y: Float64Array, theta: Float64Array): Float64Array {
  const residual = difference(predictWith(X, theta), y);
  const out = new Float64Array(X.cols);
  for (let i = 0; i < X.rows; i++)
    for (let j = 0; j < X.cols; j++) out[j] += X.data[i * X.cols + j] * residual[i];
  return out;
}
