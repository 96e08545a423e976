// @ts-nocheck

import { Matrix } from '@benignlab/linalg';
import { it } from 'vitest';
import * as L from '../src/index.js';

const X = Matrix.fromRows([
  [1, 0, 1],
  [0, 1, 1],
]);
const y = Float64Array.of(1, 2);
const probe = (label, fn) => {
  try {
    const r = fn();
    console.log('@@ NO THROW', label, r && typeof r === 'object' ? Object.keys(r).slice(0, 5) : r);
  } catch (e) {
    console.log('@@', label, '->', e.constructor.name, e.argument, '|', e.message);
  }
};
it('probe', () => {
  probe('minNorm y len', () => L.minNorm(X, Float64Array.of(1)));
  probe('minNorm y NaN', () => L.minNorm(X, Float64Array.of(1, NaN)));
  probe('minNorm X Inf', () =>
    L.minNorm(
      Matrix.fromRows([
        [1, Infinity, 0],
        [0, 1, 1],
      ]),
      y,
    ),
  );
  probe('minNorm y array', () => L.minNorm(X, [1, 2]));
  probe('ridge lambda -1', () => L.ridge(X, y, -1));
  probe('ridge lambda NaN', () => L.ridge(X, y, NaN));
  probe('ridge lambda Inf', () => L.ridge(X, y, Infinity));
  probe('ridge lambda str', () => L.ridge(X, y, '1'));
  probe('ridgePath unknown opt', () => L.ridgePath(X, y, { thetastar: new Float64Array(3) }));
  probe('ridgePath thetaStar len', () => L.ridgePath(X, y, { thetaStar: new Float64Array(2) }));
  probe('ridgePath cov neg', () =>
    L.ridgePath(X, y, {
      thetaStar: new Float64Array(3),
      covariance: { eigenvalues: Float64Array.of(1, -1, 1) },
    }),
  );
  probe('ridgePath cov NaN', () =>
    L.ridgePath(X, y, {
      thetaStar: new Float64Array(3),
      covariance: { eigenvalues: Float64Array.of(1, NaN, 1) },
    }),
  );
  probe('ridgePath cov unknown key', () =>
    L.ridgePath(X, y, {
      thetaStar: new Float64Array(3),
      covariance: { eigenvalues: Float64Array.of(1, 1, 1), basiss: 1 },
    }),
  );
  probe('ridgePath cov basis shape', () =>
    L.ridgePath(X, y, {
      thetaStar: new Float64Array(3),
      covariance: { eigenvalues: Float64Array.of(1, 1, 1), basis: Matrix.identity(2) },
    }),
  );
  const P = L.ridgePath(X, y, {});
  probe('path.coef -1', () => P.coef(-1));
  probe('path.coef NaN', () => P.coef(NaN));
  probe('path.standardRisk no truth', () => P.standardRisk(0.1));
  probe('path.sweep bad', () => P.sweep([0.1, -2]));
  probe('path.sweep unknown', () => P.sweep([0.1], { l1norm: true }));
  probe('path.summary unknown', () => P.summary(0.1, { foo: 1 }));
  probe('path.coefMatrix bad', () => P.coefMatrix([NaN]));
  probe('gd steps -1', () => L.gradientDescent(X, y, { steps: -1 }));
  probe('gd steps 1.5', () => L.gradientDescent(X, y, { steps: 1.5 }));
  probe('gd lr -1', () => L.gradientDescent(X, y, { steps: 2, learningRate: -1 }));
  probe('gd lr NaN', () => L.gradientDescent(X, y, { steps: 2, learningRate: NaN }));
  probe('gd init len', () => L.gradientDescent(X, y, { steps: 2, init: new Float64Array(2) }));
  probe('gd record bad', () => L.gradientDescent(X, y, { steps: 2, record: -3 }));
  probe('gd unknown', () => L.gradientDescent(X, y, { steps: 2, stepz: 3 }));
  probe('gd no opts', () => L.gradientDescent(X, y));
  probe('at eps -1', () => L.adversarialTraining(X, y, { epsilon: -1, norm: 'l2' }));
  probe('at eps NaN', () => L.adversarialTraining(X, y, { epsilon: NaN, norm: 'l2' }));
  probe('at norm l3', () => L.adversarialTraining(X, y, { epsilon: 0.1, norm: 'l3' }));
  probe('at norm missing', () => L.adversarialTraining(X, y, { epsilon: 0.1 }));
  probe('at tol -1', () => L.adversarialTraining(X, y, { epsilon: 0.1, norm: 'l2', tolerance: -1 }));
  probe('at maxIt 0', () => L.adversarialTraining(X, y, { epsilon: 0.1, norm: 'l2', maxIterations: 0 }));
  probe('at unknown', () => L.adversarialTraining(X, y, { epsilon: 0.1, norm: 'l2', foo: 1 }));
  probe('obj theta len', () =>
    L.adversarialObjective(X, y, new Float64Array(2), { epsilon: 0.1, norm: 'l2' }),
  );
  probe('obj eps -1', () => L.adversarialObjective(X, y, new Float64Array(3), { epsilon: -0.1, norm: 'l2' }));
  probe('obj norm bad', () =>
    L.adversarialObjective(X, y, new Float64Array(3), { epsilon: 0.1, norm: 'l1' }),
  );
  probe('obj unknown', () =>
    L.adversarialObjective(X, y, new Float64Array(3), { epsilon: 0.1, norm: 'l2', x: 1 }),
  );
  probe('dualNorm bad', () => L.dualNorm(new Float64Array(3), 'l1'));
  probe('dualNorm NaN', () => L.dualNorm(Float64Array.of(NaN), 'l2'));
  probe('linearModel NaN', () => L.linearModel(Float64Array.of(NaN)));
  probe('linearModel predict shape', () => L.linearModel(Float64Array.of(1, 2)).predict(X));
  probe('linearModel predict NaN', () =>
    L.linearModel(Float64Array.of(1, 2, 3)).predict(Matrix.fromRows([[NaN, 0, 0]])),
  );
  probe('minNorm predict shape', () => L.minNorm(X, y).predict(Matrix.fromRows([[1, 2]])));
  try {
    L.ridge(X, y, -1);
  } catch (e) {
    console.log('@@ LME', e instanceof L.LinearModelError, e.argument);
  }
});
