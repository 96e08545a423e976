/**
 * Terminal styling that honours NO_COLOR (https://no-color.org): colour only when the
 * stream is a TTY and NO_COLOR is unset or empty.
 */

/** Colour helpers; identity functions when colour is off. */
export interface Style {
  enabled: boolean;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/**
 * The style for a stream.
 *
 * @example
 * ```ts
 * const style = styleFor(process.stdout, process.env);
 * console.log(style.green('supported'));
 * ```
 */
export function styleFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): Style {
  const enabled = Boolean(stream.isTTY) && !env.NO_COLOR;
  const wrap = (open: number, close: number) => (text: string) =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    enabled,
    green: wrap(32, 39),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  };
}
