import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { shellQuote } from './sweep/sweep-script-text.js';

// This file sits directly in src/ (and its bundle directly in dist/), so '..' is the package root.
const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The shell command that runs this very CLI on another machine of the same cluster, for the
 * scripts `sweep-script` prints. A published install (the package inside a `node_modules`
 * directory, npx's cache included) is run as `npx --yes benignlab@<version>`, which any node
 * with npm can fetch. Anything else (a workspace checkout, `npm link`) is not on the registry
 * under its version, so it is run in place: this Node executable and this `dist/bin.js`, which
 * must then be on a file system the nodes share.
 *
 * @example
 * ```ts
 * ownInvocation('0.1.0'); // e.g. "'/usr/bin/node' /home/me/benignlab/apps/cli/dist/bin.js"
 * ```
 */
export function ownInvocation(version: string): string {
  const published = `npx --yes benignlab@${version}`;
  const bin = `${packageRoot}dist/bin.js`;
  if (!existsSync(bin)) return published;
  const real = realpathSync(bin);
  if (real.split(/[\\/]/).includes('node_modules')) return published;
  return `${shellQuote(process.execPath)} ${shellQuote(real)}`;
}
