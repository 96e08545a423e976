import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPublishedPackages, workspaceRoot } from './published-packages.js';

// Pick-and-choose must work for real: every public package is packed as it would be
// published, installed with npm into a project outside the workspace, and each entry
// point imported there — in plain Node and through a browser bundle — so a missing
// `files` entry, a `workspace:` dependency left unresolved or a Node-only import in a
// browser entry fails here instead of in a user's project.

const packages = listPublishedPackages();
const scratch = mkdtempSync(join(tmpdir(), 'benignlab-pack-'));
const tarballs = join(scratch, 'tarballs');
const project = join(scratch, 'project');

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  mkdirSync(tarballs);
  mkdirSync(project);
  for (const pkg of packages) {
    if (!existsSync(join(pkg.folder, 'dist'))) {
      throw new Error(`${pkg.name} has no dist/: run the build (npm test does) before this test`);
    }
    run(
      'node',
      [join(workspaceRoot, 'scripts', 'pnpm.mjs'), 'pack', '--pack-destination', tarballs],
      pkg.folder,
    );
  }
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'scratch', private: true, type: 'module' }),
  );
  const peers = new Set(
    packages.flatMap((pkg) => Object.entries(pkg.peerDependencies).map(([n, r]) => `${n}@${r}`)),
  );
  const files = readdirSync(tarballs).map((file) => join(tarballs, file));
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files, ...peers], project);
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('published packages, installed from their tarballs', () => {
  it('packs one tarball per public package', () => {
    expect(readdirSync(tarballs)).toHaveLength(packages.length);
  });

  for (const pkg of packages) {
    for (const entry of pkg.entryPoints) {
      it(`${entry} imports in plain Node`, () => {
        const script = `const m = await import(${JSON.stringify(entry)}); console.log(Object.keys(m).length);`;
        const exportCount = Number(run('node', ['--input-type=module', '-e', script], project).trim());
        expect(exportCount).toBeGreaterThan(0);
      });

      if (!pkg.nodeOnlyEntryPoints.includes(entry)) {
        it(`${entry} bundles for the browser`, async () => {
          const result = await build({
            stdin: { contents: `export * from ${JSON.stringify(entry)};`, resolveDir: project, loader: 'js' },
            bundle: true,
            platform: 'browser',
            format: 'esm',
            write: false,
            logLevel: 'silent',
          });
          expect(result.errors).toEqual([]);
          expect(result.outputFiles[0]?.text.length).toBeGreaterThan(0);
        });
      }
    }

    for (const binary of Object.keys(pkg.bin)) {
      it(`the ${binary} binary runs from the installed package`, () => {
        const help = run(join(project, 'node_modules', '.bin', binary), ['--help'], project);
        expect(help).toMatch(/usage/i);
      });
    }
  }
});
