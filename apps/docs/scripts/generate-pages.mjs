#!/usr/bin/env node
// Generates the pages that come from the packages themselves, before VitePress builds:
// the API reference (TypeDoc), the Performance page (bench JSON), the CLI guide (the CLI's
// command definitions) and the list of
// exported names that the Theory page's cross-links are checked against.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateApiPages } from './generate-api.mjs';
import { generateChangelogPage } from './generate-changelog.mjs';
import { generateCliGuide } from './generate-cli-guide.mjs';
import { generatePerformancePage } from './generate-performance.mjs';
import { writeIfChanged } from './page-utils.mjs';

const docsRoot = fileURLToPath(new URL('..', import.meta.url));
const workspaceRoot = join(docsRoot, '..', '..');
const siteDir = join(docsRoot, 'site');

export const packages = [
  { slug: 'linalg', folder: 'packages/linalg', name: '@benignlab/linalg' },
  { slug: 'data', folder: 'packages/data', name: '@benignlab/data' },
  { slug: 'linear-models', folder: 'packages/linear-models', name: '@benignlab/linear-models' },
  { slug: 'adversarial-risk', folder: 'packages/adversarial-risk', name: '@benignlab/adversarial-risk' },
  { slug: 'ntk', folder: 'packages/ntk', name: '@benignlab/ntk' },
  { slug: 'experiments', folder: 'packages/experiments', name: '@benignlab/experiments' },
];

function markdownFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || entry.name === 'api') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** Links `/api/<slug>#<name>` in the hand-written pages whose target is not exported. */
export function unresolvedApiLinks(exportsBySlug) {
  const unresolved = [];
  for (const file of markdownFiles(siteDir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\]\(\/api\/([a-z-]+)#([A-Za-z0-9_]+)\)/g)) {
      const [, slug, name] = match;
      if (!exportsBySlug[slug]?.includes(name))
        unresolved.push(`${relative(siteDir, file)}: ${slug}#${name}`);
    }
  }
  return unresolved;
}

export async function generatePages() {
  const started = Date.now();
  const exportsBySlug = await generateApiPages({ workspaceRoot, siteDir, packages });
  writeIfChanged(
    join(siteDir, '.vitepress', 'generated', 'api-exports.json'),
    `${JSON.stringify(exportsBySlug, null, 2)}\n`,
  );
  writeIfChanged(join(siteDir, 'performance.md'), generatePerformancePage({ workspaceRoot, packages }));
  writeIfChanged(join(siteDir, 'changelog.md'), generateChangelogPage({ workspaceRoot, packages }));
  const cliGuide = await generateCliGuide();
  writeIfChanged(join(siteDir, 'guides', 'cli.md'), cliGuide.markdown);
  const unresolved = unresolvedApiLinks(exportsBySlug);
  if (unresolved.length) {
    console.warn(
      `[docs] ${unresolved.length} cross-link(s) point at names the packages do not export (yet):\n  ${unresolved.join('\n  ')}`,
    );
  }
  console.log(
    `[docs] generated API, performance and CLI pages (${cliGuide.commands.length} commands) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await generatePages();
}
