// The Changelog page from the repository's changesets: the released history of each package
// (its CHANGELOG.md, written by `changeset version`) and the pending changes in .changeset/*.md,
// grouped by package with their bump. Nothing is written by hand, so the page cannot fall behind.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeProse } from './page-utils.mjs';
import { repositoryUrl } from './site-url.mjs';

/** Splits a changeset file into its front matter (package → bump) and its description. */
export function parseChangeset(text) {
  const match = text.match(/^---\s*\n([\s\S]*?)\n---\s*\n?([\s\S]*)$/);
  if (!match) return undefined;
  const bumps = {};
  for (const line of match[1].split('\n')) {
    const entry = line.match(/^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/);
    if (entry) bumps[entry[1].trim()] = entry[2];
  }
  return { bumps, description: match[2].trim() };
}

/**
 * @param {{ workspaceRoot: string, packages: { name: string, folder: string }[] }} options
 * @returns {string} the Markdown of site/changelog.md
 */
export function generateChangelogPage({ workspaceRoot, packages }) {
  const all = [
    ...packages,
    { name: 'benignlab', folder: 'apps/cli' },
    { name: '@benignlab/docs', folder: 'apps/docs' },
  ];
  const changesetDir = join(workspaceRoot, '.changeset');
  const pending = existsSync(changesetDir)
    ? readdirSync(changesetDir)
        .filter((f) => f.endsWith('.md') && f !== 'README.md')
        .sort()
        .map((f) => ({ file: f, ...parseChangeset(readFileSync(join(changesetDir, f), 'utf8')) }))
        .filter((c) => c.bumps)
    : [];
  const out = [
    '# Changelog',
    '',
    `What changed in each package, from the repository's [changesets](${repositoryUrl}/tree/main/.changeset): released versions (each package's \`CHANGELOG.md\`) and the changes waiting for the next release. Report a problem or ask for a feature on the [issue tracker](${repositoryUrl}/issues).`,
    '',
    '| package | version | pending changes |',
    '|---|---|---|',
  ];
  for (const { name, folder } of all) {
    const manifest = JSON.parse(readFileSync(join(workspaceRoot, folder, 'package.json'), 'utf8'));
    const count = pending.filter((c) => c.bumps[name]).length;
    out.push(`| \`${name}\` | ${manifest.version} | ${count} |`);
  }
  for (const { name, folder } of all) {
    const manifest = JSON.parse(readFileSync(join(workspaceRoot, folder, 'package.json'), 'utf8'));
    out.push('', `## ${name} {#${name.replace(/^@benignlab\//, '').replace(/[^a-z0-9-]/g, '-')}}`, '');
    const changes = pending.filter((c) => c.bumps[name]);
    if (changes.length) {
      out.push(`### Unreleased (after ${manifest.version})`, '');
      for (const change of changes) {
        // The description is Markdown (it may hold its own list): keep it, indented under the item.
        const text = escapeProse(change.description).replace(/\n/g, '\n  ');
        out.push(`- **${change.bumps[name]}**: ${text}`, '');
      }
    }
    const changelog = join(workspaceRoot, folder, 'CHANGELOG.md');
    if (existsSync(changelog)) {
      // Demote the file's own headings under this package's section.
      const released = readFileSync(changelog, 'utf8')
        .replace(/^# .*\n/, '')
        .replace(/^(#+) /gm, (_, hashes) => `${hashes}# `);
      out.push('', escapeProse(released.trim()));
    } else if (!changes.length) {
      out.push(`Version ${manifest.version}; no changes recorded yet.`);
    } else {
      out.push('', `No release yet: version ${manifest.version} is the first.`);
    }
  }
  return `${out.join('\n')}\n`;
}
