/**
 * Builds the UI into dist/renderer. Everything is bundled locally (Monaco included, workers as
 * their own files): the app must work with no network, and the CSP forbids inline scripts.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The config runs in Node; import.meta.dirname keeps it independent of the working directory.
const here = import.meta.dirname;

export default defineConfig({
  root: here,
  // Relative URLs: the same build is served over http://127.0.0.1 and from the desktop app's own protocol.
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: `${here}/../dist/renderer`,
    emptyOutDir: true,
    // Never inline workers or fonts as data: URLs (a strict CSP refuses them).
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 6000,
    sourcemap: false,
  },
});
