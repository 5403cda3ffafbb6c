/** Host names and ports as they appear in backend addresses and CORS origins. */
import ipaddr from 'ipaddr.js';

const LABEL = /^[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?$/;

/** A DNS name, a dotted IPv4 address, or a bracketed IPv6 address. */
export function isHost(host: string): boolean {
  if (host.startsWith('[') && host.endsWith(']')) return ipaddr.IPv6.isValid(host.slice(1, -1));
  if (host.length === 0 || host.length > 253) return false;
  return host.split('.').every((label) => label.length <= 63 && LABEL.test(label));
}

export function isPort(text: string): boolean {
  if (!/^\d{1,5}$/.test(text)) return false;
  const port = Number(text);
  return port >= 1 && port <= 65535;
}

/** Splits `host:port` (host may be `[v6]`); port is undefined when absent. */
export function splitHostPort(authority: string): { host: string; port?: string } {
  const close = authority.lastIndexOf(']');
  const colon = authority.lastIndexOf(':');
  if (colon > close) return { host: authority.slice(0, colon), port: authority.slice(colon + 1) };
  return { host: authority };
}
