/**
 * The error of `@benignlab/experiments`: a bad experiment id, config key or value.
 * `argument` names what was wrong (`"e1.ns"`, `"only"`, `"seed"`), so the CLI can print
 * one line a user can act on.
 *
 * @example
 * ```ts
 * try {
 *   resolveConfig('e1', e1MinNorm.schema, { nss: [50] });
 * } catch (e) {
 *   if (e instanceof ExperimentError) console.log(e.argument); // "e1.nss"
 * }
 * ```
 */
export class ExperimentError extends Error {
  /** The config key, option or argument that was wrong. */
  readonly argument: string;

  /**
   * @param argument the config key, option or argument that was wrong, e.g. `e1.ns` (kept as `.argument`)
   * @param message what it got and what was expected; the error message becomes `"<argument>: <message>"`
   */
  constructor(argument: string, message: string) {
    super(`${argument}: ${message}`);
    this.name = 'ExperimentError';
    this.argument = argument;
  }
}
