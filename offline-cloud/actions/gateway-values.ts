/**
 * Values the API Gateway actions share: ids and times shaped like the cloud's
 * (docs/alibaba-openapi.md, "Conventions of the answers"), tags, stage names, and the name and
 * description rules of shared/model/names.ts, checked here so a client cannot get past what the
 * design refuses.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { NAME_RULES, type NamedKind, descriptionProblem, nameProblem } from '../../shared/model/names';
import type { ActionParams } from '../action-params';
import { gatewayErrors } from './gateway-errors';
import { STAGE_NAMES, type StageName, type TagRecord } from './gateway-state';

/** GroupId, ApiId, TrafficControlId, PluginId, StageId: 32 lower-case hex characters. */
export function hexId(): string {
  return randomBytes(16).toString('hex');
}

/** An AppId: a 14-digit Long like `20112314518278`, unique among `taken`. */
export function newAppId(taken: readonly number[]): number {
  for (;;) {
    const id = randomInt(10 ** 13, 10 ** 14);
    if (!taken.includes(id)) return id;
  }
}

/** `2024-01-01T00:00:00Z`. */
export function utcTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A new ModifiedTime: now, or one second after the previous one when now is not later. Times
 * have whole seconds, and a client that skips APIs whose ModifiedTime did not change must see
 * every change, even two within one second.
 */
export function nextModifiedTime(now: Date, previous: string): string {
  const current = utcTime(now);
  if (current > previous) return current;
  return utcTime(new Date(Date.parse(previous) + 1000));
}

/** `yyyyMMddHHmmssSSS` (UTC), later than `previous` so versions of one API and stage never collide. */
export function historyVersion(now: Date, previous?: string): string {
  const version = now.toISOString().replace(/\D/g, '').slice(0, 17);
  if (previous === undefined || version > previous) return version;
  return String(BigInt(previous) + 1n);
}

export function readTags(params: ActionParams): TagRecord[] {
  const list = params.repeatList('Tag');
  if (list.length > 20) throw gatewayErrors.invalid('Tag', `at most 20 tags are allowed, got ${list.length}`);
  return list.map((item, index) => {
    const entry = typeof item === 'object' && !Array.isArray(item) ? item : {};
    const key = typeof entry.Key === 'string' ? entry.Key : '';
    const value = typeof entry.Value === 'string' ? entry.Value : '';
    if (!key) throw gatewayErrors.invalid(`Tag.${index + 1}.Key`, 'every tag needs a Key');
    return { Key: key, Value: value };
  });
}

/** The groups', apps' and plug-ins' tag list: `Tags.TagInfo[]`. */
export function tagInfos(tags: readonly TagRecord[]): { TagInfo: TagRecord[] } {
  return { TagInfo: tags.map((tag) => ({ Key: tag.Key, Value: tag.Value })) };
}

/** Whether a resource carries every tag of a `Tag` filter. */
export function hasTags(tags: readonly TagRecord[], wanted: readonly TagRecord[]): boolean {
  return wanted.every((want) => tags.some((tag) => tag.Key === want.Key && (want.Value === '' || tag.Value === want.Value)));
}

export function isStageName(value: string): value is StageName {
  return (STAGE_NAMES as readonly string[]).includes(value);
}

/** A StageName parameter: RELEASE, PRE or TEST (any case); NotFoundStage otherwise. */
export function readStageName(params: ActionParams, name = 'StageName'): StageName {
  return toStageName(params.required(name), name);
}

export function optionalStageName(params: ActionParams, name = 'StageName'): StageName | undefined {
  const text = params.string(name);
  return text === undefined ? undefined : toStageName(text, name);
}

function toStageName(text: string, param: string): StageName {
  const upper = text.toUpperCase();
  if (!isStageName(upper)) throw gatewayErrors.notFound('Stage', param, text);
  return upper;
}

/**
 * Refuses a name the cloud's rule for its kind refuses (shared/model/names.ts; no kind takes `-`)
 * with `Invalid<ParamName>` (InvalidGroupName, InvalidApiName…), naming the name to use instead.
 */
export function checkName(kind: NamedKind, param: string, name: string): string {
  const problem = nameProblem(kind, name);
  if (problem) throw gatewayErrors.invalidName(param, name, problem);
  return name;
}

export function checkDescription(kind: NamedKind | number, param: string, text: string | undefined): string {
  const max = typeof kind === 'number' ? kind : NAME_RULES[kind].descriptionMaxLength;
  const problem = descriptionProblem(`this ${typeof kind === 'number' ? 'item' : NAME_RULES[kind].noun}`, text ?? '', max);
  if (problem) throw gatewayErrors.invalid(param, problem.replace(/\.$/, ''));
  return text ?? '';
}

/** A comma list of ids where one id at least is needed. */
export function requiredList(params: ActionParams, name: string, max = 100): string[] {
  const list = params.commaList(name, max);
  if (!list || list.length === 0) throw gatewayErrors.invalid(name, 'give at least one id (a comma-separated list)');
  return list;
}

/** A text filter that matches anywhere, ignoring case (the cloud's "keyword" and "fuzzy" filters). */
export function fuzzyMatch(value: string, filter: string | undefined): boolean {
  return filter === undefined || value.toLowerCase().includes(filter.toLowerCase());
}

/** UTF-8 bytes, for the cloud's size limits on samples and plug-in data. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** A required parameter that must be one of `allowed` (any case). */
export function requiredOneOf<T extends string>(params: ActionParams, name: string, allowed: readonly T[]): T {
  params.required(name);
  return params.oneOf(name, allowed, allowed[0]);
}

export function requiredInt(params: ActionParams, name: string, range: { min?: number; max?: number }): number {
  params.required(name);
  return params.int(name, range) as number;
}
