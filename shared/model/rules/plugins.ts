/** Plug-in settings (docs/alibaba-data-plane.md, "IP control" and "CORS"): IP blocks and CORS origins. */
import ipaddr from 'ipaddr.js';
import type { ProjectRule } from './context';
import { isHost, isPort, splitHostPort } from './hosts';
import { q } from './report';

/**
 * An IPv4/IPv6 address or CIDR block. IPv4 must be four decimal parts: ipaddr.js alone also takes
 * forms like `1` or `0x7f.1`, which people do not mean.
 */
export function isIpOrCidr(text: string): boolean {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const plainV4 = ipaddr.IPv4.isValidFourPartDecimal(address);
  if (!plainV4 && !ipaddr.IPv6.isValid(address)) return false;
  if (slash < 0) return true;
  if (!/^\d{1,3}$/.test(text.slice(slash + 1))) return false;
  try {
    ipaddr.parseCIDR(text);
    return true;
  } catch {
    return false;
  }
}

/** `*`, an origin (`https://a.com`, `http://localhost:3000`), or a wildcard origin (`https://*.foo.com`). */
export function isCorsOrigin(text: string): boolean {
  if (text === '*') return true;
  // The cloud's CORS plug-in documents wildcards like `*.foo.com`, so the scheme is optional.
  const match = /^(?:https?:\/\/)?(\*\.)?([^/?#]+)$/i.exec(text);
  if (!match) return false;
  const { host, port } = splitHostPort(match[2]);
  return isHost(host) && (port === undefined || isPort(port));
}

export const checkPluginSettings: ProjectRule = ({ project }, report) => {
  project.plugins.forEach((plugin, i) => {
    if (plugin.type === 'ipControl') {
      plugin.ipControl.items.forEach((item, k) => {
        item.blocks.forEach((block, b) => {
          if (isIpOrCidr(block)) return;
          report(
            ['plugins', i, 'ipControl', 'items', k, 'blocks', b],
            `IP block ${q(block)} of plug-in ${q(plugin.name)} is not an IPv4/IPv6 address or CIDR block. Write it like \`192.168.1.10\`, \`10.0.0.0/8\` or \`2001:db8::/32\`.`,
          );
        });
      });
      return;
    }
    plugin.cors.allowOrigins.forEach((origin, k) => {
      if (isCorsOrigin(origin)) return;
      report(
        ['plugins', i, 'cors', 'allowOrigins', k],
        `Allowed origin ${q(origin)} of plug-in ${q(plugin.name)} is not valid. Use \`*\`, an origin like \`https://a.com\` or \`https://a.com:8443\`, or a wildcard like \`https://*.foo.com\` or \`*.foo.com\`.`,
      );
    });
  });
};
