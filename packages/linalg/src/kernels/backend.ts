/**
 * The compute backend behind the public functions, in the spirit of tfjs' kernel
 * backends: the public API validates and shapes; a backend only runs loops over raw
 * row-major float64 buffers. A plain TypeScript backend is always present; faster
 * ones (WebAssembly SIMD, threads) register themselves and are picked on first use.
 *
 * Conventions (BLAS-like, row-major): a matrix operand is `(buffer, offset, leadingDimension)`,
 * entry (i, j) at `buffer[offset + i * leadingDimension + j]`.
 */
export interface KernelBackend {
  /** A short name for benchmarks and diagnostics, e.g. `"js"`, `"wasm-simd"`. */
  readonly name: string;

  /**
   * Optional: `true` when this backend computes the same bits on every runtime and processor
   * (IEEE double arithmetic in a fixed order, no relaxed SIMD). Only such backends are chosen
   * automatically under `setKernelPolicy('strict')`.
   */
  readonly strict?: boolean;

  /**
   * General matrix product `C ← op(A) · op(B) + beta · C`, where `op(A)` is `m×k`,
   * `op(B)` is `k×n` and `C` is `m×n`; `transposeA` means `A` is stored `k×m`.
   */
  gemm(
    transposeA: boolean,
    transposeB: boolean,
    m: number,
    n: number,
    k: number,
    a: Float64Array,
    aOffset: number,
    lda: number,
    b: Float64Array,
    bOffset: number,
    ldb: number,
    beta: number,
    c: Float64Array,
    cOffset: number,
    ldc: number,
  ): void;

  /**
   * Symmetric rank-k product `C ← A · Aᵀ` for `A` stored `n×k`; fills the full `n×n`
   * output (both triangles) so callers never see a half-filled matrix.
   */
  syrk(
    n: number,
    k: number,
    a: Float64Array,
    aOffset: number,
    lda: number,
    c: Float64Array,
    cOffset: number,
    ldc: number,
  ): void;

  /**
   * Optional: the Householder tridiagonalization of the scaled symmetric n×n `a` (row-major,
   * overwritten by the reflectors; `d`, `e`, `tau` out), the WebAssembly reduction with the
   * row chunks of each step shared by this backend's threads. Backends without it get the
   * single-threaded reduction, which computes the same bits.
   */
  tridiagonalize?(n: number, a: Float64Array, d: Float64Array, e: Float64Array, tau: Float64Array): void;
}
