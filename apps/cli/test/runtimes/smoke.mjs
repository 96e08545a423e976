// The smoke set every supported runtime runs (Node 22/24/26, Bun, Deno; scripts/test-runtimes.mjs
// starts it with each runtime's binary): every entry point of every package imports, and the
// thread pools give the bits of one thread. Prints one JSON line; exits 1 with one line on failure.
// Plain JavaScript over the built packages (dist), resolved through their export maps as a
// user's runtime resolves them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PACKAGES = [
  '@benignlab/linalg',
  '@benignlab/data',
  '@benignlab/linear-models',
  '@benignlab/adversarial-risk',
  '@benignlab/ntk',
  '@benignlab/experiments',
  'benignlab',
];

function fail(message) {
  process.stderr.write(`runtime smoke: ${message}\n`);
  process.exit(1);
}

function sameBits(x, y) {
  if (x.length !== y.length) return false;
  const a = new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  const b = new Uint8Array(y.buffer, y.byteOffset, y.byteLength);
  return a.every((byte, i) => byte === b[i]);
}

const entries = [];
for (const name of PACKAGES) {
  const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8'));
  for (const subpath of Object.keys(manifest.exports)) {
    if (subpath === './package.json') continue;
    const specifier = subpath === '.' ? name : `${name}/${subpath.slice(2)}`;
    try {
      const module = await import(specifier);
      if (Object.keys(module).length === 0) fail(`${specifier} exports nothing`);
    } catch (error) {
      fail(`import ${specifier} failed: ${error instanceof Error ? error.message : error}`);
    }
    entries.push(specifier);
  }
}

const linalg = await import('@benignlab/linalg');
const { enableThreads, disableThreads } = await import('@benignlab/linalg/node-threads');
const { Matrix, gram, symEig, setBackend, getBackend, setKernelPolicy } = linalg;
// 300×400: gram is 1.8·10⁷ multiply-adds, over the default pool's threshold.
const data = new Float64Array(300 * 400);
for (let i = 0; i < data.length; i++) data[i] = Math.fround(((i * 7919) % 1009) / 1009 - 0.5);
const X = new Matrix(300, 400, data);
const A = gram(new Matrix(300, 300, data.subarray(0, 90_000)));
setKernelPolicy('strict');
setBackend('wasm-simd');
const one = { gram: gram(X).data, values: symEig(A).values };
setBackend('auto');
const defaultBackend = getBackend().name;
const pooled = { gram: gram(X).data, values: symEig(A).values };
if (!sameBits(pooled.gram, one.gram) || !sameBits(pooled.values, one.values)) {
  fail(`the default backend ${defaultBackend} differs from one thread`);
}
const threaded = await enableThreads({ threads: 2, kernel: 'simd' });
const onPool = { gram: gram(X).data, values: symEig(A).values };
await disableThreads();
if (
  threaded.name !== 'wasm-simd-threads' ||
  !sameBits(onPool.gram, one.gram) ||
  !sameBits(onPool.values, one.values)
) {
  fail(`enableThreads({ threads: 2 }) (${threaded.name}) differs from one thread`);
}
setKernelPolicy('fastest');
const { supportedKernelVariants } = await import('@benignlab/linalg/wasm-kernels');
process.stdout.write(
  `${JSON.stringify({ entries: entries.length, defaultBackend, fastest: getBackend().name, kernels: supportedKernelVariants() })}\n`,
);
