import { build } from 'esbuild';

/**
 * Bundles a source entry (a path relative to this folder) for the browser with esbuild and
 * returns the bundle's text and the Node built-ins its import graph reaches (kept external
 * and recorded, so a browser-safe entry reports none).
 */
export async function bundleForBrowser(entry: string): Promise<{ text: string; nodeBuiltins: string[] }> {
  const nodeBuiltins = new Set<string>();
  const result = await build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    external: ['ml-matrix'],
    logLevel: 'silent',
    plugins: [
      {
        name: 'record-node-builtins',
        setup(context) {
          context.onResolve({ filter: /^node:/ }, (args) => {
            nodeBuiltins.add(args.path);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  return { text: result.outputFiles[0]?.text ?? '', nodeBuiltins: [...nodeBuiltins].sort() };
}
