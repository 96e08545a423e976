/**
 * The one error type of `@benignlab/linalg`. Every check names the argument, what it
 * got (a shape or a value) and what was expected, so a user can fix the call without
 * reading our source.
 *
 * @example
 * ```ts
 * try {
 *   matmul(Matrix.zeros(2, 3), Matrix.zeros(2, 3)); // inner dimensions 3 and 2 differ
 * } catch (e) {
 *   if (e instanceof LinalgError) console.log(e.argument); // "B"
 * }
 * ```
 */
export class LinalgError extends Error {
  /** The argument that was wrong, as named in the function's signature. */
  readonly argument: string;

  /**
   * @param argument the name of the wrong argument, as in the function's signature (kept as `.argument`)
   * @param message what it got and what was expected; the error message becomes `"<argument>: <message>"`
   */
  constructor(argument: string, message: string) {
    super(`${argument}: ${message}`);
    this.name = 'LinalgError';
    this.argument = argument;
  }
}
