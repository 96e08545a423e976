import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the main entry is browser-safe', () => {
  it('imports no node:* module outside src/node (the `@benignlab/experiments/node` subpath)', () => {
    const offenders = sources(SRC)
      .filter((path) => !relative(SRC, path).startsWith('node'))
      .filter((path) => /from\s+['"]node:|import\(\s*['"]node:/.test(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('never draws from Math.random', () => {
    const offenders = sources(SRC).filter((path) => readFileSync(path, 'utf8').includes('Math.random'));
    expect(offenders).toEqual([]);
  });

  it('src/index.ts does not re-export the Node runner', () => {
    expect(readFileSync(join(SRC, 'index.ts'), 'utf8')).not.toMatch(/\.\/node\//);
  });
});
