import { afterEach, describe, expect, it } from 'vitest';
import {
  cholesky,
  getBackend,
  getKernelPolicy,
  gram,
  gramT,
  jsBackend,
  type KernelBackend,
  LinalgError,
  listBackends,
  type Matrix,
  matmul,
  registerBackend,
  removeBackend,
  setBackend,
  setKernelPolicy,
} from '../src/index.js';
import { supportedKernelVariants } from '../src/kernels/wasm/kernel-module.js';
import { maxAbsDiff, randomMatrix } from './helpers.js';

/** Calls seen by {@link naiveBackend}, to prove the public functions are routed. */
const naiveCalls: string[] = [];

/** A deliberately different backend: naive loops. */
const naiveBackend: KernelBackend = {
  name: 'test-naive',
  gemm(transposeA, transposeB, m, n, k, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc) {
    naiveCalls.push('gemm');
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) {
          const x = transposeA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
          const y = transposeB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
          s += x * y;
        }
        const index = cOffset + i * ldc + j;
        c[index] = s + (beta === 0 ? 0 : beta * c[index]);
      }
    }
  },
  syrk(n, k, a, aOffset, lda, c, cOffset, ldc) {
    naiveCalls.push('syrk');
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += a[aOffset + i * lda + p] * a[aOffset + j * lda + p];
        c[cOffset + i * ldc + j] = s;
      }
    }
  },
};

/** Every public operation that runs on the backend, on shapes that exercise edges. */
function workload(): Matrix[] {
  const X = randomMatrix(37, 70, 5);
  const Y = randomMatrix(70, 19, 6);
  const spd = gramT(randomMatrix(90, 80, 7));
  return [
    matmul(X, Y),
    matmul(X, X, { transposeB: true }),
    matmul(X, randomMatrix(37, 5, 8), { transposeA: true }),
    matmul(Y, X, { transposeA: true, transposeB: true }),
    gram(X),
    gramT(X),
    cholesky(spd),
  ];
}

describe('backend registry', () => {
  afterEach(() => setBackend('auto'));

  it('starts with the fastest WebAssembly backend and lists registered backends by priority', () => {
    expect(['wasm-simd', 'wasm-fma']).toContain(getBackend().name);
    expect(listBackends()[listBackends().length - 1]?.name).toBeDefined();
    expect(listBackends().some((entry) => entry.backend === jsBackend && entry.priority === 0)).toBe(true);
  });

  it('routes public functions through a registered backend, and each gives the JS results', () => {
    registerBackend(naiveBackend, -1);
    expect(getBackend().name).not.toBe('test-naive');
    setBackend('js');
    const reference = workload();
    for (const { name } of listBackends()) {
      setBackend(name);
      expect(getBackend().name).toBe(name);
      const results = workload();
      results.forEach((result, index) => {
        expect(result.shape).toEqual(reference[index]?.shape);
        expect(maxAbsDiff(result, reference[index] as Matrix)).toBeLessThanOrEqual(1e-11);
      });
    }
    setBackend('test-naive');
    naiveCalls.length = 0;
    gram(randomMatrix(3, 3, 1));
    matmul(randomMatrix(2, 3, 1), randomMatrix(3, 2, 2));
    cholesky(gramT(randomMatrix(80, 70, 3)));
    expect(naiveCalls).toEqual(['syrk', 'gemm', 'syrk', 'gemm']);
  });

  it('picks the highest priority automatically and setBackend("auto") returns to it', () => {
    const higher: KernelBackend = { name: 'test-high', gemm: jsBackend.gemm, syrk: jsBackend.syrk };
    registerBackend(higher, 1000);
    expect(getBackend()).toBe(higher);
    expect(listBackends()[0]?.name).toBe('test-high');
    setBackend('js');
    expect(getBackend()).toBe(jsBackend);
    setBackend('auto');
    expect(getBackend()).toBe(higher);
    registerBackend(higher, -1000);
    expect(getBackend()).not.toBe(higher);
  });

  it('rejects malformed backends, unknown names and reserved names', () => {
    expect(() => registerBackend({ name: 'x' } as never, 1)).toThrow(/backend: expected a KernelBackend/);
    expect(() => registerBackend(naiveBackend, Number.NaN)).toThrow(
      /priority: expected a finite number, got NaN/,
    );
    expect(() => registerBackend({ ...jsBackend }, 5)).toThrow(
      /the name "js" belongs to the built-in backend/,
    );
    expect(() => registerBackend({ ...jsBackend, name: 'auto' }, 5)).toThrow(/"auto" is reserved/);
    expect(() => setBackend('nope')).toThrow(
      /nameOrBackend: no backend named "nope" is registered; expected "auto" or one of/,
    );
    expect(() => setBackend({ ...naiveBackend })).toThrow(LinalgError);
  });

  it('setBackend accepts a new backend object and registers it', () => {
    const ad: KernelBackend = { name: 'test-adhoc', gemm: jsBackend.gemm, syrk: jsBackend.syrk };
    setBackend(ad);
    expect(getBackend()).toBe(ad);
    expect(listBackends().some((entry) => entry.name === 'test-adhoc')).toBe(true);
  });

  it('removeBackend frees the name, unpins the removed backend and guards the built-in fallback', () => {
    const first: KernelBackend = { name: 'test-removable', gemm: jsBackend.gemm, syrk: jsBackend.syrk };
    setBackend(first);
    const second: KernelBackend = { ...first };
    expect(() => setBackend(second)).toThrow(/different backend named "test-removable"/);
    removeBackend('test-removable');
    expect(getBackend()).not.toBe(first);
    expect(listBackends().some((entry) => entry.name === 'test-removable')).toBe(false);
    setBackend(second);
    expect(getBackend()).toBe(second);
    removeBackend('test-removable');
    removeBackend('test-removable'); // absent: nothing to do
    expect(() => removeBackend('js')).toThrow(LinalgError);
    expect(() => removeBackend('' as string)).toThrow(/non-empty backend name/);
  });
});

describe('kernel policy', () => {
  afterEach(() => {
    setKernelPolicy('fastest');
    setBackend('auto');
  });

  it('"fastest" (the default) takes FMA where the engine runs it; "strict" only backends marked strict', () => {
    expect(getKernelPolicy()).toBe('fastest');
    expect(getBackend().name).toBe(supportedKernelVariants().fma ? 'wasm-fma' : 'wasm-simd');
    setKernelPolicy('strict');
    expect(getKernelPolicy()).toBe('strict');
    expect(getBackend().name).toBe('wasm-simd');
    expect(getBackend().strict).toBe(true);
    // An unmarked backend, however high its priority, is not chosen under "strict"…
    const unmarked: KernelBackend = { name: 'test-unmarked', gemm: jsBackend.gemm, syrk: jsBackend.syrk };
    registerBackend(unmarked, 1000);
    expect(getBackend().name).toBe('wasm-simd');
    setKernelPolicy('fastest');
    expect(getBackend()).toBe(unmarked);
    registerBackend(unmarked, -1000);
    // …but a pinned backend is used whatever the policy.
    setKernelPolicy('strict');
    setBackend('test-unmarked');
    expect(getBackend()).toBe(unmarked);
  });

  it('rejects an unknown policy with a typed error naming it', () => {
    expect(() => setKernelPolicy('fast' as never)).toThrow(LinalgError);
    expect(() => setKernelPolicy('fast' as never)).toThrow(
      /policy: expected "fastest" or "strict", got "fast"/,
    );
    expect(getKernelPolicy()).toBe('fastest');
  });
});
