/**
 * Throttling policies (docs/alibaba-openapi.md, "Throttling policies"): CreateTrafficControl,
 * ModifyTrafficControl, DeleteTrafficControl (refused while bound), DescribeTrafficControls,
 * SetTrafficControlApis, RemoveTrafficControlApis, AddTrafficSpecialControl,
 * DeleteTrafficSpecialControl, DeleteAllTrafficSpecialControl, DescribeApiTrafficControls,
 * DescribeTrafficControlsByApi. Limits must keep the design's order (appDefault ≤ userDefault ≤
 * apiDefault, specials ≤ apiDefault).
 */
import type { RuleContext } from '../../shared/model/rules/context';
import { checkThrottlingLimits } from '../../shared/model/rules/throttling';
import { type ActionContext, type ActionModule, read, write } from '../action-registry';
import { type ActionParams, pageOf } from '../action-params';
import { gatewayErrors } from './gateway-errors';
import { type GatewayState, type JsonObject, type SpecialRecord, type TrafficControlRecord, findApi, findGroup, findTrafficControl, gatewayState } from './gateway-state';
import { checkDescription, checkName, hexId, nextModifiedTime, readStageName, requiredInt, requiredList, requiredOneOf, utcTime } from './gateway-values';

const UNITS = ['SECOND', 'MINUTE', 'HOUR', 'DAY'] as const;
const SPECIAL_TYPES = ['APP', 'USER'] as const;

/** Where each design field of a throttling policy comes from on the wire. */
const WIRE_NAMES: Record<string, string> = { apiDefault: 'ApiDefault', userDefault: 'UserDefault', appDefault: 'AppDefault', limit: 'TrafficValue', key: 'SpecialKey' };

/** The design's throttling rule, run on the policy as the design would hold it; throws its first complaint. */
function checkLimits(policy: TrafficControlRecord): void {
  const designPolicy = {
    name: policy.TrafficControlName,
    unit: policy.TrafficControlUnit,
    apiDefault: policy.ApiDefault,
    userDefault: policy.UserDefault,
    appDefault: policy.AppDefault,
    specials: policy.Specials.map((special) => ({ type: special.SpecialType, key: special.SpecialKey, limit: special.TrafficValue })),
    bindings: [],
  };
  let first: { param: string; message: string } | undefined;
  // The rule reads only the project's throttling policies.
  const context = { project: { throttlingPolicies: [designPolicy] } } as unknown as RuleContext;
  checkThrottlingLimits(context, (path, message) => {
    first ??= { param: WIRE_NAMES[String(path.at(-1))] ?? 'ApiDefault', message };
  });
  if (first) throw gatewayErrors.invalid(first.param, first.message.replace(/\.$/, ''));
}

const LIMIT_RANGE = { min: 1, max: 2_000_000_000 };

function limit(params: ActionParams, name: string): number | undefined {
  return params.int(name, LIMIT_RANGE);
}

function checkNameFree(state: GatewayState, name: string, except?: string): void {
  if (state.trafficControls.some((policy) => policy.TrafficControlName === name && policy.TrafficControlId !== except)) {
    throw gatewayErrors.duplicate('TrafficControlName', `A throttling policy named "${name}" already exists in this region. Choose another TrafficControlName.`);
  }
}

export function policyView(policy: TrafficControlRecord) {
  return {
    TrafficControlId: policy.TrafficControlId,
    TrafficControlName: policy.TrafficControlName,
    TrafficControlUnit: policy.TrafficControlUnit,
    ApiDefault: policy.ApiDefault,
    UserDefault: policy.UserDefault ?? 0,
    AppDefault: policy.AppDefault ?? 0,
    Description: policy.Description,
    CreatedTime: policy.CreatedTime,
    ModifiedTime: policy.ModifiedTime,
    SpecialPolicies: {
      SpecialPolicy: SPECIAL_TYPES.filter((type) => policy.Specials.some((special) => special.SpecialType === type)).map((type) => ({
        SpecialType: type,
        Specials: { Special: policy.Specials.filter((special) => special.SpecialType === type).map(({ SpecialKey, TrafficValue }) => ({ SpecialKey, TrafficValue })) },
      })),
    },
  };
}

