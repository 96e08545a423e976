import {
  fmaKernelBase64,
  fmaSharedKernelBase64,
  SHARED_MEMORY_MAXIMUM_PAGES,
  simdKernelBase64,
  simdSharedKernelBase64,
} from './kernel-modules.generated.js';

/** Which arithmetic the micro-kernel uses: `f64x2` mul + add, or relaxed-SIMD `f64x2.relaxed_madd`. */
export type KernelVariant = 'simd' | 'fma';

/** The exports of assembly/micro-kernel.ts (pointers are byte offsets into the kernel memory). */
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

export { SHARED_MEMORY_MAXIMUM_PAGES };

const sources: Record<`${KernelVariant}${'' | 'Shared'}`, string> = {
  simd: simdKernelBase64,
  fma: fmaKernelBase64,
  simdShared: simdSharedKernelBase64,
  fmaShared: fmaSharedKernelBase64,
};

const bytesCache = new Map<string, Uint8Array<ArrayBuffer>>();
const moduleCache = new Map<string, WebAssembly.Module | null>();

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  // atob exists in every browser and in Node ≥ 16, so no Buffer (Node-only) is needed.
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function compileOrNull(bytes: Uint8Array<ArrayBuffer>): WebAssembly.Module | null {
  try {
    return new WebAssembly.Module(bytes);
  } catch {
    // Synchronous compilation can be refused (older Chrome allowed only 4 KB on the main
    // thread; these modules are ~5 KB): then the JS backend simply stays in charge.
    return null;
  }
}

/**
 * The raw bytes of one kernel build. `shared` selects the build importing a shared
 * memory (for threads); the private-memory build needs no cross-origin isolation.
 */
export function kernelBytes(variant: KernelVariant, shared: boolean): Uint8Array<ArrayBuffer> {
  const key = shared ? `${variant}Shared` : variant;
  let bytes = bytesCache.get(key);
  if (bytes === undefined) {
    bytes = decodeBase64(sources[key as keyof typeof sources]);
    bytesCache.set(key, bytes);
  }
  return bytes;
}

/**
 * The compiled kernel module, or `undefined` when this engine cannot run it: feature
 * detection is `WebAssembly.validate` on the kernel itself (1.5 KB), so a missing SIMD
 * or relaxed-SIMD opcode (Node 20 without `--experimental-wasm-relaxed-simd`) is
 * detected exactly rather than guessed from a version number.
 */
export function kernelModule(variant: KernelVariant, shared: boolean): WebAssembly.Module | undefined {
  const key = shared ? `${variant}Shared` : variant;
  let module = moduleCache.get(key);
  if (module === undefined) {
    const bytes = kernelBytes(variant, shared);
    module = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? compileOrNull(bytes) : null;
    moduleCache.set(key, module);
  }
  return module ?? undefined;
}

/** Instantiates a kernel module against a memory the caller owns (so it can grow and share it). */
export function instantiateKernel(module: WebAssembly.Module, memory: WebAssembly.Memory): KernelExports {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return instance.exports as unknown as KernelExports;
}

/**
 * Which kernel builds this JavaScript engine can run: `simd` needs WebAssembly SIMD
 * (Node ≥ 16, all current browsers), `fma` also needs relaxed SIMD (Node ≥ 22, Chrome ≥ 114,
 * Firefox ≥ 120; Node 20 with `--experimental-wasm-relaxed-simd`).
 *
 * @example
 * ```ts
 * supportedKernelVariants(); // { simd: true, fma: false } on plain Node 20
 * ```
 */
export function supportedKernelVariants(): { simd: boolean; fma: boolean } {
  return { simd: kernelModule('simd', false) !== undefined, fma: kernelModule('fma', false) !== undefined };
}
