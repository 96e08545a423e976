// Loads workspace packages from their TypeScript sources in Node (Vite's SSR module
// loader with the `@benignlab/source` condition), for build scripts that need a package's
// code rather than its possibly stale dist/.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const docsRoot = fileURLToPath(new URL('..', import.meta.url));
const conditions = ['@benignlab/source', 'module', 'node', 'import', 'default'];

/** Runs `use(load)` with `load(specifier)` importing modules from source; closes the loader after. */
export async function withSourceLoader(use) {
  const vite = await createServer({
    root: docsRoot,
    configFile: false,
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false },
    appType: 'custom',
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: conditions } },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    return await use((specifier) => vite.ssrLoadModule(specifier));
  } finally {
    await vite.close();
  }
}
