import type { DefaultTheme } from 'vitepress';

/** The packages documented by the site, in dependency order (the README's table). */
export const documentedPackages = [
  { slug: 'linalg', name: '@benignlab/linalg' },
  { slug: 'data', name: '@benignlab/data' },
  { slug: 'linear-models', name: '@benignlab/linear-models' },
  { slug: 'adversarial-risk', name: '@benignlab/adversarial-risk' },
  { slug: 'ntk', name: '@benignlab/ntk' },
  { slug: 'experiments', name: '@benignlab/experiments' },
] as const;

const experimentIds = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8'] as const;

export const sidebar: DefaultTheme.Sidebar = [
  {
    text: 'Start here',
    items: [
      { text: 'Introduction', link: '/' },
      { text: 'Theory', link: '/theory' },
      { text: 'Playground', link: '/playground' },
    ],
  },
  {
    text: 'Reproduction',
    collapsed: false,
    items: [
      { text: 'Overview', link: '/reproduction/' },
      ...experimentIds.map((id) => ({ text: id, link: `/reproduction/${id}` })),
    ],
  },
  {
    text: 'Guides',
    collapsed: false,
    items: [
      { text: 'Overview', link: '/guides/' },
      { text: 'Command line (benignlab)', link: '/guides/cli' },
      ...documentedPackages.map((p) => ({ text: p.name, link: `/guides/${p.slug}` })),
      { text: 'Sweeps on a cluster', link: '/guides/cluster' },
    ],
  },
  {
    text: 'API reference',
    collapsed: true,
    items: [
      { text: 'Overview', link: '/api/' },
      ...documentedPackages.map((p) => ({ text: p.name, link: `/api/${p.slug}` })),
    ],
  },
  { text: 'Performance', items: [{ text: 'Benchmarks', link: '/performance' }] },
];