function createPolicy(context: ActionContext): JsonObject {
  const { params } = context;
  const state = gatewayState(context);
  const now = utcTime(context.now);
  const policy: TrafficControlRecord = {
    TrafficControlId: hexId(),
    TrafficControlName: checkName('throttlingPolicy', 'TrafficControlName', params.required('TrafficControlName')),
    TrafficControlUnit: requiredOneOf(params, 'TrafficControlUnit', UNITS),
    ApiDefault: requiredInt(params, 'ApiDefault', LIMIT_RANGE),
    UserDefault: limit(params, 'UserDefault'),
    AppDefault: limit(params, 'AppDefault'),
    Description: checkDescription('throttlingPolicy', 'Description', params.string('Description')),
    CreatedTime: now,
    ModifiedTime: now,
    Specials: [],
  };
  checkLimits(policy);
  checkNameFree(state, policy.TrafficControlName);
  state.trafficControls.push(policy);
  return { TrafficControlId: policy.TrafficControlId };
}

function specialOf(params: ActionParams): Pick<SpecialRecord, 'SpecialType' | 'SpecialKey'> {
  const type = requiredOneOf(params, 'SpecialType', SPECIAL_TYPES);
  const key = params.required('SpecialKey');
  if (!/^\d{1,20}$/.test(key)) throw gatewayErrors.invalid('SpecialKey', `an ${type === 'APP' ? 'AppId' : 'account id'} is a number, not "${key}"`);
  return { SpecialType: type, SpecialKey: key };
}

