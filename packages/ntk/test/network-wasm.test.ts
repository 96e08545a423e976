import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { TwoLayerNetwork } from '../src/network/index.js';
import { gaussianVector, maxRelativeError } from './helpers.js';
import { unitRows } from './network-helpers.js';

// Each vitest file runs in its own worker, so switching tfjs' global backend here does
// not affect the other (CPU-backend) network tests.
describe('TwoLayerNetwork on the WASM backend', () => {
  it('gives the CPU backend results for the same seed', async () => {
    const X = unitRows(5, 3, 41);
    const y = gaussianVector(5, 42);
    const run = () => {
      const net = new TwoLayerNetwork({ inputDim: 3, width: 256, train: 'both', seed: 4 });
      const report = net.train(X, y, { learningRate: 1, steps: 50 });
      const result = { loss: report.loss, predictions: net.predict(X), kernel: net.empiricalNtk(X).data };
      net.dispose();
      return result;
    };
    await tf.setBackend('cpu');
    const cpu = run();
    expect(await tf.setBackend('wasm')).toBe(true);
    expect(tf.getBackend()).toBe('wasm');
    const wasm = run();
    expect(maxRelativeError(wasm.predictions, cpu.predictions, 1e-3)).toBeLessThan(1e-4);
    expect(maxRelativeError(wasm.kernel, cpu.kernel, 1e-3)).toBeLessThan(1e-4);
    expect(wasm.loss).toBeCloseTo(cpu.loss, 5);
  });
});
