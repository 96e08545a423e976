/**
 * A command-line usage error: a bad flag or value. The CLI prints its message as one
 * line and exits with status 2.
 *
 * @example
 * ```ts
 * throw new UsageError('--workers', 'got "0"; expected an integer ≥ 1');
 * ```
 */
export class UsageError extends Error {
  /** The flag or argument that was wrong, e.g. `"--workers"`. */
  readonly argument: string;

  /**
   * @param argument the flag or argument that was wrong, e.g. `--workers` (kept as `.argument`)
   * @param message what it got and what was expected; the error message becomes `"<argument>: <message>"`
   */
  constructor(argument: string, message: string) {
    super(`${argument}: ${message}`);
    this.name = 'UsageError';
    this.argument = argument;
  }
}
