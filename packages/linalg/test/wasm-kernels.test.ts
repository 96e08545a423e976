import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gram, jsBackend, Matrix, matmul, setBackend } from '../src/index.js';
import { symmetricPanelRows } from '../src/kernels/wasm/blocked-gemm.js';
import {
  instantiateKernel,
  productModule,
  supportedKernelVariants,
} from '../src/kernels/wasm/kernel-module.js';
import { packColumnPanels, packRowPanels } from '../src/kernels/wasm/packing.js';
import {
  growMemory,
  PACK_KIND,
  packTaskCount,
  type RankUpdateJob,
  runTasks,
  taskCount,
} from '../src/kernels/wasm/rank-update-executor.js';
import { sharedKernelModules } from '../src/kernels/wasm/shared-kernel-module.js';
import { bestWasmBackend, wasmBackend } from '../src/kernels/wasm/wasm-backends.js';
import {
  expectConformingBackend,
  maxDifference,
  runGemmCase,
  runSyrkCase,
  seededBuffer,
} from './backend-conformance.js';
import { naiveProduct, randomMatrix } from './helpers.js';

describe('kernel feature detection', () => {
  it('finds WebAssembly SIMD on Node 20+, and picks the best build', () => {
    const supported = supportedKernelVariants();
    expect(supported.simd).toBe(true);
    expect(bestWasmBackend()?.name).toBe(supported.fma ? 'wasm-fma' : 'wasm-simd');
    expect(sharedKernelModules('simd')?.[0]).toBeInstanceOf(WebAssembly.Module);
  });
});

describe('packing into micro-panels', () => {
  it('lays rows out four at a time per summation index, zero-padding the last panel', () => {
    // 5×3 source with leading dimension 4 and offset 1: entry (i, p) = 10 i + p.
    const src = new Float64Array(1 + 5 * 4).fill(-1);
    for (let i = 0; i < 5; i++) for (let p = 0; p < 3; p++) src[1 + i * 4 + p] = 10 * i + p;
    const dst = new Float64Array(2 * 4 * 3).fill(99);
    packRowPanels(src, 1, 4, 5, 3, dst, 0);
    expect(Array.from(dst)).toEqual([
      0, 10, 20, 30, 1, 11, 21, 31, 2, 12, 22, 32, 40, 0, 0, 0, 41, 0, 0, 0, 42, 0, 0, 0,
    ]);
  });

  it('lays columns out four at a time per summation index, zero-padding the last panel', () => {
    // 2×6 source (p, j) = 10 p + j with leading dimension 7.
    const src = new Float64Array(2 * 7).fill(-1);
    for (let p = 0; p < 2; p++) for (let j = 0; j < 6; j++) src[p * 7 + j] = 10 * p + j;
    const dst = new Float64Array(2 * 4 * 2).fill(99);
    packColumnPanels(src, 0, 7, 2, 6, dst, 0);
    expect(Array.from(dst)).toEqual([0, 1, 2, 3, 10, 11, 12, 13, 4, 5, 0, 0, 14, 15, 0, 0]);
  });

  it('round-trips: packing rows of A equals packing columns of Aᵀ', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 13 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer(),
        (rows, kc, seed) => {
          const a = seededBuffer(rows * kc, seed);
          const at = new Float64Array(kc * rows);
          for (let i = 0; i < rows; i++) for (let p = 0; p < kc; p++) at[p * rows + i] = a[i * kc + p];
          const panels = Math.ceil(rows / 4) * 4 * kc;
          const x = new Float64Array(panels);
          const y = new Float64Array(panels);
          packRowPanels(a, 0, kc, rows, kc, x, 0);
          packColumnPanels(at, 0, rows, kc, rows, y, 0);
          expect(Array.from(x)).toEqual(Array.from(y));
        },
      ),
      { numRuns: 40, seed: 3 },
    );
  });
});

