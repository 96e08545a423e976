// The numpy reference for one case, run through python3 in the same benchmark session.
import { spawnSync } from 'node:child_process';

const PYTHON = `
import json, resource, sys, time
import numpy as np
spec = json.loads(sys.argv[1])
rng = np.random.default_rng(1)
d0, d1 = spec["size"]
if spec["case"] == "gram":
    X = rng.random((d0, d1)) - 0.5
    work = lambda: X @ X.T
elif spec["case"] == "matmul":
    A = rng.random((d0, d0)) - 0.5
    B = rng.random((d0, d0)) - 0.5
    work = lambda: A @ B
else:
    B = rng.random((d0, d0)) - 0.5
    S = B + B.T
    work = lambda: np.linalg.eigh(S)
if spec["runs"] > 1:
    work()
seconds = []
for _ in range(spec["runs"]):
    start = time.perf_counter()
    work()
    seconds.append(time.perf_counter() - start)
print(json.dumps({"seconds": seconds, "peakRssMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "numpy": np.__version__}))
`;

/** Whether `python3 -c "import numpy"` works here. */
export function numpyAvailable() {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' });
  return probe.status === 0;
}

/** Times one case with numpy; `threads` sets OPENBLAS/OMP thread counts for the child. */
export function runNumpy(spec) {
  const env = {
    ...process.env,
    OPENBLAS_NUM_THREADS: String(spec.threads),
    OMP_NUM_THREADS: String(spec.threads),
  };
  const child = spawnSync('python3', ['-c', PYTHON, JSON.stringify(spec)], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`numpy child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop());
}
