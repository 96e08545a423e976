import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every complete ```ts/```js program (one that imports a benignlab package) of the root
// README, each package's README and the docs site's guides is compiled under --strict, as a
// user pasting it into a TypeScript project would. The guides' examples also run
// (apps/docs/test/guide-examples.test.ts), and each package's own README example test runs
// its example; this test makes sure none of them needs `any` or a cast to compile.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = fileURLToPath(new URL('../test-output/documentation-examples/', import.meta.url));

function documents(): string[] {
  const readmes = ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(root, group), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(root, group, entry.name, 'README.md')),
  );
  const guides = readdirSync(join(root, 'apps/docs/site/guides'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => join(root, 'apps/docs/site/guides', file));
  return [join(root, 'README.md'), ...readmes, ...guides].filter((file) => {
    try {
      readFileSync(file);
      return true;
    } catch {
      return false;
    }
  });
}

function programs(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/```(?:ts|js|typescript)\n([\s\S]*?)```/g)]
    .map((match) => match[1] as string)
    .filter((code) => /^import .* from '@benignlab\//m.test(code));
}

describe('README and guide code blocks', () => {
  const examples = documents().flatMap((file) =>
    programs(file).map((code, k) => ({
      name: `${relative(root, file).replace(/[^a-z0-9]+/gi, '_')}_${k}`,
      code,
    })),
  );

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
