import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base so dist/ works from any static host under any sub-path.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022' },
});
