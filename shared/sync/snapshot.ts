/**
 * What pull read from the cloud for one account and region: every group, API, throttling policy,
 * app and plug-in (their list items, in the cloud's vocabulary, with ids), the details pull
 * chose to read, and the relations it read. A relation scope that is absent was not read.
 */
import type { Stage } from '../model/schema';
import type { CloudRecord } from './cloud-values';

/** An API in one stage of one group, by cloud ids. */
export interface CloudApiStage {
  groupId: string;
  apiId: string;
  stage: Stage;
}

export interface SnapshotObject {
  id: string;
  name: string;
  modifiedTime?: string;
  /** The list answer's item (DescribeTrafficControls, DescribeAppAttributes, DescribePlugins...). */
  item: CloudRecord;
  /** The detail read, for kinds whose list item does not hold the whole object (an API: DescribeApi's answer, the draft), when read. */
  detail?: CloudRecord;
}

export interface SnapshotGroup extends SnapshotObject {
  /** StageName → StageId (DescribeApiGroup), when read. */
  stageIds?: Partial<Record<Stage, string>>;
}

export interface SnapshotDeployed {
  /** The cloud's HistoryVersion (DeployedInfos.EffectiveVersion). */
  version: string;
  /** DescribeDeployedApi's answer for that version, when read. */
  detail?: CloudRecord;
}

export interface SnapshotApi extends SnapshotObject {
  groupId: string;
  /** The stages that serve the API. */
  deployed: Partial<Record<Stage, SnapshotDeployed>>;
}

export interface SnapshotAuthorization extends CloudApiStage {
  expiresAt?: string;
  description?: string;
}

export interface SnapshotRelations {
  /** `<GroupId>/<stage>` → variable name → value. */
  stageVariables: Record<string, Record<string, string>>;
  /** `<GroupId>/<stage>` → ApiId → TrafficControlId. */
  throttlingBindings: Record<string, Record<string, string>>;
  /** PluginId → where it is attached. */
  pluginBindings: Record<string, CloudApiStage[]>;
  /** AppId → what it may call. */
  authorizations: Record<string, SnapshotAuthorization[]>;
}

export interface CloudSnapshot {
  region: string;
  /** ISO time the pull started. */
  pulledAt: string;
  groups: SnapshotGroup[];
  apis: SnapshotApi[];
  throttlingPolicies: SnapshotObject[];
  apps: SnapshotObject[];
  plugins: SnapshotObject[];
  relations: SnapshotRelations;
}

/** `<GroupId>/<stage>`: the key of a per-stage relation scope. */
export function groupStageKey(groupId: string, stage: Stage): string {
  return `${groupId}/${stage}`;
}

export function emptySnapshot(region: string, pulledAt: string): CloudSnapshot {
  return {
    region,
    pulledAt,
    groups: [],
    apis: [],
    throttlingPolicies: [],
    apps: [],
    plugins: [],
    relations: { stageVariables: {}, throttlingBindings: {}, pluginBindings: {}, authorizations: {} },
  };
}
