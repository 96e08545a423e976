import { LinalgError } from '@benignlab/linalg';

/**
 * The error type of `@benignlab/data`. It extends `LinalgError`, so one
 * `instanceof LinalgError` check catches bad input anywhere in benignlab. The message
 * names the argument (a dotted path such as `spec.covariance.tail`), the value it got
 * and what was expected.
 *
 * @example
 * ```ts
 * try { makeDesign({ covariance: { kind: 'spiked', p: 100, s: 5, tail: -1 } }); }
 * catch (e) { if (e instanceof DataError) console.log(e.argument); } // "spec.covariance.tail"
 * ```
 */
export class DataError extends LinalgError {
  /**
   * @param argument the name of the wrong argument or option field, e.g. `spec.covariance.tail` (kept as `.argument`)
   * @param message what it got and what was expected; the error message becomes `"<argument>: <message>"`
   */
  constructor(argument: string, message: string) {
    super(argument, message);
    this.name = 'DataError';
  }
}
