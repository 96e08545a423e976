// @ts-nocheck
import { it } from 'vitest';
import { ntkLinearization } from '../src/index.js';
import { TwoLayerNetwork } from '../src/network/index.js';
import { Matrix } from '@benignlab/linalg';
import { createRng } from '@benignlab/data';
it('probe', () => {
  const net = new TwoLayerNetwork({ inputDim: 5, width: 8, train: 'both', seed: 1 });
  console.log('@@', net.weightMovement(), net.firstLayerWeights().toRows(), Array.from(net.secondLayerWeights()));
  const X = new Matrix(50, 5000, createRng(1).fillNormal(new Float64Array(250000)));
  const l = ntkLinearization(X, { layers: 'first' });
  console.log('@@', l.relativeError, l.implicitLambda);
  net.dispose();
});
