import { fmaProductKernelBase64, simdProductKernelBase64 } from './kernel-modules.generated.js';

/** Which arithmetic the micro-kernel uses: `f64x2` mul + add, or relaxed-SIMD `f64x2.relaxed_madd`. */
export type KernelVariant = 'simd' | 'fma';

/**
 * The exports of a kernel instance (pointers are byte offsets into the kernel memory): a
 * product module (assembly/micro-kernel.ts, packing.ts) and an eigen module
 * (assembly/symmetric-eigen.ts, secular-equation.ts) instantiated over the same memory.
 */
export interface KernelExports {
  /** Runs one block task of a rank-kc update `C (+)= packedA · packedB` (see the AssemblyScript source). */
  macroTask(
    rows: number,
    cols: number,
    kc: number,
    packedA: number,
    packedB: number,
    c: number,
    accumulate: number,
    lowerOnly: number,
    blockRows: number,
    blockCols: number,
    task: number,
  ): void;
  /** 1 for the relaxed-SIMD FMA build, 0 for baseline SIMD. */
  usesFusedMultiplyAdd(): number;
  /** Householder tridiagonalization of the n×n symmetric `a` (assembly/symmetric-eigen.ts); `y` holds `REDUCTION_CHUNKS`·n doubles. */
  tridiagonalize(n: number, a: number, d: number, e: number, tau: number, p: number, y: number): void;
  /** Row chunks per reduction step, a global: the partial vectors `y` must have room for. */
  REDUCTION_CHUNKS: WebAssembly.Global;
  /** 1 or `REDUCTION_CHUNKS`: the chunks step k of an order-n reduction is split into. */
  reductionChunkCount(n: number, k: number): number;
  /** First row of chunk c of step k (n for c = count). */
  reductionChunkStart(n: number, k: number, c: number, count: number): number;
  /** Step k's serial opening: pending update of column k, reflector k. */
  reductionBeginStep(n: number, a: number, d: number, e: number, tau: number, p: number, k: number): void;
  /** Step k's sweep over rows [rowStart, rowEnd) into the chunk's partial vector `y`. */
  reductionSweepRows(
    n: number,
    a: number,
    p: number,
    k: number,
    rowStart: number,
    rowEnd: number,
    y: number,
  ): void;
  /** Step k's serial closing: sums the `count` partials (at `y + c·n` doubles), forms w in `p`. */
  reductionEndStep(n: number, a: number, tau: number, p: number, y: number, k: number, count: number): void;
  /** The trailing 2×2 block after the last step. */
  reductionFinish(n: number, a: number, d: number, e: number, p: number): void;
  /** The largest |x| over `count` f64 at `x` (assembly/symmetric-eigen.ts). */
  maxAbs(x: number, count: number): number;
  /** In place, A ← (A + Aᵀ)/(2·scale) for the n×n `a`, tile by tile. */
  symmetrizeScaled(n: number, a: number, scale: number): void;
  /** Columns order[j] of the n×n `src` into `dst`, each signed so its largest-magnitude entry is positive. */
  orderSignedColumns(
    n: number,
    src: number,
    order: number,
    largest: number,
    signs: number,
    dst: number,
  ): void;
  /** Eigenvalue-only implicit QL on (d, e); −1 or the index of an unconverged eigenvalue. */
  implicitQL(n: number, d: number, e: number, maxSweeps: number): number;
  /** Packs the rows×kc block at `src` (leading dimension `ld`) into row panels at `dst` (assembly/packing.ts). */
  packRowPanels(src: number, ld: number, rows: number, kc: number, dst: number): void;
  /** Packs the kc×cols block at `src` (leading dimension `ld`) into column panels at `dst`. */
  packColumnPanels(src: number, ld: number, kc: number, cols: number, dst: number): void;
  /** One pack task of a rank-kc update (assembly/packing.ts): packed rows or columns [start, start+count). */
  packChunk(
    kind: number,
    src: number,
    ld: number,
    list: number,
    kc: number,
    start: number,
    count: number,
    dst: number,
  ): void;
  /** Row panels of the rows×kc block's columns `columns[p]` (an i32 list at byte `columns`). */
  packRowPanelsGathered(
    src: number,
    ld: number,
    rows: number,
    columns: number,
    kc: number,
    dst: number,
  ): void;
  /** Column panels of the kc×cols block's rows `rows[p]` (an i32 list at byte `rows`). */
  packColumnPanelsGathered(
    src: number,
    ld: number,
    rows: number,
    kc: number,
    cols: number,
    dst: number,
  ): void;
  /** dst[i·ld + columns[t]] = src[i·count + t]: a rows×count product scattered into columns. */
  scatterColumns(src: number, rows: number, count: number, dst: number, ld: number, columns: number): void;
  /** The roots of a merge's secular equation as (origin, tau), ρ the f64 at `rho` (assembly/secular-equation.ts). */
  solveSecularEquation(k: number, d: number, z: number, rho: number, origin: number, tau: number): void;
  /** Roots first…last−1 of {@link solveSecularEquation}. */
  solveSecularRoots(
    k: number,
    d: number,
    z: number,
    rho: number,
    origin: number,
    tau: number,
    first: number,
    last: number,
  ): void;
  /** −T of a block of nb reflectors' compact-WY form from their Gram matrix VᵀV and τ (assembly/symmetric-eigen.ts). */
  compactWYFactor(nb: number, gram: number, tau: number, negatedT: number): void;
  /** Gu–Eisenstat's ẑ and the merge's normalized k×k factor U at `u`. */
  mergeFactor(
    k: number,
    poles: number,
    z: number,
    rho: number,
    origin: number,
    tau: number,
    zHat: number,
    originPoles: number,
    norms: number,
    u: number,
  ): void;
}

