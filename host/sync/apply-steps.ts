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
import {
  type FieldChange,
  canonicalApi,
  canonicalApp,
  canonicalPlugin,
  canonicalPolicy,
  cloudApi,
  cloudGroupFields,
  cloudPlugin,
  cloudPolicy,
  diffFields,
  groupFields,
} from '../../shared/sync/canonical';
import {
  type AppIds,
  type CloudParamSet,
  apiToParams,
  apiToSendParams,
  appFromCloud,
  appToParams,
  describeApiShape,
  groupToParams,
  pluginToParams,
  policyToParams,
  specialsFromCloud,
  specialsToCloud,
  stageIdsFromCloud,
} from '../../shared/sync/cloud-mapping';
import { type CloudRecord, toCloudTime } from '../../shared/sync/cloud-values';
import { fingerprint } from '../../shared/sync/fingerprint';
import { deploymentKey } from '../../shared/sync/plan-deployments';
import { type PlanLine, objectKey } from '../../shared/sync/plan-types';
import type { CloudSnapshot } from '../../shared/sync/snapshot';
import type { CallOptions, CloudClient } from '../cloud';
import { CloudError } from '../cloud';
import { findByName } from './cloud-lists';
import { createOrAdopt } from './create-or-adopt';
import type { PullCache } from './pull-cache';
import type { SyncRecorder } from './recorder';

type IdKind = 'groups' | 'apis' | 'apps' | 'throttlingPolicies' | 'plugins';
type ObjectKind = 'group' | 'api' | 'app' | 'throttlingPolicy' | 'plugin';

