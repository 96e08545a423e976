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
   * @param transposeA `true`: `op(A) = Aᵀ` (A stored `k×m`); `false`: `op(A) = A` (stored `m×k`).
   * @param transposeB `true`: `op(B) = Bᵀ` (B stored `n×k`); `false`: `op(B) = B` (stored `k×n`).
   * @param m Rows of `op(A)` and of `C` (integer ≥ 0).
   * @param n Columns of `op(B)` and of `C` (integer ≥ 0).
   * @param k Inner dimension: columns of `op(A)`, rows of `op(B)` (integer ≥ 0).
   * @param a Buffer holding `A`, row-major float64.
   * @param aOffset Index in `a` of `A`'s entry (0, 0).
   * @param lda Leading dimension of `A`: distance in `a` between consecutive stored rows.
   * @param b Buffer holding `B`, row-major float64.
   * @param bOffset Index in `b` of `B`'s entry (0, 0).
   * @param ldb Leading dimension of `B` (distance between stored rows).
   * @param beta Scale of the previous `C`; `0` overwrites `C` (its old values, even NaN, are ignored).
   * @param c Output buffer holding `C` (`m×n`, row-major), updated in place.
   * @param cOffset Index in `c` of `C`'s entry (0, 0).
   * @param ldc Leading dimension of `C` (distance between stored rows).
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
   * @param n Rows of `A` and the order of `C` (integer ≥ 0).
   * @param k Columns of `A` (integer ≥ 0).
   * @param a Buffer holding `A` (`n×k`, row-major float64).
   * @param aOffset Index in `a` of `A`'s entry (0, 0).
   * @param lda Leading dimension of `A` (distance in `a` between stored rows).
   * @param c Output buffer for `C = A·Aᵀ` (`n×n`), overwritten.
   * @param cOffset Index in `c` of `C`'s entry (0, 0).
   * @param ldc Leading dimension of `C` (distance between stored rows).
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
   * @param n Order of the symmetric matrix (integer ≥ 1).
   * @param a The `n×n` matrix, row-major, scaled; overwritten by the Householder reflectors.
   * @param d Output, length `n`: the diagonal of the tridiagonal matrix.
   * @param e Output, length `n`: the off-diagonal of the tridiagonal matrix.
   * @param tau Output, length `n`: the Householder scalars of the reflectors.
   */
  tridiagonalize?(n: number, a: Float64Array, d: Float64Array, e: Float64Array, tau: Float64Array): void;
}
