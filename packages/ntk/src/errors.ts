import { LinalgError } from '@benignlab/linalg';

/**
 * The error type of `@benignlab/ntk`. It extends {@link LinalgError}, so a caller can
 * catch every benignlab input error with one `instanceof LinalgError` check; `argument`
 * names the offending argument exactly as in the function's signature.
 *
 * @example
 * ```ts
 * try {
 *   const A = Matrix.fromRows([[1, 0], [0, 1]]);
 *   ntkKernel(A, A, { layers: 'second' as never });
 * } catch (error) {
 *   if (error instanceof NtkError) console.log(error.argument); // "options.layers"
 * }
 * ```
 */
export class NtkError extends LinalgError {
  /**
   * @param argument the name of the wrong argument or option field, e.g. `spec.covariance.tail` (kept as `.argument`)
   * @param message what it got and what was expected; the error message becomes `"<argument>: <message>"`
   */
  constructor(argument: string, message: string) {
    super(argument, message);
    this.name = 'NtkError';
  }
}
