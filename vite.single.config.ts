import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';

// The offline build: dist/order-up.html, one self-contained file (scripts, styles, the chart
// library and the favicon inlined) that runs when opened from disk, for classrooms with no
// network. `npm run build` runs it after the normal build, into the same dist/.
const inlineFavicon: Plugin = {
  name: 'order-up-inline-favicon',
  transformIndexHtml: (html) =>
    html.replace(
      /href="\.\/favicon\.svg"/,
      `href="data:image/svg+xml;base64,${readFileSync(new URL('./public/favicon.svg', import.meta.url)).toString('base64')}"`,
    ),
};

export default defineConfig({
  base: './',
  plugins: [react(), inlineFavicon, viteSingleFile({ outputFileName: 'order-up.html' })],
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: false, copyPublicDir: false, chunkSizeWarningLimit: 1000 },
});
