/**
 * Which apps may call which APIs in which stage (docs/alibaba-openapi.md,
 * "Apps and authorizations"): SetApisAuthorities (one app, several APIs), SetAppsAuthorities
 * (several apps, one API), RemoveApisAuthorities, RemoveAppsAuthorities, DescribeAuthorizedApps,
 * DescribeAuthorizedApis. Authorizing again updates the expiry and description; removing one that
 * does not exist is a no-op.
 */
import { OTHER_DESCRIPTION_MAX_LENGTH } from '../../shared/model/names';
import { type ActionContext, type ActionModule, read, write } from '../action-registry';
import { type ActionParams, pageOf } from '../action-params';
import { appIdParam } from './cloudapi-apps';
import { gatewayErrors } from './gateway-errors';
import { type AuthorizationRecord, type GatewayState, STAGE_ALIASES, type StageName, findApi, findApp, gatewayState, groupName } from './gateway-state';
import { checkDescription, optionalStageName, readStageName, requiredList, utcTime } from './gateway-values';

interface Pairs {
  appIds: number[];
  apiIds: string[];
  groupId?: string;
  stageName: StageName;
}

/** Every app and API named must exist (the APIs in GroupId, when given). */
function checkPairs(state: GatewayState, pairs: Pairs): { appId: number; apiId: string; groupId: string }[] {
  const apis = pairs.apiIds.map((apiId) => findApi(state, apiId, pairs.groupId));
  for (const appId of pairs.appIds) findApp(state, appId);
  return pairs.appIds.flatMap((appId) => apis.map((api) => ({ appId, apiId: api.ApiId, groupId: api.GroupId })));
}

/** `YYYY-MM-DDThh:mm:ssZ` (seconds optional); '' = never expires. */
function readValidTime(params: ActionParams): string {
  const text = params.string('AuthValidTime');
  if (text === undefined) return '';
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/.test(text) || Number.isNaN(Date.parse(text))) {
    throw gatewayErrors.invalid('AuthValidTime', `expected a UTC time like 2030-01-01T00:00:00Z, got "${text}"`);
  }
  return utcTime(new Date(text));
}

function authorize(context: ActionContext, pairs: Pairs): Record<string, never> {
  const { params } = context;
  const state = gatewayState(context);
  const validTime = readValidTime(params);
  const description = checkDescription(OTHER_DESCRIPTION_MAX_LENGTH, 'Description', params.string('Description'));
  const now = utcTime(context.now);
  for (const pair of checkPairs(state, pairs)) {
    const existing = state.authorizations.find((entry) => entry.AppId === pair.appId && entry.ApiId === pair.apiId && entry.StageName === pairs.stageName);
    if (existing) Object.assign(existing, { AuthValidTime: validTime, Description: description });
    else state.authorizations.push({ AppId: pair.appId, GroupId: pair.groupId, ApiId: pair.apiId, StageName: pairs.stageName, AuthorizedTime: now, AuthValidTime: validTime, Description: description });
  }
  return {};
}

function unauthorize(context: ActionContext, pairs: Pairs): Record<string, never> {
  const state = gatewayState(context);
  const gone = checkPairs(state, pairs);
  state.authorizations = state.authorizations.filter(
    (entry) => !(entry.StageName === pairs.stageName && gone.some((pair) => pair.appId === entry.AppId && pair.apiId === entry.ApiId)),
  );
  return {};
}

const appIds = (params: ActionParams) =>
  requiredList(params, 'AppIds').map((id) => {
    if (!/^\d{1,19}$/.test(id)) throw gatewayErrors.invalid('AppIds', `an AppId is a number, not "${id}"`);
    return Number(id);
  });

/** One app on several APIs. */
const appOnApis = (params: ActionParams): Pairs => ({
  appIds: [Number(appIdParam(params))],
  apiIds: requiredList(params, 'ApiIds'),
  groupId: params.string('GroupId'),
  stageName: readStageName(params),
});

/** Several apps on one API. */
const appsOnApi = (params: ActionParams): Pairs => ({
  appIds: appIds(params),
  apiIds: [params.required('ApiId')],
  groupId: params.string('GroupId'),
  stageName: readStageName(params),
});

function authorizedTimes(entry: AuthorizationRecord) {
  return { Operator: 'PROVIDER', AuthorizationSource: 'API', AuthorizedTime: entry.AuthorizedTime, AuthVaildTime: entry.AuthValidTime, Description: entry.Description };
}

export const cloudApiAuthorizationActions: ActionModule = {
  product: 'CloudAPI',
  actions: {
    SetApisAuthorities: write((context) => authorize(context, appOnApis(context.params))),
    SetAppsAuthorities: write((context) => authorize(context, appsOnApi(context.params))),
    RemoveApisAuthorities: write((context) => unauthorize(context, appOnApis(context.params))),
    RemoveAppsAuthorities: write((context) => unauthorize(context, appsOnApi(context.params))),

    DescribeAuthorizedApps: read((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const api = findApi(state, params.required('ApiId'), params.string('GroupId'));
      const stageName = optionalStageName(params);
      const appId = params.string('AppId');
      const appName = params.string('AppName');
      const owner = params.string('AppOwnerId');
      const matches = state.authorizations
        .filter((entry) => entry.ApiId === api.ApiId && (stageName === undefined || entry.StageName === stageName) && (appId === undefined || String(entry.AppId) === appId))
        .map((entry) => ({ entry, app: state.apps.find((app) => app.AppId === entry.AppId) }))
        .filter(({ app }) => app !== undefined && (appName === undefined || app.AppName === appName) && (owner === undefined || owner === context.account.accountId));
      const { items, ...page } = pageOf(matches, params, 100);
      return {
        ...page,
        AuthorizedApps: {
          AuthorizedApp: items.map(({ entry, app }) => ({
            AppId: entry.AppId,
            AppName: app?.AppName ?? '',
            AppDescription: app?.Description ?? '',
            StageName: entry.StageName,
            StageAlias: STAGE_ALIASES[entry.StageName],
            ...authorizedTimes(entry),
            Tag: { TagInfo: app?.Tags ?? [] },
          })),
        },
      };
    }),

    DescribeAuthorizedApis: read((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const app = findApp(state, appIdParam(params));
      const matches = state.authorizations.filter((entry) => entry.AppId === app.AppId);
      const { items, ...page } = pageOf(matches, params, 100);
      return {
        ...page,
        AuthorizedApis: {
          AuthorizedApi: items.map((entry) => ({
            ApiId: entry.ApiId,
            ApiName: state.apis.find((api) => api.ApiId === entry.ApiId)?.Definition.ApiName ?? '',
            GroupId: entry.GroupId,
            GroupName: groupName(state, entry.GroupId),
            RegionId: context.regionId,
            StageName: entry.StageName,
            ...authorizedTimes(entry),
          })),
        },
      };
    }),
  },
};
