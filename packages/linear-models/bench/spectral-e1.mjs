// e1's min-norm cell by the exact spectral route (spikedTailDesign + spectralRidgePath), timed,
// beside numpy running the same algorithm (bench/spectral_e1.py) and the dense route in both.
//   node bench/spectral-e1.mjs spectral N REPLICATES    (our spectral route)
//   node bench/spectral-e1.mjs dense N REPLICATES       (our dense route: makeDesign + minNorm)
// Prints one JSON line: wall and CPU seconds, peak RSS, mean R and ‖θ̂‖² (± s.e.).
import { cpus, loadavg } from 'node:os';
import { makeDesign, spikedTailDesignFromSpec } from '@benignlab/data';
import { minNorm, spectralRidgePath } from '../dist/index.js';

const [route = 'spectral', nText = '10000', repsText = '8'] = process.argv.slice(2);
const n = Number(nText);
const reps = Number(repsText);
const spec = { covariance: { kind: 'spikedScaled', n, a: 1.5, b: 1, s: 5 }, noise: { sigma: 0.5 } };
const loadBefore = loadavg();
const start = performance.now();
const cpuStart = process.cpuUsage();
const risks = [];
const norms = [];
if (route === 'spectral') {
  const design = spikedTailDesignFromSpec(spec);
  for (let r = 0; r < reps; r++) {
    const [fit] = spectralRidgePath(design.spectralSample(n, r), design, [0]);
    risks.push(fit.standardRisk);
    norms.push(fit.norm2);
  }
} else {
  const design = makeDesign(spec);
  for (let r = 0; r < reps; r++) {
    const { X, y } = design.sample(n, r);
    const coef = minNorm(X, y).coef;
    let risk = 0;
    let norm2 = 0;
    for (let j = 0; j < coef.length; j++) {
      const gap = coef[j] - design.thetaStar[j];
      risk += design.eigenvalues[j] * gap * gap;
      norm2 += coef[j] * coef[j];
    }
    risks.push(risk);
    norms.push(norm2);
  }
}
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const stats = (values) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(values.length - 1, 1);
  return { mean, se: Math.sqrt(variance / values.length) };
};
console.log(
  JSON.stringify({
    route,
    n,
    p: Math.ceil(n ** 1.5) + 5,
    replicates: reps,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    meanRisk: stats(risks).mean,
    seRisk: stats(risks).se,
    meanNorm2: stats(norms).mean,
    seNorm2: stats(norms).se,
    cpu: cpus()[0]?.model,
    loadBefore,
    loadAfter: loadavg(),
  }),
);
