import katex from 'katex';
import markdownItKatex from 'markdown-it-katex';

/** The slice of markdown-it's API this plugin touches (typed here to avoid a direct markdown-it dependency). */
interface MarkdownItLike {
  use(plugin: (md: MarkdownItLike) => void): MarkdownItLike;
  renderer: { rules: Record<string, ((tokens: { content: string }[], index: number) => string) | undefined> };
}

/**
 * Renders `$…$` and `$$…$$` math with KaTeX at build time.
 *
 * markdown-it-katex supplies the `$` tokenizer, but it pins KaTeX 0.6 (2016), so its
 * renderers are replaced by ones calling the current KaTeX. `throwOnError` makes a typo
 * in a formula fail the site build instead of shipping red error text. The output is
 * wrapped in `v-pre` so Vue never reads `{{` inside math as a template expression.
 *
 * @example
 * ```ts
 * // .vitepress/config.ts
 * markdown: { config: (md) => { md.use(katexPlugin); } }
 * ```
 */
export function katexPlugin(md: MarkdownItLike): void {
  md.use(markdownItKatex as unknown as (md: MarkdownItLike) => void);
  md.renderer.rules.math_inline = (tokens, index) =>
    `<span v-pre>${renderMath(tokens[index]!.content, false)}</span>`;
  md.renderer.rules.math_block = (tokens, index) =>
    `<div class="math-block" v-pre>${renderMath(tokens[index]!.content, true)}</div>\n`;
}

/**
 * One formula to KaTeX HTML (plus MathML for screen readers).
 *
 * @example
 * ```ts
 * renderMath('R(\\theta) = (\\theta-\\theta^*)^\\top\\Sigma(\\theta-\\theta^*)', true);
 * ```
 */
export function renderMath(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, {
    displayMode,
    throwOnError: true,
    strict: 'error',
    output: 'htmlAndMathml',
  });
}
