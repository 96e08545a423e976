import { gram, Matrix } from '@benignlab/linalg';

/** Columns per panel: large enough for efficient products, small enough that the panels' zero rows cost little. */
const PANEL = 256;

/**
 * `M Mᵀ` for an N×c matrix whose first `triangular` columns are lower trapezoidal
 * (`M_ik = 0` for k > i, as the Bartlett factor) and whose remaining columns are dense.
 * Column panel [c₀, c₁) of the trapezoid is zero above row c₀, so its contribution is the
 * Gram matrix of its rows c₀…N−1 alone: about N³/6 multiply-adds instead of the N³/2 of
 * `gram(M)`, the same products (linalg's `gram`), exactly symmetric. Equal to `gram(M)` up
 * to rounding (the sums are grouped by panel).
 *
 * @param M the N×c matrix
 * @param triangular how many leading columns are lower trapezoidal (0 ≤ triangular ≤ c)
 */
export function trapezoidalGram(M: Matrix, triangular: number): Matrix {
  const N = M.rows;
  const c = M.cols;
  const G = new Matrix(N, N);
  const addPanel = (start: number, from: number, to: number) => {
    const height = N - start;
    const width = to - from;
    const panel = new Matrix(height, width);
    for (let i = 0; i < height; i++) {
      const source = (start + i) * c + from;
      panel.data.set(M.data.subarray(source, source + width), i * width);
    }
    const part = gram(panel).data;
    for (let i = 0; i < height; i++) {
      const row = (start + i) * N + start;
      const partRow = i * height;
      for (let j = 0; j < height; j++)
        G.data[row + j] = (G.data[row + j] as number) + (part[partRow + j] as number);
    }
  };
  for (let from = 0; from < triangular; from += PANEL)
    addPanel(Math.min(from, N), from, Math.min(from + PANEL, triangular));
  if (c > triangular) addPanel(0, triangular, c);
  return G;
}
