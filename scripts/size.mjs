// Reports the gzipped size of what `npm run build` ships (dist/assets/*.js and *.css, and the
// one-file dist/order-up.html) and fails (exit 1) when the JavaScript is over its budget.
// Run by `npm run build`, so CI fails on a bundle that grew past the budget. Sizes in kB
// (1,000 bytes), gzip level 9, as a static host would serve them.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** Gzipped JavaScript budget, kB: a little above the size when it was set (245.5 kB). */
export const JS_BUDGET_KB = 275;

const dist = new URL('../dist/', import.meta.url);
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length / 1000;
const files = readdirSync(new URL('assets/', dist)).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
let js = 0;
let css = 0;
for (const f of files.sort()) {
  const size = gz(new URL(`assets/${f}`, dist));
  if (f.endsWith('.js')) js += size;
  else css += size;
  console.log(`${f.padEnd(34)} ${size.toFixed(1).padStart(7)} kB gzipped`);
}
const single = new URL('order-up.html', dist);
if (existsSync(single)) console.log(`${'order-up.html (one file, offline)'.padEnd(34)} ${gz(single).toFixed(1).padStart(7)} kB gzipped`);
console.log(`JavaScript ${js.toFixed(1)} kB (budget ${JS_BUDGET_KB} kB), CSS ${css.toFixed(1)} kB, gzipped`);
if (js > JS_BUDGET_KB) {
  console.error(`The JavaScript bundle is ${js.toFixed(1)} kB gzipped, over its ${JS_BUDGET_KB} kB budget (scripts/size.mjs).`);
  process.exit(1);
}
