// The CLI guide, generated from the CLI's own command definitions (apps/cli exports
// `cliGuideMarkdown`, built from the same objects as the parser and `--help`), so the
// guide cannot drift from the command line.
import { fileURLToPath } from 'node:url';
import { escapeProse } from './page-utils.mjs';
import { withSourceLoader } from './source-loader.mjs';

const cliEntry = fileURLToPath(new URL('../../cli/src/index.ts', import.meta.url));

/** Escapes prose for Vue/HTML while leaving fenced code blocks and inline code spans as they are. */
export function escapeOutsideCode(markdown) {
  return markdown
    .split(/(```[\s\S]*?```)/g)
    .map((chunk, index) =>
      index % 2 === 1
        ? chunk
        : chunk
            .split(/(`[^`\n]*`)/g)
            .map((part, k) => (k % 2 === 1 ? part : escapeProse(part)))
            .join(''),
    )
    .join('');
}

/** The CLI guide page and the names of the commands it documents. */
export async function generateCliGuide() {
  return withSourceLoader(async (load) => {
    const cli = await load(cliEntry);
    if (typeof cli.cliGuideMarkdown !== 'function' || !Array.isArray(cli.commandDefinitions)) {
      throw new Error(
        'apps/cli no longer exports cliGuideMarkdown and commandDefinitions: the CLI guide cannot be generated',
      );
    }
    const intro = [
      '',
      'Generated at build time from the CLI’s command definitions (`commandDefinitions` in',
      '`apps/cli`), the same objects its argument parser and `--help` use. From the',
      'repository root, once `npm run reproduce` (or `node scripts/pnpm.mjs run build`) has built it,',
      'run it as `npx benignlab <command>`: only the command’s own output, `--json` clean. Installed',
      'from npm (`npm i -g benignlab`) it is `benignlab <command>`.',
      '',
    ].join('\n');
    const markdown = cli.cliGuideMarkdown().replace(/^(# .*\n)/, `$1${intro}`);
    return { markdown: escapeOutsideCode(markdown), commands: cli.commandDefinitions.map((c) => c.name) };
  });
}
