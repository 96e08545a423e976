/* throwaway review harness */
/* biome-ignore-all lint: throwaway */
// @ts-nocheck
import { it } from 'vitest';
import * as D from '../src/index.js'; import { mnistRegression, MNIST_PIXELS } from '../src/mnist/index.js'; import { Matrix, matmul } from '@benignlab/linalg';
const { covarianceEigenvalues, haarOrthogonal, makeDesign, resolveDesignSpec, benignDiagnostics, effectiveRanks, DataError, deterministicExp, deterministicLog, assertSeed, deriveSeed, createRng, Rng } = D;
const fmt = (v: any): string => v && typeof v === 'object' && 'rows' in v && 'cols' in v && 'data' in v ? `Matrix ${v.rows}x${v.cols}` : v instanceof Float64Array || v instanceof Int32Array ? `[${Array.from(v).slice(0, 8).map((x: number) => +x.toPrecision(6)).join(', ')}${v.length > 8 ? ', …(' + v.length + ')' : ''}]` : Array.isArray(v) ? `(${v.map(fmt).join(' | ')})` : v && typeof v === 'object' && !(v instanceof Error) ? '{' + Object.entries(v).slice(0, 14).map(([k, x]) => k + ': ' + (typeof x === 'function' ? 'fn' : fmt(x))).join(', ') + '}' : String(v);
const show = (label: string, v: unknown, note: string) => console.log('@@', label, '=>', fmt(v), ' // claimed:', note);

it("0 covarianceEigenvalues", async () => {
covarianceEigenvalues({ kind: 'spiked', p: 6, s: 2, tail: 0.1 });
// Float64Array [1, 1, 0.1, 0.1, 0.1, 0.1]

}, 60000);

it("1 haarOrthogonal", async () => {
const Q = haarOrthogonal(50, 7);
// matmul(Q, Q, { transposeA: true }) ≈ identity

}, 60000);

it("2 makeDesign", async () => {
const design = makeDesign({
  covariance: { kind: 'spikedScaled', n: 200, a: 1.5, b: 1, s: 5 },
  noise: { sigma: 0.5 },
});
const { X, y } = design.sample(200, 1);
show("X,y", [X,y], "200 × 2834");
const test = design.testSample(1000, 1);

}, 60000);

it("3 resolveDesignSpec", async () => {
resolveDesignSpec({ covariance: { kind: 'spiked', p: 2000, s: 5, tail: 0.005 } }).noise;
// { law: 'gaussian', sigma: 0.5 }

}, 60000);

it("4 benignDiagnostics", async () => {
const report = benignDiagnostics({ covariance: { kind: 'spikedScaled', n: 400, a: 1.5, b: 1, s: 5 } }, 400);
show("report.verdict", report.verdict, "'benign'");
console.log(report.explanation);

}, 60000);

it("5 effectiveRanks", async () => {
const { r, R, kstar } = effectiveRanks([1, 1, 0.01, 0.01, 0.01], 2, 1);
// r[0] = 2.03, kstar = 2 (r_2 = 3 ≥ 2)

}, 60000);

it("6 DataError", async () => {
try { makeDesign({ covariance: { kind: 'spiked', p: 100, s: 5, tail: -1 } }); }
catch (e) { if (e instanceof DataError) console.log(e.argument); } // "spec.covariance.tail"

}, 60000);

it("7 deterministicExp", async () => {
show("deterministicExp(0)", deterministicExp(0), "1");

}, 60000);

it("8 deterministicLog", async () => {
show("deterministicLog(Math.E)", deterministicLog(Math.E), "1");

}, 60000);

it("9 assertSeed", async () => {
show("assertSeed('options.seed', 42)", assertSeed('options.seed', 42), "42");
show("assertSeed('options.seed', -1)", assertSeed('options.seed', -1), "throws \"options.seed: expected a seed (an integer from 0 to …), got -1\"");

}, 60000);

it("10 deriveSeed", async () => {
const trainSeed = deriveSeed(42, 'train');
const repetitionSeed = deriveSeed(42, 'repetition', 3);

}, 60000);

it("11 createRng", async () => {
const rng = createRng(2024);
show("rng.nextDouble()", rng.nextDouble(), "in [0, 1)");
show("rng.normal()", rng.normal(), "N(0, 1)");

}, 60000);

it("12 Rng", async () => {
const rng = createRng(42);
const z = rng.fillNormal(new Float64Array(1000));
show("z", [z], "1000 N(0, 1) draws");
const noise = rng.split('noise').normal();

}, 60000);

it("13 Rng.nextUint64Words", async () => {
const [hi, lo] = createRng(0).nextUint64Words();
show("hi,lo", [hi,lo], "value = hi · 2^32 + lo");

}, 60000);

it("14 Rng.nextUint32", async () => {
show("createRng(1).nextUint32()", createRng(1).nextUint32(), "an integer in [0, 4294967296)");

}, 60000);

it("15 Rng.nextDouble", async () => {
const u = createRng(1).nextDouble();
show("u", [u], "0 ≤ u < 1");

}, 60000);

it("16 Rng.nextInt", async () => {
const die = createRng(1).nextInt(6) + 1;
show("die", [die], "1..6");

}, 60000);

it("17 Rng.rademacher", async () => {
const sign = createRng(1).rademacher();
show("sign", [sign], "−1 or 1");

}, 60000);

it("18 Rng.normal", async () => {
const z = createRng(1).normal();

}, 60000);

it("19 Rng.fillNormal", async () => {
const noise = createRng(3).fillNormal(new Float64Array(100), 0, 0.5);
show("noise", [noise], "N(0, 0.25)");

}, 60000);

it("20 Rng.fillUniform", async () => {
const u = createRng(4).fillUniform(new Float64Array(10), -Math.sqrt(3), Math.sqrt(3));

}, 60000);

it("21 Rng.fillRademacher", async () => {
const signs = createRng(5).fillRademacher(new Float64Array(64));
show("signs", [signs], "one 64-bit draw");

}, 60000);

it("22 Rng.permutation", async () => {
const order = createRng(6).permutation(10);
show("order", [order], "Int32Array, a shuffle of 0..9");

}, 60000);

it("23 Rng.split", async () => {
const root = createRng(7);
const train = root.split('train');
const test = root.split('test');

}, 60000);

it("24 Rng.jump", async () => {
const worker = createRng(7);
show("worker.jump()", worker.jump(), "now 2^128 draws ahead of createRng(7)");

}, 60000);

it("25 mnistRegression", async () => {
const task = mnistRegression({ digits: [3, 8], labelNoise: 0.1, nTrain: 400, seed: 1 });
show("task.train.X.shape", task.train.X.shape, "\"400×784\"");

}, 60000);
