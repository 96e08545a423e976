/**
 * How far simulated means sit from a theory line, in the three ways a referee asks for:
 * the criterion the verdicts use (a point agrees when within `k` standard errors *or*
 * within a relative tolerance of the theory), the raw largest relative gap, and the largest
 * |z| = |mean − theory| / s.e. — so a criterion value of 0 ("every point within k s.e.")
 * is never shown without the raw distance behind it.
 */

/** One comparison: a simulated mean ± s.e. against the theory's value at the same point. */
export interface TheoryComparison {
  mean: number;
  se: number;
  predicted: number;
}

/** The three summaries of a set of {@link TheoryComparison}s. */
export interface TheoryAgreement {
  /**
   * Largest relative gap |mean − theory| / |theory| over the points that are more than
   * `k` s.e. away from the theory (points within `k` s.e. count as 0): the verdicts'
   * criterion. +∞ when a comparison is missing or not finite.
   */
  worstGapBeyondNoise: number;
  /** Largest |mean − theory| / |theory| over all points, noise or not. */
  largestRelativeGap: number;
  /** Largest |mean − theory| / s.e. (+∞ where s.e. = 0 and the values differ). */
  largestZ: number;
  /** Number of comparisons. */
  count: number;
}

/**
 * Summarizes simulated-versus-theory comparisons.
 *
 * With g = |mean − predicted|: a point's criterion gap is 0 when g ≤ k·se and g/|predicted|
 * otherwise; `worstGapBeyondNoise` is the largest criterion gap, `largestRelativeGap` the
 * largest g/|predicted| and `largestZ` the largest g/se.
 *
 * @param comparisons the points; a missing simulation is passed as a `mean` of NaN
 * @param k how many standard errors count as sampling noise (default 3)
 * @example
 * ```ts
 * const agreement = theoryAgreement([
 *   { mean: 1.02, se: 0.01, predicted: 1 },
 *   { mean: 0.5, se: 0.1, predicted: 0.45 },
 * ]);
 * agreement.worstGapBeyondNoise; // 0 (both within 3 s.e.)
 * agreement.largestRelativeGap; // 0.111… (the second point)
 * agreement.largestZ; // 2 (the first point)
 * ```
 */
export function theoryAgreement(comparisons: readonly TheoryComparison[], k = 3): TheoryAgreement {
  let worstGapBeyondNoise = 0;
  let largestRelativeGap = 0;
  let largestZ = 0;
  for (const { mean, se, predicted } of comparisons) {
    const gap = Math.abs(mean - predicted);
    if (!Number.isFinite(gap) || !Number.isFinite(predicted)) {
      worstGapBeyondNoise = Number.POSITIVE_INFINITY;
      largestRelativeGap = Number.POSITIVE_INFINITY;
      largestZ = Number.POSITIVE_INFINITY;
      continue;
    }
    const relative = predicted === 0 ? (gap === 0 ? 0 : Number.POSITIVE_INFINITY) : gap / Math.abs(predicted);
    const z = gap === 0 ? 0 : se > 0 ? gap / se : Number.POSITIVE_INFINITY;
    largestRelativeGap = Math.max(largestRelativeGap, relative);
    largestZ = Math.max(largestZ, z);
    if (gap > k * se) worstGapBeyondNoise = Math.max(worstGapBeyondNoise, relative);
  }
  return { worstGapBeyondNoise, largestRelativeGap, largestZ, count: comparisons.length };
}

/**
 * The raw distances of a {@link TheoryAgreement} as evidence text, e.g.
 * `"largest raw relative gap 4.1 %, largest |z| 2.3 over 27 comparisons"`.
 *
 * @param agreement the summary
 * @param format the number formatter the report uses
 * @example
 * ```ts
 * rawAgreementText(theoryAgreement([{ mean: 1.02, se: 0.01, predicted: 1 }]), (v) => v.toFixed(1));
 * // 'largest raw relative gap 2.0 %, largest |z| 2.0 over 1 comparison'
 * ```
 */
export function rawAgreementText(agreement: TheoryAgreement, format: (value: number) => string): string {
  const plural = agreement.count === 1 ? 'comparison' : 'comparisons';
  return `largest raw relative gap ${format(100 * agreement.largestRelativeGap)} %, largest |z| ${format(agreement.largestZ)} over ${agreement.count} ${plural}`;
}
