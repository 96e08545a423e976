import { describe, expect, it } from 'vitest';
import { katexPlugin, renderMath } from '../src/markdown/katex-plugin.ts';

type Rule = (tokens: { content: string }[], index: number) => string;

function fakeMarkdownIt() {
  const md = {
    inline: { ruler: { after: () => {} } },
    block: { ruler: { after: () => {} } },
    renderer: { rules: {} as Record<string, Rule | undefined> },
    use(plugin: (md: never) => void) {
      plugin(md as never);
      return md;
    },
  };
  return md;
}

describe('katexPlugin', () => {
  it('renders inline and display math with the current KaTeX, shielded from Vue', () => {
    const md = fakeMarkdownIt();
    katexPlugin(md as never);
    const inline = md.renderer.rules.math_inline!([{ content: '\\|\\theta^*\\|_2' }], 0);
    const block = md.renderer.rules.math_block!(
      [{ content: 'R_\\alpha(\\theta) = R(\\theta) + \\alpha^2' }],
      0,
    );
    expect(inline).toMatch(/^<span v-pre><span class="katex">/);
    expect(block).toMatch(/^<div class="math-block" v-pre><span class="katex-display">/);
    expect(block).toContain('<math');
  });

  it('fails the build on a formula KaTeX cannot parse', () => {
    expect(() => renderMath('\\frac{1}{', false)).toThrow(/KaTeX parse error/);
    expect(() => renderMath('\\notacommand x', true)).toThrow(/KaTeX parse error/);
  });
});
