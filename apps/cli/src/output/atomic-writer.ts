import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** This host's name as it may appear in a file name (no dots, which separate the parts). */
const HOST = hostname().replace(/[^A-Za-z0-9_-]/g, '_') || 'host';

/**
 * `.<name>.<host>.<pid>.<counter>.tmp`, and the older `.<name>.<pid>.<counter>.tmp`
 * (no host: taken as written on this host).
 */
const TEMPORARY = /^\..+\.(?:json|csv|svg|png|html)\.(?:([A-Za-z0-9_-]+)\.)?(\d+)\.\d+\.tmp$/;

/** Temporary files of other hosts (a shared cluster directory) are left this long. */
const FOREIGN_AGE_MS = 24 * 60 * 60 * 1000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files that writers killed between write and rename left in
 * `directory` (a `kill -9` runs no cleanup): those of this host whose process is gone,
 * and those of other hosts or without a host older than a day (another machine of a
 * cluster may still be writing the fresh ones).
 *
 * @param directory the directory to clean; a missing or unreadable one removes nothing
 * @param now the current time in ms since the epoch, for the one-day age of other hosts' files; default `Date.now()`
 * @returns the names removed
 * @example
 * ```ts
 * removeStaleTemporaries('results/cells/e1');
 * ```
 */
export function removeStaleTemporaries(directory: string, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (!match) continue;
    const [, host, pid] = match as unknown as [string, string | undefined, string];
    const path = join(directory, name);
    const ours = host === undefined || host === HOST;
    const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? now;
    const stale = ours
      ? Number(pid) !== process.pid && !processAlive(Number(pid))
      : now - modified > FOREIGN_AGE_MS;
    if (stale) {
      rmSync(path, { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/**
 * Writes output files atomically: each file is written in full to a hidden temporary
 * file in the same directory, then renamed over the target (rename within a directory
 * is atomic on POSIX file systems). A reader, or an interrupted run, therefore sees
 * either the previous complete file or the new complete file, never half of one.
 * Temporary files still open when the process is interrupted are removed by
 * {@link AtomicWriter.cleanup}.
 */
export class AtomicWriter {
  readonly #pending = new Set<string>();
  #counter = 0;

  /**
   * Writes `contents` to `path` atomically, creating the directory when needed.
   *
   * @param path the destination file; missing directories are created
   * @param contents the text (UTF-8) or bytes to write
   * @example
   * ```ts
   * new AtomicWriter().write('out/e1.json', JSON.stringify(result));
   * ```
   */
  write(path: string, contents: string | Uint8Array): void {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = join(dirname(path), `.${basename(path)}.${HOST}.${process.pid}.${this.#counter++}.tmp`);
    this.#pending.add(temporary);
    try {
      writeFileSync(temporary, contents);
      renameSync(temporary, path);
    } finally {
      rmSync(temporary, { force: true });
      this.#pending.delete(temporary);
    }
  }

  /** Removes temporary files of writes that did not finish (for signal handlers). */
  cleanup(): void {
    for (const temporary of this.#pending) rmSync(temporary, { force: true });
    this.#pending.clear();
  }
}
