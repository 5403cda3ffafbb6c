/**
 * References between parts of the project (by name, as in the file): every group, API and app
 * named must exist, and bindings must not contradict each other.
 */
import type { FieldPath } from '../problems';
import type { Api, ApiStageRef } from '../schema';
import type { ProjectRule, RuleContext } from './context';
import { isIsoDateTime } from './iso-date';
import { listNames, q } from './report';
import type { Report } from './report';

const SEP = '\u0000';

/** Reports a missing group or API; returns the API's working copy when it exists. */
function checkApiRef(context: RuleContext, report: Report, ref: { group: string; api: string }, at: FieldPath, owner: string): Api | undefined {
  if (!context.groups.has(ref.group)) {
    report([...at, 'group'], `${owner} references group ${q(ref.group)}, which does not exist. Known groups: ${listNames(context.groups.keys())}.`);
    return undefined;
  }
  const apis = context.apis.get(ref.group);
  const api = apis?.get(ref.api);
  if (!api) {
    report(
      [...at, 'api'],
      `${owner} references API ${q(ref.api)} in group ${q(ref.group)}, which does not exist. ` +
        `Known APIs in ${q(ref.group)}: ${listNames(apis?.keys() ?? [])}.`,
    );
  }
  return api;
}

function checkAppRef(context: RuleContext, report: Report, app: string, at: FieldPath, owner: string): void {
  if (context.apps.has(app)) return;
  report(at, `${owner} references app ${q(app)}, which does not exist. Known apps: ${listNames(context.apps)}.`);
}

const stageKey = (ref: ApiStageRef) => [ref.group, ref.api, ref.stage].join(SEP);
const describe = (ref: ApiStageRef) => `API ${q(ref.api)} of group ${q(ref.group)} in ${ref.stage}`;

export const checkApiGroups: ProjectRule = (context, report) => {
  context.project.apis.forEach((api, i) => {
    if (context.groups.has(api.group)) return;
    report(['apis', i, 'group'], `API ${q(api.name)} references group ${q(api.group)}, which does not exist. Known groups: ${listNames(context.groups.keys())}.`);
  });
};

export const checkDeploymentRefs: ProjectRule = (context, report) => {
  context.project.deployments.forEach((deployment, j) => {
    const owner = `The ${deployment.stage} deployment of ${q(deployment.api)}`;
    checkApiRef(context, report, deployment, ['deployments', j], owner);
    deployment.history.forEach((record, k) => {
      const definition = record.definition;
      if (!definition) return;
      const at = ['deployments', j, 'history', k, 'definition'];
      const mismatch = `Version ${record.version} of this deployment holds`;
      if (definition.group !== deployment.group) {
        report([...at, 'group'], `${mismatch} an API of group ${q(definition.group)}, but the deployment is for group ${q(deployment.group)}. Make them equal.`);
      }
      if (definition.name !== deployment.api) {
        report([...at, 'name'], `${mismatch} API ${q(definition.name)}, but the deployment is for API ${q(deployment.api)}. Make them equal.`);
      }
    });
  });
};

export const checkThrottlingRefs: ProjectRule = (context, report) => {
  const boundTo = new Map<string, string>();
  context.project.throttlingPolicies.forEach((policy, i) => {
    policy.bindings.forEach((binding, k) => {
      const at = ['throttlingPolicies', i, 'bindings', k];
      checkApiRef(context, report, binding, at, `A binding of throttling policy ${q(policy.name)}`);
      const key = stageKey(binding);
      const earlier = boundTo.get(key);
      if (earlier === undefined) boundTo.set(key, policy.name);
      else if (earlier === policy.name) report(at, `${describe(binding)} is listed twice in the bindings of throttling policy ${q(policy.name)}. Remove one.`);
      else {
        report(at, `${describe(binding)} is already bound to throttling policy ${q(earlier)}; an API takes one policy per stage. Remove one of the bindings.`);
      }
    });
    policy.specials.forEach((special, k) => {
      if (special.type !== 'APP') return;
      checkAppRef(context, report, special.key, ['throttlingPolicies', i, 'specials', k, 'key'], `A special limit of throttling policy ${q(policy.name)}`);
    });
  });
};

export const checkAuthorizationRefs: ProjectRule = (context, report) => {
  const seen = new Map<string, number>();
  context.project.authorizations.forEach((authorization, i) => {
    const at = ['authorizations', i];
    const owner = `The authorization of app ${q(authorization.app)}`;
    checkAppRef(context, report, authorization.app, [...at, 'app'], owner);
    const api = checkApiRef(context, report, authorization, at, owner);
    if (api?.auth.type === 'ANONYMOUS') {
      report(
        [...at, 'api'],
        `API ${q(api.name)} is ANONYMOUS, but authorizations only apply to APP APIs. Remove this authorization or set the API's auth type to APP.`,
      );
    }
    const key = [authorization.app, stageKey(authorization)].join(SEP);
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, i);
    else report(at, `App ${q(authorization.app)} is authorized on ${describe(authorization)} twice (first at authorizations[${earlier}]). Remove one.`);
    if (authorization.expiresAt !== undefined && !isIsoDateTime(authorization.expiresAt)) {
      report(
        [...at, 'expiresAt'],
        `Expiry ${q(authorization.expiresAt)} is not an ISO 8601 date-time. Write it like \`2025-12-31T23:59:59Z\`.`,
      );
    }
  });
};

export const checkPluginRefs: ProjectRule = (context, report) => {
  const attached = new Map<string, string>();
  context.project.plugins.forEach((plugin, i) => {
    plugin.bindings.forEach((binding, k) => {
      const at = ['plugins', i, 'bindings', k];
      checkApiRef(context, report, binding, at, `A binding of plug-in ${q(plugin.name)}`);
      const key = [plugin.type, stageKey(binding)].join(SEP);
      const earlier = attached.get(key);
      if (earlier === undefined) attached.set(key, plugin.name);
      else if (earlier === plugin.name) report(at, `${describe(binding)} is listed twice in the bindings of plug-in ${q(plugin.name)}. Remove one.`);
      else {
        report(
          at,
          `${describe(binding)} already has ${plugin.type} plug-in ${q(earlier)}; an API takes one plug-in of each type per stage. Remove one of the bindings.`,
        );
      }
    });
    if (plugin.type !== 'ipControl') return;
    plugin.ipControl.items.forEach((item, k) => {
      if (item.app === undefined) return;
      checkAppRef(context, report, item.app, ['plugins', i, 'ipControl', 'items', k, 'app'], `IP control plug-in ${q(plugin.name)}`);
    });
  });
};

/** The local gateway's default group is one of the project's groups (the gateway ignores any other name). */
export const checkLocalGatewayRefs: ProjectRule = (context, report) => {
  const defaultGroup = context.project.localGateway?.defaultGroup;
  if (defaultGroup === undefined || context.groups.has(defaultGroup)) return;
  report(
    ['localGateway', 'defaultGroup'],
    `The local gateway's default group ${q(defaultGroup)} does not exist, so 127.0.0.1 answers no group of several. Known groups: ${listNames(context.groups.keys())}.`,
  );
};
