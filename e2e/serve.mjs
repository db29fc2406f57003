// The browser tests' and benchmarks' setup: dist/ served by a plain static server under a
// sub-path (as any static host would), and Debian's Chromium launched through playwright-core.
// Run as a script (`node e2e/serve.mjs --port 4179`, or E2E_PORT) it serves until stopped:
// the Playwright config starts it so for the browser tests.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';

export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** The sub-path dist/ is served under: the relative base must make every asset resolve there. */
export const SUB = '/classes/order-up/';

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** Serve dist/ under {@link SUB} on `port` (0: a free one); resolves to { origin, close }. */
export async function serveDist({ port = 0 } = {}) {
  const dist = new URL('../dist/', import.meta.url).pathname;
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(SUB)) return void res.writeHead(404).end('not under the sub-path');
    const rel = normalize(path.slice(SUB.length) || 'index.html');
    if (rel.startsWith('..')) return void res.writeHead(403).end();
    try {
      const body = await readFile(join(dist, rel));
      res.writeHead(200, { 'content-type': types[extname(rel)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Launch Debian's Chromium headless. */
export const launch = () => chromium.launch({ executablePath, args: chromiumArgs });

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--port');
  const port = Number(i >= 0 ? process.argv[i + 1] : (process.env.E2E_PORT ?? 4179));
  const { origin } = await serveDist({ port });
  console.log(`serving dist/ at ${origin}${SUB}`);
}
