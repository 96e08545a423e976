import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiParameters } from '../scripts/api-parameters.mjs';
import { packages } from '../scripts/generate-pages.mjs';

const workspaceRoot = fileURLToPath(new URL('../../..', import.meta.url));

describe('the API reference', () => {
  it('describes every public parameter (TypeDoc JSON of every entry point)', {
    timeout: 900_000,
  }, async () => {
    // The CLI's package exports its commands' building blocks too (not on the API pages).
    const parameters = await apiParameters({
      workspaceRoot,
      packages: [...packages, { folder: 'apps/cli' }],
    });
    // The walk must see the public API, or an empty list would pass: several hundred
    // parameters, including ones we know by name.
    expect(parameters.length).toBeGreaterThan(300);
    const names = new Set(parameters.map((p) => p.name));
    for (const known of [
      'matmul(A)',
      'Matrix.get(i)',
      'KernelBackend.gemm(lda)',
      'makeDesign(spec)',
      'main(argv)',
    ])
      expect(names, known).toContain(known);
    const undocumented = parameters
      .filter((p) => p.description === '')
      .map((p) => `${p.entry}: ${p.file}:${p.line} ${p.name}`);
    expect([...new Set(undocumented)]).toEqual([]);
  });
});
