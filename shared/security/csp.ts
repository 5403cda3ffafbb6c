/**
 * The Content-Security-Policy of the console's pages, the same in the desktop app (app://) and in
 * browser mode (http://127.0.0.1): one policy, so the UI cannot work in one and break in the other.
 * MUI/emotion inject styles inline; Monaco's workers load from 'self' (and blob: for some).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
