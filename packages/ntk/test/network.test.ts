import { LinalgError, Matrix } from '@benignlab/linalg';
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { NtkError } from '../src/index.js';
import { TwoLayerNetwork } from '../src/network/index.js';
import { gaussianVector } from './helpers.js';
import { unitRows } from './network-helpers.js';

const X = unitRows(6, 4, 31);
const y = gaussianVector(6, 32);
const networks: TwoLayerNetwork[] = [];
function network(options: ConstructorParameters<typeof TwoLayerNetwork>[0]): TwoLayerNetwork {
  const net = new TwoLayerNetwork(options);
  networks.push(net);
  return net;
}
afterEach(() => {
  for (const net of networks.splice(0)) net.dispose();
});

describe('TwoLayerNetwork', () => {
  it('starts at f ≡ 0 with symmetric pairs and is reproducible from its seed', () => {
    const net = network({ inputDim: 4, width: 64, train: 'both', init: 'symmetric', seed: 7 });
    for (const value of net.predict(X)) expect(Math.abs(value)).toBeLessThan(1e-5);
    const W = net.firstLayerWeights();
    expect(W.shape).toEqual([64, 4]);
    expect(Array.from(W.row(3))).toEqual(Array.from(W.row(35)));
    const a = net.secondLayerWeights();
    expect(a[3]).toBe(1);
    expect(a[35]).toBe(-1);
    const twin = network({ inputDim: 4, width: 64, seed: 7 });
    expect(twin.firstLayerWeights().data).toEqual(W.data);
    const other = network({ inputDim: 4, width: 64, seed: 8 });
    expect(other.firstLayerWeights().data).not.toEqual(W.data);
    expect(twin.trainedLayers).toBe('both');
  });

  it('computes f and ∇f as m^{-1/2} Σ a_j relu(⟨w_j, x⟩) and its gradient (float64 check)', () => {
    const net = network({ inputDim: 4, width: 32, train: 'both', seed: 3 });
    net.train(X, y, { learningRate: 0.5, steps: 20 });
    const W = net.firstLayerWeights();
    const a = net.secondLayerWeights();
    const predictions = net.predict(X);
    const gradients = net.inputGradient(X);
    expect(gradients.shape).toEqual(X.shape);
    for (let i = 0; i < X.rows; i++) {
      let value = 0;
      const gradient = new Float64Array(4);
      for (let j = 0; j < 32; j++) {
        let pre = 0;
        for (let k = 0; k < 4; k++) pre += W.get(j, k) * X.get(i, k);
        if (pre <= 0) continue;
        value += a[j] * pre;
        for (let k = 0; k < 4; k++) gradient[k] += a[j] * W.get(j, k);
      }
      expect(predictions[i]).toBeCloseTo(value / Math.sqrt(32), 5);
      for (let k = 0; k < 4; k++) expect(gradients.get(i, k)).toBeCloseTo(gradient[k] / Math.sqrt(32), 5);
    }
  });

  it.each(['first', 'both'] as const)(
    'empiricalNtk equals the Jacobian contraction by autodiff (train = %s)',
    (train) => {
      const net = network({ inputDim: 4, width: 16, train, seed: 5 });
      net.train(X, y, { learningRate: 0.5, steps: 10 });
      const W = tf.tensor2d(Float32Array.from(net.firstLayerWeights().data), [16, 4]);
      const a = tf.tensor2d(Float32Array.from(net.secondLayerWeights()), [16, 1]);
      const jacobianRows = X.toRows().map((row) => {
        const x = tf.tensor2d([row]);
        const f = (w: tf.Tensor, v: tf.Tensor) =>
          tf
            .matMul(tf.relu(tf.matMul(x, w as tf.Tensor2D, false, true)), v as tf.Tensor2D)
            .sum()
            .div(4) as tf.Scalar;
        const [gradW, gradA] = tf.grads(f)([W, a]);
        const parts = train === 'both' ? [gradW.flatten(), gradA.flatten()] : [gradW.flatten()];
        return Float64Array.from(tf.concat(parts).dataSync());
      });
      const K = net.empiricalNtk(X);
      for (let i = 0; i < X.rows; i++) {
        for (let j = 0; j < X.rows; j++) {
          let expected = 0;
          for (let p = 0; p < jacobianRows[i].length; p++)
            expected += jacobianRows[i][p] * jacobianRows[j][p];
          expect(K.get(i, j)).toBeCloseTo(expected, 5);
        }
      }
      const T = unitRows(3, 4, 77);
      const cross = net.empiricalNtk(T, X);
      expect(cross.shape).toEqual([3, 6]);
      expect(
        net
          .empiricalNtk(X, T)
          .transpose()
          .data.map((v, k) => v - cross.data[k])
          .every((v) => Math.abs(v) < 1e-5),
      ).toBe(true);
      tf.dispose([W, a]);
    },
  );

  it('trains by full-batch gradient descent, reporting loss and weight movement', () => {
    const net = network({ inputDim: 4, width: 512, train: 'first', seed: 9 });
    const seen: number[] = [];
    const report = net.train(X, y, {
      learningRate: 2,
      steps: 300,
      onStep: ({ step, loss, relativeWeightMovement }) => {
        seen.push(step);
        expect(Number.isFinite(loss)).toBe(true);
        expect(relativeWeightMovement).toBeGreaterThan(0);
        return undefined;
      },
    });
    expect(report.steps).toBe(300);
    expect(seen).toEqual(Array.from({ length: 300 }, (_, k) => k + 1));
    expect(report.losses.length).toBe(300);
    // Non-increasing up to float32 rounding of the loss (relative to where training started).
    const rounding = 1e-6 * (report.losses[0] as number);
    for (let k = 1; k < report.losses.length; k++)
      expect(report.losses[k]).toBeLessThanOrEqual((report.losses[k - 1] as number) * (1 + 1e-5) + rounding);
    expect(report.loss).toBeLessThan(report.losses[0] / 10);
    expect(report.converged).toBe(false);
    // Only the first layer trains: a stays at ±1.
    expect(report.movement.secondLayer).toBe(0);
    expect(report.movement.trained).toBe(report.movement.firstLayer);
    expect(report.movement.firstLayer).toBeGreaterThan(0);
    expect(net.weightMovement()).toEqual(report.movement);
  });

  it('stops at the tolerance, on onStep returning false, and resumes from where it stopped', () => {
    const net = network({ inputDim: 4, width: 256, train: 'both', seed: 10 });
    const stopped = net.train(X, y, { learningRate: 2, steps: 1000, onStep: ({ step }) => step < 5 });
    expect(stopped.steps).toBe(5);
    const converged = net.train(X, y, { learningRate: 2, tolerance: 1e-4 });
    expect(converged.converged).toBe(true);
    expect(converged.loss).toBeLessThanOrEqual(1e-4);
    expect(converged.losses[0]).toBeCloseTo(stopped.loss, 6);
  });

  it('reports divergence with the learning rate named', () => {
    const net = network({ inputDim: 4, width: 64, seed: 11 });
    expect(() => net.train(X, y, { learningRate: 1e6, steps: 100 })).toThrow(
      /options\.learningRate.*smaller learning rate/,
    );
  });

  it('rejects bad options and inputs with typed errors', () => {
    const cases: [() => unknown, string][] = [
      [() => new TwoLayerNetwork({ inputDim: 4, width: 7, seed: 1 }), 'options.width'],
      [() => new TwoLayerNetwork({ inputDim: 0, width: 8, seed: 1 }), 'options.inputDim'],
      [() => new TwoLayerNetwork({ inputDim: 4, width: 8, seed: -1 }), 'options.seed'],
      [
        () => new TwoLayerNetwork({ inputDim: 4, width: 8, seed: 1, train: 'second' as never }),
        'options.train',
      ],
      [
        () => new TwoLayerNetwork({ inputDim: 4, width: 8, seed: 1, init: 'gaussian' as never }),
        'options.init',
      ],
      [() => new TwoLayerNetwork({ inputDim: 4, width: 8, seed: 1, depth: 3 } as never), 'options'],
    ];
    for (const [run, argument] of cases) {
      expect(run).toThrow();
      try {
        run();
      } catch (error) {
        expect((error as LinalgError).argument).toBe(argument);
      }
    }
    const net = network({ inputDim: 4, width: 8, seed: 1 });
    const wrong = Matrix.fromRows([[1, 2, 3]]);
    expect(() => net.predict(wrong)).toThrow(NtkError);
    expect(() => net.train(X, y, { learningRate: 1 })).toThrow(/neither steps nor tolerance/);
    expect(() => net.train(X, y, { learningRate: -1, steps: 3 })).toThrow(/options\.learningRate/);
    expect(() => net.train(X, y, { learningRate: 1, steps: 2.5 })).toThrow(/options\.steps/);
    expect(() => net.train(X, y.subarray(0, 3), { learningRate: 1, steps: 2 })).toThrow(LinalgError);
    net.dispose();
    expect(() => net.predict(X)).toThrow(/disposed/);
  });

  it('frees its tensors', () => {
    const before = tf.memory().numTensors;
    const net = new TwoLayerNetwork({ inputDim: 4, width: 32, seed: 2 });
    net.train(X, y, { learningRate: 1, steps: 5 });
    net.predict(X);
    net.inputGradient(X);
    net.empiricalNtk(X);
    net.weightMovement();
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
