import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
  eigenKernelBase64,
  eigenSharedKernelBase64,
  fmaProductKernelBase64,
  fmaProductSharedKernelBase64,
  simdProductKernelBase64,
  simdProductSharedKernelBase64,
} from '../src/kernels/wasm/kernel-modules.generated.js';

/** The one-function browser bundle target of the package (minified, esbuild). */
const ONE_FUNCTION_BUNDLE_BYTES = 25_000;

/**
 * Bundles `code` (imports relative to src/) for the browser, minified, as a user's bundler
 * would: everything bundled, ml-matrix included.
 */
async function minifiedBundle(code: string): Promise<string> {
  const result = await build({
    stdin: { contents: code, resolveDir: new URL('../src/', import.meta.url).pathname, loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/**
 * Whether the bundle carries the kernel whose base64 text is `base64` (whole: the private and
 * shared builds share long runs of code, only their headers tell them apart).
 */
function carries(bundle: string, base64: string): boolean {
  return bundle.includes(base64);
}

describe('browser bundle size', () => {
  it(`import { gram } is at most ${ONE_FUNCTION_BUNDLE_BYTES} bytes minified: the product kernels only, no eigen or shared-memory kernels`, async () => {
    const bundle = await minifiedBundle("export { gram } from './index.ts';");
    expect(bundle.length).toBeLessThanOrEqual(ONE_FUNCTION_BUNDLE_BYTES);
    expect(carries(bundle, simdProductKernelBase64)).toBe(true);
    expect(carries(bundle, fmaProductKernelBase64)).toBe(true);
    for (const absent of [
      eigenKernelBase64,
      simdProductSharedKernelBase64,
      fmaProductSharedKernelBase64,
      eigenSharedKernelBase64,
    ]) {
      expect(carries(bundle, absent)).toBe(false);
    }
  });

  it('a function that runs no kernel carries none (nothing registers or compiles at import)', async () => {
    const bundle = await minifiedBundle("export { Matrix, dot } from './index.ts';");
    expect(bundle.length).toBeLessThanOrEqual(8_000);
    expect(carries(bundle, simdProductKernelBase64)).toBe(false);
  });

  it('symEig adds the eigen kernels, still without the shared-memory builds', async () => {
    const bundle = await minifiedBundle("export { symEig } from './index.ts';");
    expect(carries(bundle, eigenKernelBase64)).toBe(true);
    expect(carries(bundle, simdProductSharedKernelBase64)).toBe(false);
    expect(carries(bundle, eigenSharedKernelBase64)).toBe(false);
  });

  it('the shared-memory kernels live in the thread entry', async () => {
    const bundle = await minifiedBundle("export { enableThreads } from './web-threads.ts';");
    expect(carries(bundle, simdProductSharedKernelBase64)).toBe(true);
    expect(carries(bundle, eigenSharedKernelBase64)).toBe(true);
  });
});
