import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    manifest: true,
    // Modern browsers only: smaller bundles, and no inline polyfill that the CSP would block.
    target: 'es2022',
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/help': 'http://127.0.0.1:3000',
      '/sw.js': 'http://127.0.0.1:3000',
    },
  },
});
