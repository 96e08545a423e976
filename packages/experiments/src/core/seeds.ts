/**
 * Seed derivation. Every random draw in a run descends from one top-level seed: a cell's
 * seed is a hash of (top-level seed, experiment id, cell key), so it does not depend on
 * the order cells run in, on the number of workers, or on which other cells exist
 * (adding an `n` to a grid leaves the other cells' numbers unchanged).
 *
 * The hash is FNV-1a over the UTF-16 code units of the key, mixed with the seed and
 * finished with the murmur3 32-bit finalizer, all in 32-bit integer arithmetic
 * (`Math.imul`), so Node and browsers agree bit for bit.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The murmur3 fmix32 finalizer: full avalanche, so nearby keys give unrelated seeds. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashString(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/**
 * The seed of one stream: `fmix32(FNV-1a(parts) ⊕ fmix32(seed))`, a uint32.
 *
 * @param seed the top-level seed, a non-negative safe integer
 * @param parts names of the stream (experiment id, cell key, `"test"`, …)
 * @returns an integer in [0, 2³²)
 * @example
 * ```ts
 * deriveSeed(2024, 'e1', 'n=200/rep=0'); // same number on every machine
 * ```
 */
export function deriveSeed(seed: number, ...parts: string[]): number {
  const high = Math.floor(seed / 0x100000000);
  let h = fmix32((seed >>> 0) ^ fmix32(high ^ 0x9e3779b9));
  for (const part of parts) {
    h = hashString(h ^ FNV_OFFSET, part);
    h = fmix32(h ^ part.length);
  }
  return h;
}
