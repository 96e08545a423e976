import { it } from 'vitest';
import { adversarialTraining } from '../src/index.js';
import { guessStructure, residualOf } from '../src/sparse-polish.js';
import { dualNorm } from '../src/adversarial-objective.js';
import { gaussianDesign, gaussianVector } from './helpers.js';

it('scratch', () => {
  const [n, p] = [50, 200];
  const X = gaussianDesign(n * 7 + p, n, p);
  const y = gaussianVector(99, n);
  for (const epsilon of [1e-4, 0.1]) {
    for (const maxIterations of [100, 1000, 3000]) {
      const fit = adversarialTraining(X, y, { epsilon, norm: 'linf', maxIterations });
      const r = residualOf(X, y, fit.coef);
      const sizes = [1e-2, 1e-3, 1e-4, 1e-6, 1e-9].map((t) => {
        const s = guessStructure(fit.coef, r, epsilon * dualNorm(fit.coef, 'linf'), t);
        return `${t}:${s.support.length}/${s.fitted.length}`;
      });
      console.log(epsilon, maxIterations, fit.objective.toPrecision(12), fit.relativeDualityGap.toExponential(2), sizes.join(' '));
    }
  }
});
