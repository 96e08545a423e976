import { it } from 'vitest';
import { adversarialTraining, minNorm, ridge, adversarialObjective } from '../src/index.js';
import { gaussianDesign, gaussianVector } from './helpers.js';

it('scratch', () => {
  for (const [n, p] of [[20, 60], [40, 10], [50, 200], [100, 400]] as const) {
    const X = gaussianDesign(n * 7 + p, n, p);
    const y = gaussianVector(99, n);
    for (const norm of ['l2', 'linf'] as const) {
      for (const epsilon of [1e-4, 0.01, 0.1, 0.3]) {
        const t0 = performance.now();
        const fit = adversarialTraining(X, y, { epsilon, norm, maxIterations: 5000 });
        const t1 = performance.now();
        const fr = adversarialObjective(X, y, ridge(X, y, epsilon * epsilon).coef, { epsilon, norm });
        const fm = adversarialObjective(X, y, minNorm(X, y).coef, { epsilon, norm });
        console.log(n, p, norm, epsilon, 'eps0', fit.epsilonZero.toFixed(3), 'it', fit.iterations, fit.converged, 'obj', fit.objective.toExponential(9), 'gap', fit.relativeDualityGap.toExponential(2), 'ridge', fr.toExponential(6), 'mn', fm.toExponential(4), (t1 - t0).toFixed(0), 'ms');
      }
    }
  }
});
