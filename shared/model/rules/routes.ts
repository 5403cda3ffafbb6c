/**
 * Two APIs of one group answer the same calls when method and path pattern are equal (the names
 * inside `[...]` do not matter to routing); `ANY` takes every method of its pattern.
 */
import type { FieldPath } from '../problems';
import type { Api, Stage } from '../schema';
import type { ProjectRule } from './context';
import { routePattern } from './path-syntax';
import { q } from './report';
import type { Report } from './report';

interface Route {
  api: Api;
  /** The group it routes in: the API's own, or the deployment entry's for a snapshot. */
  group: string;
  /** Path of the API object. */
  at: FieldPath;
}

/** Whether two APIs of one group would answer the same calls (the rule checkRouteList applies to a whole list). */
export function sameRoute(a: Pick<Api['request'], 'method' | 'path'>, b: Pick<Api['request'], 'method' | 'path'>): boolean {
  return routePattern(a.path) === routePattern(b.path) && (a.method === b.method || a.method === 'ANY' || b.method === 'ANY');
}

/** Reports each route that collides with an earlier one of the same group (and stage). */
function checkRouteList(routes: Route[], report: Report, stage?: Stage): void {
  // scope (group + pattern) → method → first route; ANY is one more method key.
  const taken = new Map<string, Map<string, Route>>();
  for (const route of routes) {
    const { request } = route.api;
    const { group } = route;
    const scope = `${group}\u0000${routePattern(request.path)}`;
    let methods = taken.get(scope);
    if (!methods) taken.set(scope, (methods = new Map()));
    const earlier =
      request.method === 'ANY' ? methods.values().next().value : (methods.get(request.method) ?? methods.get('ANY'));
    // Two snapshots of one API in a stage means a duplicated history; deployments.ts reports that.
    const sameApi = stage !== undefined && earlier?.api.name === route.api.name;
    if (earlier && !sameApi) {
      const them = earlier.api;
      const inStage = stage ? ` in stage ${stage} (deployed at deployments[${earlier.at[1]}])` : '';
      report(
        [...route.at, 'request', 'path'],
        `API ${q(route.api.name)} (${request.method} ${request.path}) has the same route as API ${q(them.name)} ` +
          `(${them.request.method} ${them.request.path}) in group ${q(group)}${inStage}; ` +
          'path parameter names do not matter to routing and ANY matches every method. Change the method or path of one of them.',
      );
    }
    if (!methods.has(request.method)) methods.set(request.method, route);
  }
}

export const checkRoutes: ProjectRule = (context, report) => {
  const working = context.project.apis.map((api, i): Route => ({ api, group: api.group, at: ['apis', i] }));
  checkRouteList(working, report);

  // Per stage, the deployed snapshots route calls; compare those among themselves.
  const byStage = new Map<Stage, Route[]>();
  for (const site of context.served) {
    const list = byStage.get(site.deployment.stage) ?? [];
    list.push({ api: site.api, group: site.deployment.group, at: site.at });
    byStage.set(site.deployment.stage, list);
  }
  for (const [stage, routes] of byStage) {
    checkRouteList(routes, report, stage);
  }
};
