// The processor and its SIMD level, and the JavaScript runtime, for the bench's session line:
// every figure is labelled with what produced it (timings differ across processors, and
// Node 22+ runs the FMA kernels that Node 20 cannot).
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** `{ model, simd }`, SIMD level from /proc/cpuinfo's flags on Linux ("unknown" elsewhere). */
export function processorDescription() {
  const model = cpus()[0]?.model ?? 'unknown';
  let flags = [];
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((text) => /^(flags|Features)\s*:/.test(text));
    flags = line ? line.split(':')[1].trim().split(/\s+/) : [];
  } catch {
    // Not Linux: the level stays unknown rather than guessed.
  }
  const has = (flag) => flags.includes(flag);
  let simd = 'unknown';
  if (has('avx512f')) simd = 'AVX-512';
  else if (has('avx2')) simd = has('fma') ? 'AVX2 + FMA3, no AVX-512' : 'AVX2, no AVX-512';
  else if (has('avx')) simd = 'AVX';
  else if (has('sse4_2')) simd = 'SSE4.2';
  else if (has('asimd')) simd = 'NEON (ASIMD)';
  return { model, simd };
}

/** The runtime running this script, e.g. "Node v20.20.2", "Bun 1.4.5", "Deno 2.9.6". */
export function runtimeDescription() {
  if (process.versions.bun) return `Bun ${process.versions.bun}`;
  if (process.versions.deno) return `Deno ${process.versions.deno}`;
  return `Node ${process.version}`;
}
