/**
 * The rules that relate fields to each other, run after the shape is known to be right.
 * Each topic lives in rules/<topic>.ts; this file only lists them.
 */
import type { Problem } from './problems';
import type { Project } from './schema';
import { checkSignatureMethods } from './rules/auth';
import { checkBackend, checkServedStageVariables } from './rules/backend';
import { apiSites, buildContext } from './rules/context';
import type { ProjectRule } from './rules/context';
import { checkDeploymentHistories } from './rules/deployments';
import { checkGroups } from './rules/groups';
import { checkBackendParametersUnique, checkMappedParametersExist, checkPassthroughMappings } from './rules/mapping';
import { checkMockJson } from './rules/mock-body';
import { checkNames, checkOtherDescriptions } from './rules/naming';
import { checkParameterDefinitions, checkParameterNames } from './rules/parameters';
import { checkBackendPath, checkRequestPath } from './rules/paths';
import { checkPluginSettings } from './rules/plugins';
import {
  checkApiGroups,
  checkAuthorizationRefs,
  checkDeploymentRefs,
  checkLocalGatewayRefs,
  checkPluginRefs,
  checkThrottlingRefs,
} from './rules/references';
import type { ApiRule, Report } from './rules/report';
import { checkRoutes } from './rules/routes';
import { checkThrottlingLimits } from './rules/throttling';

/** Run on every working copy and on every snapshot a stage serves. */
const API_RULES: ApiRule[] = [
  checkParameterNames,
  checkParameterDefinitions,
  checkRequestPath,
  checkBackendPath,
  checkMappedParametersExist,
  checkBackendParametersUnique,
  checkPassthroughMappings,
  checkBackend,
  checkMockJson,
  checkSignatureMethods,
];

const PROJECT_RULES: ProjectRule[] = [
  checkNames,
  checkOtherDescriptions,
  checkGroups,
  checkApiGroups,
  checkRoutes,
  checkServedStageVariables,
  checkDeploymentRefs,
  checkDeploymentHistories,
  checkThrottlingRefs,
  checkThrottlingLimits,
  checkAuthorizationRefs,
  checkPluginRefs,
  checkPluginSettings,
  checkLocalGatewayRefs,
];

/** Every rule problem of a project whose shape is already valid. */
export function checkRules(project: Project): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });
  const context = buildContext(project);
  for (const site of apiSites(context)) for (const rule of API_RULES) rule(site, report);
  for (const rule of PROJECT_RULES) rule(context, report);
  return problems;
}
