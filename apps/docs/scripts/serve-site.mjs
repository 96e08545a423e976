#!/usr/bin/env node
// Serves the built site (dist/) on localhost the way a static host should: with the
// cross-origin isolation headers the playground's worker needs. Used by the browser
// tests and by `pnpm preview` (VitePress's own preview server cannot add headers).
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Headers a static host must send so the playground's worker may use SharedArrayBuffer. */
export const crossOriginIsolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function resolveFile(root, pathname) {
  const file = normalize(join(root, pathname));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  for (const candidate of [file, join(file, 'index.html'), `${file}.html`]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next candidate: clean URLs map /guide to guide.html or guide/index.html
    }
  }
  return undefined;
}

/** Serves `root` on 127.0.0.1 (`port` 0 picks a free one); resolves to `{ url, close() }`. */
export async function startStaticServer(root, port = 0) {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = resolveFile(root, pathname);
    if (file === undefined) {
      response
        .writeHead(404, { 'Content-Type': 'text/plain', ...crossOriginIsolationHeaders })
        .end('not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      ...crossOriginIsolationHeaders,
    });
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = fileURLToPath(new URL('../dist', import.meta.url));
  const { url } = await startStaticServer(root, Number(process.env.PORT ?? 4173));
  console.log(`benignlab docs: ${url} (cross-origin isolated; Ctrl-C to stop)`);
}
