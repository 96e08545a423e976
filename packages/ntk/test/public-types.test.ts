import { describe, expectTypeOf, it } from 'vitest';
import type { KernelSpectrum, NtkRegression } from '../src/index.js';
import type { TrainingStep, TrainOptions } from '../src/network/index.js';

describe('public types', () => {
  it("NtkRegression's constructor takes only exported types", () => {
    expectTypeOf<ConstructorParameters<typeof NtkRegression>[4]>().toEqualTypeOf<KernelSpectrum>();
  });

  it('TrainOptions.onStep accepts a callback that returns nothing', () => {
    const log = (progress: TrainingStep): void => {
      progress.loss;
    };
    const options: TrainOptions = { learningRate: 1, steps: 1, onStep: log };
    expectTypeOf(options.onStep).toExtend<((progress: TrainingStep) => unknown) | undefined>();
    // `(s) => console.log(s.loss)` compiles under --strict:
    const logged: TrainOptions = { learningRate: 1, onStep: (s) => console.log(s.loss) };
    expectTypeOf(logged).toEqualTypeOf<TrainOptions>();
  });
});
