import { ExperimentError } from '@benignlab/experiments';
import { CellError } from '@benignlab/experiments/node';
import { LinalgError } from '@benignlab/linalg';
import { RuntimeError } from './runtime-error.js';
import { UsageError } from './usage-error.js';

/** What system error codes mean, in words a user can act on. */
const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EEXIST: 'a file is in the way of a directory',
  EISDIR: 'is a directory, expected a file',
  ENOENT: 'no such file or directory',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the path is too long',
  EPIPE: 'the output was closed',
};

function systemError(error: unknown): { code: string; path?: string; syscall?: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || !Object.hasOwn(SYSTEM_ERRORS, code)) return undefined;
  return { code, ...(path ? { path } : {}), ...(syscall ? { syscall } : {}) };
}

/** One line: the first line of a message (a user never sees a multi-line error). */
function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

/**
 * The CLI's one top-level error handler: turns any error into one stderr line and an
 * exit status. Usage errors (bad flag or setting) → 2; known runtime failures (files
 * that cannot be written — full disk, read-only, permissions, a file in the way —,
 * failed cells, library errors naming an argument, merge problems) → 1; anything else
 * is reported as a bug (exit 1), with its stack only when `debug` is set.
 *
 * @param error anything thrown
 * @param debug whether to include the stack (`--debug`); when `false`, internal errors suggest rerunning with `--debug`
 * @returns the exit status and the line to print (without the trailing newline)
 * @example
 * ```ts
 * const { status, line } = describeError(new UsageError('--n', 'got "x"; expected an integer'), false);
 * // status 2, line 'benignlab: --n: got "x"; expected an integer'
 * ```
 */
export function describeError(
  error: unknown,
  debug: boolean,
): { status: number; line: string; stack?: string } {
  const stackOf = (e: unknown) => (debug && e instanceof Error && e.stack ? e.stack : undefined);
  const withStack = (status: number, line: string, stack?: string) =>
    stack ? { status, line, stack } : { status, line };
  if (error instanceof UsageError || error instanceof ExperimentError) {
    return withStack(2, `benignlab: ${firstLine(error.message)}`, stackOf(error));
  }
  if (error instanceof CellError) {
    return withStack(1, `benignlab: ${firstLine(error.message)}`, debug ? error.causeStack : undefined);
  }
  const system = systemError(error);
  if (system) {
    const what = system.path
      ? `cannot ${system.syscall ?? 'write'} ${system.path}`
      : 'cannot write the output';
    return withStack(1, `benignlab: ${what}: ${SYSTEM_ERRORS[system.code]} (${system.code})`, stackOf(error));
  }
  if (error instanceof RuntimeError || error instanceof LinalgError) {
    return withStack(1, `benignlab: ${firstLine(error.message)}`, stackOf(error));
  }
  const message = error instanceof Error ? `${error.name}: ${firstLine(error.message)}` : String(error);
  return withStack(
    1,
    `benignlab: internal error (a bug in benignlab; please report it with the command line): ${message}${debug ? '' : ' (rerun with --debug for the stack)'}`,
    stackOf(error),
  );
}

/**
 * Reports an error the way every command does: the line on stderr (and the stack under
 * `--debug`), returning the exit status.
 *
 * @param error anything thrown
 * @param stderr where the line (and the stack) is written: anything with a `write(text)` method, e.g. `process.stderr`
 * @param debug whether to also write the stack (`--debug`)
 * @example
 * ```ts
 * process.exitCode = reportError(new Error('unexpected'), process.stderr, false); // 1
 * ```
 */
export function reportError(
  error: unknown,
  stderr: { write(text: string): unknown },
  debug: boolean,
): number {
  const { status, line, stack } = describeError(error, debug);
  stderr.write(`${line}\n`);
  if (stack) stderr.write(`${stack}\n`);
  return status;
}

/**
 * Handles a failing standard output (`| head` closing the pipe, `> /dev/full`) for the
 * process: a closed pipe ends the process quietly (the reader has what it wanted); any
 * other failure is one line on stderr and exit status 1, never an unhandled 'error' event.
 *
 * @example
 * ```ts
 * handleStdoutErrors(process);
 * ```
 */
export function handleStdoutErrors(proc: NodeJS.Process): void {
  proc.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') proc.exit(typeof proc.exitCode === 'number' ? proc.exitCode : 0);
    const reason = (error.code && SYSTEM_ERRORS[error.code]) ?? firstLine(error.message);
    proc.stderr.write(
      `benignlab: cannot write to standard output: ${reason}${error.code ? ` (${error.code})` : ''}\n`,
    );
    proc.exit(1);
  });
}
