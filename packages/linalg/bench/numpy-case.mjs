// The numpy reference for one case, run through python3 in the same benchmark session.
import { spawn, spawnSync } from 'node:child_process';

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
for line in sys.stdin:
    if line.strip() == "run":
        start = time.perf_counter()
        work()
        print(json.dumps({"seconds": time.perf_counter() - start}), flush=True)
    elif line.strip() == "done":
        print(json.dumps({"peakRssMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "numpy": np.__version__}), flush=True)
        break
`;

/** Whether `python3 -c "import numpy"` works here. */
export function numpyAvailable() {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' });
  return probe.status === 0;
}

/** Starts the numpy child for one case (same line protocol as measure-case.mjs); `threads` sets OpenBLAS's thread count. */
export function spawnNumpy(spec) {
  const env = {
    ...process.env,
    OPENBLAS_NUM_THREADS: String(spec.threads),
    OMP_NUM_THREADS: String(spec.threads),
  };
  return spawn('python3', ['-c', PYTHON, JSON.stringify(spec)], { env, stdio: ['pipe', 'pipe', 'inherit'] });
}
