import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { wasmBackendInstalled } from '../src/network/index.js';

describe('the networks’ default backend', () => {
  it('is WASM in Node when @tensorflow/tfjs-backend-wasm is installed (its .wasm ships in the package)', () => {
    expect(wasmBackendInstalled).toBe(true);
    expect(tf.getBackend()).toBe('wasm');
  });
});
