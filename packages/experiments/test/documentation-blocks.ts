import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const root = fileURLToPath(new URL('../../../', import.meta.url));

/** One fenced code block of a Markdown document. */
export interface DocumentBlock {
  /** The document, relative to the repository root. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The fence's language (`ts`, `sh`, `text`, …); `''` when it has none. */
  readonly language: string;
  readonly code: string;
  /** The reason of a `<!-- not run: reason -->` comment on the line before the fence, if any. */
  readonly notRun: string | undefined;
  /** A file-system-safe name, unique per block. */
  readonly name: string;
}

/** The root README and every package's and app's README that exists. */
export function readmes(): string[] {
  const packageReadmes = ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(root, group), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(root, group, entry.name, 'README.md')),
  );
  return [join(root, 'README.md'), ...packageReadmes].filter(exists);
}

/** The docs site's guides. */
export function guides(): string[] {
  return readdirSync(join(root, 'apps/docs/site/guides'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => join(root, 'apps/docs/site/guides', file));
}

function exists(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Every fenced block of `file`, in order. */
export function blocks(file: string): DocumentBlock[] {
  const text = readFileSync(file, 'utf8');
  const path = relative(root, file);
  return [...text.matchAll(/^[ \t]*```(\S*)\n([\s\S]*?)^[ \t]*```/gm)].map((match, k) => {
    const before = text.slice(0, match.index);
    const previousLine = before.trimEnd().split('\n').pop() ?? '';
    const marker = /^<!-- not run: (.+?) -->$/.exec(previousLine.trim());
    return {
      file: path,
      line: before.split('\n').length,
      language: match[1] as string,
      code: match[2] as string,
      notRun: marker?.[1],
      name: `${path.replace(/[^a-z0-9]+/gi, '_')}_${k}`,
    };
  });
}

/** TypeScript/JavaScript blocks: programs a user could paste. */
export function isCodeBlock(block: DocumentBlock): boolean {
  return ['ts', 'typescript', 'js'].includes(block.language);
}

/** A complete program: a code block that imports a benignlab package. */
export function isProgram(block: DocumentBlock): boolean {
  return isCodeBlock(block) && /^import .* from '@benignlab\//m.test(block.code);
}
