/**
 * The OpenAPI calls behind each kind of plan line, and what each records when it succeeds. Ids
 * are looked up at run time (a group created earlier in the same apply has its id by then).
 * Every write but a create may be sent again safely (full replacements, deletes that take NotFound
 * as done), so the client retries them after a lost answer too. A create has no idempotency token
 * (CloudAPI declares none), so after a lost answer it is looked up by name and adopted, or sent
 * again if it is not there (create-or-adopt.ts, docs/sync.md "Lost answers").
 */
import type { Api, CloudIds, Project, Stage } from '../../shared/model/schema';
import { apiKey, findDeployment } from '../../shared/model/stages';
import { type FieldChange, canonicalApi, cloudApi, diffFields } from '../../shared/sync/canonical';
import { type AppIds, type CloudParamSet, apiToParams, apiToSendParams, describeApiShape, stageIdsFromCloud } from '../../shared/sync/cloud-mapping';
import { type CloudRecord, toCloudTime } from '../../shared/sync/cloud-values';
import { fingerprint } from '../../shared/sync/fingerprint';
import { type AnySyncKind, NOT_FOUND_CODES, type ObjectKind, designKey, isObjectKind, syncKind } from '../../shared/sync/kinds';
import { apiKind } from '../../shared/sync/kinds/api';
import type { CloudCall } from '../../shared/sync/kinds/kind';
import { deploymentKey } from '../../shared/sync/plan-deployments';
import { type PlanLine, objectKey } from '../../shared/sync/plan-types';
import type { CloudSnapshot } from '../../shared/sync/snapshot';
import type { CallOptions, CloudClient } from '../cloud';
import { CloudError } from '../cloud';
import { findByName } from './cloud-lists';
import { createOrAdopt } from './create-or-adopt';
import type { PullCache } from './pull-cache';
import type { SyncRecorder } from './recorder';

const WRITE: CallOptions = { idempotent: true };
/** A create is sent once per attempt: the client must not send it again by itself (create-or-adopt.ts). */
const CREATE: CallOptions = { idempotent: false };

export interface StepContext {
  client: CloudClient;
  recorder: SyncRecorder;
  snapshot: CloudSnapshot;
  cache?: PullCache;
  now?: () => Date;
}

/** A sync step failed in a way the person must see: what, where, and what to do. */
export class SyncStepError extends Error {
  constructor(
    readonly line: PlanLine,
    message: string,
  ) {
    super(message);
    this.name = 'SyncStepError';
  }
}

export class ApplySteps {
  /** The cloud's draft of each API as apply last left it (design terms), for deploys that must swap it. */
  private readonly drafts = new Map<string, Api>();
  private readonly stageIds = new Map<string, Partial<Record<Stage, string>>>();
  private readonly stageIdReads = new Map<string, Promise<Partial<Record<Stage, string>>>>();

  constructor(private readonly context: StepContext) {
    for (const group of context.snapshot.groups) if (group.stageIds) this.stageIds.set(group.id, group.stageIds);
  }

  /** The API's draft in the cloud now: what apply last wrote, else what pull read. */
  private draftOf(key: string, apiId: string): Api | undefined {
    const known = this.drafts.get(key);
    if (known) return known;
    const detail = this.context.snapshot.apis.find((api) => api.id === apiId)?.detail;
    return detail ? cloudApi(detail, key.slice(0, key.indexOf('/'))).api : undefined;
  }

  private get ids(): CloudIds {
    return this.context.recorder.ids;
  }

  private get design(): Project {
    return this.context.recorder.project;
  }


  readonly apps: AppIds = {
    idOf: (name) => this.ids.apps[name],
    nameOf: (id) => Object.entries(this.ids.apps).find(([, value]) => value === id)?.[0],
  };

  private call(action: string, params: CloudParamSet, options: CallOptions = WRITE): Promise<CloudRecord> {
    return this.context.client.call<CloudRecord>('CloudAPI', action, params, { ...WRITE, ...options });
  }

