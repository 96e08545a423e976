import { describe, expect, it } from 'vitest';
import { type NtkLayers, ntkKernel, ntkRegression } from '../src/index.js';
import { TwoLayerNetwork } from '../src/network/index.js';
import { gaussianVector, pairGeometry, relativeFrobenius } from './helpers.js';
import { unitRows } from './network-helpers.js';

const WIDTHS = [256, 1024, 4096];
const d = 5;
const X = unitRows(10, d, 1);
const y = gaussianVector(10, 2);
const T = unitRows(6, d, 3);

/**
 * The variance of one unit pair's contribution to K̂(x, x') at initialization. With
 * p = (π − φ)/(2π), A = ⟨x, x'⟩·1[⟨w, x⟩ > 0]·1[⟨w, x'⟩ > 0] and B = relu(⟨w, x⟩)·relu(⟨w, x'⟩):
 * E A = K₁, E B = K₂, E A² = u²p, E B² = ‖x‖²‖x'‖² J₂(φ)/(2π) (Cho & Saul's degree-2
 * arc-cosine kernel, J₂ = 3 sin φ cos φ + (π − φ)(1 + 2cos²φ)), E AB = u·K₂.
 */
function unitVariance(a: Float64Array, b: Float64Array, layers: NtkLayers): number {
  const { u, norms, c, phi } = pairGeometry(a, b);
  const p = (Math.PI - phi) / (2 * Math.PI);
  const k1 = u * p;
  const varianceA = u * u * p - k1 * k1;
  if (layers === 'first') return varianceA;
  const s = Math.sin(phi);
  const k2 = (norms * (s + (Math.PI - phi) * c)) / (2 * Math.PI);
  const secondMomentB = (norms * norms * (3 * s * c + (Math.PI - phi) * (1 + 2 * c * c))) / (2 * Math.PI);
  return varianceA + (secondMomentB - k2 * k2) + 2 * (u * k2 - k1 * k2);
}

describe.each(['first', 'both'] as NtkLayers[])('lazy regime, train = %s', (layers) => {
  const kernel = ntkKernel(X, X, { layers });

  it('the empirical NTK at initialization approaches ntkKernel with error ∝ width^(-1/2)', () => {
    // Expected ‖K̂ − K‖²_F: m/2 independent pairs, so Σᵢⱼ Var(pair)/(m/2).
    let varianceSum = 0;
    for (let i = 0; i < X.rows; i++) {
      for (let j = 0; j < X.rows; j++) varianceSum += unitVariance(X.row(i), X.row(j), layers);
    }
    let kernelNormSquared = 0;
    for (const value of kernel.data) kernelNormSquared += value * value;
    const seeds = [1, 2, 3, 4];
    const measured: number[] = [];
    for (const width of WIDTHS) {
      let squaredError = 0;
      for (const seed of seeds) {
        const net = new TwoLayerNetwork({ inputDim: d, width, train: layers, seed });
        squaredError += relativeFrobenius(net.empiricalNtk(X).data, kernel.data) ** 2 / seeds.length;
        net.dispose();
      }
      const rmsError = Math.sqrt(squaredError);
      const predicted = Math.sqrt(varianceSum / (width / 2) / kernelNormSquared);
      // A mean of 4 draws of a squared norm: well within a factor 2 of its expectation.
      expect(rmsError / predicted).toBeGreaterThan(0.5);
      expect(rmsError / predicted).toBeLessThan(2);
      measured.push(rmsError);
    }
    // 16× the width, about 4× less error.
    expect(measured[0] / measured[2]).toBeGreaterThan(2.5);
    expect(measured[0] / measured[2]).toBeLessThan(6.5);
  });

  it('the trained network and its input gradients approach ntkRegression, its weights move less, as width grows', () => {
    const reference = ntkRegression(X, y, { layers });
    const target = reference.predict(T);
    // Stable step for the (1/2n)Σ loss: below 2n/λ_max(K); a third of that.
    const learningRate = (2 * X.rows) / reference.kernelEigenvalues[0] / 3;
    const targetGradient = reference.inputGradient(T);
    const errors: number[] = [];
    const gradientErrors: number[] = [];
    const movements: number[] = [];
    for (const width of WIDTHS) {
      const net = new TwoLayerNetwork({ inputDim: d, width, train: layers, seed: 1 });
      const report = net.train(X, y, { learningRate, tolerance: 1e-7, steps: 5000 });
      expect(report.converged).toBe(true);
      errors.push(relativeFrobenius(net.predict(T), target));
      gradientErrors.push(relativeFrobenius(net.inputGradient(T).data, targetGradient.data));
      movements.push(report.movement.trained);
      net.dispose();
    }
    WIDTHS.forEach((width, k) => {
      // Both deviations are O(m^{-1/2}); the constants come from the m = 256 → 4096 runs
      // (prediction error·√m ≈ 5–11, input-gradient error·√m ≈ 8–14, movement·√m ≈ 3–4.5)
      // with a factor-2 margin.
      expect(errors[k]).toBeLessThan(20 / Math.sqrt(width));
      expect(gradientErrors[k]).toBeLessThan(30 / Math.sqrt(width));
      expect(movements[k]).toBeLessThan(9 / Math.sqrt(width));
    });
    expect(errors[0] / errors[2]).toBeGreaterThan(2);
    expect(gradientErrors[0] / gradientErrors[2]).toBeGreaterThan(2);
    expect(movements[0] / movements[2]).toBeGreaterThan(3);
  });
});
