/**
 * Apps (docs/alibaba-openapi.md, "Apps and authorizations"): CreateApp (optionally with the
 * caller's own AppKey, AppSecret and AppCode), ModifyApp, DeleteApp (its authorizations go with
 * it), DescribeApp, DescribeApps, DescribeAppAttributes, DescribeAppSecurity, ResetAppSecret.
 * AppIds are Longs.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { type ActionContext, type ActionModule, read, write } from '../action-registry';
import { type ActionParams, pageOf } from '../action-params';
import { gatewayErrors } from './gateway-errors';
import { type AppRecord, type GatewayState, type JsonObject, findApp, gatewayState } from './gateway-state';
import { checkDescription, checkName, hasTags, newAppId, nextModifiedTime, readTags, tagInfos, utcTime } from './gateway-values';

/** Chosen (no source gives a rule: docs/alibaba-openapi.md, "Apps and authorizations"): the characters and lengths a caller's own credentials may have. */
const CREDENTIAL_RULES = {
  AppKey: { pattern: /^[A-Za-z0-9_-]{8,44}$/, rule: '8 to 44 letters, digits, _ or -' },
  AppSecret: { pattern: /^[A-Za-z0-9_-]{8,64}$/, rule: '8 to 64 letters, digits, _ or -' },
  AppCode: { pattern: /^[A-Za-z0-9_-]{8,64}$/, rule: '8 to 64 letters, digits, _ or -' },
} as const;
type Credential = keyof typeof CREDENTIAL_RULES;

function ownCredential(params: ActionParams, name: Credential, param: string = name): string | undefined {
  const value = params.string(param);
  if (value !== undefined && !CREDENTIAL_RULES[name].pattern.test(value)) throw gatewayErrors.invalid(param, `an ${name} has ${CREDENTIAL_RULES[name].rule}`);
  return value;
}

/** A generated AppKey: 9 digits, as the cloud's look. */
function newAppKey(state: GatewayState): string {
  for (;;) {
    const key = String(randomInt(200_000_000, 300_000_000));
    if (!state.apps.some((app) => app.AppKey === key)) return key;
  }
}

function checkCredentialsFree(state: GatewayState, credentials: Partial<Record<'AppKey' | 'AppCode', string>>, except?: number): void {
  for (const name of ['AppKey', 'AppCode'] as const) {
    const value = credentials[name];
    if (value !== undefined && state.apps.some((app) => app[name] === value && app.AppId !== except)) {
      throw gatewayErrors.duplicate(name, `Another app in this region already has this ${name}. Choose another one, or leave it out to have one generated.`);
    }
  }
}

function checkAppNameFree(state: GatewayState, name: string, except?: number): void {
  if (state.apps.some((app) => app.AppName === name && app.AppId !== except)) {
    throw gatewayErrors.duplicate('AppName', `An app named "${name}" already exists in this region. Choose another AppName.`);
  }
}

export function appIdParam(params: ActionParams, name = 'AppId'): string {
  const id = params.required(name);
  if (!/^\d{1,19}$/.test(id)) throw gatewayErrors.invalid(name, `an AppId is a number, not "${id}"`);
  return id;
}

function createApp(context: ActionContext): JsonObject {
  const { params } = context;
  const state = gatewayState(context);
  const name = checkName('app', 'AppName', params.required('AppName'));
  const description = checkDescription('app', 'Description', params.string('Description'));
  const appKey = ownCredential(params, 'AppKey');
  const appSecret = ownCredential(params, 'AppSecret');
  const appCode = ownCredential(params, 'AppCode');
  if (appKey !== undefined && appSecret === undefined) throw gatewayErrors.invalid('AppSecret', 'an app with its own AppKey needs its AppSecret too');
  const tags = readTags(params);
  checkAppNameFree(state, name);
  checkCredentialsFree(state, { AppKey: appKey, AppCode: appCode });
  const now = utcTime(context.now);
  const app: AppRecord = {
    AppId: newAppId(state.apps.map((existing) => existing.AppId)),
    AppName: name,
    Description: description,
    Disabled: false,
    Extend: params.string('Extend') ?? '',
    AppKey: appKey ?? newAppKey(state),
    AppSecret: appSecret ?? randomBytes(16).toString('hex'),
    AppCode: appCode ?? randomBytes(16).toString('hex'),
    CreatedTime: now,
    ModifiedTime: now,
    Tags: tags,
  };
  state.apps.push(app);
  return { AppId: app.AppId, TagStatus: tags.length > 0 };
}

