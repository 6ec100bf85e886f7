import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// Every app is a separate HTML entry so the runtime can serve each under its own path:
// console/index.html -> /console/ (staff app: agents, supervisors, admins), designer/index.html -> /designer/
// (flow designer), chat/index.html -> /chat/{token} (debtor webchat),
// simulator/index.html -> /simulator/whatsapp/ (local WhatsApp simulator), kpis/index.html -> /kpis/ (KPI dashboard).
// Assets go to /assets/ with content hashes (cached for long by the runtime); public/webchat.js is the
// embeddable widget loader at /webchat.js. JSX is compiled by esbuild (no React plugin needed); all
// assets are bundled, nothing is fetched from a CDN.
export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'target/dist',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        console: resolve(__dirname, 'console/index.html'),
        designer: resolve(__dirname, 'designer/index.html'),
        chat: resolve(__dirname, 'chat/index.html'),
        simulator: resolve(__dirname, 'simulator/index.html'),
        kpis: resolve(__dirname, 'kpis/index.html'),
      },
    },
  },
  test: {
    include: ['src/**/*.test.{js,jsx}', 'public/**/*.test.{js,jsx}'],
    environment: 'node',
  },
});
