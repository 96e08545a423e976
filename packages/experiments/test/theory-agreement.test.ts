import { describe, expect, it } from 'vitest';
import { rawAgreementText, theoryAgreement } from '../src/core/theory-agreement.js';

describe('theoryAgreement', () => {
  it('counts a point within k s.e. as agreeing but still reports its raw distance', () => {
    const agreement = theoryAgreement([
      { mean: 1.02, se: 0.01, predicted: 1 },
      { mean: 0.5, se: 0.1, predicted: 0.45 },
    ]);
    expect(agreement.worstGapBeyondNoise).toBe(0);
    expect(agreement.largestRelativeGap).toBeCloseTo(0.05 / 0.45, 12);
    expect(agreement.largestZ).toBeCloseTo(2, 12);
    expect(agreement.count).toBe(2);
  });

  it('takes the relative gap of points beyond k s.e., and k is honoured', () => {
    const points = [{ mean: 1.2, se: 0.05, predicted: 1 }];
    expect(theoryAgreement(points).worstGapBeyondNoise).toBeCloseTo(0.2, 12);
    expect(theoryAgreement(points, 5).worstGapBeyondNoise).toBe(0);
  });

  it('makes a missing or non-finite comparison infinitely bad, never NaN', () => {
    const agreement = theoryAgreement([
      { mean: 1, se: 0.1, predicted: 1 },
      { mean: Number.NaN, se: Number.NaN, predicted: 2 },
    ]);
    expect(agreement.worstGapBeyondNoise).toBe(Number.POSITIVE_INFINITY);
    expect(agreement.largestRelativeGap).toBe(Number.POSITIVE_INFINITY);
    expect(agreement.largestZ).toBe(Number.POSITIVE_INFINITY);
  });

  it('handles a zero s.e. and a zero prediction without NaN', () => {
    expect(theoryAgreement([{ mean: 1, se: 0, predicted: 1 }])).toMatchObject({
      worstGapBeyondNoise: 0,
      largestRelativeGap: 0,
      largestZ: 0,
    });
    const off = theoryAgreement([{ mean: 1, se: 0, predicted: 0 }]);
    expect(off.largestZ).toBe(Number.POSITIVE_INFINITY);
    expect(off.worstGapBeyondNoise).toBe(Number.POSITIVE_INFINITY);
  });

  it('writes the raw distances for the evidence', () => {
    const text = rawAgreementText(theoryAgreement([{ mean: 1.02, se: 0.01, predicted: 1 }]), (v) =>
      v.toFixed(1),
    );
    expect(text).toBe('largest raw relative gap 2.0 %, largest |z| 2.0 over 1 comparison');
  });
});
