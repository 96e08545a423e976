// The test page's module, bundled by esbuild into a temp dir next to a copy of web-worker.js.
// It puts a small API on `globalThis` for Playwright to call.
import { getBackend, LinalgError, listBackends } from '../../src/index.js';
import { supportedKernelVariants } from '../../src/wasm-kernels.js';
import { disableThreads, enableThreads } from '../../src/web-threads.js';
import { computeProducts, type ProductsRequest, type ProductsResult } from './web-threads-cases.js';

/** What `enableThreads()` did with its defaults, and what `disableThreads()` restored. */
export interface DefaultPoolReport {
  name: string;
  threads: number;
  hardwareConcurrency: number;
  automaticWhileEnabled: string;
  automaticAfterDisable: string;
}

/** How a rejected `enableThreads()` failed. */
export interface RejectionReport {
  isLinalgError: boolean;
  argument: string | undefined;
  message: string;
}

function describeRejection(error: unknown): RejectionReport {
  return {
    isLinalgError: error instanceof LinalgError,
    argument: error instanceof LinalgError ? error.argument : undefined,
    message: error instanceof Error ? error.message : String(error),
  };
}

const api = {
  environment() {
    return {
      crossOriginIsolated: globalThis.crossOriginIsolated,
      kernels: supportedKernelVariants(),
      backends: listBackends().map((entry) => entry.name),
    };
  },
  products(request: ProductsRequest): Promise<ProductsResult> {
    return computeProducts(request);
  },
  /** The same computation inside a module worker, where the caller blocks in `Atomics.wait`. */
  productsInWorker(request: ProductsRequest): Promise<ProductsResult> {
    const host = new Worker(new URL('./web-threads-worker-host.js', import.meta.url), { type: 'module' });
    return new Promise((resolve, reject) => {
      host.addEventListener('message', (event: MessageEvent<{ result?: ProductsResult; error?: string }>) => {
        host.terminate();
        if (event.data.result) resolve(event.data.result);
        else reject(new Error(event.data.error));
      });
      host.addEventListener('error', (event) => {
        host.terminate();
        reject(new Error(`worker host failed: ${event.message}`));
      });
      host.postMessage(request);
    });
  },
  async enableWithDefaults(): Promise<DefaultPoolReport> {
    const backend = await enableThreads();
    const automaticWhileEnabled = getBackend().name;
    await disableThreads();
    return {
      name: backend.name,
      threads: backend.threads,
      hardwareConcurrency: navigator.hardwareConcurrency,
      automaticWhileEnabled,
      automaticAfterDisable: getBackend().name,
    };
  },
  async enableRejection(options?: Record<string, unknown>): Promise<RejectionReport | null> {
    try {
      await enableThreads(options);
    } catch (error) {
      return describeRejection(error);
    }
    await disableThreads();
    return null;
  },
};

export type WebThreadsTestApi = typeof api;

(globalThis as { webThreadsTest?: WebThreadsTestApi }).webThreadsTest = api;