  private need(kind: ObjectKind, key: string, line: PlanLine): string {
    const id = this.ids[syncKind(kind).ids][key];
    if (id === undefined) throw new SyncStepError(line, `${line.name}: the ${kind} ${key} has no cloud id recorded; an earlier step did not finish. Run plan again.`);
    return id;
  }

  // ------------------------------------------------------------------------------------------
  // Objects: one path for every sync kind, driven by its descriptor (shared/sync/kinds/)

  /**
   * Records this phase's creates as pending (with when they were first sent) before any is sent,
   * so that after a crash the next plan adopts by name what the cloud made instead of calling it
   * someone else's.
   */
  async markPendingCreates(lines: PlanLine[]): Promise<void> {
    const creates = lines.filter((line) => line.op === 'create' && isObjectKind(line.kind));
    if (creates.length === 0) return;
    const since = (this.context.now?.() ?? new Date()).toISOString();
    await this.context.recorder.update((ids) => {
      ids.pending ??= {};
      for (const line of creates) ids.pending[objectKey(line.kind as ObjectKind, line.name)] ??= since;
    }, { durable: true });
  }

  async object(line: PlanLine): Promise<void> {
    const kind = syncKind(line.kind as ObjectKind);
    const key = line.name;
    if (line.op === 'delete') return this.deleteObject(kind, key, line);
    let id = line.op === 'create' ? undefined : line.id;
    if (line.op === 'create') {
      id = await this.create(kind, key, line);
    } else if (line.op === 'update' || (line.op === 'adopt' && line.fields?.length)) {
      await this.modify(kind, key, id!, line);
    }
    await this.context.recorder.update((ids) => {
      ids[kind.ids][key] = id!;
      if (ids.pending) delete ids.pending[objectKey(kind.kind, key)];
      if (line.fingerprint) (ids.fingerprints ??= {})[line.fingerprint.key] = line.fingerprint.value;
    });
  }

  /** Creates the object, or adopts the one a create whose answer was lost made (create-or-adopt.ts). */
  private async create(kind: AnySyncKind, key: string, line: PlanLine): Promise<string> {
    const item = this.find(kind, key, line);
    const { id, adopted } = await createOrAdopt({ create: () => this.send(kind, item, line), find: () => this.findCreated(kind, key, item, line) });
    if (adopted) await this.adopt(kind, key, id, adopted, line);
    else if (kind.parts) await this.sendAll(kind.parts.calls(id, undefined, item, this.apps));
    this.wrote(key, id, kind, item);
    return id;
  }

  /** One create call, without a token (none is declared); the new object's id. */
  private async send(kind: AnySyncKind, item: unknown, line: PlanLine): Promise<string> {
    const params = { ...this.parentParam(kind, item, line), ...kind.toParams(item, this.apps) };
    return String((await this.call(kind.cloud.create.action, params, CREATE))[kind.cloud.create.idField]);
  }

  /** What a create whose answer was lost may have made: the object of its name (in its parent, if it has one). */
  private async findCreated(kind: AnySyncKind, key: string, item: unknown, line: PlanLine): Promise<{ id: string; found: CloudRecord } | undefined> {
    const parentId = kind.parent && this.need(kind.parent.kind as ObjectKind, kind.parent.key(item), line);
    const named = await findByName(this.context.client, kind.kind, kind.name(item), parentId);
    if (named.length > 1) {
      throw new SyncStepError(
        line,
        `${line.name}: the answer to its create was lost, and the cloud now has ${named.length} ${kind.cloudNoun}s of that name (${named.map((object) => object.id).join(', ')}); sync cannot tell which one it made. Delete the extra ones in the cloud, then run plan again.`,
      );
    }
    return named[0] && { id: named[0].id, found: named[0].item };
  }

  /** Makes an object that a create whose answer was lost made the design's, where it differs. */
  private async adopt(kind: AnySyncKind, key: string, id: string, found: CloudRecord, line: PlanLine): Promise<void> {
    const fields = await this.differences(kind, key, id, found, line);
    if (fields.length > 0) await this.modify(kind, key, id, { ...line, fields }, found);
  }

