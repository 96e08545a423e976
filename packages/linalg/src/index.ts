export { cholesky, choleskySolve } from './cholesky.js';
export { LinalgError } from './errors.js';
export type { KernelBackend } from './kernels/backend.js';
export { jsBackend } from './kernels/js-backend.js';
export {
  type BackendEntry,
  getBackend,
  getKernelPolicy,
  type KernelPolicy,
  listBackends,
  registerBackend,
  removeBackend,
  setBackend,
  setKernelPolicy,
} from './kernels/registry.js';
export { type LstsqOptions, type LstsqResult, lstsq } from './lstsq.js';
export { allocationError, describeValue, formatBytes, Matrix, type MatrixShape } from './matrix.js';
export { isMissingPackage, MissingPackageError } from './missing-package-error.js';
export { fromMlMatrix, toMlMatrix } from './ml-matrix-interop.js';
export { NpyError } from './npy/npy-error.js';
export { type NpyHeader, parseNpyHeader } from './npy/npy-header.js';
export {
  type NpyArray,
  type ParseNpyOptions,
  parseNpy,
  parseNpyMatrix,
  parseNpyVector,
} from './npy/parse-npy.js';
export { type SerializeNpyOptions, serializeNpy } from './npy/serialize-npy.js';
export { gram, gramT, type MatmulOptions, type MatvecOptions, matmul, matvec } from './products.js';
export { type SymmetricEigendecomposition, symEig, symEigValues } from './sym-eig.js';
export { type SymmetricEigenProjections, symEigProjections } from './sym-eig-projections.js';
export { symTridiagonalEigenvalues } from './sym-tridiagonal-eigenvalues.js';
export {
  assertFiniteNumber,
  assertKnownOptions,
  assertMatrix,
  assertSquare,
  assertSymmetric,
  assertVector,
} from './validate.js';
export { toFloat64Vector, type VectorInput } from './vector-input.js';
export { axpy, dot, norm2, trace } from './vector-ops.js';