export const cloudApiThrottlingActions: ActionModule = {
  product: 'CloudAPI',
  actions: {
    CreateTrafficControl: write(createPolicy),

    ModifyTrafficControl: write((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const policy = findTrafficControl(state, params.required('TrafficControlId'));
      const name = params.string('TrafficControlName');
      if (name !== undefined) {
        checkName('throttlingPolicy', 'TrafficControlName', name);
        checkNameFree(state, name, policy.TrafficControlId);
      }
      const description = params.string('Description');
      const changed: TrafficControlRecord = {
        ...policy,
        TrafficControlName: name ?? policy.TrafficControlName,
        TrafficControlUnit: params.string('TrafficControlUnit') === undefined ? policy.TrafficControlUnit : params.oneOf('TrafficControlUnit', UNITS, 'MINUTE'),
        ApiDefault: limit(params, 'ApiDefault') ?? policy.ApiDefault,
        UserDefault: limit(params, 'UserDefault') ?? policy.UserDefault,
        AppDefault: limit(params, 'AppDefault') ?? policy.AppDefault,
        Description: description === undefined ? policy.Description : checkDescription('throttlingPolicy', 'Description', description),
      };
      checkLimits(changed);
      Object.assign(policy, changed, { ModifiedTime: nextModifiedTime(context.now, policy.ModifiedTime) });
      return {};
    }),

    DeleteTrafficControl: write((context) => {
      const state = gatewayState(context);
      const policy = findTrafficControl(state, context.params.required('TrafficControlId'));
      const bound = state.trafficBindings.filter((binding) => binding.TrafficControlId === policy.TrafficControlId);
      if (bound.length > 0) {
        throw gatewayErrors.inUse(
          'TrafficControlInUse',
          `The throttling policy "${policy.TrafficControlName}" is bound to ${bound.length} API(s) (e.g. API ${bound[0].ApiId} in ${bound[0].StageName}). Unbind it first (RemoveTrafficControlApis), then delete it.`,
        );
      }
      state.trafficControls.splice(state.trafficControls.indexOf(policy), 1);
      return {};
    }),

    DescribeTrafficControls: read((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const id = params.string('TrafficControlId');
      const name = params.string('TrafficControlName');
      const groupId = params.string('GroupId');
      const apiId = params.string('ApiId');
      const stageText = params.string('StageName');
      const byApi = [groupId, apiId, stageText].filter((value) => value !== undefined).length;
      if (byApi !== 0 && byApi !== 3) throw gatewayErrors.invalid('GroupId', 'GroupId, ApiId and StageName filter together: give all three or none');
      const stageName = byApi === 3 ? readStageName(params) : undefined;
      const matches = state.trafficControls.filter(
        (policy) =>
          (id === undefined || policy.TrafficControlId === id) &&
          (name === undefined || policy.TrafficControlName === name) &&
          (stageName === undefined ||
            state.trafficBindings.some((binding) => binding.TrafficControlId === policy.TrafficControlId && binding.GroupId === groupId && binding.ApiId === apiId && binding.StageName === stageName)),
      );
      const { items, ...page } = pageOf(matches, params, 100);
      return { ...page, TrafficControls: { TrafficControl: items.map(policyView) } };
    }),

    /** An API has one policy per stage: binding another replaces the earlier one. */
    SetTrafficControlApis: write((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const policy = findTrafficControl(state, params.required('TrafficControlId'));
      const group = findGroup(state, params.required('GroupId'));
      const apiIds = requiredList(params, 'ApiIds');
      const stageName = readStageName(params);
      for (const apiId of apiIds) findApi(state, apiId, group.GroupId);
      const boundTime = utcTime(context.now);
      state.trafficBindings = state.trafficBindings.filter((binding) => !(binding.StageName === stageName && apiIds.includes(binding.ApiId)));
      for (const apiId of apiIds) state.trafficBindings.push({ TrafficControlId: policy.TrafficControlId, GroupId: group.GroupId, ApiId: apiId, StageName: stageName, BoundTime: boundTime });
      return {};
    }),

    RemoveTrafficControlApis: write((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const policy = findTrafficControl(state, params.required('TrafficControlId'));
      const group = findGroup(state, params.required('GroupId'));
      const stageName = readStageName(params);
      const apiIds = params.commaList('ApiIds', 100);
      state.trafficBindings = state.trafficBindings.filter(
        (binding) =>
          !(binding.TrafficControlId === policy.TrafficControlId && binding.GroupId === group.GroupId && binding.StageName === stageName && (!apiIds || apiIds.includes(binding.ApiId))),
      );
      return {};
    }),

    /** Chosen: a second entry for the same type and key replaces the first one's value. */
    AddTrafficSpecialControl: write((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const policy = findTrafficControl(state, params.required('TrafficControlId'));
      const special = specialOf(params);
      const value = requiredInt(params, 'TrafficValue', LIMIT_RANGE);
      const specials = [...policy.Specials.filter((entry) => !(entry.SpecialType === special.SpecialType && entry.SpecialKey === special.SpecialKey)), { ...special, TrafficValue: value }];
      checkLimits({ ...policy, Specials: specials });
      policy.Specials = specials;
      policy.ModifiedTime = nextModifiedTime(context.now, policy.ModifiedTime);
      return {};
    }),

    DeleteTrafficSpecialControl: write((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const policy = findTrafficControl(state, params.required('TrafficControlId'));
      const special = specialOf(params);
      const index = policy.Specials.findIndex((entry) => entry.SpecialType === special.SpecialType && entry.SpecialKey === special.SpecialKey);
      if (index < 0) throw gatewayErrors.notFound('TrafficSpecialControl', 'SpecialKey', `${special.SpecialType} ${special.SpecialKey}`);
      policy.Specials.splice(index, 1);
      policy.ModifiedTime = nextModifiedTime(context.now, policy.ModifiedTime);
      return {};
    }),

    DeleteAllTrafficSpecialControl: write((context) => {
      const policy = findTrafficControl(gatewayState(context), context.params.required('TrafficControlId'));
      policy.Specials = [];
      policy.ModifiedTime = nextModifiedTime(context.now, policy.ModifiedTime);
      return {};
    }),

    DescribeApiTrafficControls: read((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const group = findGroup(state, params.required('GroupId'));
      const stageName = readStageName(params);
      const apiIds = params.commaList('ApiIds', 100);
      const bound = state.trafficBindings.filter((binding) => binding.GroupId === group.GroupId && binding.StageName === stageName && (!apiIds || apiIds.includes(binding.ApiId)));
      const { items, ...page } = pageOf(bound, params, 100);
      return {
        ...page,
        ApiTrafficControls: {
          ApiTrafficControlItem: items.map((binding) => ({
            ApiId: binding.ApiId,
            ApiName: state.apis.find((api) => api.ApiId === binding.ApiId)?.Definition.ApiName ?? '',
            TrafficControlId: binding.TrafficControlId,
            TrafficControlName: state.trafficControls.find((policy) => policy.TrafficControlId === binding.TrafficControlId)?.TrafficControlName ?? '',
            BoundTime: binding.BoundTime,
          })),
        },
      };
    }),

    DescribeTrafficControlsByApi: read((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const group = findGroup(state, params.required('GroupId'));
      const api = findApi(state, params.required('ApiId'), group.GroupId);
      const stageName = readStageName(params);
      const bound = state.trafficBindings.filter((binding) => binding.ApiId === api.ApiId && binding.StageName === stageName);
      return {
        TrafficControlItems: {
          TrafficControlItem: bound.map((binding) => ({
            TrafficControlItemId: binding.TrafficControlId,
            TrafficControlItemName: state.trafficControls.find((policy) => policy.TrafficControlId === binding.TrafficControlId)?.TrafficControlName ?? '',
            BoundTime: binding.BoundTime,
          })),
        },
      };
    }),
  },
};
