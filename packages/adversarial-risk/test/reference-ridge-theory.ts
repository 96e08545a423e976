/**
 * A deliberately plain reference for the theory curves (Theory §4): one λ at a
 * time, every sum a fresh compensated (Neumaier) loop over all p eigenvalues, κ by
 * geometric bisection and then bracketed Newton polishing. Slow and simple, to check
 * the fast path against.
 */
export interface ReferencePrediction {
  kappa: number;
  df2: number;
  risk: number;
  norm2: number;
}

export function referenceRidgeTheory(
  eigenvalues: Float64Array,
  thetaStar: Float64Array,
  sigma2: number,
  n: number,
  lambda: number,
): ReferencePrediction {
  const p = eigenvalues.length;
  let trace = 0;
  for (const value of eigenvalues) trace += value;
  // G(κ) = 1 − S₁/n − λ/κ with S₁ = Σ λ_j/(λ_j + κ), or equally
  // (n − p)/n + C/n − λ/κ with C = Σ κ/(λ_j + κ) = p − S₁: use the smaller sum.
  const equation = (kappa: number) => {
    const fraction = new CompensatedSum();
    const complement = new CompensatedSum();
    let slope = 0;
    for (const value of eigenvalues) {
      fraction.add(value / (value + kappa));
      complement.add(kappa / (value + kappa));
      slope += value / (value + kappa) ** 2;
    }
    const s1 = fraction.value();
    const c = complement.value();
    return {
      g: c <= s1 ? (n - p) / n + c / n - lambda / kappa : 1 - s1 / n - lambda / kappa,
      derivative: slope / n + lambda / (kappa * kappa),
    };
  };
  let lo = lambda > 0 ? lambda : Number.MIN_VALUE;
  let hi = lambda + trace / n;
  for (let i = 0; i < 3000 && hi / lo > 1 + 1e-7; i++) {
    const mid = Math.sqrt(lo) * Math.sqrt(hi);
    if (equation(mid).g < 0) lo = mid;
    else hi = mid;
  }
  let kappa = Math.sqrt(lo) * Math.sqrt(hi);
  for (let i = 0; i < 8; i++) {
    const { g, derivative } = equation(kappa);
    const next = kappa - g / derivative;
    if (!(next >= lo && next <= hi)) break;
    kappa = next;
  }
  let df2 = 0;
  let bias = 0;
  let signal = 0;
  let variance = 0;
  for (let j = 0; j < p; j++) {
    const value = eigenvalues[j]!;
    const t2 = thetaStar[j]! ** 2;
    const denominator = (value + kappa) ** 2;
    df2 += (value * value) / denominator;
    bias += (value * t2) / denominator;
    signal += (value * value * t2) / denominator;
    variance += value / denominator;
  }
  const b0 = kappa * kappa * bias;
  return {
    kappa,
    df2,
    risk: (n * b0 + sigma2 * df2) / (n - df2),
    norm2: signal + ((b0 + sigma2) * variance) / (n - df2),
  };
}

/** Neumaier's compensated summation: error O(ε) times the sum of |terms|, not O(p·ε). */
class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(term: number): void {
    const next = this.sum + term;
    this.compensation +=
      Math.abs(this.sum) >= Math.abs(term) ? this.sum - next + term : term - next + this.sum;
    this.sum = next;
  }

  value(): number {
    return this.sum + this.compensation;
  }
}
