/**
 * Request parameter rules: names unique per location, and definitions whose constraints fit
 * their type (docs/alibaba-data-plane.md, "Parameters"; docs/alibaba-openapi.md, "APIs").
 */
import type { RequestParameter } from '../schema';
import { constraintMismatch, typeMismatch } from './parameter-values';
import { q, reportAt } from './report';
import type { ApiRule, ApiSite, Report } from './report';

const NUMERIC_TYPES = new Set(['Int', 'Long', 'Float', 'Double']);

/** HTTP header names compare without case, so `X-Id` and `x-id` are the same HEAD parameter. */
export function parameterKey(name: string, location: string): string {
  return `${location}:${location === 'HEAD' ? name.toLowerCase() : name}`;
}

export const checkParameterNames: ApiRule = (site, report) => {
  const seen = new Map<string, number>();
  site.api.parameters.forEach((parameter, i) => {
    const at = ['parameters', i, 'name'];
    if (parameter.name.trim() === '') {
      reportAt(site, report, at, 'Parameter name is empty. Give it the name callers send.');
      return;
    }
    const key = parameterKey(parameter.name, parameter.location);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    const caseNote = parameter.location === 'HEAD' ? ' (header names compare without case)' : '';
    reportAt(
      site,
      report,
      at,
      `Parameter ${q(parameter.name)} is declared twice with location ${parameter.location}${caseNote}; ` +
        `the first is parameters[${first}]. Remove or rename one.`,
    );
  });
};

export const checkParameterDefinitions: ApiRule = (site, report) => {
  site.api.parameters.forEach((parameter, i) => checkDefinition(site, report, parameter, i));
};

function checkDefinition(site: ApiSite, report: Report, parameter: RequestParameter, i: number): void {
  const problem = (field: string, message: string) => reportAt(site, report, ['parameters', i, field], message);
  const what = `Parameter ${q(parameter.name)}`;
  const numeric = NUMERIC_TYPES.has(parameter.type);

  for (const field of ['min', 'max'] as const) {
    if (parameter[field] !== undefined && !numeric) {
      problem(field, `${what} is of type ${parameter.type}; \`${field}\` applies only to Int, Long, Float and Double. Remove it or change the type.`);
    }
  }
  for (const field of ['minLength', 'maxLength', 'regex'] as const) {
    if (parameter[field] !== undefined && parameter.type !== 'String') {
      problem(field, `${what} is of type ${parameter.type}; \`${field}\` applies only to String. Remove it or change the type.`);
    }
  }
  if (parameter.min !== undefined && parameter.max !== undefined && parameter.min > parameter.max) {
    problem('max', `${what} has max ${parameter.max} below min ${parameter.min}. Swap or correct them.`);
  }
  if (parameter.minLength !== undefined && parameter.maxLength !== undefined && parameter.minLength > parameter.maxLength) {
    problem('maxLength', `${what} has maxLength ${parameter.maxLength} below minLength ${parameter.minLength}. Swap or correct them.`);
  }

  let regex: RegExp | undefined;
  if (parameter.regex !== undefined) {
    try {
      new RegExp(parameter.regex);
      // The whole value must match, as the model documents.
      regex = new RegExp(`^(?:${parameter.regex})$`);
    } catch (error) {
      problem('regex', `${what} has regex ${q(parameter.regex)}, which does not compile: ${(error as Error).message}.`);
    }
  }

  parameter.enum?.forEach((value, k) => {
    const mismatch = typeMismatch(parameter.type, value);
    if (mismatch) {
      const message = `Allowed value ${q(value)} of parameter ${q(parameter.name)} ${mismatch}, but its type is ${parameter.type}.`;
      reportAt(site, report, ['parameters', i, 'enum', k], message);
    }
  });

  if (parameter.default === undefined) return;
  if (parameter.required) {
    problem(
      'default',
      `${what} is required, so its default ${q(parameter.default)} would never be used (the cloud takes defaults only for optional parameters). ` +
        'Remove the default or set `required: false`.',
    );
    return;
  }
  const wrongType = typeMismatch(parameter.type, parameter.default);
  const broken = wrongType ? `${wrongType}, but its type is ${parameter.type}` : constraintMismatch(parameter, parameter.default, regex);
  if (broken) problem('default', `Default ${q(parameter.default)} of parameter ${q(parameter.name)} ${broken}.`);
}
