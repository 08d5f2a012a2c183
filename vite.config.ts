import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const api = process.env.OFFICINA_API ?? 'http://localhost:3000';

export default defineConfig({
  root: here('./src/web'),
  // Everything is self-hosted: the production CSP is default-src 'self' with no external hosts.
  base: '/',
  publicDir: false,
  plugins: [react()],
  resolve: {
    alias: {
      '@bi-fonts': here('./node_modules/bootstrap-italia/dist/fonts'),
    },
  },
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    // Vite would inline small fonts and icons as data: URIs; CSP allows that, but separate files cache better.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    fs: { allow: [here('.')] },
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/calendar.ics': { target: api, changeOrigin: false },
      '/verifica': { target: api, changeOrigin: false },
    },
  },
});