  /** How the cloud's object differs from the design's, compared as the planner compares them (its detail read where the kind has one). */
  private async differences(kind: AnySyncKind, key: string, id: string, found: CloudRecord, line: PlanLine): Promise<FieldChange[]> {
    const item = this.find(kind, key, line);
    const read = kind.cloud.detail ? await this.call(kind.cloud.detail.action, { [kind.cloud.idParam]: id, ...this.parentParam(kind, item, line) }) : found;
    const side = kind.cloudFields(read, item, this.apps);
    if (side.blocked) throw new SyncStepError(line, `${line.name}: ${kind.adoptRefusal?.(item, id) ?? side.blocked}`);
    return diffFields(side.fields, kind.designFields(item, this.apps));
  }

  /** `cloudItem`: the cloud's object as just read, when the snapshot does not have it (an adopted create). */
  private async modify(kind: AnySyncKind, key: string, id: string, line: PlanLine, cloudItem?: CloudRecord): Promise<void> {
    const item = this.find(kind, key, line);
    const changed = (line.fields ?? []).map((field) => field.path);
    const parts = kind.parts;
    // Fields written by the kind's own part calls (a policy's specials) need no modify.
    if (!parts || changed.some((path) => !parts.paths.some((part) => path.startsWith(part)))) {
      await this.call(kind.cloud.modify, { [kind.cloud.idParam]: id, ...this.parentParam(kind, item, line), ...(kind.modifyParams ?? kind.toParams)(item, this.apps) });
    }
    if (parts) {
      const cloud = cloudItem ?? this.context.snapshot[kind.snapshot].find((candidate) => candidate.id === id)?.item;
      await this.sendAll(parts.calls(id, cloud, item, this.apps));
    }
    this.wrote(key, id, kind, item);
  }

  private async deleteObject(kind: AnySyncKind, key: string, line: PlanLine): Promise<void> {
    const id = line.id!;
    const cloud = this.context.snapshot[kind.snapshot].find((candidate) => candidate.id === id);
    for (const call of kind.beforeDelete?.(cloud, id) ?? []) {
      await this.tolerate([...NOT_FOUND_CODES, ...(call.tolerate ?? [])], () => this.call(call.action, call.params));
    }
    await this.tolerate(NOT_FOUND_CODES, () => this.call(kind.cloud.delete, { [kind.cloud.idParam]: id }));
    await this.context.recorder.update((ids) => {
      delete ids[kind.ids][key];
      if (ids.fingerprints) delete ids.fingerprints[objectKey(kind.kind, key)];
    });
  }

  /** The parent's id, as the calls of an object inside another carry it (an API's GroupId). */
  private parentParam(kind: AnySyncKind, item: unknown, line: PlanLine): CloudParamSet {
    return kind.parent ? { [kind.parent.param]: this.need(kind.parent.kind as ObjectKind, kind.parent.key(item), line) } : {};
  }

  /** A kind's own calls beside create/modify/delete, one after another. */
  private async sendAll(calls: CloudCall[]): Promise<void> {
    for (const call of calls) {
      if (call.tolerate) await this.tolerate(call.tolerate, () => this.call(call.action, call.params));
      else await this.call(call.action, call.params);
    }
  }

  /** The design's object of a plan line. */
  private find(kind: AnySyncKind, key: string, line: PlanLine): unknown {
    const item = kind.design(this.design).find((candidate) => designKey(kind, candidate) === key);
    if (item === undefined) throw missing(line);
    return item;
  }

  // ------------------------------------------------------------------------------------------
  // Relations

