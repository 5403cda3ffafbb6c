/**
 * The official SDK models as the offline cloud enforces them (docs/offline-cloud.md "The SDK
 * models are the contract"): for each action, the request parameters its `<Action>Request` model
 * declares (wire name, type, required, query or form body) and the fields of its
 * `<Action>ResponseBody`. The data is the checked-in table sdk-model-table.ts, generated from the
 * installed @alicloud/cloudapi20160714, vpc20160428 and ecs20140526 by
 * scripts/sdk-model-table.ts (which uses testing/sdk-model-reader.ts); the offline cloud ships in
 * the app for demo mode, so it never loads those packages at run time.
 *
 * Three questions are answered here, for the server and the conformance tests alike: which wire
 * parameters a request sends that the model does not declare (or in the wrong shape or type), which
 * required ones it leaves out, and which answer fields the response model does not declare (or
 * declares with another type).
 */
import type { CloudProduct } from '../shared/cloud/products';
import { SDK_MODEL_TABLE } from './sdk-model-table';
import type { SdkActionModel, SdkField, SdkModelTable, SdkType } from './sdk-model-types';

/** The model of an action, or undefined when the SDK has none (see `unmodelled`). */
export function actionModel(product: CloudProduct, action: string, table: SdkModelTable = SDK_MODEL_TABLE): SdkActionModel | undefined {
  const actions = table.actions[product];
  return Object.hasOwn(actions, action) ? actions[action] : undefined;
}

/** What a request gets wrong against its model; empty lists when nothing. */
export interface ParamProblems {
  /** Wire names the model does not declare, or declares in another shape (a list sent as one value...), with why. */
  undeclared: { name: string; why: string }[];
  /** Required wire names (`GroupName`, `ZoneVSwitchSecurityGroup.1.VSwitchId`) absent or empty. */
  missing: string[];
  /** Values that are not of the declared type (a number or boolean field). */
  badType: { name: string; why: string }[];
}

/**
 * Checks flattened wire parameters (`Tag.1.Key`: RepeatLists as the SDKs and pop-core flatten
 * them) against the model. `params` holds the business parameters only: the protocol's own
 * (Action, Signature..., or V3's headers) are taken out by the caller.
 */
export function paramProblems(model: SdkActionModel, params: Readonly<Record<string, string>>): ParamProblems {
  const problems: ParamProblems = { undeclared: [], missing: [], badType: [] };
  // Which list items were sent, to check each item's required fields: `Zone.1` → the item's type.
  const items = new Map<string, Record<string, SdkField>>();
  for (const [name, value] of Object.entries(params)) {
    const segments = name.split('.');
    const top = segments[0];
    const field = Object.hasOwn(model.params, top) ? model.params[top] : undefined;
    if (!field) {
      problems.undeclared.push({ name, why: `${model.request} declares no ${top}` });
      continue;
    }
    const shape = shapeProblem(field, segments, 1, top, items);
    if (shape) problems.undeclared.push({ name, why: shape });
    else {
      const typeProblem = valueProblem(leafType(field, segments), value);
      if (typeProblem) problems.badType.push({ name, why: typeProblem });
    }
  }
  for (const [name, field] of Object.entries(model.params)) {
    if (field.required && !isPresent(params, name, field)) problems.missing.push(name);
  }
  for (const [prefix, fields] of items) {
    for (const [name, field] of Object.entries(fields)) {
      if (field.required && !isPresent(params, `${prefix}.${name}`, field)) problems.missing.push(`${prefix}.${name}`);
    }
  }
  return problems;
}

/** Why `segments[at...]` do not fit `type`, or undefined when they do. */
function shapeProblem(type: SdkType, segments: string[], at: number, path: string, items: Map<string, Record<string, SdkField>>): string | undefined {
  const rest = segments.length - at;
  switch (type.type) {
    case 'list': {
      if (rest === 0) return `${path} is a list: send ${path}.1, ${path}.2... (1-based)`;
      if (!/^[1-9]\d*$/.test(segments[at])) return `${path} is a list: "${segments[at]}" is not an index from 1`;
      const itemPath = `${path}.${segments[at]}`;
      if (type.item.type === 'object') items.set(itemPath, type.item.fields);
      return shapeProblem(type.item, segments, at + 1, itemPath, items);
    }
    case 'object': {
      if (rest === 0) return `${path} is an object: send its fields as ${path}.<Field>`;
      const name = segments[at];
      const field = Object.hasOwn(type.fields, name) ? type.fields[name] : undefined;
      if (!field) return `${type.model} declares no ${name}`;
      return shapeProblem(field, segments, at + 1, `${path}.${name}`, items);
    }
    case 'map':
      return rest === 0 ? `${path} is a map: send ${path}.<key>` : undefined;
    default:
      return rest === 0 ? undefined : `${path} is a single ${type.type} value, not ${segments.slice(0, at).join('.')}.${segments.slice(at).join('.')}`;
  }
}

