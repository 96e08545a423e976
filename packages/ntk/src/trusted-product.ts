import { getBackend, type MatmulOptions, Matrix, matmul } from '@benignlab/linalg';

/** `matmul`'s signature (A·B or A·Bᵀ), so internals can take either product. */
export type Product = (A: Matrix, B: Matrix, options?: Pick<MatmulOptions, 'transposeB'>) => Matrix;

/**
 * `matmul` without re-validating its operands, for callers that validated them already
 * (a kernel expansion checks its fixed centres once, not at every PGD step): the same
 * backend product, so the same bits. An entry that is not finite (an overflow `matmul`
 * rescues by rescaling) sends the call to `matmul` itself.
 */
export const trustedProduct: Product = (A, B, options = {}) => {
  const transposeB = options.transposeB === true;
  const rows = A.rows;
  const cols = transposeB ? B.rows : B.cols;
  const C = new Matrix(rows, cols);
  getBackend().gemm(
    false,
    transposeB,
    rows,
    cols,
    A.cols,
    A.data,
    0,
    A.cols,
    B.data,
    0,
    B.cols,
    0,
    C.data,
    0,
    cols,
  );
  for (let k = 0; k < C.data.length; k++) {
    if (!Number.isFinite(C.data[k] as number)) return matmul(A, B, { transposeB });
  }
  return C;
};
