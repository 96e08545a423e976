"""e1's min-norm cell with numpy, the same spectral algorithm as spectralRidgePath:
Laguerre eigenvalues by the Dumitriu-Edelman bidiagonal model (chi draws), the tridiagonal
BBᵀ eigenvalues by LAPACK's root-free QL/QR (scipy eigvalsh_tridiagonal, driver 'sterf'),
then Woodbury with one s×s solve. Also the dense route (X n×p, min-norm by eigh of XXᵀ).

  python3 bench/spectral_e1.py spectral N REPLICATES   -> JSON line: seconds, mean R, mean ‖θ̂‖²
  python3 bench/spectral_e1.py dense N REPLICATES
An independent implementation (numpy's generator, not ours): means agree in law, not bits.
"""
import json, math, resource, sys, time
import numpy as np
from scipy.linalg import eigvalsh_tridiagonal

S, A, B, SIGMA = 5, 1.5, 1.0, 0.5


def design(n):
    m = math.ceil(n ** A - 1e-9)
    tau = n ** -B
    theta = np.full(S, 1 / math.sqrt(S))
    return m, tau, theta


def spectral_cell(n, rng):
    m, tau, theta = design(n)
    a = np.sqrt(rng.chisquare(m - np.arange(n)))
    b = np.sqrt(rng.chisquare(n - 1 - np.arange(n - 1)))
    d = a * a
    d[1:] += b * b
    e = a[:-1] * b
    D = tau * eigvalsh_tridiagonal(d, e, lapack_driver='sterf')
    U = rng.standard_normal((n, S))
    y = U @ theta + SIGMA * rng.standard_normal(n)
    inv = 1 / D
    M = np.eye(S) + (U * inv[:, None]).T @ U
    c = np.linalg.solve(M, U.T @ (inv * y))
    bvec = inv * (y - U @ c)
    coef = U.T @ bvec
    tail2 = float(np.sum(D * bvec * bvec))
    risk = float(np.sum((coef - theta) ** 2)) + tau * tail2
    return risk, tail2 + float(coef @ coef)


def dense_cell(n, rng):
    m, tau, theta = design(n)
    X = rng.standard_normal((n, S + m))
    X[:, S:] *= math.sqrt(tau)
    y = X[:, :S] @ theta + SIGMA * rng.standard_normal(n)
    K = X @ X.T
    a = np.linalg.solve(K, y)
    coef = X.T @ a
    diff = coef.copy()
    diff[:S] -= theta
    risk = float(np.sum(diff[:S] ** 2)) + tau * float(np.sum(diff[S:] ** 2))
    return risk, float(coef @ coef)


def main():
    route, n, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = np.random.default_rng(int(sys.argv[4]) if len(sys.argv) > 4 else 2024)
    cell = spectral_cell if route == 'spectral' else dense_cell
    start = time.perf_counter()
    cpu = time.process_time()
    results = [cell(n, rng) for _ in range(reps)]
    risks = np.array([r[0] for r in results])
    norms = np.array([r[1] for r in results])
    print(json.dumps({
        'route': route, 'n': n, 'p': design(n)[0] + S, 'replicates': reps,
        'seconds': time.perf_counter() - start, 'cpuSeconds': time.process_time() - cpu,
        'maxRssMB': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        'meanRisk': float(risks.mean()), 'seRisk': float(risks.std(ddof=1) / math.sqrt(reps)) if reps > 1 else 0,
        'meanNorm2': float(norms.mean()), 'seNorm2': float(norms.std(ddof=1) / math.sqrt(reps)) if reps > 1 else 0,
    }))


if __name__ == '__main__':
    main()
