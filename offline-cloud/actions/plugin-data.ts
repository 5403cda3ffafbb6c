/**
 * A plug-in's PluginData: JSON or YAML text (docs/alibaba-openapi.md, "Plug-ins"). IP-control and
 * CORS settings are checked with the design's own rules (shared/model/rules/plugins.ts); other
 * types only need to be a readable mapping.
 */
import { parse as parseYaml } from 'yaml';
import { isCorsOrigin, isIpOrCidr } from '../../shared/model/rules/plugins';
import { gatewayErrors } from './gateway-errors';
import { byteLength } from './gateway-values';
import { isJsonObject } from './json-fields';

export const PLUGIN_TYPES = ['ipControl', 'trafficControl', 'backendSignature', 'jwtAuth', 'cors', 'caching'] as const;
export type PluginType = (typeof PLUGIN_TYPES)[number];

/** Chosen: no source gives a size limit for PluginData (docs/alibaba-openapi.md, "Plug-ins"). */
const MAX_PLUGIN_DATA_BYTES = 50 * 1024;

const fail = (why: string) => gatewayErrors.invalid('PluginData', why);

/** `a,b` or ['a', 'b'] → ['a', 'b']. */
function listOf(value: unknown, key: string): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split(/[,;]/).map((item) => item.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) return value.map(String);
  throw fail(`${key} must be a comma-separated text or a list of texts`);
}

function checkIpControl(data: Record<string, unknown>): void {
  const type = String(data.type ?? '');
  if (type !== 'ALLOW' && type !== 'REFUSE') throw fail('an ipControl plug-in needs type: ALLOW (allow list) or REFUSE (block list)');
  if (!Array.isArray(data.items) || data.items.length === 0) throw fail('an ipControl plug-in needs items: a list of {blocks: [...]} entries');
  data.items.forEach((item, index) => {
    if (!isJsonObject(item)) throw fail(`items[${index}] must be a mapping with blocks`);
    const blocks = listOf(item.blocks, `items[${index}].blocks`);
    if (blocks.length === 0) throw fail(`items[${index}] has no blocks; list IP addresses or CIDR blocks`);
    for (const block of blocks) {
      if (!isIpOrCidr(block)) throw fail(`items[${index}].blocks has "${block}", which is not an IPv4/IPv6 address or CIDR block (write it like 10.0.0.0/8)`);
    }
    if (item.appId !== undefined && type !== 'ALLOW') throw fail(`items[${index}].appId applies only to type ALLOW`);
  });
}

function checkCors(data: Record<string, unknown>): void {
  for (const origin of listOf(data.allowOrigins, 'allowOrigins')) {
    if (!isCorsOrigin(origin)) throw fail(`allowOrigins has "${origin}", which is not *, an origin like https://a.com, or a wildcard like https://*.a.com`);
  }
  for (const key of ['allowMethods', 'allowHeaders', 'exposeHeaders']) listOf(data[key], key);
  if (data.allowCredentials !== undefined && typeof data.allowCredentials !== 'boolean') throw fail('allowCredentials must be true or false');
  if (data.maxAge !== undefined && !(Number.isInteger(data.maxAge) && (data.maxAge as number) >= 0)) throw fail('maxAge must be a whole number of seconds');
}

/** Checks PluginData for a plug-in type; the text is kept as it was sent. */
export function checkPluginData(type: PluginType, text: string): void {
  if (byteLength(text) > MAX_PLUGIN_DATA_BYTES) throw fail(`it is larger than ${MAX_PLUGIN_DATA_BYTES} bytes`);
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw fail(`it is neither JSON nor YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (!isJsonObject(data)) throw fail('it must be a mapping (a JSON object or YAML keys)');
  if (type === 'ipControl') checkIpControl(data);
  if (type === 'cors') checkCors(data);
}
