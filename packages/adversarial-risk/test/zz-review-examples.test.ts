/* throwaway review harness */
/* biome-ignore-all lint: throwaway */
// @ts-nocheck
import { it } from 'vitest';
import * as R from '../src/index.js'; import { Matrix, matvec } from '@benignlab/linalg'; import { createRng } from '@benignlab/data';
const { absoluteAlpha, RiskError, estimateRisks, frontier, gaussianAdversarialRisk, adversarialRisk, harmRatio, standardRisk, dualExponent, dualNorm, lqNorm, normExponent, minNormNormLowerBound, ridgeTheory, ridgeTheoryPath } = R;
const eigenvalues = new Float64Array(400).fill(0.02).fill(1, 0, 4); const thetaStar = new Float64Array(400).fill(0.5, 0, 4); const theta = new Float64Array(3);
const fmt = (v: any): string => v && typeof v === 'object' && 'rows' in v && 'cols' in v && 'data' in v ? `Matrix ${v.rows}x${v.cols}` : v instanceof Float64Array || v instanceof Int32Array ? `[${Array.from(v).slice(0, 8).map((x: number) => +x.toPrecision(6)).join(', ')}${v.length > 8 ? ', …(' + v.length + ')' : ''}]` : Array.isArray(v) ? `(${v.map(fmt).join(' | ')})` : v && typeof v === 'object' && !(v instanceof Error) ? '{' + Object.entries(v).slice(0, 14).map(([k, x]) => k + ': ' + (typeof x === 'function' ? 'fn' : fmt(x))).join(', ') + '}' : String(v);
const show = (label: string, v: unknown, note: string) => console.log('@@', label, '=>', fmt(v), ' // claimed:', note);

it("0 absoluteAlpha", async () => {
show("absoluteAlpha(0.05, 'relative', 'l2', new Float64Array([1, 1", absoluteAlpha(0.05, 'relative', 'l2', new Float64Array([1, 1, 1, 1])), "0.1");

}, 60000);

it("1 RiskError", async () => {
try { standardRisk(theta, thetaStar, { eigenvalues }); }
catch (e) { if (e instanceof RiskError) console.log(e.argument); }

}, 60000);

it("2 estimateRisks", async () => {
const thetaStar = new Float64Array([1, 0]);
const predictor = {
  predict: (X: Matrix) => matvec(X, new Float64Array([1, 2])),
  inputGradient: (X: Matrix) => new Matrix(X.rows, 2, new Float64Array(X.rows * 2).map((_, k) => (k % 2 ? 2 : 1))),
};
const sample = (count: number, seed: number) => new Matrix(count, 2, createRng(seed).fillNormal(new Float64Array(count * 2)));
const result = estimateRisks(predictor, { sample, target: thetaStar, alpha: 0.1, method: 'pgd', seed: 7 });
show("result.adversarialRisk.mean", result.adversarialRisk.mean, "≈ 4 + 2·√(2/π)·2·0.1·√5 + 0.05 ≈ 4.76, up to its standard error");

}, 60000);

it("3 frontier", async () => {
const f = frontier([
  { lambda: 0, standardRisk: 0.05, adversarialRisk: 0.9 },
  { lambda: 0.1, standardRisk: 0.04, adversarialRisk: 0.5 },
  { lambda: 1, standardRisk: 0.3, adversarialRisk: 0.35 },
]);
show("f.lambdaBestStandard", f.lambdaBestStandard, "0.1");
show("f.priceOfRobustness", f.priceOfRobustness, "0.3 / 0.04 = 7.5");

}, 60000);

it("4 gaussianAdversarialRisk", async () => {
show("gaussianAdversarialRisk(0, 0.1)", gaussianAdversarialRisk(0, 0.1), "0.01");

}, 60000);

it("5 adversarialRisk", async () => {
const eigenvalues = new Float64Array([1, 0.1]);
const thetaStar = new Float64Array([1, 0]);
show("adversarialRisk(thetaStar, thetaStar, { eigenvalues }, { alp", adversarialRisk(thetaStar, thetaStar, { eigenvalues }, { alpha: 0.1 }), "0.01 = α²‖θ*‖²");
adversarialRisk(thetaStar, thetaStar, { eigenvalues }, { alpha: 0.1, law: 'rademacher', seed: 1 }).estimate;

}, 60000);

it("6 harmRatio", async () => {
const eigenvalues = new Float64Array([1, 0.1]);
harmRatio(new Float64Array([1, 3]), new Float64Array([1, 0]), { eigenvalues }, { alpha: 0.1 });

}, 60000);

it("7 standardRisk", async () => {
const eigenvalues = new Float64Array([1, 0.1]);
show("standardRisk(new Float64Array([1, 1]), new Float64Array([1, ", standardRisk(new Float64Array([1, 1]), new Float64Array([1, 0]), { eigenvalues }), "0.1");

}, 60000);

it("8 dualExponent", async () => {
show("dualExponent(3)", dualExponent(3), "1.5");

}, 60000);

it("9 dualNorm", async () => {
show("dualNorm(new Float64Array([1, -2]), 'linf')", dualNorm(new Float64Array([1, -2]), 'linf'), "3");

}, 60000);

it("10 lqNorm", async () => {
show("lqNorm(new Float64Array([3, -4]), 2)", lqNorm(new Float64Array([3, -4]), 2), "5");

}, 60000);

it("11 normExponent", async () => {
show("normExponent('linf')", normExponent('linf'), "Infinity");

}, 60000);

it("12 minNormNormLowerBound", async () => {
show("minNormNormLowerBound(new Float64Array([1, 1]), 0.25, 100)", minNormNormLowerBound(new Float64Array([1, 1]), 0.25, 100), "12.5");

}, 60000);

it("13 ridgeTheory", async () => {
const eigenvalues = new Float64Array(400).fill(0.02).fill(1, 0, 4);
const thetaStar = new Float64Array(400).fill(0.5, 0, 4);
const at = ridgeTheory({ eigenvalues, thetaStar, sigma2: 0.25, n: 60, lambda: 0 });
show("at.risk", at.risk, "≈ 0.0717");
show("at.adversarialRisk(0.1)", at.adversarialRisk(0.1), "predicted ℓ2 adversarial risk at α = 0.1");

}, 60000);

it("14 ridgeTheoryPath", async () => {
const path = ridgeTheoryPath({ eigenvalues, thetaStar, sigma2: 0.25, n: 60, lambdas: [0, 0.01, 0.1, 1] });
show("path.risk", path.risk, "Float64Array of 4 predicted risks");
show("frontier(path.points(0.1))", frontier(path.points(0.1)), "the standard/adversarial trade-off over λ");

}, 60000);
