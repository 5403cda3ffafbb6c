/**
 * Reads the official SDK models (the installed dev dependencies @alicloud/cloudapi20160714,
 * @alicloud/vpc20160428, @alicloud/ecs20140526) into the shape sdk-models.ts checks against: the
 * one reading of the models that the generated table (scripts/sdk-model-table.ts) and the
 * conformance tests share. Dev-time only: the offline cloud itself uses the generated table.
 *
 * - parameters and answer fields: each model class's static `names()` (JS name → wire name) and
 *   `types()` ('string', 'number', 'boolean', 'any', a nested class, {type: 'array', itemType},
 *   {type: 'map', valueType});
 * - required: the "This parameter is required." remark of the field in the model's source
 *   (src/models/<Class>.ts; nested classes live in the file of their top-level class);
 * - query or body, and JSON-text ("shrink") fields: the action's `<action>WithOptions` method in
 *   src/client.ts (`query["Name"] = request.x` / `body["Name"] = request.x`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CloudProduct } from '../../shared/cloud/products';
import type { SdkActionModel, SdkField, SdkType } from '../sdk-model-types';

export const SDK_PACKAGES: Record<CloudProduct, string> = {
  CloudAPI: '@alicloud/cloudapi20160714',
  Vpc: '@alicloud/vpc20160428',
  Ecs: '@alicloud/ecs20140526',
};

interface ModelClass {
  name: string;
  names(): Record<string, string>;
  types(): Record<string, unknown>;
}

interface LoadedSdk {
  version: string;
  exports: Record<string, unknown>;
  dir: string;
  client: string;
  sources: Map<string, string>;
  /** src/models file names by their lower-case form. */
  files: Map<string, string>;
}

const require = createRequire(import.meta.url);
const loaded = new Map<CloudProduct, LoadedSdk>();

function sdk(product: CloudProduct): LoadedSdk {
  let found = loaded.get(product);
  if (!found) {
    const packageJson = require.resolve(`${SDK_PACKAGES[product]}/package.json`);
    const dir = dirname(packageJson);
    found = {
      version: (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version,
      exports: require(SDK_PACKAGES[product]) as Record<string, unknown>,
      dir,
      client: readFileSync(join(dir, 'src', 'client.ts'), 'utf8'),
      sources: new Map(),
      files: new Map(readdirSync(join(dir, 'src', 'models')).map((name) => [name.toLowerCase(), name])),
    };
    loaded.set(product, found);
  }
  return found;
}

/** `@alicloud/cloudapi20160714@4.7.8`. */
export function sdkPackageVersion(product: CloudProduct): string {
  return `${SDK_PACKAGES[product]}@${sdk(product).version}`;
}

function modelClass(product: CloudProduct, name: string): ModelClass | undefined {
  const value = sdk(product).exports[name];
  return typeof value === 'function' && typeof (value as Partial<ModelClass>).names === 'function' ? (value as unknown as ModelClass) : undefined;
}

/** The model of `action`, or undefined when the SDK has no `<action>Request` / `<action>ResponseBody`. */
export function readActionModel(product: CloudProduct, action: string): SdkActionModel | undefined {
  const request = modelClass(product, `${action}Request`);
  const response = modelClass(product, `${action}ResponseBody`);
  if (!request || !response) return undefined;
  const placement = wirePlacement(product, action);
  const requestSource = source(product, request.name);
  const params: Record<string, SdkField> = {};
  const jsToWire = request.names();
  const types = request.types();
  const required = requiredFields(requestSource, request.name);
  for (const [js, wire] of Object.entries(jsToWire)) {
    const where = placement?.get(wire);
    // A field the client's method does not send is not on the wire (none today; kept honest).
    if (placement && !where) continue;
    const field: SdkField = where?.shrink ? { type: 'json' } : { ...toType(product, types[js], requestSource) };
    if (required.has(js)) field.required = true;
    if (where?.body) field.body = true;
    params[wire] = field;
  }
  return { request: request.name, response: response.name, params, fields: fieldsOf(product, response, source(product, response.name)) };
}

function fieldsOf(product: CloudProduct, model: ModelClass, file: string): Record<string, SdkField> {
  const fields: Record<string, SdkField> = {};
  const types = model.types();
  const required = requiredFields(file, model.name);
  for (const [js, wire] of Object.entries(model.names())) {
    const field: SdkField = { ...toType(product, types[js], file) };
    if (required.has(js)) field.required = true;
    fields[wire] = field;
  }
  return fields;
}

function toType(product: CloudProduct, type: unknown, file: string): SdkType {
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'any') return { type };
  if (typeof type === 'string') {
    // 'Readable', 'Buffer' and the like do not occur in the RPC models read here; say so if they ever do.
    throw new Error(`sdk-model-reader: the SDK type "${type}" is not understood`);
  }
  if (typeof type === 'function') {
    const model = type as unknown as ModelClass;
    return { type: 'object', model: model.name, fields: fieldsOf(product, model, file) };
  }
  const described = type as { type?: string; itemType?: unknown; valueType?: unknown };
  if (described.type === 'array') return { type: 'list', item: toType(product, described.itemType, file) };
  if (described.type === 'map') return { type: 'map', value: toType(product, described.valueType, file) };
  throw new Error(`sdk-model-reader: the SDK type ${JSON.stringify(type)} is not understood`);
}

/** The text of src/models/<top-level class>.ts that defines `className` (file names differ in case at times: DescribeVswitchesRequest.ts). */
function source(product: CloudProduct, className: string): string {
  const loadedSdk = sdk(product);
  let text = loadedSdk.sources.get(className);
  if (text === undefined) {
    const file = loadedSdk.files.get(`${className}.ts`.toLowerCase());
    if (!file) throw new Error(`sdk-model-reader: ${SDK_PACKAGES[product]} has no src/models file for ${className}`);
    text = readFileSync(join(loadedSdk.dir, 'src', 'models', file), 'utf8');
    loadedSdk.sources.set(className, text);
  }
  return text;
}

/** JS names of the fields whose doc comment says "This parameter is required." in class `className`. */
function requiredFields(file: string, className: string): Set<string> {
  const start = file.indexOf(`export class ${className} extends`);
  if (start < 0) throw new Error(`sdk-model-reader: no class ${className} in the source file of its parent model`);
  const end = file.indexOf('static names()', start);
  const body = file.slice(start, end);
  const required = new Set<string>();
  for (const match of body.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\n\s*(\w+)\??:/g)) {
    if (match[1].includes('This parameter is required.')) required.add(match[2]);
  }
  return required;
}

interface Placement {
  body: boolean;
  /** Sent as JSON text by the SDK (`request.xShrink`). */
  shrink: boolean;
}

/** Wire name → where `<action>WithOptions` puts it; undefined when the method sends the whole model as query. */
function wirePlacement(product: CloudProduct, action: string): Map<string, Placement> | undefined {
  const client = sdk(product).client;
  const method = `async ${action[0].toLowerCase()}${action.slice(1)}WithOptions(`;
  const start = client.indexOf(method);
  if (start < 0) throw new Error(`sdk-model-reader: ${SDK_PACKAGES[product]} has no ${method}`);
  const end = client.indexOf('new $OpenApiUtil.Params(', start);
  const text = client.slice(start, end);
  if (/OpenApiUtil\.query\(request\.toMap\(\)\)/.test(text)) return undefined;
  const placement = new Map<string, Placement>();
  for (const match of text.matchAll(/\b(query|body)\["([^"]+)"\] = request\.(\w+);/g)) {
    placement.set(match[2], { body: match[1] === 'body', shrink: match[3].endsWith('Shrink') });
  }
  return placement;
}
