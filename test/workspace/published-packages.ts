import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One public package of the workspace, as its package.json describes it. */
export interface PublishedPackage {
  name: string;
  folder: string;
  /** Import specifiers of every entry point, e.g. `@benignlab/ntk` and `@benignlab/ntk/network`. */
  entryPoints: string[];
  /** Entry points that are Node-only by contract (their subpath names say `node`), or the CLI. */
  nodeOnlyEntryPoints: string[];
  bin: Record<string, string>;
  peerDependencies: Record<string, string>;
}

export const workspaceRoot = join(import.meta.dirname, '..', '..');

/** Every non-private package under packages/ and apps/, read from its manifest. */
export function listPublishedPackages(): PublishedPackage[] {
  const found: PublishedPackage[] = [];
  for (const group of ['packages', 'apps']) {
    for (const entry of readdirSync(join(workspaceRoot, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const folder = join(workspaceRoot, group, entry.name);
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
      if (manifest.private) continue;
      const subpaths = Object.keys(manifest.exports ?? {}).filter((key) => !key.endsWith('.json'));
      const entryPoints = subpaths.map((key) =>
        key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`,
      );
      const isCommandLine = manifest.bin !== undefined;
      found.push({
        name: manifest.name,
        folder,
        entryPoints,
        nodeOnlyEntryPoints: entryPoints.filter(
          (spec) => isCommandLine || /\/node(-|\/|$)|-node$/.test(spec),
        ),
        bin: typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {}),
        peerDependencies: manifest.peerDependencies ?? {},
      });
    }
  }
  return found;
}
