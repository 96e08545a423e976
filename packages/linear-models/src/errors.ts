import { LinalgError } from '@benignlab/linalg';

/**
 * The error every `@benignlab/linear-models` check throws: it names the argument, what
 * was received and what was expected. It extends `LinalgError`, so one
 * `instanceof LinalgError` catches the input errors of this package and of the linear
 * algebra underneath alike.
 *
 * @example
 * ```ts
 * const X = Matrix.identity(2);
 * try {
 *   ridge(X, Float64Array.of(1, 2), -1);
 * } catch (e) {
 *   if (e instanceof LinearModelError) console.log(e.argument); // "lambda"
 * }
 * ```
 */
export class LinearModelError extends LinalgError {
  /**
   * @param argument the name of the wrong argument or option field, e.g. `spec.covariance.tail` (kept as `.argument`)
   * @param message what it got and what was expected; the error message becomes `"<argument>: <message>"`
   */
  constructor(argument: string, message: string) {
    super(argument, message);
    this.name = 'LinearModelError';
  }
}
