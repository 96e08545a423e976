import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${this.#counter++}.tmp`);
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
