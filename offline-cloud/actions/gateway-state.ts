/**
 * The API Gateway's data in the offline cloud, per account and region: groups with their stages,
 * APIs (the draft), every deployment (history) and what each stage serves, throttling policies,
 * apps and authorizations, plug-ins, and the idempotency tokens seen. Field names are the
 * cloud's own, so records turn into answers with little code.
 */
import type { ActionContext } from '../action-registry';
import { moduleState } from '../sim-state';
import { gatewayErrors } from './gateway-errors';

export const STAGE_NAMES = ['RELEASE', 'PRE', 'TEST'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** The console's names of the stages, which the cloud returns as StageAlias. */
export const STAGE_ALIASES: Record<StageName, string> = { RELEASE: '线上', PRE: '预发', TEST: '测试' };

export type JsonObject = Record<string, unknown>;

export interface TagRecord {
  Key: string;
  Value: string;
}

export interface StageVariableRecord {
  VariableName: string;
  VariableValue: string;
  SupportRoute: boolean;
  StageRouteModel?: JsonObject;
}

export interface StageRecord {
  StageId: string;
  StageName: StageName;
  Description: string;
  CreatedTime: string;
  ModifiedTime: string;
  Variables: StageVariableRecord[];
}

export interface GroupRecord {
  GroupId: string;
  GroupName: string;
  Description: string;
  BasePath: string;
  InstanceId: string;
  InstanceType: string;
  CreatedTime: string;
  ModifiedTime: string;
  Tags: TagRecord[];
  /** What ModifyApiGroup sets and DescribeApiGroup echoes (CompatibleFlags, CustomAppCodeConfig...). */
  Settings: Record<string, string>;
  /** What ModifyApiGroupNetworkPolicy set (cloudapi-group-network.ts); absent until then. */
  NetworkPolicy?: GroupNetworkPolicy;
  Stages: StageRecord[];
}

/** ModifyApiGroupNetworkPolicy's settings, as its request model names them; a switch never sent is absent. */
export interface GroupNetworkPolicy {
  InternetEnable?: boolean;
  InternetIPV6Enable?: boolean;
  InnerDomainEnable?: boolean;
  VpcIntranetEnable?: boolean;
  VpcSlbIntranetEnable?: boolean;
  HttpsPolicy?: string;
}

/** An API's definition: what ModifyApi replaces and what a deployment snapshots. */
export interface ApiDefinition {
  ApiName: string;
  Visibility: string;
  AuthType: string;
  AppCodeAuthType: string;
  AllowSignatureMethod: string;
  Description: string;
  ForceNonceCheck: boolean;
  DisableInternet: boolean;
  WebSocketApiType: string;
  ResultType: string;
  ResultSample: string;
  FailResultSample: string;
  ResultBodyModel: string;
  RequestConfig: JsonObject;
  ServiceConfig: JsonObject;
  OpenIdConnectConfig?: JsonObject;
  RequestParameters: JsonObject[];
  ServiceParameters: JsonObject[];
  ServiceParametersMap: JsonObject[];
  ConstantParameters: JsonObject[];
  SystemParameters: JsonObject[];
  ErrorCodeSamples: JsonObject[];
  ResultDescriptions: JsonObject[];
  BackendEnable: boolean;
  BackendId: string;
}

export interface ApiRecord {
  ApiId: string;
  GroupId: string;
  CreatedTime: string;
  ModifiedTime: string;
  Tags: TagRecord[];
  Definition: ApiDefinition;
}

/** One DeployApi (or SwitchApi's source): the snapshot a stage served from DeployedTime on. */
export interface HistoryRecord {
  ApiId: string;
  GroupId: string;
  StageName: StageName;
  HistoryVersion: string;
  Description: string;
  DeployedTime: string;
  Definition: ApiDefinition;
}

/** What a stage serves for an API now; absent when it was never deployed there or was abolished. */
export interface OnlineRecord {
  ApiId: string;
  GroupId: string;
  StageName: StageName;
  HistoryVersion: string;
  DeployedTime: string;
}

export interface SpecialRecord {
  SpecialType: 'APP' | 'USER';
  SpecialKey: string;
  TrafficValue: number;
}

export interface TrafficControlRecord {
  TrafficControlId: string;
  TrafficControlName: string;
  TrafficControlUnit: string;
  ApiDefault: number;
  UserDefault?: number;
  AppDefault?: number;
  Description: string;
  CreatedTime: string;
  ModifiedTime: string;
  Specials: SpecialRecord[];
}

/** An API in a stage that a policy or plug-in is bound to. */
export interface ApiStageBinding {
  GroupId: string;
  ApiId: string;
  StageName: StageName;
  BoundTime: string;
}

export interface TrafficBindingRecord extends ApiStageBinding {
  TrafficControlId: string;
}

export interface AppRecord {
  AppId: number;
  AppName: string;
  Description: string;
  Disabled: boolean;
  Extend: string;
  AppKey: string;
  AppSecret: string;
  AppCode: string;
  CreatedTime: string;
  ModifiedTime: string;
  Tags: TagRecord[];
}

export interface AuthorizationRecord {
  AppId: number;
  GroupId: string;
  ApiId: string;
  StageName: StageName;
  AuthorizedTime: string;
  /** UTC expiry; '' = never. */
  AuthValidTime: string;
  Description: string;
}

export interface PluginRecord {
  PluginId: string;
  PluginName: string;
  PluginType: string;
  PluginData: string;
  Description: string;
  CreatedTime: string;
  ModifiedTime: string;
  Tags: TagRecord[];
}

export interface PluginBindingRecord extends ApiStageBinding {
  PluginId: string;
}

/** The first answer to a create call with a Token, replayed for the same token. */
export interface TokenRecord {
  Action: string;
  Fingerprint: string;
  Answer: JsonObject;
  At: string;
}

export interface GatewayState {
  groups: GroupRecord[];
  apis: ApiRecord[];
  history: HistoryRecord[];
  online: OnlineRecord[];
  trafficControls: TrafficControlRecord[];
  trafficBindings: TrafficBindingRecord[];
  apps: AppRecord[];
  authorizations: AuthorizationRecord[];
  plugins: PluginRecord[];
  pluginBindings: PluginBindingRecord[];
  tokens: Record<string, TokenRecord>;
}

export const GATEWAY_MODULE = 'apiGateway';

function emptyGatewayState(): GatewayState {
  return { groups: [], apis: [], history: [], online: [], trafficControls: [], trafficBindings: [], apps: [], authorizations: [], plugins: [], pluginBindings: [], tokens: {} };
}

/** The request's region's API Gateway data (created on first use). */
export function gatewayState(context: ActionContext): GatewayState {
  return moduleState(context.region(), GATEWAY_MODULE, emptyGatewayState);
}

export function findGroup(state: GatewayState, groupId: string): GroupRecord {
  const group = state.groups.find((candidate) => candidate.GroupId === groupId);
  if (!group) throw gatewayErrors.notFound('ApiGroup', 'GroupId', groupId);
  return group;
}

/** The API, which must lie in `groupId` when one is given (the cloud's optional GroupId). */
export function findApi(state: GatewayState, apiId: string, groupId?: string): ApiRecord {
  const api = state.apis.find((candidate) => candidate.ApiId === apiId);
  if (!api || (groupId !== undefined && api.GroupId !== groupId)) throw gatewayErrors.notFound('Api', 'ApiId', apiId, groupId);
  return api;
}

export function findApp(state: GatewayState, appId: number | string): AppRecord {
  const app = state.apps.find((candidate) => String(candidate.AppId) === String(appId));
  if (!app) throw gatewayErrors.notFound('App', 'AppId', String(appId));
  return app;
}

export function findTrafficControl(state: GatewayState, id: string): TrafficControlRecord {
  const policy = state.trafficControls.find((candidate) => candidate.TrafficControlId === id);
  if (!policy) throw gatewayErrors.notFound('TrafficControl', 'TrafficControlId', id);
  return policy;
}

export function findPlugin(state: GatewayState, id: string): PluginRecord {
  const plugin = state.plugins.find((candidate) => candidate.PluginId === id);
  if (!plugin) throw gatewayErrors.notFound('Plugin', 'PluginId', id);
  return plugin;
}

export function groupName(state: GatewayState, groupId: string): string {
  return state.groups.find((group) => group.GroupId === groupId)?.GroupName ?? '';
}

export function onlineRecord(state: GatewayState, apiId: string, stageName: StageName): OnlineRecord | undefined {
  return state.online.find((record) => record.ApiId === apiId && record.StageName === stageName);
}
