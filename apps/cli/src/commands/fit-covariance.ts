import { Matrix, symEig } from '@benignlab/linalg';
import { DataFileError } from '../input/data-file-error.js';
import type { NumericArray } from '../input/numeric-array.js';

/** Σ as the risk functions take it: eigenvalues and, unless diagonal, the eigenbasis. */
export interface FitCovariance {
  eigenvalues: Float64Array;
  basis?: Matrix;
}

/** Relative tolerance for Σ = Σᵀ, as in `assertSymmetric` of @benignlab/linalg. */
const SYMMETRY_TOLERANCE = 1e-10;

/**
 * Σ from a file: p values are the eigenvalues of a diagonal Σ; a p×p matrix is Σ itself,
 * checked symmetric and decomposed `Σ = B diag(λ) Bᵀ` (O(p³) once). Every eigenvalue
 * must be positive: the risk formulas need Σ positive definite.
 *
 * @param argument the flag (`--covariance`), file name and array, for messages
 * @param p the number of features of the fit
 * @param file the file the array was read from, named in errors
 * @param array the numbers read: a length-p vector of eigenvalues (diagonal Σ) or a p×p symmetric matrix
 * @example
 * ```ts
 * covarianceFromArray('--covariance', 'sigma.csv', { shape: [3], data: Float64Array.of(1, 0.5, 0.1) }, 3);
 * ```
 */
export function covarianceFromArray(
  argument: string,
  file: string,
  array: NumericArray,
  p: number,
): FitCovariance {
  const [rows, cols] = array.shape.length === 2 ? array.shape : [array.shape[0], 1];
  const isVector = (rows === 1 || cols === 1) && array.data.length === p;
  if (isVector) {
    const eigenvalues = array.data;
    for (let j = 0; j < p; j++) {
      if (!((eigenvalues[j] as number) > 0)) {
        throw new DataFileError(
          argument,
          file,
          `eigenvalue ${eigenvalues[j]} is not positive; expected the p = ${p} positive eigenvalues of a diagonal Σ`,
          rows === 1 ? { row: 1, column: j + 1 } : { row: j + 1, column: 1 },
        );
      }
    }
    return { eigenvalues };
  }
  if (rows !== p || cols !== p) {
    throw new DataFileError(
      argument,
      file,
      `has shape ${rows}×${cols}; expected ${p} eigenvalues (diagonal Σ) or a ${p}×${p} matrix (p = ${p} columns of --x)`,
    );
  }
  const sigma = new Matrix(p, p, array.data);
  let scale = 0;
  for (let k = 0; k < sigma.data.length; k++) scale = Math.max(scale, Math.abs(sigma.data[k] as number));
  for (let i = 0; i < p; i++) {
    for (let j = i + 1; j < p; j++) {
      const a = sigma.data[i * p + j] as number;
      const b = sigma.data[j * p + i] as number;
      if (Math.abs(a - b) > SYMMETRY_TOLERANCE * scale) {
        throw new DataFileError(
          argument,
          file,
          `is ${a} but entry (${j + 1}, ${i + 1}) is ${b}; expected Σ symmetric`,
          {
            row: i + 1,
            column: j + 1,
          },
        );
      }
    }
  }
  const { values, vectors } = symEig(sigma);
  const smallest = values[p - 1] as number;
  if (!(smallest > 0)) {
    throw new DataFileError(
      argument,
      file,
      `has smallest eigenvalue ${smallest}; expected Σ positive definite (all eigenvalues > 0)`,
    );
  }
  return { eigenvalues: values, basis: vectors };
}
