import { LinalgError } from '@benignlab/linalg';

/**
 * The error type of `@benignlab/adversarial-risk`. It extends {@link LinalgError}, so
 * one `instanceof LinalgError` check catches bad input anywhere in benignlab; like it,
 * the message names the argument, the value it got and what was expected.
 *
 * @example
 * ```ts
 * const theta = Float64Array.of(1, 2);
 * const thetaStar = Float64Array.of(1, 0);
 * const eigenvalues = Float64Array.of(1, -1); // not a covariance spectrum
 * try {
 *   standardRisk(theta, thetaStar, { eigenvalues });
 * } catch (e) {
 *   if (e instanceof RiskError) console.log(e.argument); // "covariance.eigenvalues"
 * }
 * ```
 */
export class RiskError extends LinalgError {
  /**
   * @param argument the name of the wrong argument or option field, e.g. `spec.covariance.tail` (kept as `.argument`)
   * @param message what it got and what was expected; the error message becomes `"<argument>: <message>"`
   */
  constructor(argument: string, message: string) {
    super(argument, message);
    this.name = 'RiskError';
  }
}
