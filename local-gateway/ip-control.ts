/**
 * IP access control plugins (docs/alibaba-data-plane.md, "IP control"): ALLOW lists only let listed
 * sources call, REFUSE lists turn listed sources away; an item with an app applies to that app's
 * calls only (GATEWAY_CHOICES.ipControlItems). CIDR blocks are parsed once per project, not per
 * call.
 */
import ipaddr from 'ipaddr.js';
import type { IpControlConfig, Project } from '../shared/model/schema';
import { gatewayError, type GatewayError } from '../shared/gateway/cloud-behaviour';
import type { AuthenticatedApp } from './auth';
import { stageRefKey, type StageRef } from './stage-ref';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Cidr = [Address, number];

export interface IpControl {
  /** The plugins bound to one API in one stage, looked up once per (re)load (runtime.ts); undefined when none is. */
  forApi(ref: StageRef): ApiIpControl | undefined;
  /** forApi(ref)?.check(clientIp, app). */
  check(ref: StageRef, clientIp: string, app?: AuthenticatedApp): GatewayError | undefined;
}

export interface ApiIpControl {
  /** Returns the A403IP refusal for a client IP, or undefined when the call may go on. */
  check(clientIp: string, app?: AuthenticatedApp): GatewayError | undefined;
}

/** One plugin as compiled: blocks for every caller, and blocks for one app each. */
interface CompiledRule {
  type: IpControlConfig['type'];
  general: Cidr[];
  byApp: Map<string, Cidr[]>;
}

export function createIpControl(project: Project): IpControl {
  const rules = new Map<string, CompiledRule[]>();
  for (const plugin of project.plugins) {
    if (plugin.type !== 'ipControl') continue;
    const rule = compileRule(plugin.name, plugin.ipControl);
    // Every ipControl plugin bound to an API applies; any of them may refuse.
    for (const ref of plugin.bindings) {
      const key = stageRefKey(ref);
      const list = rules.get(key);
      if (list) list.push(rule);
      else rules.set(key, [rule]);
    }
  }

  const byApi = new Map<string, ApiIpControl>();
  for (const [key, applying] of rules) {
    byApi.set(key, {
      check(clientIp, app) {
        const address = parseClientIp(clientIp);
        for (const rule of applying) {
          if (!admits(rule, address, app)) return gatewayError('A403IP', clientIp);
        }
        return undefined;
      },
    });
  }
  return {
    forApi: (ref) => byApi.get(stageRefKey(ref)),
    check: (ref, clientIp, app) => byApi.get(stageRefKey(ref))?.check(clientIp, app),
  };
}

function admits(rule: CompiledRule, address: Address | undefined, app: AuthenticatedApp | undefined): boolean {
  const appBlocks = app === undefined ? undefined : rule.byApp.get(app.name) ?? rule.byApp.get(app.appId);
  if (rule.type === 'ALLOW') {
    // Items for other apps only: this caller is not restricted by this list.
    if (rule.general.length === 0 && appBlocks === undefined) return true;
    // An address that cannot be parsed is in no block, so a whitelist turns it away.
    return address !== undefined && (inAny(address, rule.general) || (appBlocks !== undefined && inAny(address, appBlocks)));
  }
  if (address === undefined) return true;
  return !inAny(address, rule.general) && !(appBlocks !== undefined && inAny(address, appBlocks));
}

function inAny(address: Address, blocks: Cidr[]): boolean {
  for (const block of blocks) {
    // ipaddr.js refuses to compare an IPv4 address with an IPv6 block (and back): skip those.
    if (block[0].kind() === address.kind() && address.match(block)) return true;
  }
  return false;
}

/** `::ffff:127.0.0.1` becomes 127.0.0.1 so IPv4 blocks match it; undefined when not an IP at all. */
function parseClientIp(clientIp: string): Address | undefined {
  // Node reports link-local IPv6 peers with a zone (`fe80::1%eth0`); the zone is not part of the address.
  const percent = clientIp.indexOf('%');
  const bare = percent === -1 ? clientIp : clientIp.slice(0, percent);
  return ipaddr.isValid(bare) ? ipaddr.process(bare) : undefined;
}

function compileRule(pluginName: string, config: IpControlConfig): CompiledRule {
  const rule: CompiledRule = { type: config.type, general: [], byApp: new Map() };
  for (const item of config.items) {
    const cidrs = item.blocks.map((block) => parseBlock(pluginName, block));
    if (item.app === undefined) {
      rule.general.push(...cidrs);
    } else {
      const existing = rule.byApp.get(item.app);
      if (existing) existing.push(...cidrs);
      else rule.byApp.set(item.app, cidrs);
    }
  }
  return rule;
}

/** `10.0.0.0/8`, `2001:db8::/32`, or a single address (a /32 or /128 block). */
function parseBlock(pluginName: string, block: string): Cidr {
  const text = block.trim();
  let cidr: Cidr;
  try {
    cidr = text.includes('/') ? ipaddr.parseCIDR(text) : single(ipaddr.parse(text));
  } catch {
    throw new Error(
      `IP control plugin "${pluginName}": "${block}" is not an IPv4/IPv6 address or CIDR block (e.g. 10.0.0.0/8, 2001:db8::/32). Fix the block in the project file.`,
    );
  }
  // An IPv4-mapped IPv6 block (::ffff:10.0.0.0/104) is the IPv4 block it maps, as clients are matched.
  const [address, bits] = cidr;
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return cidr;
}

function single(address: Address): Cidr {
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}
