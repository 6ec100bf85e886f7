import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// Every app is a separate HTML entry so the runtime can serve each under its own path.
// JSX is compiled by esbuild (no React plugin needed); all assets are bundled, nothing is fetched from a CDN.
export default defineConfig({
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'target/dist',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        app: resolve(__dirname, 'index.html'),
      },
    },
  },
  test: {
    include: ['src/**/*.test.{js,jsx}'],
    environment: 'node',
  },
});
