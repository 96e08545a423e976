import { AbstractMatrix, Matrix as MlMatrix } from 'ml-matrix';
import { LinalgError } from './errors.js';
import { describeValue, Matrix } from './matrix.js';
import { assertMatrix } from './validate.js';

/**
 * Copies an ml-matrix matrix (any `AbstractMatrix`: `Matrix`, views, `SymmetricMatrix`…)
 * into a benignlab {@link Matrix}, row-major. Entries must be finite.
 *
 * @param m an ml-matrix matrix, `rows × columns`
 * @returns a new `rows × columns` {@link Matrix}
 * @example
 * ```ts
 * import { Matrix as MlMatrix } from 'ml-matrix';
 * fromMlMatrix(new MlMatrix([[1, 2], [3, 4]])).toRows(); // [[1, 2], [3, 4]]
 * ```
 */
export function fromMlMatrix(m: AbstractMatrix): Matrix {
  if (!AbstractMatrix.isMatrix(m)) {
    throw new LinalgError('m', `expected an ml-matrix Matrix, got ${describeValue(m)}`);
  }
  const result = new Matrix(m.rows, m.columns);
  const { cols, data } = result;
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < cols; j++) data[i * cols + j] = m.get(i, j);
  }
  return assertMatrix('m', result, { allowEmpty: true });
}

/**
 * Copies a benignlab {@link Matrix} into a new ml-matrix `Matrix`, e.g. to use its
 * decompositions or statistics on data produced here.
 *
 * @param M a `rows × cols` matrix
 * @returns a new ml-matrix `Matrix` with the same shape and entries
 * @example
 * ```ts
 * toMlMatrix(Matrix.fromRows([[1, 2], [3, 4]])).get(1, 0); // 3
 * ```
 */
export function toMlMatrix(M: Matrix): MlMatrix {
  assertMatrix('M', M, { allowEmpty: true });
  const result = new MlMatrix(M.rows, M.cols);
  const { cols, data } = M;
  for (let i = 0; i < M.rows; i++) {
    for (let j = 0; j < cols; j++) result.set(i, j, data[i * cols + j]);
  }
  return result;
}
