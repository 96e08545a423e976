import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { getBackend, LinalgError, listBackends, setBackend } from '../src/index.js';
import { CONTROL, JOB_KIND, SECULAR_ROOTS_PER_TASK } from '../src/kernels/threads/control-layout.js';
import { SPIN_MILLISECONDS } from '../src/kernels/threads/job-control.js';
import { supportedKernelVariants } from '../src/kernels/wasm/kernel-module.js';
import { wasmBackend } from '../src/kernels/wasm/wasm-backends.js';
import {
  createThreadedBackend,
  disableThreads,
  enableThreads,
  type ThreadedBackend,
} from '../src/node-threads.js';
import { expectConformingBackend, maxDifference, runGemmCase, runSyrkCase } from './backend-conformance.js';

function sameBits(x: Float64Array, y: Float64Array): boolean {
  return Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(
    Buffer.from(y.buffer, y.byteOffset, y.byteLength),
  );
}

describe('threaded WebAssembly backend (Node worker_threads)', () => {
  const pools: ThreadedBackend[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.terminate()));
    await disableThreads();
  });

  it('passes the backend conformance suite on 3 threads', async () => {
    const backend = await createThreadedBackend({ threads: 3, kernel: 'simd' });
    pools.push(backend);
    expect(backend.name).toBe('wasm-simd-threads');
    expect(backend.threads).toBe(3);
    expectConformingBackend(backend);
  });

  it('gives bit-identical gemm and syrk for 1, 2 and 3 threads, equal to the single-threaded kernel', async () => {
    const single = wasmBackend('simd')!;
    // 600×600 with 300-deep sums: 5×2 task blocks and two rank-256 slices per product.
    const gemmCase = {
      transposeA: true,
      transposeB: false,
      m: 600,
      n: 600,
      k: 300,
      beta: 0,
      pad: 1,
      seed: 8,
    };
    const referenceGemm = runGemmCase(single, gemmCase);
    expect(maxDifference(referenceGemm.actual, referenceGemm.expected)).toBeLessThan(1e-12);
    const referenceSyrk = runSyrkCase(single, 600, 300, 0, 9, false).actual;
    // 1100×1100: computed in two row panels, whose later panel starts past task 0.
    const referencePanels = runSyrkCase(single, 1100, 40, 0, 10, false).actual;
    for (const threads of [1, 2, 3]) {
      const backend = await createThreadedBackend({ threads, kernel: 'simd' });
      pools.push(backend);
      expect(sameBits(runGemmCase(backend, gemmCase, false).actual, referenceGemm.actual)).toBe(true);
      expect(sameBits(runSyrkCase(backend, 600, 300, 0, 9, false).actual, referenceSyrk)).toBe(true);
      expect(sameBits(runSyrkCase(backend, 1100, 40, 0, 10, false).actual, referencePanels)).toBe(true);
    }
  });

  it('enableThreads makes the pool the automatic backend; disableThreads stops it and restores the previous one', async () => {
    const before = getBackend().name;
    const backend = await enableThreads({ threads: 2 });
    expect(getBackend()).toBe(backend);
    expect(listBackends()[0]?.name).toBe(backend.name);
    await disableThreads();
    expect(getBackend().name).toBe(before);
    const c = new Float64Array(1);
    expect(() => backend.syrk(1, 1, new Float64Array([2]), 0, 1, c, 0, 1)).toThrow(LinalgError);
    // The stopped pool left the registry: a new pool of the same name can be pinned.
    expect(listBackends().some((entry) => entry.name === backend.name)).toBe(false);
    const again = await createThreadedBackend({ threads: 2 });
    pools.push(again);
    expect(again.name).toBe(backend.name);
    setBackend(again);
    expect(getBackend()).toBe(again);
    setBackend('auto');
  });

  it('rejects bad options with a typed error naming the argument', async () => {
    await expect(createThreadedBackend({ threads: 0 })).rejects.toThrow(
      /threads.*integer from 1 to 256, got 0/,
    );
    await expect(createThreadedBackend({ threads: 1.5 })).rejects.toMatchObject({ argument: 'threads' });
    await expect(createThreadedBackend({ kernel: 'avx' as never })).rejects.toMatchObject({
      argument: 'kernel',
    });
    await expect(createThreadedBackend({ thread: 2 } as never)).rejects.toMatchObject({
      argument: 'options',
    });
    // The FMA build where the engine lacks relaxed SIMD (Node 20 without the flag).
    if (!supportedKernelVariants().fma) {
      await expect(createThreadedBackend({ threads: 1, kernel: 'fma' })).rejects.toMatchObject({
        argument: 'kernel',
      });
    }
  });

  it('worker-loop.js (the job loop of Node and browser workers) reads the control slots of control-layout.ts', () => {
    const worker = readFileSync(new URL('../src/kernels/threads/worker-loop.js', import.meta.url), 'utf8');
    for (const [name, slot] of [
      ['GENERATION', CONTROL.generation],
      ['NEXT_TASK', CONTROL.nextTask],
      ['DONE', CONTROL.done],
      ['STOP', CONTROL.stop],
      ['TASK_COUNT', CONTROL.taskCount],
      ['FAILED', CONTROL.failed],
      ['KIND', CONTROL.kind],
      ['REDUCTION_ORDER', CONTROL.reductionOrder],
      ['REDUCTION_STEP', CONTROL.reductionStep],
      ['REDUCTION_A', CONTROL.reductionA],
      ['REDUCTION_P', CONTROL.reductionP],
      ['REDUCTION_Y', CONTROL.reductionY],
      ['EIGENVALUES_ORDER', CONTROL.eigenvaluesOrder],
      ['EIGENVALUES_D', CONTROL.eigenvaluesD],
      ['EIGENVALUES_E', CONTROL.eigenvaluesE],
      ['EIGENVALUES_SWEEPS', CONTROL.eigenvaluesSweeps],
      ['EIGENVALUES_RESULT', CONTROL.eigenvaluesResult],
      ['ROWS', CONTROL.rows],
      ['COLS', CONTROL.cols],
      ['KC', CONTROL.kc],
      ['PACKED_A', CONTROL.packedA],
      ['PACKED_B', CONTROL.packedB],
      ['BLOCK_ROWS', CONTROL.blockRows],
      ['BLOCK_COLS', CONTROL.blockCols],
      ['PACK_A_TASKS', CONTROL.packATasks],
      ['PACK_A_KIND', CONTROL.packAKind],
      ['PACK_A_SOURCE', CONTROL.packASource],
      ['PACK_A_LEADING', CONTROL.packALeading],
      ['PACK_A_LIST', CONTROL.packAList],
      ['PACK_B_TASKS', CONTROL.packBTasks],
      ['PACK_B_KIND', CONTROL.packBKind],
      ['PACK_B_SOURCE', CONTROL.packBSource],
      ['PACK_B_LEADING', CONTROL.packBLeading],
      ['PACK_B_LIST', CONTROL.packBList],
      ['PACKED_TASKS', CONTROL.packedTasks],
      ['SLEEPERS', CONTROL.sleepers],
      ['SPIN_MILLISECONDS', SPIN_MILLISECONDS],
      ['SECULAR_ORDER', CONTROL.secularOrder],
      ['SECULAR_D', CONTROL.secularD],
      ['SECULAR_Z', CONTROL.secularZ],
      ['SECULAR_RHO', CONTROL.secularRho],
      ['SECULAR_ORIGIN', CONTROL.secularOrigin],
      ['SECULAR_TAU', CONTROL.secularTau],
      ['SECULAR_ROOTS_PER_TASK', SECULAR_ROOTS_PER_TASK],
      ['SECULAR_ROOTS', JOB_KIND.secularRoots],
      ['REDUCTION_SWEEP', JOB_KIND.reductionSweep],
      ['EIGENVALUES', JOB_KIND.eigenvalues],
    ] as const) {
      expect(worker).toContain(`const ${name} = ${slot};`);
    }
    const argumentSlots = [...worker.matchAll(/slots\[(\d+)\],/g)].map((match) => Number(match[1]));
    expect(argumentSlots).toEqual([
      CONTROL.rows,
      CONTROL.cols,
      CONTROL.kc,
      CONTROL.packedA,
      CONTROL.packedB,
      CONTROL.c,
      CONTROL.accumulate,
      CONTROL.lowerOnly,
      CONTROL.blockRows,
      CONTROL.blockCols,
    ]);
  });
});