/** The scalar type a well-shaped wire name ends at. */
function leafType(field: SdkType, segments: string[]): SdkType {
  let type = field;
  for (const segment of segments.slice(1)) {
    if (type.type === 'list') type = type.item;
    else if (type.type === 'object') type = type.fields[segment];
    else if (type.type === 'map') return type.value;
  }
  return type;
}

function valueProblem(type: SdkType, value: string): string | undefined {
  if (value === '') return undefined;
  if (type.type === 'number' && !/^-?\d+(\.\d+)?$/.test(value)) return `the model declares a number, got "${value}"`;
  if (type.type === 'boolean' && !/^(true|false)$/i.test(value)) return `the model declares a boolean (true or false), got "${value}"`;
  return undefined;
}

function isPresent(params: Readonly<Record<string, string>>, name: string, type: SdkType): boolean {
  if (type.type === 'list' || type.type === 'object' || type.type === 'map') {
    const prefix = `${name}.`;
    return Object.entries(params).some(([key, value]) => key.startsWith(prefix) && value !== '');
  }
  const value = params[name];
  return value !== undefined && value !== '';
}

/**
 * The answer fields the response model does not declare, or declares with another type or list
 * wrapper, as `path: why` lines (`Apps.AppItem[0].AppId: the model declares a number, got a
 * string`). `RequestId` is part of every response model.
 */
export function responseProblems(model: SdkActionModel, body: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(body)) return [`the answer is not a JSON object`];
  fieldsProblems(model.response, model.fields, body, '', problems);
  return problems;
}

function fieldsProblems(modelName: string, fields: Record<string, SdkField>, value: Record<string, unknown>, path: string, problems: string[]): void {
  for (const [name, inner] of Object.entries(value)) {
    const where = path ? `${path}.${name}` : name;
    const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (!field) problems.push(`${where}: ${modelName} declares no ${name}`);
    else typeProblems(field, inner, where, problems);
  }
}

function typeProblems(type: SdkType, value: unknown, where: string, problems: string[]): void {
  // A null is what a JSON answer has for "nothing"; the SDK maps it to an absent field.
  if (value === null) return;
  switch (type.type) {
    case 'any':
      return;
    case 'json':
    case 'string':
      if (typeof value !== 'string') problems.push(`${where}: the model declares a string, got ${describe(value)}`);
      return;
    case 'number':
      if (typeof value !== 'number') problems.push(`${where}: the model declares a number, got ${describe(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${where}: the model declares a boolean, got ${describe(value)}`);
      return;
    case 'list':
      if (!Array.isArray(value)) problems.push(`${where}: the model declares a list, got ${describe(value)}`);
      else value.forEach((item, index) => typeProblems(type.item, item, `${where}[${index}]`, problems));
      return;
    case 'object':
      if (!isObject(value)) problems.push(`${where}: the model declares an object (${type.model}), got ${describe(value)}`);
      else fieldsProblems(type.model, type.fields, value, where, problems);
      return;
    case 'map':
      if (!isObject(value)) problems.push(`${where}: the model declares a map, got ${describe(value)}`);
      else for (const [key, inner] of Object.entries(value)) typeProblems(type.value, inner, `${where}.${key}`, problems);
      return;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** Whether the model declares this top-level wire name (for the offline cloud's own reads). */
export function declaresParam(model: SdkActionModel, name: string): boolean {
  return Object.hasOwn(model.params, name.split('.')[0]);
}

/**
 * `value` with only what the response model declares, at every depth (objects and list items).
 * For answers built from one stored record that several actions show, each as its own model
 * declares it (DescribeApi, DescribeDeployedApi and DescribeApiHistory show an API's definition
 * with different fields). Not a blanket filter: the conformance tests check every answer as sent.
 */
export function declaredPart(model: SdkActionModel, value: Record<string, unknown>): Record<string, unknown> {
  return pick(model.fields, value);
}

function pick(fields: Record<string, SdkField>, value: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [name, inner] of Object.entries(value)) {
    if (Object.hasOwn(fields, name)) kept[name] = pickType(fields[name], inner);
  }
  return kept;
}

function pickType(type: SdkType, value: unknown): unknown {
  if (type.type === 'object' && isObject(value)) return pick(type.fields, value);
  if (type.type === 'list' && Array.isArray(value)) return value.map((item) => pickType(type.item, item));
  return value;
}
