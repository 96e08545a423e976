/* throwaway review harness */
/* biome-ignore-all lint: throwaway */
// @ts-nocheck
import { it } from 'vitest';
import * as N from '../src/index.js'; import { TwoLayerNetwork } from '../src/network/index.js'; import { Matrix } from '@benignlab/linalg'; import { createRng } from '@benignlab/data';
const { NtkError, ntkInputGradient, ntkKernel, ntkLinearization, NtkRegression, NtkRegressionPath, ntkRegression } = N;
const rng = createRng(3); const X = new Matrix(20, 5, rng.fillNormal(new Float64Array(100))); const y = rng.fillNormal(new Float64Array(20)); const T = new Matrix(4, 5, rng.fillNormal(new Float64Array(20))); const A = X; const B = T; const fit = ntkRegression(X, y, { layers: 'both' }); const net = new TwoLayerNetwork({ inputDim: 5, width: 256, train: 'both', seed: 1 });
const fmt = (v: any): string => v && typeof v === 'object' && 'rows' in v && 'cols' in v && 'data' in v ? `Matrix ${v.rows}x${v.cols}` : v instanceof Float64Array || v instanceof Int32Array ? `[${Array.from(v).slice(0, 8).map((x: number) => +x.toPrecision(6)).join(', ')}${v.length > 8 ? ', …(' + v.length + ')' : ''}]` : Array.isArray(v) ? `(${v.map(fmt).join(' | ')})` : v && typeof v === 'object' && !(v instanceof Error) ? '{' + Object.entries(v).slice(0, 14).map(([k, x]) => k + ': ' + (typeof x === 'function' ? 'fn' : fmt(x))).join(', ') + '}' : String(v);
const show = (label: string, v: unknown, note: string) => console.log('@@', label, '=>', fmt(v), ' // claimed:', note);

it("0 NtkError", async () => {
try {
  ntkKernel(A, B, { layers: 'second' as never });
} catch (error) {
  if (error instanceof NtkError) console.log(error.argument); // "options.layers"
}

}, 60000);

it("1 ntkInputGradient", async () => {
const X = Matrix.fromRows([[1, 0]]);
const T = Matrix.fromRows([[0, 1]]);
show("ntkInputGradient(T, X, Float64Array.of(1), { layers: 'first'", ntkInputGradient(T, X, Float64Array.of(1), { layers: 'first' }).toRows(), "[[0.25, 0]]");
show("ntkInputGradient(T, X, Float64Array.of(1), { layers: 'both' ", ntkInputGradient(T, X, Float64Array.of(1), { layers: 'both' }).toRows(), "[[0.5, 1/(2π)]]");

}, 60000);

it("2 ntkKernel", async () => {
const X = Matrix.fromRows([[1, 0], [1, 1]]);
show("ntkKernel(X, X, { layers: 'first' }).get(0, 1)", ntkKernel(X, X, { layers: 'first' }).get(0, 1), "1 · (π − π/4)/(2π) = 0.375");

}, 60000);

it("3 ntkLinearization", async () => {
const { relativeError, implicitLambda } = ntkLinearization(X, { layers: 'first' });
// isotropic Gaussian X, n = 50, d = 5000: relativeError ≈ 0.003

}, 60000);

it("4 NtkRegression.predict", async () => {
show("fit.predict(Matrix.fromRows([[0.2, -1]]))", fit.predict(Matrix.fromRows([[0.2, -1]])), "Float64Array [f̂(0.2, -1)]");

}, 60000);

it("5 NtkRegression.inputGradient", async () => {
const G = fit.inputGradient(T);
show("G", [G], "same shape as T");

}, 60000);

it("6 NtkRegression.withLambda", async () => {
const ridge = fit.withLambda(0.1);
show("ridge", [ridge], "α = (K + 0.1·n·I)^{-1} Y");

}, 60000);

it("7 NtkRegression.path", async () => {
const path = fit.path([0, 1e-3, 1e-2, 1e-1]);
show("path.predict(T).row(2)", path.predict(T).row(2), "predictions at λ = 1e-2");
show("path.rkhsNormsSquared", path.rkhsNormsSquared, "how the fit's norm shrinks with λ");

}, 60000);

it("8 NtkRegressionPath.predict", async () => {
const P = fit.path([0, 0.1]).predict(T);
show("P", [P], "2×t");
show("P.row(1)", P.row(1), "predictions at λ = 0.1");

}, 60000);

it("9 NtkRegressionPath.at", async () => {
show("fit.path([0, 0.1]).at(1).inputGradient(T)", fit.path([0, 0.1]).at(1).inputGradient(T), "∇f̂ at λ = 0.1");

}, 60000);

it("10 ntkRegression", async () => {
const X = Matrix.fromRows([[1, 0], [0, 1], [1, 1]]);
const fit = ntkRegression(X, Float64Array.of(1, -1, 0.5), { layers: 'first' });
show("fit.predict(X)", fit.predict(X), "≈ [1, -1, 0.5] (interpolation)");
show("fit.inputGradient(Matrix.fromRows([[0.5, 2]]))", fit.inputGradient(Matrix.fromRows([[0.5, 2]])), "1×2 matrix of ∇f̂");

}, 60000);

it("11 TwoLayerNetwork", async () => {
const net = new TwoLayerNetwork({ inputDim: 5, width: 1024, train: 'both', seed: 1 });
const report = net.train(X, y, { learningRate: 1, tolerance: 1e-6 });
show("report.movement.trained", report.movement.trained, "~ m^{-1/2}: the weights barely move");
show("net.predict(T)", net.predict(T), "≈ ntkRegression(X, y).predict(T)");
net.dispose();

}, 60000);

it("12 TwoLayerNetwork.predict", async () => {
show("net.predict(Matrix.fromRows([[1, 0, 0, 0, 0]]))", net.predict(Matrix.fromRows([[1, 0, 0, 0, 0]])), "Float64Array [≈0] at initialization");

}, 60000);

it("13 TwoLayerNetwork.inputGradient", async () => {
const G = net.inputGradient(T);
show("G", [G], "compare with ntkRegression(X, y).inputGradient(T)");

}, 60000);

it("14 TwoLayerNetwork.empiricalNtk", async () => {
const Khat = net.empiricalNtk(X);
show("Khat", [Khat], "≈ ntkKernel(X, X, { layers: net.trainedLayers })");

}, 60000);

it("15 TwoLayerNetwork.train", async () => {
const report = net.train(X, y, {
  learningRate: 1,
  steps: 2000,
  onStep: ({ step, loss }) => (step % 500 === 0 ? console.log(step, loss) : undefined),
});

}, 60000);

it("16 TwoLayerNetwork.weightMovement", async () => {
show("net.weightMovement().trained", net.weightMovement().trained, "0 before training, O(m^{-1/2}) after lazy training");

}, 60000);

it("17 TwoLayerNetwork.firstLayerWeights", async () => {
show("net.firstLayerWeights().row(0)", net.firstLayerWeights().row(0), "w_1 (equal to row m/2 at initialization)");

}, 60000);

it("18 TwoLayerNetwork.secondLayerWeights", async () => {
show("net.secondLayerWeights()", net.secondLayerWeights(), "[1, …, 1, −1, …, −1] at initialization");

}, 60000);

it("19 TwoLayerNetwork.dispose", async () => {
show("net.dispose()", net.dispose(), "tf.memory().numTensors drops back");

}, 60000);
