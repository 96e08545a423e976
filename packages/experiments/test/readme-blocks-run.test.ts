import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { transformSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { blocks, type DocumentBlock, isCodeBlock, isProgram, readmes, root } from './documentation-blocks.js';

// Every TypeScript/JavaScript block of the root README and of every package's and app's
// README runs here, as the module a user would paste into a file (documentation-examples
// compiles the same blocks under --strict). A block that cannot run must say so: a shell
// command or program output is fenced with its language (`sh`, `text`, …), and a TypeScript
// block that is not a program carries `<!-- not run: reason -->` on the line before it.
// Those exceptions are named and counted below, so a new one is a deliberate change.
// Each block runs in its own Node process against the built packages, as a user's file
// would (workers of `@benignlab/experiments/node` need the built worker script); a block
// that draws into `document` gets linkedom's, as the CLI does.
const scratch = fileURLToPath(new URL('../test-output/readme-blocks-run/', import.meta.url));

/** Languages of blocks that are not programs of ours: shell commands and printed output. */
const NOT_CODE = ['sh', 'text'];

/** The TypeScript blocks marked `<!-- not run: … -->`, by file: keep this list short. */
const MARKED_NOT_RUN: Record<string, number> = {
  'packages/data/README.md': 1,
  'packages/linalg/README.md': 1,
};

const all = readmes().flatMap((file) => blocks(file));
const runnable = all.filter((block) => isCodeBlock(block) && block.notRun === undefined);
const exceptions = all.filter((block) => !(isCodeBlock(block) && block.notRun === undefined));

const run = promisify(execFile);
const linkedom = pathToFileURL(createRequire(join(root, 'apps/cli/package.json')).resolve('linkedom')).href;

/**
 * Writes `code` (TypeScript) as its own ES module in the scratch folder and runs it with
 * Node; rejects with its stderr when it fails. Blocks that use `document` get a DOM first.
 */
async function runBlock(name: string, code: string): Promise<void> {
  const file = join(scratch, `${name}.mjs`);
  const prelude = /\bdocument\b/.test(code)
    ? `import { parseHTML } from ${JSON.stringify(linkedom)};\nglobalThis.document = parseHTML('<!doctype html><html><body></body></html>').document;\n`
    : '';
  const { code: js } = transformSync(code, { loader: 'ts', format: 'esm', target: 'es2022' });
  writeFileSync(file, `${prelude}${js}`);
  try {
    await run(process.execPath, [file], { cwd: scratch, timeout: 120_000 });
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`${name} failed:\n${stderr || message}`);
  }
}

/** The newest modification time under `folder`, in ms. */
function newest(folder: string): number {
  return Math.max(
    ...readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
  );
}

const describeBlock = (block: DocumentBlock) =>
  `${block.file}:${block.line} (${block.language || 'no language'})`;

describe('README code blocks run', () => {
  beforeAll(() => {
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    // The blocks run against dist/: a stale build would test old code.
    for (const folder of ['linalg', 'data', 'linear-models', 'adversarial-risk', 'ntk', 'experiments']) {
      const path = join(root, 'packages', folder);
      let built = 0;
      try {
        built = statSync(join(path, 'dist/index.js')).mtimeMs;
      } catch {}
      if (built < newest(join(path, 'src'))) {
        throw new Error(
          `packages/${folder}/dist is missing or older than src/: run node scripts/pnpm.mjs run build first`,
        );
      }
    }
  });

  it('finds runnable blocks in every package README', () => {
    for (const folder of ['linalg', 'data', 'linear-models', 'adversarial-risk', 'ntk', 'experiments']) {
      expect(runnable.some((block) => block.file === `packages/${folder}/README.md`)).toBe(true);
    }
  });

  it.each(runnable.map((block) => [describeBlock(block), block] as const))(
    '%s runs',
    async (_, block) => {
      expect(
        isProgram(block),
        `${describeBlock(block)}: a ts/js block imports a benignlab package or is marked <!-- not run: reason -->`,
      ).toBe(true);
      await runBlock(block.name, block.code);
    },
    150_000,
  );

  it('the runner fails on a broken block (this test can fail)', async () => {
    await expect(
      runBlock(
        'broken_throws',
        "import { Matrix } from '@benignlab/linalg';\nMatrix.fromRows([[1], [2, 3]]);",
      ),
    ).rejects.toThrow(/row/);
    await expect(
      runBlock('broken_rejects', 'await Promise.reject(new Error("async failure"));'),
    ).rejects.toThrow('async failure');
    await expect(
      runBlock('broken_import', "import { notAnExport } from '@benignlab/linalg';\nnotAnExport();"),
    ).rejects.toThrow();
  });

  it.each(exceptions.map((block) => [describeBlock(block), block] as const))(
    '%s is not run: it says why',
    (_, block) => {
      if (isCodeBlock(block)) expect(block.notRun?.trim().length ?? 0).toBeGreaterThan(0);
      else
        expect(NOT_CODE, `${describeBlock(block)}: fence shell commands as sh and output as text`).toContain(
          block.language,
        );
    },
  );

  it('the marked TypeScript exceptions are the expected few', () => {
    const marked: Record<string, number> = {};
    for (const block of exceptions.filter(isCodeBlock)) marked[block.file] = (marked[block.file] ?? 0) + 1;
    expect(marked).toEqual(MARKED_NOT_RUN);
  });
});
