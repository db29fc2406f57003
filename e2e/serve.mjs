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

/**
 * The checks of a browser-test script: `check(name, fn)` runs one (skipped unless its name
 * matches `E2E_ONLY`, when set) and prints `ok`/`FAIL` with the first `stackLines` of the
 * error; `assert(cond, message)` throws; `finish()` prints "N passed, N failed" and exits
 * non-zero on any failure.
 */
export function checks({ stackLines = 4 } = {}) {
  const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : null;
  let passed = 0;
  let failed = 0;
  return {
    async check(name, fn) {
      if (only && !only.test(name)) return;
      try {
        await fn();
        passed++;
        console.log(`ok   ${name}`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${name}\n     ${String(e?.stack ?? e).split('\n').slice(0, stackLines).join('\n     ')}`);
      }
    },
    assert(cond, message) {
      if (!cond) throw new Error(message);
    },
    finish() {
      console.log(`\n${passed} passed, ${failed} failed`);
      process.exit(failed === 0 ? 0 : 1);
    },
  };
}
