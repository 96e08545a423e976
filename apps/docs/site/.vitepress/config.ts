import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitepress';
import { repositoryUrl, siteUrl } from '../../scripts/site-url.mjs';
import { katexPlugin } from '../../src/markdown/katex-plugin.ts';
import { sidebar } from './sidebar.ts';

// Cross-origin isolation for the dev server (SharedArrayBuffer in the playground worker);
// scripts/serve-site.mjs and site/public/_headers do the same for the built site.
// The version shown in the navigation bar: the CLI's, the package users install to reproduce.
const version: string = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../cli/package.json', import.meta.url)), 'utf8'),
).version;

const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  title: 'benignlab',
  description: 'Benign overfitting is harmful for adversarial robustness: theory, code and live figures.',
  outDir: fileURLToPath(new URL('../../dist', import.meta.url)),
  cleanUrls: false,
  lastUpdated: false,
  // The canonical address (README "Address"): TSDoc links the Theory page there.
  sitemap: { hostname: siteUrl },
  head: [
    ['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }],
    ['meta', { name: 'theme-color', content: '#2f6690' }],
  ],
  transformPageData(pageData) {
    // Reproduction pages: figures (760 px) and tables use the right-hand column, not an outline.
    if (pageData.relativePath.startsWith('reproduction/')) pageData.frontmatter.aside ??= false;
    // API pages: a class to wrap long signatures instead of cutting them off.
    if (pageData.relativePath.startsWith('api/')) pageData.frontmatter.pageClass ??= 'bl-api';
  },
  markdown: {
    config: (md) => {
      md.use(katexPlugin as never);
    },
  },
  themeConfig: {
    nav: [
      { text: 'Theory', link: '/theory' },
      { text: 'Playground', link: '/playground' },
      { text: 'Reproduction', link: '/reproduction/' },
      { text: 'Guides', link: '/guides/' },
      { text: 'API', link: '/api/' },
      { text: 'Performance', link: '/performance' },
      {
        text: `v${version}`,
        items: [
          { text: 'Changelog', link: '/changelog' },
          { text: 'How to cite', link: '/#how-to-cite' },
          { text: 'Source code', link: repositoryUrl },
          { text: 'Issue tracker', link: `${repositoryUrl}/issues` },
        ],
      },
    ],
    sidebar,
    socialLinks: [{ icon: 'github', link: repositoryUrl }],
    search: {
      provider: 'local',
      options: {
        miniSearch: {
          searchOptions: {
            // Science words ("adversarial risk") should find the Theory page before the API
            // entries that merely mention them: favour prose pages, damp the generated API.
            boostDocument: (id: string) => (id.startsWith('/theory') ? 4 : id.startsWith('/api/') ? 0.35 : 1),
          },
        },
      },
    },
    outline: { level: [2, 3] },
    footer: {
      message: `Hao & Zhang, arXiv:2401.12236 — reproduced by benignlab v${version}. <a href="${repositoryUrl}">Source</a> · <a href="${repositoryUrl}/issues">Issues</a> · <a href="/changelog">Changelog</a> · <a href="/#how-to-cite">How to cite</a>`,
    },
  },
  vite: {
    // Bundle the packages from their TypeScript sources, as tests and typecheck do, so the
    // site never shows a stale dist/ of a package built before its latest change.
    resolve: {
      conditions: ['@benignlab/source', 'module', 'browser', 'import', 'default'],
      // The site draws committed results and never runs e7: keep MNIST's 20 MB out of it.
      alias: {
        mnist: fileURLToPath(new URL('../../src/reproduction/mnist-not-bundled.ts', import.meta.url)),
      },
    },
    server: { headers: isolationHeaders },
    worker: { format: 'es' },
    build: { chunkSizeWarningLimit: 4000 },
  },
});
