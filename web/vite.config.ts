import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard: built into web/dist and served by the API server (src/api/static.ts).
// `npx vite web` serves it in development, forwarding /api to a server on :8080.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // The ECharts chunk (line, bar, scatter; canvas) is ~590 kB raw, ~195 kB gzipped, loaded after login.
    chunkSizeWarningLimit: 650,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
