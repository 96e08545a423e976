import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blocks, guides, isProgram, readmes, root } from './documentation-blocks.js';

// Every complete ```ts/```js program (one that imports a benignlab package) of the root
// README, each package's README and the docs site's guides is compiled under --strict, as a
// user pasting it into a TypeScript project would. The guides' examples also run
// (apps/docs/test/guide-examples.test.ts) and the READMEs' blocks run
// (readme-blocks-run.test.ts); this test makes sure none of them needs `any` or a cast to compile.
const scratch = fileURLToPath(new URL('../test-output/documentation-examples/', import.meta.url));

describe('README and guide code blocks', () => {
  const examples = [...readmes(), ...guides()].flatMap((file) => blocks(file).filter(isProgram));

  it('finds programs in the root README, the package READMEs and the guides', () => {
    const names = examples.map((example) => example.name);
    for (const prefix of [
      'packages_linalg_README',
      'packages_adversarial_risk_README',
      'apps_docs_site_guides_',
    ]) {
      expect(names.some((name) => name.startsWith(prefix))).toBe(true);
    }
  });

  it('compile under --strict', () => {
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    // Each block is its own module (top-level await allowed), as a file of a user's project.
    for (const { name, code } of examples)
      writeFileSync(join(scratch, `${name}.ts`), `${code}\nexport {};\n`);
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        extends: '../../../../tsconfig.base.json',
        compilerOptions: { strict: true, noUnusedLocals: false, noUnusedParameters: false },
        include: ['*.ts'],
      }),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      execFileSync('node', [tsc, '-p', join(scratch, 'tsconfig.json')], { encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  }, 300_000); // one tsc run over every example; slow on a loaded machine
});
