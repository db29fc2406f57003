import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base so dist/ works from any static host under any sub-path.
export default defineConfig({
  base: './',
  plugins: [react()],
  // The bundle's budget is its gzipped size (scripts/size.mjs), not Vite's 500 kB minified warning.
  build: { target: 'es2022', chunkSizeWarningLimit: 1000 },
});