describe('packing in kernel memory (WebAssembly)', () => {
  const module = productModule('simd') as WebAssembly.Module;
  const memory = new WebAssembly.Memory({ initial: 1 });
  const kernel = instantiateKernel(module, memory);

  /** Copies `values` into kernel memory at byte `at` and returns a view of `length` doubles at `out`. */
  function heapWith(at: number, values: Float64Array, out: number, length: number): Float64Array {
    growMemory(memory, Math.max(at + values.length * 8, out + length * 8) + 64);
    const heap = new Float64Array(memory.buffer);
    heap.fill(99, out / 8, out / 8 + length);
    heap.set(values, at / 8);
    return heap.subarray(out / 8, out / 8 + length);
  }

  it('packs rows and columns exactly as the TypeScript packers, partial panels included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer(),
        (rows, kc, extra, seed) => {
          const ld = kc + extra;
          const src = seededBuffer(rows * ld, seed);
          const panels = Math.ceil(rows / 4) * 4 * kc;
          const expected = new Float64Array(panels);
          packRowPanels(src, 0, ld, rows, kc, expected, 0);
          const out = 8 * (rows * ld + 8);
          const packed = heapWith(0, src, out, panels);
          kernel.packRowPanels(0, ld, rows, kc, out);
          expect(Array.from(packed)).toEqual(Array.from(expected));
          // The same block read as kc×rows with leading dimension ld: column panels.
          const columnSource = seededBuffer(kc * ld, seed + 1);
          const columnsExpected = new Float64Array(Math.ceil(Math.min(rows, ld) / 4) * 4 * kc);
          const cols = Math.min(rows, ld);
          packColumnPanels(columnSource, 0, ld, kc, cols, columnsExpected, 0);
          const columnsPacked = heapWith(0, columnSource, 8 * (kc * ld + 8), columnsExpected.length);
          kernel.packColumnPanels(0, ld, kc, cols, 8 * (kc * ld + 8));
          expect(Array.from(columnsPacked)).toEqual(Array.from(columnsExpected));
        },
      ),
      { numRuns: 60, seed: 5 },
    );
  });

  it('gathers listed columns (rows) into panels, and scatters a product into listed columns', () => {
    // 6×5 source (i, c) = 10 i + c; gather columns [4, 1, 3] as the row panels of a 6×3 block.
    const rows = 6;
    const ld = 5;
    const src = Float64Array.from({ length: rows * ld }, (_, t) => 10 * Math.floor(t / ld) + (t % ld));
    const listAt = 8 * 64;
    const out = 8 * 128;
    const packed = heapWith(0, src, out, 8 * 3);
    new Int32Array(memory.buffer, listAt, 3).set([4, 1, 3]);
    kernel.packRowPanelsGathered(0, ld, rows, listAt, 3, out);
    const gathered = new Float64Array(rows * 3);
    for (let i = 0; i < rows; i++)
      for (let p = 0; p < 3; p++) gathered[i * 3 + p] = src[i * ld + [4, 1, 3][p]];
    const expected = new Float64Array(8 * 3);
    packRowPanels(gathered, 0, 3, rows, 3, expected, 0);
    expect(Array.from(packed)).toEqual(Array.from(expected));
    // Rows [2, 0] of src as a 2×5 block in column panels.
    const columnsPacked = heapWith(0, src, out, 8 * 2);
    new Int32Array(memory.buffer, listAt, 2).set([2, 0]);
    kernel.packColumnPanelsGathered(0, ld, listAt, 2, ld, out);
    const selected = Float64Array.from([...src.subarray(2 * ld, 3 * ld), ...src.subarray(0, ld)]);
    const columnsExpected = new Float64Array(8 * 2);
    packColumnPanels(selected, 0, ld, 2, ld, columnsExpected, 0);
    expect(Array.from(columnsPacked)).toEqual(Array.from(columnsExpected));
    // Scatter a 2×3 product into columns [4, 0, 2] of a 2×5 target.
    const product = Float64Array.of(1, 2, 3, 4, 5, 6);
    const target = heapWith(0, product, out, 2 * ld);
    new Int32Array(memory.buffer, listAt, 3).set([4, 0, 2]);
    kernel.scatterColumns(0, 2, 3, out, ld, listAt);
    expect(Array.from(target)).toEqual([2, 99, 3, 99, 1, 5, 99, 6, 99, 4]);
  });

  it('runs a job that packs its own operands: the bits of packing first, in any task order', () => {
    // C (9×10) = A (9×7) · B (7×10), both in kernel memory, packed by the job's first tasks.
    const [m, n, k] = [9, 10, 7];
    const a = seededBuffer(m * k, 11);
    const b = seededBuffer(k * n, 12);
    const at = { a: 0, b: 8 * 64, packedA: 8 * 160, packedB: 8 * 256, c: 8 * 352 };
    growMemory(memory, at.c + m * n * 8);
    const heap = new Float64Array(memory.buffer);
    heap.set(a, at.a / 8);
    heap.set(b, at.b / 8);
    const job: RankUpdateJob = {
      rows: m,
      cols: n,
      kc: k,
      packedA: at.packedA,
      packedB: at.packedB,
      c: at.c,
      accumulate: false,
      lowerOnly: false,
      blockRows: 4,
      blockCols: 4,
      firstTask: 0,
      packA: { kind: PACK_KIND.rowPanels, src: at.a, ld: k, list: 0 },
      packB: { kind: PACK_KIND.columnPanels, src: at.b, ld: n, list: 0 },
    };
    let next = 0;
    runTasks(kernel, job, () => next++);
    const inOrder = heap.slice(at.c / 8, at.c / 8 + m * n);
    const expected = naiveProduct(new Matrix(m, k, a), new Matrix(k, n, b));
    expect(maxDifference(inOrder, expected.data)).toBeLessThan(1e-14);
    // Packing tasks first, then the blocks of C in reverse: the same bits.
    const packTasks = packTaskCount(job);
    const order = [
      ...Array.from({ length: packTasks }, (_, t) => t),
      ...Array.from({ length: taskCount(job) }, (_, t) => packTasks + taskCount(job) - 1 - t),
    ];
    heap.fill(0, at.c / 8, at.c / 8 + m * n);
    let index = 0;
    runTasks(kernel, job, () => (index < order.length ? (order[index++] as number) : order.length));
    expect(Array.from(heap.subarray(at.c / 8, at.c / 8 + m * n))).toEqual(Array.from(inOrder));
  });
});

