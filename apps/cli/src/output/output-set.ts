import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuntimeError } from '../runtime-error.js';

/** One output file: its name inside the output directory and its content. */
export interface OutputFile {
  name: string;
  contents: string | Uint8Array;
}

/**
 * Makes sure `out` can hold a run's files before any work starts: creates it when
 * missing and writes (then removes) a probe file, so a path that is a file, a
 * read-only or full file system or missing permissions fail in the first second with
 * one line, not after the computation.
 *
 * @param out the output directory path; created (with parents) when missing
 * @param flag the command-line flag that gave it (e.g. `'--out'`), named in the error
 * @example
 * ```ts
 * checkOutputDirectory('results', '--out');
 * ```
 */
export function checkOutputDirectory(out: string, flag: string): void {
  const stat = statSync(out, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) {
    throw new RuntimeError(flag, `${out} is a file; expected a directory (or a path to create)`);
  }
  mkdirSync(out, { recursive: true });
  const probe = join(out, `.benignlab-write-check-${process.pid}.tmp`);
  try {
    writeFileSync(probe, 'ok');
  } finally {
    rmSync(probe, { force: true });
  }
}

/**
 * Publishes a set of files into `out` all or nothing: every file is first written in
 * full into a hidden staging directory inside `out` (same file system, so renames are
 * atomic), and only when all of them are written are they renamed into place. A full
 * disk or any other failure while writing leaves `out` as it was (an older run's files
 * stay complete and unmixed) and removes the staging directory.
 *
 * @param out the output directory path; created (with parents) when missing
 * @param files the files to publish: each with its `name` inside `out` and its `contents` (string or bytes)
 * @example
 * ```ts
 * publishFiles('results', [{ name: 'e1.json', contents: '{}\n' }, { name: 'e1.csv', contents: 'n\n50\n' }]);
 * ```
 */
export function publishFiles(out: string, files: readonly OutputFile[]): void {
  mkdirSync(out, { recursive: true });
  const staging = mkdtempSync(join(out, '.benignlab-staging-'));
  try {
    for (const file of files) writeFileSync(join(staging, file.name), file.contents);
    for (const file of files) renameSync(join(staging, file.name), join(out, file.name));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
