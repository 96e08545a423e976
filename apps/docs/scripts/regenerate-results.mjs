#!/usr/bin/env node
// Regenerates the committed experiment results the Reproduction pages draw
// (site/public/results/<id>.generated.json) with the experiments package's own runner at
// its --quick sizes. The packages are loaded from their TypeScript sources through Vite's
// SSR loader (the `@benignlab/source` condition), so no stale dist/ can leak in:
//   node apps/docs/scripts/regenerate-results.mjs [--only e1,e2] [--seed S]
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { withSourceLoader } from './source-loader.mjs';

const outDir = fileURLToPath(new URL('../site/public/results/', import.meta.url));
const { values } = parseArgs({ options: { only: { type: 'string' }, seed: { type: 'string' } } });

await withSourceLoader(async (load) => {
  const { DEFAULT_SEED, experimentIds, getExperiment, runExperiment } = await load('@benignlab/experiments');
  const ids = values.only ? values.only.split(',') : [...experimentIds];
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
});
