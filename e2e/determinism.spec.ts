// The same scripted run gives the same event log in Node and in the browser.
import { spawnSync } from 'node:child_process';
import { test, assert, report } from './harness.ts';

test('determinism: every preset replayed with the same recorded actions gives the same event log hash in Node and in the browser', async ({ app }) => {
  test.setTimeout(300_000);
  const node = spawnSync('npx', ['tsx', 'e2e/loghashes.ts'], { encoding: 'utf8', cwd: new URL('..', import.meta.url).pathname });
  assert(node.status === 0, `Node side failed: ${node.stderr}`);
  const expected = JSON.parse(node.stdout) as Record<string, { sha: string; messages: number }>;
  const page = await app.open();
  const got = await page.evaluate(async (presets) => {
    const out: Record<string, { sha: string; messages: number }> = {};
    for (const p of presets) {
      const text = window.orderUp.scriptedLog(p);
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
      out[p] = { sha: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''), messages: (JSON.parse(text) as unknown[]).length };
    }
    return out;
  }, Object.keys(expected));
  for (const [preset, e] of Object.entries(expected)) {
    report(`${preset.padEnd(13)} ${e.messages} messages  node ${e.sha.slice(0, 16)}…  browser ${got[preset]?.sha.slice(0, 16)}…`);
    assert(got[preset]?.sha === e.sha, `${preset}: the browser's log differs from Node's`);
  }
});