  async stageVariable(line: PlanLine): Promise<void> {
    const { group, stage, variable } = line.ref as { group: string; stage: Stage; variable: string };
    const groupId = this.need('group', group, line);
    const stageId = await this.stageId(groupId, stage, line);
    const remove = () => this.tolerate(['NotFoundStageVariable'], () => this.call('DeleteApiStageVariable', { GroupId: groupId, StageId: stageId, VariableName: variable }));
    if (line.op === 'delete' || line.op === 'update') await remove();
    if (line.op !== 'delete') {
      const value = this.design.groups.find((candidate) => candidate.name === group)?.stageVariables[stage]?.[variable];
      if (value === undefined) throw missing(line);
      await this.tolerate(['DuplicateVariableName'], () => this.call('CreateApiStageVariable', { GroupId: groupId, StageId: stageId, VariableName: variable, VariableValue: value }));
    }
    await this.recordRelations([line]);
  }

  private async stageId(groupId: string, stage: Stage, line: PlanLine): Promise<string> {
    let ids = this.stageIds.get(groupId) ?? this.context.cache?.stageIds(groupId);
    if (!ids?.[stage]) {
      // One read per group, however many of its variables are being written at once.
      let reading = this.stageIdReads.get(groupId);
      if (!reading) {
        reading = this.call('DescribeApiGroup', { GroupId: groupId }, {}).then(stageIdsFromCloud);
        this.stageIdReads.set(groupId, reading);
      }
      ids = await reading;
      this.context.cache?.putStageIds(groupId, ids);
    }
    this.stageIds.set(groupId, ids);
    const id = ids[stage];
    if (!id) throw new SyncStepError(line, `${line.name}: group ${groupId} has no ${stage} stage in the cloud's answer to DescribeApiGroup`);
    return id;
  }

  /** Lines of one kind, op, owner, group and stage, sent as one call with a comma list of ApiIds (at most 100). */
  async relationBatch(lines: PlanLine[]): Promise<void> {
    const first = lines[0];
    const { group, stage } = first.ref as { group: string; stage: Stage };
    const groupId = this.need('group', group, first);
    const apiIds = lines.map((line) => this.need('api', apiKey({ group, api: line.ref.api! }), line)).join(',');
    if (first.kind === 'throttlingBinding') {
      const policyId = this.need('throttlingPolicy', first.ref.policy!, first);
      const action = first.op === 'bind' ? 'SetTrafficControlApis' : 'RemoveTrafficControlApis';
      await this.call(action, { TrafficControlId: policyId, GroupId: groupId, StageName: stage, ApiIds: apiIds });
    } else if (first.kind === 'pluginBinding') {
      const pluginId = this.need('plugin', first.ref.plugin!, first);
      if (first.op === 'bind') await this.call('AttachPlugin', { PluginId: pluginId, GroupId: groupId, StageName: stage, ApiIds: apiIds });
      // DetachPlugin takes one ApiId (docs/alibaba-openapi.md, "Plug-ins").
      else for (const apiId of apiIds.split(',')) await this.call('DetachPlugin', { PluginId: pluginId, GroupId: groupId, StageName: stage, ApiId: apiId });
    } else {
      const appId = this.need('app', first.ref.app!, first);
      if (first.op === 'unauthorize') {
        await this.call('RemoveApisAuthorities', { AppId: appId, GroupId: groupId, StageName: stage, ApiIds: apiIds });
      } else {
        // One call per expiry and description: SetApisAuthorities sets them for every ApiId it names.
        const calls = new Map<string, { authorization: Project['authorizations'][number]; apiIds: string[] }>();
        lines.forEach((line, index) => {
          const authorization = this.design.authorizations.find((candidate) => candidate.app === line.ref.app && candidate.group === group && candidate.api === line.ref.api && candidate.stage === stage);
          if (!authorization) throw missing(line);
          const key = JSON.stringify([authorization.expiresAt, authorization.description]);
          if (!calls.has(key)) calls.set(key, { authorization, apiIds: [] });
          calls.get(key)!.apiIds.push(apiIds.split(',')[index]);
        });
        for (const { authorization, apiIds: ids } of calls.values()) {
          await this.call('SetApisAuthorities', {
            AppId: appId,
            GroupId: groupId,
            StageName: stage,
            ApiIds: ids.join(','),
            AuthValidTime: authorization.expiresAt === undefined ? undefined : toCloudTime(authorization.expiresAt),
            Description: authorization.description,
          });
        }
      }
    }
    await this.recordRelations(lines);
  }

