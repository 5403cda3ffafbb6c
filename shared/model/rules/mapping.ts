/**
 * Request-to-backend mapping: service parameters name real request parameters, and each
 * backend parameter (name and location) has one source (docs/alibaba-openapi.md, "APIs").
 */
import { parameterKey } from './parameters';
import { listNames, q, reportAt } from './report';
import type { ApiRule } from './report';
import type { FieldPath } from '../problems';

export const checkMappedParametersExist: ApiRule = (site, report) => {
  const { api } = site;
  const declared = new Set(api.parameters.map((parameter) => parameter.name));
  api.serviceParameters.forEach((mapping, i) => {
    if (declared.has(mapping.requestParameter)) return;
    reportAt(
      site,
      report,
      ['serviceParameters', i, 'requestParameter'],
      `Service parameter ${q(mapping.name)} maps request parameter ${q(mapping.requestParameter)}, which is not declared. ` +
        `Declared request parameters: ${listNames(declared)}.`,
    );
  });
};

export const checkBackendParametersUnique: ApiRule = (site, report) => {
  const { api } = site;
  const sources: { name: string; location: string; at: FieldPath; label: string }[] = [
    ...api.serviceParameters.map((p, i) => ({ name: p.name, location: p.location, at: ['serviceParameters', i, 'name'], label: `serviceParameters[${i}]` })),
    ...api.constantParameters.map((p, i) => ({ name: p.name, location: p.location, at: ['constantParameters', i, 'name'], label: `constantParameters[${i}]` })),
    ...api.systemParameters.map((p, i) => ({
      name: p.serviceParameter,
      location: p.location,
      at: ['systemParameters', i, 'serviceParameter'],
      label: `systemParameters[${i}] (${p.name})`,
    })),
  ];
  const first = new Map<string, string>();
  for (const source of sources) {
    const key = parameterKey(source.name, source.location);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, source.label);
      continue;
    }
    reportAt(
      site,
      report,
      source.at,
      `Backend parameter ${q(source.name)} (${source.location}) is set twice: by ${earlier} and by ${source.label}. ` +
        'Give each backend parameter one source.',
    );
  }
};

/**
 * PASSTHROUGH forwards the request as it came and maps only path parameters
 * (docs/alibaba-data-plane.md, "Request definition"), so any other mapping would be silently
 * ignored: refuse it rather than mislead.
 */
export const checkPassthroughMappings: ApiRule = (site, report) => {
  const { api } = site;
  if (api.request.mode !== 'PASSTHROUGH') return;
  api.serviceParameters.forEach((mapping, i) => {
    if (mapping.location === 'PATH') return;
    reportAt(
      site,
      report,
      ['serviceParameters', i, 'location'],
      `In PASSTHROUGH mode the gateway forwards the request unchanged and maps only PATH parameters, so mapping ` +
        `${q(mapping.requestParameter)} to ${mapping.location} ${q(mapping.name)} would be ignored. ` +
        'Remove this mapping, or set request.mode to MAPPING_PASSTHROUGH to map it and still pass other parameters on.',
    );
  });
};
