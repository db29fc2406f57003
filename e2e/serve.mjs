// The browser tests' and benchmarks' setup: dist/ served by a plain static server under a
// sub-path (as any static host would), and Debian's Chromium launched through playwright-core.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** The sub-path dist/ is served under: the relative base must make every asset resolve there. */
export const SUB = '/classes/order-up/';

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** Serve dist/ under {@link SUB} on a free port; resolves to { origin, close }. */
export async function serveDist() {
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
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Launch Debian's Chromium headless. */
export const launch = () => chromium.launch({ executablePath, args: chromiumArgs });