/** Rows and columns of the register-blocked micro-tile the packed panels are built for. */
export const MICRO_TILE = 4;

/** The product-module exports (micro-kernel and packing), all a matrix product needs. */
export type ProductExports = Pick<
  KernelExports,
  | 'macroTask'
  | 'usesFusedMultiplyAdd'
  | 'packRowPanels'
  | 'packColumnPanels'
  | 'packChunk'
  | 'packRowPanelsGathered'
  | 'packColumnPanelsGathered'
  | 'scatterColumns'
>;

/** Base64 text → bytes. atob exists in every browser and in Node ≥ 16, so no Buffer (Node-only). */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Validates and compiles `bytes` once (cached under `key`); `undefined` when this engine cannot
 * run them: feature detection is `WebAssembly.validate` on the kernel itself, so a missing SIMD
 * or relaxed-SIMD opcode (Node 20 without `--experimental-wasm-relaxed-simd`) is detected
 * exactly rather than guessed from a version number. Nothing compiles before the first call,
 * so importing the package costs no WebAssembly work and bundlers can drop unused builds.
 */
export function compileCached(
  cache: Map<string, WebAssembly.Module | null>,
  key: string,
  base64: () => string,
): WebAssembly.Module | undefined {
  let module = cache.get(key);
  if (module === undefined) {
    module = null;
    if (typeof WebAssembly === 'object') {
      const bytes = decodeBase64(base64());
      if (WebAssembly.validate(bytes)) {
        try {
          module = new WebAssembly.Module(bytes);
        } catch {
          // Synchronous compilation can be refused (older Chrome allowed only 4 KB on the main
          // thread): then the JS backend simply stays in charge.
        }
      }
    }
    cache.set(key, module);
  }
  return module ?? undefined;
}

/** Compiled private-memory modules by build name, shared with eigen-module.ts. */
export const moduleCache = new Map<string, WebAssembly.Module | null>();

/** The private-memory product module of one kernel build, or `undefined` where this engine cannot run it. */
export function productModule(variant: KernelVariant): WebAssembly.Module | undefined {
  return compileCached(moduleCache, variant, () =>
    variant === 'fma' ? fmaProductKernelBase64 : simdProductKernelBase64,
  );
}

/**
 * Instantiates kernel modules side by side against a memory the caller owns (so it can grow
 * and share it) and merges their exports: the product module alone suffices for products; add
 * the eigen module (now or later, with {@link addEigenKernel}) for the eigen loops.
 */
export function instantiateKernel(
  modules: WebAssembly.Module | readonly WebAssembly.Module[],
  memory: WebAssembly.Memory,
): KernelExports {
  const exports = {} as KernelExports;
  for (const module of Array.isArray(modules) ? modules : [modules]) {
    Object.assign(
      exports,
      new WebAssembly.Instance(module as WebAssembly.Module, { env: { memory } }).exports,
    );
  }
  return exports;
}

/**
 * Which kernel builds this JavaScript engine can run: `simd` needs WebAssembly SIMD
 * (Node ≥ 16, all current browsers), `fma` also needs relaxed SIMD (Node ≥ 22, Chrome ≥ 114,
 * Firefox ≥ 120; Node 20 with `--experimental-wasm-relaxed-simd`). The first call compiles
 * the product kernels (a few KB each); later calls are free.
 *
 * @example
 * ```ts
 * supportedKernelVariants(); // { simd: true, fma: false } on plain Node 20
 * ```
 */
export function supportedKernelVariants(): { simd: boolean; fma: boolean } {
  return { simd: productModule('simd') !== undefined, fma: productModule('fma') !== undefined };
}
