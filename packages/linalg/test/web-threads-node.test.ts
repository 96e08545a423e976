import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getBackend, jsBackend, LinalgError, listBackends, setBackend } from '../src/index.js';
import {
  assertCrossOriginIsolated,
  canBlockInAtomicsWait,
  defaultBrowserThreads,
} from '../src/kernels/threads/browser-environment.js';
import { createThreadSwitch } from '../src/kernels/threads/thread-switch.js';
import type { ThreadedBackend } from '../src/kernels/threads/threaded-backend.js';
import { createThreadedBackend as createNodeThreadedBackend } from '../src/node-threads.js';
import {
  createThreadedBackend,
  disableThreads,
  enableThreads,
  THREADS_PRIORITY,
} from '../src/web-threads.js';
import { bundleForBrowser } from './browser-bundle.js';

// What of the browser pool can be checked without a browser: importing it in Node, its
// errors, the environment probes, the enable/disable bookkeeping and the worker's slots.
// The pool itself runs in Chromium in web-threads-browser.test.ts.

async function rejectionOf(promise: Promise<unknown>): Promise<LinalgError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LinalgError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** A stand-in pool for the enable/disable bookkeeping. */
function fakeBackend(name: string): ThreadedBackend & { stopped: boolean } {
  return {
    name,
    threads: 2,
    kernel: 'simd',
    stopped: false,
    gemm: jsBackend.gemm,
    syrk: jsBackend.syrk,
    async terminate() {
      this.stopped = true;
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('@benignlab/linalg/web-threads outside a browser', () => {
  it('imports in Node, and enableThreads rejects with a LinalgError saying a browser is needed', async () => {
    expect(THREADS_PRIORITY).toBe(20);
    const error = await rejectionOf(enableThreads({ threads: 2 }));
    expect(error.argument).toBe('environment');
    expect(error.message).toMatch(/no Web Workers.*expected a browser.*node-threads/);
    await disableThreads();
    expect(getBackend().name).not.toMatch(/threads/);
  });

  it('rejects bad options with exactly the errors of node-threads', async () => {
    const cases: unknown[] = [
      { threads: 0 },
      { threads: 1.5 },
      { threads: 257 },
      { threads: '2' },
      { kernel: 'avx' },
      { thread: 2 },
      'two',
    ];
    for (const options of cases) {
      const web = await rejectionOf(createThreadedBackend(options as never));
      const node = await rejectionOf(createNodeThreadedBackend(options as never));
      expect({ options, argument: web.argument, message: web.message }).toEqual({
        options,
        argument: node.argument,
        message: node.message,
      });
    }
  });

  it('checks options before the environment, then isolation after Web Workers', async () => {
    vi.stubGlobal('Worker', class {});
    vi.stubGlobal('crossOriginIsolated', false);
    const error = await rejectionOf(createThreadedBackend({ threads: 2 }));
    expect(error.argument).toBe('crossOriginIsolated');
    expect(error.message).toContain('is false');
    expect(error.message).toContain('"Cross-Origin-Opener-Policy: same-origin"');
    expect(error.message).toContain('"Cross-Origin-Embedder-Policy: require-corp"');
    expect((await rejectionOf(createThreadedBackend({ threads: -1 }))).argument).toBe('threads');
  });
});

describe('browser environment probes', () => {
  it('defaults to navigator.hardwareConcurrency, capped at 256, else 1', () => {
    vi.stubGlobal('navigator', { hardwareConcurrency: 6 });
    expect(defaultBrowserThreads()).toBe(6);
    vi.stubGlobal('navigator', { hardwareConcurrency: 1024 });
    expect(defaultBrowserThreads()).toBe(256);
    vi.stubGlobal('navigator', { hardwareConcurrency: undefined });
    expect(defaultBrowserThreads()).toBe(1);
    vi.stubGlobal('navigator', undefined);
    expect(defaultBrowserThreads()).toBe(1);
  });

  it('accepts only crossOriginIsolated === true', () => {
    vi.stubGlobal('crossOriginIsolated', true);
    expect(() => assertCrossOriginIsolated()).not.toThrow();
    vi.stubGlobal('crossOriginIsolated', undefined);
    expect(() => assertCrossOriginIsolated()).toThrow(/crossOriginIsolated: is undefined/);
  });

  it('knows that Node’s main thread may block in Atomics.wait', () => {
    expect(canBlockInAtomicsWait()).toBe(true);
  });
});

describe('enable/disable bookkeeping (createThreadSwitch)', () => {
  it('registers the pool above the single-threaded backends, replaces and stops the previous one, and restores on disable', async () => {
    const before = getBackend().name;
    const pools = [fakeBackend('fake-pool-a'), fakeBackend('fake-pool-a'), fakeBackend('fake-pool-b')];
    let next = 0;
    const threadSwitch = createThreadSwitch(async () => pools[next++] as ThreadedBackend, 30);
    try {
      expect(await threadSwitch.enable()).toBe(pools[0]);
      expect(getBackend()).toBe(pools[0]);
      await threadSwitch.enable();
      expect(pools[0]?.stopped).toBe(true);
      expect(getBackend()).toBe(pools[1]);
      await threadSwitch.enable();
      expect(pools[1]?.stopped).toBe(true);
      expect(getBackend()).toBe(pools[2]);
      // Stopped pools leave the registry (their names are free for later pools).
      expect(listBackends().some((entry) => entry.name === 'fake-pool-a')).toBe(false);
      await threadSwitch.disable();
      expect(pools[2]?.stopped).toBe(true);
      expect(listBackends().some((entry) => entry.name === 'fake-pool-b')).toBe(false);
      expect(getBackend().name).toBe(before);
      await threadSwitch.disable();
    } finally {
      setBackend('auto');
    }
  });
});

describe('packaging of the browser pool', () => {
  it('web-worker.js imports nothing but the shared job loop (plain module, loadable from the sources)', () => {
    const worker = readFileSync(new URL('../src/kernels/threads/web-worker.js', import.meta.url), 'utf8');
    const imports = [...worker.matchAll(/^\s*import\s.*from\s+'([^']+)'/gm)].map((match) => match[1]);
    expect(imports).toEqual(['./worker-loop.js']);
    const loop = readFileSync(new URL('../src/kernels/threads/worker-loop.js', import.meta.url), 'utf8');
    expect(loop).not.toMatch(/^\s*import\s/m);
  });

  it('bundles for the browser with no Node module, keeping the worker URL relative to the module', async () => {
    const web = await bundleForBrowser('../src/web-threads.ts');
    expect(web.nodeBuiltins).toEqual([]);
    expect(web.text).toMatch(/new Worker\(new URL\("\.\/web-worker\.js", import\.meta\.url\)/);
  });

  it('the main entry reaches nothing of the browser pool', async () => {
    const main = await bundleForBrowser('../src/index.ts');
    expect(main.text).not.toContain('web-worker');
    expect(main.text).not.toContain('crossOriginIsolated');
  });
});
