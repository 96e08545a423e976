/**
 * A runtime failure the user can act on (a file that cannot be written, a cell file that
 * is a directory, shards that do not merge). The CLI prints its message as one line and
 * exits with status 1.
 *
 * @example
 * ```ts
 * throw new RuntimeError('--out', 'results is a file; expected a directory');
 * ```
 */
export class RuntimeError extends Error {
  /** The argument, file or experiment concerned. */
  readonly argument: string;

  /**
   * Builds the error; its message is `<argument>: <message>`.
   * @param argument the argument, file or experiment concerned (e.g. `'--out'`); prefixes the message
   * @param message what went wrong and what is expected, one line
   */
  constructor(argument: string, message: string) {
    super(`${argument}: ${message}`);
    this.name = 'RuntimeError';
    this.argument = argument;
  }
}
