/**
 * From the parameters a caller means to the flat `name → string` map the RPC protocol carries.
 * pop-core would send a nested object as "[object Object]" and `undefined` as "undefined"
 * (docs/alibaba-openapi.md, "pop-core as a client"), so every value is made explicit here before it
 * reaches pop-core.
 */
import type { CloudProduct } from '../../shared/cloud/products';

export type CloudParamValue = string | number | boolean | bigint | null | undefined | CloudParamValue[] | { [key: string]: CloudParamValue };
export type CloudParams = Record<string, CloudParamValue>;

/**
 * Fields the APIs take as JSON text even when the value is a list (docs/alibaba-openapi.md,
 * "API groups", "APIs", "Dedicated instances", "VPC and ECS reads"). Any other top-level object is
 * JSON text too; any other top-level list is a RepeatList.
 */
const JSON_FIELDS: Record<CloudProduct, ReadonlySet<string>> = {
  CloudAPI: new Set([
    'RequestConfig', 'ServiceConfig', 'OpenIdConnectConfig', 'RequestParameters', 'ServiceParameters', 'ServiceParametersMap',
    'ConstantParameters', 'SystemParameters', 'ErrorCodeSamples', 'ResultDescriptions', 'CustomAppCodeConfig', 'CustomTraceConfig',
    'UserLogConfig', 'StageRouteModel', 'GlobalCondition', 'ToConnectVpcIpBlock', 'IntranetSegments',
  ]),
  Vpc: new Set(),
  Ecs: new Set(['SecurityGroupIds']),
};

export function isJsonField(product: CloudProduct, name: string): boolean {
  return JSON_FIELDS[product].has(name);
}

export function toWireParams(product: CloudProduct, params: CloudParams): Record<string, string> {
  const wire: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') wire[name] = value;
    else if (isJsonField(product, name) || isPlainObject(value)) wire[name] = JSON.stringify(value);
    else if (Array.isArray(value)) flattenRepeatList(wire, name, value);
    else wire[name] = scalar(name, value);
  }
  return wire;
}

/** `Tag: [{Key, Value}]` → `Tag.1.Key`, `Tag.1.Value`; `Id: ['a']` → `Id.1`; 1-based, nested as deep as given. */
function flattenRepeatList(wire: Record<string, string>, prefix: string, list: CloudParamValue[]): void {
  list.forEach((item, index) => flattenValue(wire, `${prefix}.${index + 1}`, item));
}

function flattenValue(wire: Record<string, string>, name: string, value: CloudParamValue): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) flattenRepeatList(wire, name, value);
  else if (isPlainObject(value)) for (const [key, inner] of Object.entries(value)) flattenValue(wire, `${name}.${key}`, inner);
  else wire[name] = typeof value === 'string' ? value : scalar(name, value);
}

function scalar(name: string, value: number | boolean | bigint): string {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`parameter ${name} is ${value}, not a number the cloud accepts`);
  return String(value);
}

function isPlainObject(value: unknown): value is { [key: string]: CloudParamValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
