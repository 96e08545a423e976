import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setBackend } from '../src/index.js';
import { launchChromium, locateChromium, startTestSite, type TestSite } from './browser/harness.js';
import {
  computeProductsOnCurrentBackend,
  type ProductsRequest,
  type ProductsResult,
  SIZES,
} from './browser/web-threads-cases.js';
import type { WebThreadsTestApi } from './browser/web-threads-page.js';
import { maxAbsDiff, naiveProduct, randomMatrix } from './helpers.js';

// The browser pool in a real Chromium: bit-identical results for 2 and 3 threads (page main
// thread and inside a worker), defaults, and the clear error without cross-origin isolation.

// A browser that cannot start fails every test with the one-line reason; never a skip.
const chromium = locateChromium();
const locateFailure = 'reason' in chromium ? chromium.reason : undefined;

function decode(base64: string): Float64Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'webThreadsTest' in globalThis);
  return page;
}

function callApi<K extends keyof WebThreadsTestApi>(
  page: Page,
  method: K,
  ...args: Parameters<WebThreadsTestApi[K]>
): Promise<Awaited<ReturnType<WebThreadsTestApi[K]>>> {
  return page.evaluate(
    ([name, parameters]) => {
      const api = (globalThis as unknown as { webThreadsTest: Record<string, (...a: unknown[]) => unknown> })
        .webThreadsTest;
      return api[name as string]?.(...(parameters as unknown[]));
    },
    [method, args] as const,
  ) as Promise<Awaited<ReturnType<WebThreadsTestApi[K]>>>;
}

describe(`@benignlab/linalg/web-threads in Chromium${locateFailure ? ` (no browser: ${locateFailure})` : ''}`, () => {
  let site: TestSite;
  let browser: Browser;
  let isolated: Page;
  let failure = locateFailure;

  beforeAll(async () => {
    if (failure) return;
    site = await startTestSite();
    try {
      browser = await launchChromium((chromium as { path: string }).path);
    } catch (error) {
      failure = (error as Error).message;
      return;
    }
    isolated = await openPage(browser, site.isolatedUrl);
  }, 60_000);

  beforeEach(() => {
    if (failure) throw new Error(failure);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('serves a cross-origin isolated page with WebAssembly SIMD kernels', async () => {
    const environment = await callApi(isolated, 'environment');
    expect(environment.crossOriginIsolated).toBe(true);
    expect(environment.kernels.simd).toBe(true);
    expect(environment.backends).toContain('wasm-simd');
  });

  it('gives gram, matmul and symEig bit-identical to one thread for 2 and 3 threads, on the page and in a worker', async () => {
    const { kernels } = await callApi(isolated, 'environment');
    const variants: ProductsRequest['kernel'][] = kernels.fma ? ['simd', 'fma'] : ['simd'];
    for (const kernel of variants) {
      const single = await callApi(isolated, 'products', { threads: 0, kernel });
      expect(single.backend).toBe(`wasm-${kernel}`);
      for (const threads of [2, 3]) {
        const onPage = await callApi(isolated, 'products', { threads, kernel });
        const inWorker = await callApi(isolated, 'productsInWorker', { threads, kernel });
        for (const threaded of [onPage, inWorker]) {
          expect(threaded.backend).toBe(`wasm-${kernel}-threads`);
          for (const key of ['gram', 'matmul', 'eigenvalues', 'eigenvectors'] as const) {
            expect({ kernel, threads, key, equal: threaded[key] === single[key] }).toEqual({
              kernel,
              threads,
              key,
              equal: true,
            });
          }
        }
      }
    }
  });

  it('computes the right numbers: same bits as Node’s single-threaded SIMD kernel, near the textbook product', async () => {
    const threaded: ProductsResult = await callApi(isolated, 'products', { threads: 2, kernel: 'simd' });
    setBackend('wasm-simd');
    let node: ProductsResult;
    try {
      node = computeProductsOnCurrentBackend('wasm-simd');
    } finally {
      setBackend('auto');
    }
    expect(threaded.gram).toBe(node.gram);
    expect(threaded.matmul).toBe(node.matmul);
    const X = randomMatrix(SIZES.gramRows, SIZES.gramCols, 11);
    expect(maxAbsDiff(decode(threaded.gram), naiveProduct(X, X.transpose()))).toBeLessThan(1e-12);
    const A = randomMatrix(SIZES.gramCols, SIZES.inner, 12);
    const B = randomMatrix(SIZES.inner, SIZES.gramRows, 13);
    expect(maxAbsDiff(decode(threaded.matmul), naiveProduct(A, B))).toBeLessThan(1e-12);
  });

  it('enableThreads defaults to navigator.hardwareConcurrency threads and disableThreads restores one thread', async () => {
    const report = await callApi(isolated, 'enableWithDefaults');
    expect(report.threads).toBe(report.hardwareConcurrency);
    expect(report.automaticWhileEnabled).toBe(report.name);
    expect(report.automaticAfterDisable).not.toBe(report.name);
    expect(report.automaticAfterDisable).toMatch(/^wasm-(simd|fma)$/);
  });

  it('rejects bad options with the same typed errors as node-threads', async () => {
    expect(await callApi(isolated, 'enableRejection', { threads: 0 })).toMatchObject({
      isLinalgError: true,
      argument: 'threads',
    });
    expect(await callApi(isolated, 'enableRejection', { cores: 2 })).toMatchObject({
      isLinalgError: true,
      argument: 'options',
    });
  });

  it('rejects with a LinalgError naming crossOriginIsolated and the headers when the page is not isolated', async () => {
    const plain = await openPage(browser, site.plainUrl);
    try {
      expect((await callApi(plain, 'environment')).crossOriginIsolated).toBe(false);
      const rejection = await callApi(plain, 'enableRejection', { threads: 2 });
      expect(rejection).toMatchObject({ isLinalgError: true, argument: 'crossOriginIsolated' });
      expect(rejection?.message).toContain('Cross-Origin-Opener-Policy: same-origin');
      expect(rejection?.message).toContain('Cross-Origin-Embedder-Policy: require-corp');
      // The single-threaded kernels still work on such a page.
      expect((await callApi(plain, 'environment')).backends).toContain('wasm-simd');
    } finally {
      await plain.close();
    }
  });

  it('rejects with a LinalgError naming the worker when web-worker.js cannot be loaded', async () => {
    const page = await openPage(browser, site.missingWorkerUrl);
    try {
      const rejection = await callApi(page, 'enableRejection', { threads: 2 });
      expect(rejection).toMatchObject({ isLinalgError: true, argument: 'worker' });
      expect(rejection?.message).toContain('web-worker.js failed to load');
      // One thread needs no worker script.
      expect(await callApi(page, 'enableRejection', { threads: 1 })).toBeNull();
    } finally {
      await page.close();
    }
  });
});
