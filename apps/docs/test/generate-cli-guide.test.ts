import { describe, expect, it } from 'vitest';
import { escapeOutsideCode } from '../scripts/generate-cli-guide.mjs';

describe('escapeOutsideCode (the CLI guide’s Vue-safe Markdown)', () => {
  it('escapes tags and interpolations in prose only', () => {
    const markdown = [
      'Writes <id>.json and {{ x }} here, `keeps <id> in code`.',
      '```sh',
      'benignlab run <id> --set a=<b>',
      '```',
      'After <b>.',
    ].join('\n');
    expect(escapeOutsideCode(markdown)).toBe(
      [
        'Writes &lt;id&gt;.json and &#123;&#123; x }} here, `keeps <id> in code`.',
        '```sh',
        'benignlab run <id> --set a=<b>',
        '```',
        'After &lt;b&gt;.',
      ].join('\n'),
    );
  });
});
