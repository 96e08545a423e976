// Writes, next to every ESM entry of a package's dist/, a CommonJS stub that its `exports`
// map names under the `require` condition. On Node ≥ 22.12 the stub returns the ES module
// itself (require(esm)); on older Node, whose require() cannot load ES modules, it throws
// one clear message saying the package is ESM and how to load it, instead of
// ERR_PACKAGE_PATH_NOT_EXPORTED or a stack through Node's loader.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The stub for the ES module `esmFile` (relative to the stub) of `specifier`. */
export function requireStub(specifier, esmFile) {
  return `'use strict';
// CommonJS stub: ${specifier} is published as ES modules only.
try {
  module.exports = require(${JSON.stringify(esmFile)});
} catch (error) {
  if (error && (error.code === 'ERR_REQUIRE_ESM' || error.code === 'ERR_REQUIRE_ASYNC_MODULE')) {
    throw new Error(
      ${JSON.stringify(specifier)} +
        ' is an ES module package (ESM only): load it with import, or with await import(' +
        ${JSON.stringify(JSON.stringify(specifier))} +
        ') from CommonJS; Node >= 22.12 can also require() it' +
        (error.code === 'ERR_REQUIRE_ASYNC_MODULE' ? ', except this entry, which awaits at load: use import' : '') +
        '.',
      { cause: error },
    );
  }
  throw error;
}
`;
}

/** Writes the stub of every `exports` entry of the package in `folder` that names one. */
export function writeRequireStubs(folder = process.cwd()) {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  for (const [subpath, conditions] of Object.entries(manifest.exports ?? {})) {
    if (typeof conditions !== 'object' || typeof conditions.require !== 'string') continue;
    const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
    // Node's own entry where a package has one (linalg's default thread pool), else the plain one.
    const target = typeof conditions.node === 'string' ? conditions.node : conditions.default;
    const esmFile = `./${target.split('/').pop()}`;
    writeFileSync(join(folder, conditions.require), requireStub(specifier, esmFile));
  }
}
