import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const PACKAGES = [
  'benignlab',
  '@benignlab/experiments',
  '@benignlab/linalg',
  '@benignlab/data',
  '@benignlab/linear-models',
  '@benignlab/adversarial-risk',
  '@benignlab/ntk',
];

/**
 * Versions of the packages that produced a result, and of Node, for the report.
 *
 * @example
 * ```ts
 * versions()['@benignlab/experiments']; // "0.1.0"
 * ```
 */
export function versions(): Record<string, string> {
  const found: Record<string, string> = {};
  for (const name of PACKAGES) {
    try {
      const path = name === 'benignlab' ? '../package.json' : `${name}/package.json`;
      found[name] = (require(path) as { version: string }).version;
    } catch {
      found[name] = 'unknown';
    }
  }
  found.node = process.version;
  return found;
}
