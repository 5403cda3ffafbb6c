/**
 * Builds the UI into dist/renderer. Everything is bundled locally (Monaco included, workers as
 * their own files): the app must work with no network, and the CSP forbids inline scripts.
 */
import react from '@vitejs/plugin-react';
import { type Plugin, defineConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';

// The config runs in Node; import.meta.dirname keeps it independent of the working directory.
const here = import.meta.dirname;

/**
 * The CSP as a <meta> in the built page too, besides the header both transports send: it holds
 * wherever the page is loaded from, and Electronegativity (npm run lint:electron) checks it.
 * frame-ancestors works only as a header; browsers ignore it, with an error, in a <meta>.
 */
function cspMeta(): Plugin {
  const content = CONTENT_SECURITY_POLICY.split('; ').filter((directive) => !directive.startsWith('frame-ancestors')).join('; ');
  return {
    name: 'apigw-csp-meta',
    // The dev server injects inline scripts (React refresh) that this policy would block.
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  root: here,
  // Relative URLs: the same build is served over http://127.0.0.1 and from the desktop app's own protocol.
  base: './',
  plugins: [react(), cspMeta()],
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
