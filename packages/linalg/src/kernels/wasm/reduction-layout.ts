/**
 * Byte offsets of the reduction's kernel-memory layout: a (n×n), d, e, τ and p (n each), then
 * one partial product vector per row chunk (`REDUCTION_CHUNKS`·n). Shared with the thread pools.
 */
export function reductionLayout(n: number, chunks: number) {
  const vectorBytes = n * 8;
  const d = n * n * 8;
  const e = d + vectorBytes;
  const tau = e + vectorBytes;
  const p = tau + vectorBytes;
  const y = p + vectorBytes;
  return { a: 0, d, e, tau, p, y, end: y + chunks * vectorBytes };
}
