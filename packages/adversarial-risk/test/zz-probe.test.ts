// @ts-nocheck
import { it } from 'vitest';
import { estimateRisks } from '../src/index.js';
import { Matrix, matvec } from '@benignlab/linalg';
import { createRng } from '@benignlab/data';
it('probe', () => {
const thetaStar = new Float64Array([1, 0]);
const predictor = {
  predict: (X: Matrix) => matvec(X, new Float64Array([1, 2])),
  inputGradient: (X: Matrix) => new Matrix(X.rows, 2, new Float64Array(X.rows * 2).map((_, k) => (k % 2 ? 2 : 1))),
};
const sample = (count: number, seed: number) => new Matrix(count, 2, createRng(seed).fillNormal(new Float64Array(count * 2)));
for (const method of ['first-order', 'pgd']) for (const seed of [7, 8, 9]) {
const result = estimateRisks(predictor, { sample, target: thetaStar, alpha: 0.1, method, seed });
console.log('@@', method, seed, JSON.stringify(result.adversarialRisk), JSON.stringify(result.standardRisk), result.testSize);
}
});
