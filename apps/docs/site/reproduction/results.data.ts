import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { defineLoader } from 'vitepress';

/** What the pages need at build time from a committed result (rows stay in the JSON). */
export interface ResultOverview {
  id: string;
  title: string;
  sizes: string;
  seed: number;
  config: Record<string, unknown>;
  verdicts: { claim: string; supported: boolean; budget: string | null; evidence: string }[];
}

declare const data: Record<string, ResultOverview>;

export { data };

// The committed results in site/public/results/<id>.generated.json (scripts/regenerate-results.mjs).
export default defineLoader({
  watch: ['../public/results/*.generated.json'],
  load(files: string[]): Record<string, ResultOverview> {
    const overviews: Record<string, ResultOverview> = {};
    for (const file of files) {
      const result = JSON.parse(readFileSync(file, 'utf8'));
      overviews[basename(file, '.generated.json')] = {
        id: result.id,
        title: result.title,
        sizes: result.sizes,
        seed: result.seed,
        config: result.config,
        verdicts: result.summary.verdicts,
      };
    }
    return overviews;
  },
});
