import { it } from 'vitest';
import { adversarialTraining } from '../src/index.js';
import { gaussianDesign, gaussianVector } from './helpers.js';

it('scratch', () => {
  for (const [n, p] of [[50, 200], [100, 400], [30, 300]] as const) {
    const X = gaussianDesign(n * 7 + p, n, p);
    const y = gaussianVector(99, n);
    for (const epsilon of [1e-4, 0.05, 0.1, 0.2]) {
      const t0 = performance.now();
      const fit = adversarialTraining(X, y, { epsilon, norm: 'linf' });
      console.log(n, p, epsilon, 'eps0', fit.epsilonZero.toFixed(3), fit.iterations, fit.converged, fit.objective.toPrecision(12), fit.relativeDualityGap.toExponential(2), (performance.now() - t0).toFixed(0), 'ms');
    }
  }
});
