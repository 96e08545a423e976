// The computations the browser test runs in Chromium, on a page's main thread or inside a
// module worker, and the Node side reruns on its own single-threaded kernel.
import { gram, type KernelBackend, matmul, registerBackend, setBackend, symEig } from '../../src/index.js';
import { createThreadedBackend } from '../../src/web-threads.js';
import { randomMatrix } from '../helpers.js';

/** Which backend computes: a single-threaded one by name, or a fresh Web Worker pool. */
export interface ProductsRequest {
  /** 0: the single-threaded `wasm-<kernel>` backend; otherwise a pool of this many threads. */
  threads: number;
  kernel: 'simd' | 'fma';
}

/** Every result as the base64 of its float64 bytes, so equality is checked bit for bit. */
export interface ProductsResult {
  backend: string;
  gram: string;
  matmul: string;
  eigenvalues: string;
  eigenvectors: string;
}

/**
 * Sizes that split into several C tasks (blocks of 128×512) and two rank-256 slices, so the
 * threads really share each update; at n = 300 symEig's back-transformation and blocked
 * reflector updates include gemm calls of up to 299×300 (three row blocks).
 */
export const SIZES = { gramRows: 600, gramCols: 300, inner: 400, eigen: 300 } as const;

function toBase64(values: Float64Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let binary = '';
  for (let k = 0; k < bytes.length; k += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  }
  return btoa(binary);
}

/** The products on whatever backend is current. */
export function computeProductsOnCurrentBackend(backendName: string): ProductsResult {
  const X = randomMatrix(SIZES.gramRows, SIZES.gramCols, 11);
  const A = randomMatrix(SIZES.gramCols, SIZES.inner, 12);
  const B = randomMatrix(SIZES.inner, SIZES.gramRows, 13);
  const S = gram(randomMatrix(SIZES.eigen, SIZES.eigen, 14));
  const eigen = symEig(S);
  return {
    backend: backendName,
    gram: toBase64(gram(X).data),
    matmul: toBase64(matmul(A, B).data),
    eigenvalues: toBase64(eigen.values),
    eigenvectors: toBase64(eigen.vectors.data),
  };
}

/** Runs the products on the requested backend, then restores the automatic choice. */
export async function computeProducts(request: ProductsRequest): Promise<ProductsResult> {
  let pool: (KernelBackend & { terminate(): Promise<void> }) | undefined;
  try {
    if (request.threads === 0) setBackend(`wasm-${request.kernel}`);
    else {
      pool = await createThreadedBackend({ threads: request.threads, kernel: request.kernel });
      // Replaces the previous request's pool of the same name, which setBackend would refuse.
      registerBackend(pool, 0);
      setBackend(pool);
    }
    return computeProductsOnCurrentBackend(pool?.name ?? `wasm-${request.kernel}`);
  } finally {
    setBackend('auto');
    if (pool !== undefined) {
      registerBackend(pool, -1);
      await pool.terminate();
    }
  }
}
