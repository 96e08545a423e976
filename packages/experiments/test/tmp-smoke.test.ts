import { absoluteAlpha } from '@benignlab/adversarial-risk';
import { makeDesign } from '@benignlab/data';
import { adversarialTraining, gradientDescent } from '@benignlab/linear-models';
import { test } from 'vitest';
test('profile', () => {
  const n = 100;
  const design = makeDesign({ covariance: { kind: 'spikedScaled', n, a: 1.5, b: 1, s: 5 }, thetaStar: { kind: 'spikes', norm: 1 }, noise: { law: 'gaussian', sigma: 0.5 } });
  const { X, y } = design.sample(n, 1);
  let t = performance.now();
  gradientDescent(X, y, { steps: 300 });
  console.log('gd', performance.now() - t);
  for (const norm of ['l2', 'linf'] as const) {
    const alpha = absoluteAlpha(0.05, 'relative', norm, design.eigenvalues);
    for (const f of [0.25, 1, 4]) {
      t = performance.now();
      const m = adversarialTraining(X, y, { epsilon: f * alpha, norm, maxIterations: 200 });
      console.log(norm, f, performance.now() - t, m.iterations, m.converged, m.relativeDualityGap);
    }
  }
});