const ID_FIELD: Record<ObjectKind, IdKind> = { group: 'groups', api: 'apis', app: 'apps', throttlingPolicy: 'throttlingPolicies', plugin: 'plugins' };
const NOUN: Record<ObjectKind, string> = { group: 'API group', api: 'API', app: 'app', throttlingPolicy: 'throttling policy', plugin: 'plug-in' };
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
    const id = this.ids[ID_FIELD[kind]][key];
    if (id === undefined) throw new SyncStepError(line, `${line.name}: the ${kind} ${key} has no cloud id recorded; an earlier step did not finish. Run plan again.`);
    return id;
  }

  // ------------------------------------------------------------------------------------------
  // Objects

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
    const kind = line.kind as ObjectKind;
    const key = line.name;
    if (line.op === 'delete') return this.deleteObject(kind, key, line);
    let id = line.op === 'create' ? undefined : line.id;
    if (line.op === 'create') {
      id = await this.create(kind, key, line);
    } else if (line.op === 'update' || (line.op === 'adopt' && line.fields?.length)) {
      await this.modify(kind, key, id!, line);
    }
    await this.context.recorder.update((ids) => {
      ids[ID_FIELD[kind]][key] = id!;
      if (ids.pending) delete ids.pending[objectKey(kind, key)];
      if (line.fingerprint) (ids.fingerprints ??= {})[line.fingerprint.key] = line.fingerprint.value;
    });
  }

  /** Creates the object, or adopts the one a create whose answer was lost made (create-or-adopt.ts). */
  private async create(kind: ObjectKind, key: string, line: PlanLine): Promise<string> {
    const { id, adopted } = await createOrAdopt({ create: () => this.send(kind, key, line), find: () => this.findCreated(kind, key, line) });
    if (adopted) await this.adopt(kind, key, id, adopted, line);
    else if (kind === 'throttlingPolicy') await this.reconcileSpecials(id, [], this.findPolicy(key, line));
    if (kind === 'api') this.wrote(key, id, this.findApi(key, line));
    return id;
  }

  /** One create call, without a token (none is declared); the new object's id. */
  private async send(kind: ObjectKind, key: string, line: PlanLine): Promise<string> {
    if (kind === 'group') return String((await this.call('CreateApiGroup', groupToParams(this.findGroup(key, line)), CREATE)).GroupId);
    if (kind === 'app') return String((await this.call('CreateApp', appToParams(this.findApp(key, line)), CREATE)).AppId);
    if (kind === 'throttlingPolicy') return String((await this.call('CreateTrafficControl', policyToParams(this.findPolicy(key, line)), CREATE)).TrafficControlId);
    if (kind === 'plugin') return String((await this.call('CreatePlugin', pluginToParams(this.findPlugin(key, line), this.apps), CREATE)).PluginId);
    const api = this.findApi(key, line);
    return String((await this.call('CreateApi', { GroupId: this.need('group', api.group, line), ...apiToSendParams(api) }, CREATE)).ApiId);
  }

  /** What a create whose answer was lost may have made: the object of its name (an API: in its group). */
  private async findCreated(kind: ObjectKind, key: string, line: PlanLine): Promise<{ id: string; found: CloudRecord } | undefined> {
    const api = kind === 'api' ? this.findApi(key, line) : undefined;
    const named = await findByName(this.context.client, kind, api?.name ?? key, api && this.need('group', api.group, line));
    if (named.length > 1) {
      throw new SyncStepError(
        line,
        `${line.name}: the answer to its create was lost, and the cloud now has ${named.length} ${NOUN[kind]}s of that name (${named.map((object) => object.id).join(', ')}); sync cannot tell which one it made. Delete the extra ones in the cloud, then run plan again.`,
      );
    }
    return named[0] && { id: named[0].id, found: named[0].item };
  }

  /** Makes an object that a create whose answer was lost made the design's, where it differs. */
  private async adopt(kind: ObjectKind, key: string, id: string, item: CloudRecord, line: PlanLine): Promise<void> {
    const fields = await this.differences(kind, key, id, item, line);
    if (fields.length > 0) await this.modify(kind, key, id, { ...line, fields }, item);
  }

  /** How the cloud's object differs from the design's, compared as the planner compares them. */
  private async differences(kind: ObjectKind, key: string, id: string, item: CloudRecord, line: PlanLine): Promise<FieldChange[]> {
    if (kind === 'group') return diffFields(cloudGroupFields(item), groupFields(this.findGroup(key, line)));
    if (kind === 'app') return diffFields(appFromCloud(item), canonicalApp(this.findApp(key, line)));
    if (kind === 'throttlingPolicy') return diffFields(cloudPolicy(item, this.apps), canonicalPolicy(this.findPolicy(key, line), this.apps));
    if (kind === 'plugin') {
      const plugin = this.findPlugin(key, line);
      const read = cloudPlugin(item, this.apps);
      if (read.plugin?.type !== plugin.type) {
        throw new SyncStepError(line, `${line.name}: the cloud's plug-in of that name (${id}) is not the ${plugin.type} plug-in of the design, so it is not the one sync made; rename one of them, then run plan again`);
      }
      return diffFields(read.plugin, canonicalPlugin(plugin, this.apps));
    }
    const api = this.findApi(key, line);
    const detail = await this.call('DescribeApi', { ApiId: id, GroupId: this.need('group', api.group, line) });
    return diffFields(cloudApi(detail, api.group).api, canonicalApi(api));
  }

  /** `cloudItem`: the cloud's object as just read, when the snapshot does not have it (an adopted create). */
  private async modify(kind: ObjectKind, key: string, id: string, line: PlanLine, cloudItem?: CloudRecord): Promise<void> {
    const changed = (line.fields ?? []).map((field) => field.path);
    if (kind === 'group') {
      await this.call('ModifyApiGroup', { GroupId: id, ...groupToParams(this.findGroup(key, line)) });
    } else if (kind === 'app') {
      await this.call('ModifyApp', { AppId: id, ...appToParams(this.findApp(key, line)) });
    } else if (kind === 'throttlingPolicy') {
      const policy = this.findPolicy(key, line);
      if (changed.some((path) => !path.startsWith('specials'))) await this.call('ModifyTrafficControl', { TrafficControlId: id, ...policyToParams(policy) });
      const cloud = cloudItem ?? this.context.snapshot.throttlingPolicies.find((candidate) => candidate.id === id)?.item;
      await this.reconcileSpecials(id, cloud ? specialsFromCloud(cloud) : [], policy);
    } else if (kind === 'plugin') {
      const { PluginType: _type, ...params } = pluginToParams(this.findPlugin(key, line), this.apps);
      await this.call('ModifyPlugin', { PluginId: id, ...params });
    } else {
      const api = this.findApi(key, line);
      await this.call('ModifyApi', { ApiId: id, GroupId: this.need('group', api.group, line), ...apiToSendParams(api) });
      this.wrote(key, id, api);
    }
  }

  /** Makes the cloud's specials of a policy the design's: delete the extra ones, add or change the rest. */
  private async reconcileSpecials(id: string, cloud: ReturnType<typeof specialsFromCloud>, policy: Project['throttlingPolicies'][number]): Promise<void> {
    const wanted = specialsToCloud(policy, this.apps);
    for (const special of cloud) {
      if (!wanted.some((want) => want.SpecialType === special.SpecialType && want.SpecialKey === special.SpecialKey)) {
        await this.tolerate(['NotFoundTrafficSpecialControl'], () => this.call('DeleteTrafficSpecialControl', { TrafficControlId: id, SpecialType: special.SpecialType, SpecialKey: special.SpecialKey }));
      }
    }
    for (const special of wanted) {
      const same = cloud.some((have) => have.SpecialType === special.SpecialType && have.SpecialKey === special.SpecialKey && have.TrafficValue === special.TrafficValue);
      if (!same) await this.call('AddTrafficSpecialControl', { TrafficControlId: id, ...special });
    }
  }

  private async deleteObject(kind: ObjectKind, key: string, line: PlanLine): Promise<void> {
    const id = line.id!;
    const notFound = ['NotFoundApiGroup', 'NotFoundApi', 'NotFoundApp', 'NotFoundTrafficControl', 'NotFoundPlugin'];
    if (kind === 'api') {
      const api = this.context.snapshot.apis.find((candidate) => candidate.id === id);
      for (const stage of Object.keys(api?.deployed ?? {})) {
        await this.tolerate([...notFound, 'NotFoundDeployedApi'], () => this.call('AbolishApi', { ApiId: id, GroupId: api?.groupId, StageName: stage }));
      }
    }
    const action = { group: 'DeleteApiGroup', api: 'DeleteApi', app: 'DeleteApp', throttlingPolicy: 'DeleteTrafficControl', plugin: 'DeletePlugin' }[kind];
    const idParam = { group: 'GroupId', api: 'ApiId', app: 'AppId', throttlingPolicy: 'TrafficControlId', plugin: 'PluginId' }[kind];
    await this.tolerate(notFound, () => this.call(action, { [idParam]: id }));
    await this.context.recorder.update((ids) => {
      delete ids[ID_FIELD[kind]][key];
      if (ids.fingerprints) delete ids.fingerprints[objectKey(kind, key)];
    });
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
      // DetachPlugin takes one ApiId (reference §2.9).
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
      this.wrote(key, apiId, draft);
    }
    this.context.cache?.pinDeployedDetail(apiId, stage, describeApiShape(apiToParams(record.definition), { ApiId: apiId, GroupId: groupId }));
    await this.context.recorder.update((ids) => {
      const recorded = ((ids.deployed ??= {})[deploymentKey(group, api, stage)] ??= {});
      recorded[String(version)] = cloudVersion;
    });
  }

  // ------------------------------------------------------------------------------------------

  /** Remembers what the cloud's draft now is, for later deploys and the next pull. */
  private wrote(key: string, apiId: string, api: Api): void {
    this.drafts.set(key, canonicalApi(api));
    this.context.cache?.pinApiDetail(apiId, describeApiShape(apiToParams(api), { ApiId: apiId }));
  }

  /** Runs a write that may already be done (a retry after a lost answer): these codes mean it is. */
  private async tolerate(codes: string[], write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (error instanceof CloudError && codes.includes(error.code)) return;
      throw error;
    }
  }

  private findGroup(name: string, line: PlanLine) {
    const group = this.design.groups.find((candidate) => candidate.name === name);
    if (!group) throw missing(line);
    return group;
  }

  private findApp(name: string, line: PlanLine) {
    const app = this.design.apps.find((candidate) => candidate.name === name);
    if (!app) throw missing(line);
    return app;
  }

  private findPlugin(name: string, line: PlanLine) {
    const plugin = this.design.plugins.find((candidate) => candidate.name === name);
    if (!plugin) throw missing(line);
    return plugin;
  }

  private findPolicy(name: string, line: PlanLine) {
    const policy = this.design.throttlingPolicies.find((candidate) => candidate.name === name);
    if (!policy) throw missing(line);
    return policy;
  }

  private findApi(key: string, line: PlanLine): Api {
    const slash = key.indexOf('/');
    const api = this.design.apis.find((candidate) => candidate.group === key.slice(0, slash) && candidate.name === key.slice(slash + 1));
    if (!api) throw missing(line);
    return api;
  }
}

function isObjectKind(kind: string): kind is ObjectKind {
  return kind in ID_FIELD;
}

function missing(line: PlanLine): SyncStepError {
  return new SyncStepError(line, `${line.name}: no longer in the design; the project changed since the plan was made. Run plan again.`);
}
