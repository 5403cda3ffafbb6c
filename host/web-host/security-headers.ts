/** Response headers of browser mode: the strict CSP, no sniffing or referrers, and no caching of pages or the API. */
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

/** On every response. */
export function setCommonHeaders(res: ServerResponse): void {
  // Every response, not only HTML: a worker script takes its policy from its own response (as over app://).
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The page's URL may hold the token: never send it on.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

export function setHtmlHeaders(res: ServerResponse): void {
  res.setHeader('Cache-Control', 'no-store');
}

export function setApiHeaders(res: ServerResponse): void {
  res.setHeader('Cache-Control', 'no-store');
}