function appAttributes(app: AppRecord) {
  return {
    AppId: app.AppId,
    AppName: app.AppName,
    Description: app.Description,
    Disabled: app.Disabled,
    Extend: app.Extend,
    CreatedTime: app.CreatedTime,
    ModifiedTime: app.ModifiedTime,
  };
}

export const cloudApiAppActions: ActionModule = {
  product: 'CloudAPI',
  actions: {
    CreateApp: write(createApp),

    ModifyApp: write((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const app = findApp(state, appIdParam(params));
      const name = params.string('AppName');
      if (name !== undefined) {
        checkName('app', 'AppName', name);
        checkAppNameFree(state, name, app.AppId);
      }
      const description = params.string('Description');
      if (description !== undefined) checkDescription('app', 'Description', description);
      const tags = params.repeatList('Tag').length > 0 ? readTags(params) : undefined;
      Object.assign(app, {
        AppName: name ?? app.AppName,
        Description: description ?? app.Description,
        Disabled: params.bool('Disabled') ?? app.Disabled,
        Extend: params.string('Extend') ?? app.Extend,
        Tags: tags ?? app.Tags,
        ModifiedTime: nextModifiedTime(context.now, app.ModifiedTime),
      });
      return {};
    }),

    DeleteApp: write((context) => {
      const state = gatewayState(context);
      const app = findApp(state, appIdParam(context.params));
      state.apps.splice(state.apps.indexOf(app), 1);
      state.authorizations = state.authorizations.filter((authorization) => authorization.AppId !== app.AppId);
      return {};
    }),

    DescribeApp: read((context) => appAttributes(findApp(gatewayState(context), appIdParam(context.params)))),

    /** The apps of the caller (AppOwner, when given, must be the caller's account id). */
    DescribeApps: read((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const appId = params.string('AppId');
      const owner = params.string('AppOwner');
      const matches = state.apps.filter((app) => (appId === undefined || String(app.AppId) === appId) && (owner === undefined || owner === context.account.accountId));
      const { items, ...page } = pageOf(matches, params, 100);
      return { ...page, Apps: { AppItem: items.map((app) => ({ AppId: app.AppId, AppName: app.AppName, Description: app.Description })) } };
    }),

    DescribeAppAttributes: read((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const appId = params.string('AppId');
      const name = params.string('AppName');
      const appKey = params.string('AppKey');
      const appCode = params.string('AppCode');
      const extend = params.string('Extend');
      // By modification time, newest first unless Sort=asc (the SDK model's Sort; docs/offline-cloud.md).
      const sort = params.oneOf('Sort', ['asc', 'desc'] as const, 'desc');
      const tags = readTags(params);
      const matches = state.apps
        .map((app, index) => ({ app, index }))
        .filter(
          ({ app }) =>
            (appId === undefined || String(app.AppId) === appId) &&
            (name === undefined || app.AppName === name) &&
            (appKey === undefined || app.AppKey === appKey) &&
            (appCode === undefined || app.AppCode === appCode) &&
            (extend === undefined || app.Extend === extend) &&
            hasTags(app.Tags, tags),
        )
        // Equal times keep the order of creation (emulator choice).
        .sort((a, b) => (a.app.ModifiedTime === b.app.ModifiedTime ? a.index - b.index : a.app.ModifiedTime < b.app.ModifiedTime ? -1 : 1))
        .map(({ app }) => app);
      if (sort === 'desc') matches.reverse();
      const { items, ...page } = pageOf(matches, params, 100);
      return { ...page, Apps: { AppAttribute: items.map((app) => ({ ...appAttributes(app), Tags: tagInfos(app.Tags) })) } };
    }),

    DescribeAppSecurity: read((context) => {
      const app = findApp(gatewayState(context), appIdParam(context.params));
      return { AppKey: app.AppKey, AppSecret: app.AppSecret, AppCode: app.AppCode, CreatedTime: app.CreatedTime, ModifiedTime: app.ModifiedTime };
    }),

    ResetAppSecret: write((context) => {
      const { params } = context;
      const state = gatewayState(context);
      const appKey = params.required('AppKey');
      const app = state.apps.find((candidate) => candidate.AppKey === appKey);
      if (!app) throw gatewayErrors.notFound('App', 'AppKey', appKey);
      const newKey = ownCredential(params, 'AppKey', 'NewAppKey');
      checkCredentialsFree(state, { AppKey: newKey }, app.AppId);
      app.AppKey = newKey ?? app.AppKey;
      app.AppSecret = ownCredential(params, 'AppSecret', 'NewAppSecret') ?? randomBytes(16).toString('hex');
      app.ModifiedTime = nextModifiedTime(context.now, app.ModifiedTime);
      return {};
    }),
  },
};
