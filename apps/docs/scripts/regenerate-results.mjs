#!/usr/bin/env node
// Regenerates the committed experiment results the Reproduction pages draw
// (site/public/results/<id>.generated.json): every experiment, e5 (tfjs networks) and e7
// (MNIST) included, with the experiments package's own runner at its --quick sizes (the
// sizes the pages say they draw). One command, rerun after any change to the experiments:
//   node apps/docs/scripts/regenerate-results.mjs [--only e1,e2] [--seed S] [--no-build]
//
// It first builds @benignlab/experiments and the packages it depends on (turbo: cached
// when nothing changed), so no stale dist/ can leak in, then imports the built package in
// plain Node. Vite's SSR loader (which the other build scripts use to read sources) cannot
// run e5 and e7: their tfjs and MNIST modules load through an optional import by a
// specifier held in a variable, which Vite does not follow; Node resolves it as a user's
// installation would.
import { spawnSync } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
const outDir = fileURLToPath(new URL('../site/public/results/', import.meta.url));
const { values } = parseArgs({
  options: { only: { type: 'string' }, seed: { type: 'string' }, 'no-build': { type: 'boolean' } },
});

if (!values['no-build']) {
  const build = spawnSync(
    process.execPath,
    [
      join(workspaceRoot, 'scripts/pnpm.mjs'),
      'exec',
      'turbo',
      'run',
      'build',
      '--filter=@benignlab/experiments...',
      '--output-logs=errors-only',
    ],
    { cwd: workspaceRoot, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (build.status !== 0) {
    console.error(`regenerate-results: building @benignlab/experiments failed (exit ${build.status})`);
    process.exit(1);
  }
}

// The built package (its `import` export), resolved from this app's dependencies.
const { DEFAULT_SEED, experimentIds, getExperiment, runExperiment } = await import('@benignlab/experiments');
const ids = values.only ? values.only.split(',') : [...experimentIds];
const unknown = ids.filter((id) => !experimentIds.includes(id));
if (unknown.length) {
  console.error(
    `regenerate-results: --only ${unknown.join(',')}: expected some of ${experimentIds.join(', ')}`,
  );
  process.exit(2);
}
const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
for (const id of ids) {
  const started = Date.now();
  const { result } = await runExperiment(getExperiment(id), { quick: true, seed });
  const file = join(outDir, `${id}.generated.json`);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(result)}\n`);
  renameSync(`${file}.tmp`, file);
  const supported = result.summary.verdicts.filter((v) => v.supported).length;
  console.log(
    `${id}: ${result.rows.length} rows, ${supported}/${result.summary.verdicts.length} verdicts supported, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