describe('macro-kernel tasks', () => {
  it('give bit-identical C whatever order the tasks run in (the basis of thread-count independence)', () => {
    const module = productModule('simd') as WebAssembly.Module;
    const memory = new WebAssembly.Memory({ initial: 1 });
    const kernel = instantiateKernel(module, memory);
    const rows = 300;
    const cols = 150;
    const kc = 37;
    const packedA = 0;
    const packedB = 304 * kc * 8;
    const c = packedB + 152 * kc * 8;
    growMemory(memory, c + rows * cols * 8);
    const heap = new Float64Array(memory.buffer);
    heap.set(seededBuffer(304 * kc, 1), packedA / 8);
    heap.set(seededBuffer(152 * kc, 2), packedB / 8);
    const run = (order: number[], lowerOnly: boolean): Float64Array => {
      const job: RankUpdateJob = {
        rows,
        cols,
        kc,
        packedA,
        packedB,
        c,
        accumulate: false,
        lowerOnly,
        blockRows: 64,
        blockCols: 32,
        firstTask: 0,
      };
      expect(order.length).toBe(taskCount(job));
      let next = 0;
      runTasks(kernel, job, () => (next < order.length ? order[next++] : order.length));
      return new Float64Array(memory.buffer, c, rows * cols).slice();
    };
    const tasks = Array.from({ length: 5 * 5 }, (_, t) => t);
    const forward = run(tasks, false);
    const backward = run([...tasks].reverse(), false);
    expect(Buffer.from(backward.buffer).equals(Buffer.from(forward.buffer))).toBe(true);
    const lower = run([...tasks].reverse(), true);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j <= Math.min(i, cols - 1); j++)
        expect(lower[i * cols + j]).toBe(forward[i * cols + j]);
  });
});

describe('single-threaded WebAssembly SIMD backend', () => {
  const backend = wasmBackend('simd');

  it('exists on Node 20+', () => {
    expect(backend?.name).toBe('wasm-simd');
  });

  it('passes the backend conformance suite (gemm, syrk, strides, beta)', () => {
    expectConformingBackend(backend!);
  });

  it('handles empty products: k = 0 scales C by beta, m = 0 or n = 0 touches nothing', () => {
    const { actual, expected } = runGemmCase(backend!, {
      transposeA: false,
      transposeB: true,
      m: 3,
      n: 2,
      k: 0,
      beta: 2,
      pad: 1,
      seed: 5,
    });
    expect(maxDifference(actual, expected)).toBe(0);
    const zero = runSyrkCase(backend!, 4, 0, 0, 6);
    expect(Array.from(zero.actual)).toEqual(new Array(16).fill(0));
    const c = new Float64Array([7]);
    backend!.gemm(false, false, 0, 1, 3, new Float64Array(0), 0, 3, new Float64Array(3), 0, 1, 0, c, 0, 1);
    expect(c[0]).toBe(7);
  });

  it('computes big Gram matrices in row panels with the bits of one whole product', () => {
    // n = 1100 needs two 8 MiB panels (896 + 204 rows); gemm(X, Xᵀ) runs the same
    // micro-kernel calls per entry over one whole scratch C.
    const n = 1100;
    expect(symmetricPanelRows(n)).toBeLessThan(n);
    const X = randomMatrix(n, 45, 12);
    setBackend(backend!);
    try {
      const G = gram(X);
      const whole = matmul(X, X, { transposeB: true });
      for (let i = 0; i < n; i++) {
        for (let j = 0; j <= i; j++) {
          expect(G.data[i * n + j]).toBe(whole.data[i * n + j]);
          expect(G.data[j * n + i]).toBe(G.data[i * n + j]);
        }
      }
    } finally {
      setBackend('auto');
    }
    // Two 1100×1100 products of depth 600 on one thread: seconds, more on a loaded machine.
  }, 300_000);

  it('is exact on small integers and agrees with the JS backend through the public API', () => {
    const A = new Matrix(70, 300);
    const B = new Matrix(300, 530);
    for (let t = 0; t < A.data.length; t++) A.data[t] = (t % 7) - 3;
    for (let t = 0; t < B.data.length; t++) B.data[t] = (t % 5) - 2;
    const X = randomMatrix(40, 700, 9);
    setBackend('js');
    const exactJs = matmul(A, B);
    const gramJs = gram(X);
    try {
      setBackend(backend!);
      expect(Array.from(matmul(A, B).data)).toEqual(Array.from(exactJs.data));
      expect(maxDifference(gram(X).data, gramJs.data)).toBeLessThanOrEqual(1e-12);
    } finally {
      setBackend('auto');
    }
    expect(jsBackend.name).toBe('js');
  });
});
