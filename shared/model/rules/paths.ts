/**
 * Request and backend paths: syntax, and agreement between `[name]` segments and the PATH
 * parameters that fill them.
 */
import type { Api } from '../schema';
import { pathParameterNames, pathSyntaxProblems } from './path-syntax';
import { q, reportAt } from './report';
import type { ApiRule } from './report';

export const checkRequestPath: ApiRule = (site, report) => {
  const { path } = site.api.request;
  for (const message of pathSyntaxProblems(path, 'Request path', true)) reportAt(site, report, ['request', 'path'], message);

  const inPath = new Set<string>();
  for (const name of pathParameterNames(path)) {
    if (inPath.has(name)) reportAt(site, report, ['request', 'path'], `Path parameter [${name}] is declared twice in ${q(path)}. Rename one of them.`);
    inPath.add(name);
  }

  const declared = new Set<string>();
  site.api.parameters.forEach((parameter, i) => {
    if (parameter.location !== 'PATH') return;
    declared.add(parameter.name);
    if (!inPath.has(parameter.name)) {
      reportAt(
        site,
        report,
        ['parameters', i, 'location'],
        `Parameter ${q(parameter.name)} has location PATH, but the request path ${q(path)} has no [${parameter.name}] segment. ` +
          'Add the segment to the path or change the location.',
      );
    }
  });
  for (const name of inPath) {
    if (declared.has(name)) continue;
    const other = site.api.parameters.find((parameter) => parameter.name === name);
    const hint = other
      ? ` Parameter ${q(name)} exists with location ${other.location}; change it to PATH.`
      : ` Add a parameter named ${q(name)} with location PATH.`;
    reportAt(site, report, ['request', 'path'], `Path parameter [${name}] in ${q(path)} is not declared.${hint}`);
  }
};

export const checkBackendPath: ApiRule = (site, report) => {
  const { backend } = site.api;
  if (backend.type !== 'HTTP') return;
  for (const message of pathSyntaxProblems(backend.path, 'Backend path', false)) reportAt(site, report, ['backend', 'path'], message);

  const available = backendPathParameters(site.api);
  const reported = new Set<string>();
  for (const name of pathParameterNames(backend.path)) {
    if (available.has(name) || reported.has(name)) continue;
    reported.add(name);
    reportAt(
      site,
      report,
      ['backend', 'path'],
      `Backend path ${q(backend.path)} uses [${name}], but no PATH parameter reaches the backend under that name. ` +
        `Map a request parameter to ${q(name)} with location PATH in serviceParameters, or declare a request PATH parameter named ${q(name)}.` +
        (available.size ? ` Backend PATH parameters: ${[...available].join(', ')}.` : ''),
    );
  }
};

/**
 * Names the backend path may use: service parameters at PATH, and request PATH parameters that
 * have no service parameter (those are passed on under their own name).
 */
function backendPathParameters(api: Api): Set<string> {
  const names = new Set<string>();
  const mapped = new Set<string>();
  for (const mapping of api.serviceParameters) {
    mapped.add(mapping.requestParameter);
    if (mapping.location === 'PATH') names.add(mapping.name);
  }
  for (const parameter of api.parameters) {
    if (parameter.location === 'PATH' && !mapped.has(parameter.name)) names.add(parameter.name);
  }
  return names;
}
