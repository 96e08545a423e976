// Small helpers shared by the page generators.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Escapes prose for a VitePress page: `<` would open an HTML (Vue) tag, `{{` a Vue interpolation. */
export function escapeProse(text) {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\{\{/g, '&#123;&#123;');
}

/** Writes a file only when its content changes, so the dev server does not reload for nothing. */
export function writeIfChanged(file, content) {
  let previous;
  try {
    previous = readFileSync(file, 'utf8');
  } catch {
    previous = undefined;
  }
  if (previous === content) return false;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return true;
}