  private recordRelations(lines: PlanLine[]): Promise<void> {
    return this.context.recorder.update((ids) => {
      ids.relations ??= {};
      for (const { relation } of lines) {
        if (!relation) continue;
        const members = new Set(ids.relations[relation.scope] ?? []);
        if (relation.remove) members.delete(relation.remove);
        if (relation.add) members.add(relation.add);
        if (members.size > 0) ids.relations[relation.scope] = [...members].sort();
        else delete ids.relations[relation.scope];
      }
    });
  }

  // ------------------------------------------------------------------------------------------
  // Deployments

  /** Deploy or abolish lines of one API, one after another (a deploy may swap the API's draft). */
  async deployments(lines: PlanLine[]): Promise<void> {
    for (const line of lines) await this.deployment(line);
  }

  private async deployment(line: PlanLine): Promise<void> {
    const { group, api, stage, version, historyVersion } = line.ref as { group: string; api: string; stage: Stage; version?: number; historyVersion?: string };
    const key = apiKey({ group, api });
    const apiId = this.need('api', key, line);
    const groupId = this.need('group', group, line);
    if (line.op === 'abolish') {
      await this.tolerate(['NotFoundDeployedApi'], () => this.call('AbolishApi', { ApiId: apiId, GroupId: groupId, StageName: stage }));
      return;
    }
    const record = findDeployment(this.design, { group, api }, stage)?.history.find((candidate) => candidate.version === version);
    if (!record?.definition) throw missing(line);
    const description = (record.description ?? `apigw-studio: version ${version}`).slice(0, 200);
    let cloudVersion = '';
    if (historyVersion) {
      await this.call('SwitchApi', { ApiId: apiId, GroupId: groupId, StageName: stage, HistoryVersion: historyVersion, Description: description });
      cloudVersion = historyVersion;
    } else {
      // DeployApi publishes the draft: put the snapshot there for the moment, then put the draft back.
      const snapshot = canonicalApi(record.definition);
      const draft = this.draftOf(key, apiId) ?? snapshot;
      const swap = fingerprint(draft) !== fingerprint(snapshot);
      if (swap) await this.call('ModifyApi', { ApiId: apiId, GroupId: groupId, ...apiToSendParams(record.definition) });
      await this.call('DeployApi', { ApiId: apiId, GroupId: groupId, StageName: stage, Description: description });
      if (swap) await this.call('ModifyApi', { ApiId: apiId, GroupId: groupId, ...apiToParams(draft) });
      this.wrote(key, apiId, apiKind, draft);
    }
    this.context.cache?.pinDeployedDetail(apiId, stage, describeApiShape(apiToParams(record.definition), { ApiId: apiId, GroupId: groupId }));
    await this.context.recorder.update((ids) => {
      const recorded = ((ids.deployed ??= {})[deploymentKey(group, api, stage)] ??= {});
      recorded[String(version)] = cloudVersion;
    });
  }

  // ------------------------------------------------------------------------------------------

  /**
   * Remembers what the cloud's detail read (an API's draft) now holds, for later deploys and the
   * next pull: only a kind with a detail read (the API) has one.
   */
  private wrote(key: string, id: string, kind: AnySyncKind, item: unknown): void {
    if (!kind.cloud.detail) return;
    this.drafts.set(key, kind.designFields(item, this.apps) as Api);
    this.context.cache?.pinApiDetail(id, kind.cloud.detail.answerFor(item, id));
  }

  /** Runs a write that may already be done (a retry after a lost answer): these codes mean it is. */
  private async tolerate(codes: readonly string[], write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (error instanceof CloudError && codes.includes(error.code)) return;
      throw error;
    }
  }
}

function missing(line: PlanLine): SyncStepError {
  return new SyncStepError(line, `${line.name}: no longer in the design; the project changed since the plan was made. Run plan again.`);
}
