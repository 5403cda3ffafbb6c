/**
 * Pure project edits for apps: what depends on an app, deleting it with those dependents, and
 * authorizations (add, remove, expiry).
 */
import { authorizationExpiryMs } from '../../../shared/model/authorization-expiry';
import type { Authorization, Plugin, Project } from '../../../shared/model/schema';

export interface AppDependents {
  authorizations: Authorization[];
  /** Special limits of throttling policies given to this app, by policy name. */
  specials: { policy: string; limit: number }[];
  /** IP control items limited to this app, by plug-in; `emptied` when no item would be left. */
  ipItems: { plugin: string; count: number; emptied: boolean }[];
}

export function appDependents(project: Project, app: string): AppDependents {
  const ipItems: AppDependents['ipItems'] = [];
  for (const plugin of project.plugins) {
    if (plugin.type !== 'ipControl') continue;
    const count = plugin.ipControl.items.filter((item) => item.app === app).length;
    if (count > 0) ipItems.push({ plugin: plugin.name, count, emptied: count === plugin.ipControl.items.length });
  }
  return {
    authorizations: project.authorizations.filter((a) => a.app === app),
    specials: project.throttlingPolicies.flatMap((p) =>
      p.specials.filter((s) => s.type === 'APP' && s.key === app).map((s) => ({ policy: p.name, limit: s.limit })),
    ),
    ipItems,
  };
}

/**
 * Deletes an app, its authorizations, its special limits and the IP control items limited to it.
 * A plug-in left without items is deleted too: an IP control plug-in needs at least one item.
 */
export function removeApp(project: Project, app: string): Project {
  const plugins: Plugin[] = [];
  for (const plugin of project.plugins) {
    if (plugin.type !== 'ipControl') {
      plugins.push(plugin);
      continue;
    }
    const items = plugin.ipControl.items.filter((item) => item.app !== app);
    if (items.length > 0) plugins.push({ ...plugin, ipControl: { ...plugin.ipControl, items } });
  }
  return {
    ...project,
    apps: project.apps.filter((a) => a.name !== app),
    authorizations: project.authorizations.filter((a) => a.app !== app),
    throttlingPolicies: project.throttlingPolicies.map((p) => ({
      ...p,
      specials: p.specials.filter((s) => !(s.type === 'APP' && s.key === app)),
    })),
    plugins,
  };
}

/** True when an authorization's expiry has passed at `now` (or cannot be read: the gateway refuses it then too). */
export function isExpired(authorization: Authorization, now: number): boolean {
  return authorizationExpiryMs(authorization.expiresAt) <= now;
}
