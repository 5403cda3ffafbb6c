/**
 * Backend rules (docs/alibaba-data-plane.md, "Backends"; docs/alibaba-openapi.md, "APIs"): mock
 * limits, HTTP address and timeout, content type, and stage variables of the deployed copies.
 */
import { STAGE_VARIABLE_NAME, fillStageVariables, stageVariableReferences } from '../names';
import type { ProjectRule } from './context';
import { isHost, isPort, splitHostPort } from './hosts';
import { q, reportAt } from './report';
import type { ApiRule } from './report';

/** The cloud's MockResult limit, 50 KB, measured in UTF-8 bytes. */
export const MOCK_BODY_MAX_BYTES = 51_200;

/** ServiceTimeout maximum on dedicated instances; shared instances allow at most 30,000 ms. */
export const BACKEND_TIMEOUT_MAX_MS = 120_000;

/** The registered HTTP status codes (IANA registry, without the unused 306 and the 1xx/2xx drafts). */
const STANDARD_STATUS_CODES = new Set([
  100, 101, 102, 103,
  200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
  300, 301, 302, 303, 304, 305, 307, 308,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418,
  421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
  500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
]);


export const checkBackend: ApiRule = (site, report) => {
  const { backend } = site.api;
  if (backend.type === 'MOCK') {
    const bytes = new TextEncoder().encode(backend.body).length;
    if (bytes > MOCK_BODY_MAX_BYTES) {
      reportAt(site, report, ['backend', 'body'], `Mock body is ${bytes} bytes (UTF-8); at most ${MOCK_BODY_MAX_BYTES} (50 KB) are allowed. Shorten it.`);
    }
    if (!STANDARD_STATUS_CODES.has(backend.statusCode)) {
      reportAt(
        site,
        report,
        ['backend', 'statusCode'],
        `Mock status code ${backend.statusCode} is not a standard HTTP status code. Use one such as 200, 201, 204, 400, 404 or 500.`,
      );
    }
    return;
  }

  const addressProblem = backendAddressProblem(backend.address);
  if (addressProblem) reportAt(site, report, ['backend', 'address'], addressProblem);
  for (const [field, text] of [['address', backend.address], ['path', backend.path]] as const) {
    for (const name of stageVariableReferences(text)) {
      if (!STAGE_VARIABLE_NAME.test(name)) {
        reportAt(site, report, ['backend', field], `Backend ${field} ${q(text)} uses \`#${name}#\`, which is not a valid stage variable name (letters, digits and \`_\`, not starting with a digit).`);
      }
    }
  }
  if (backend.timeout < 1 || backend.timeout > BACKEND_TIMEOUT_MAX_MS) {
    reportAt(
      site,
      report,
      ['backend', 'timeout'],
      `Backend timeout ${backend.timeout} ms is out of range. Use 1 to ${BACKEND_TIMEOUT_MAX_MS} ms ` +
        '(120 s on dedicated instances; shared instances allow at most 30000 ms).',
    );
  }
  const { category, value } = backend.contentType;
  if (category !== 'CLIENT' && !value?.trim()) {
    reportAt(
      site,
      report,
      ['backend', 'contentType', 'value'],
      `Content type category ${category} needs a value, e.g. \`application/json; charset=UTF-8\`. Add contentType.value or use category CLIENT.`,
    );
  }
};

/** Why an HTTP backend address is not `scheme://host[:port]`, or undefined when it is. */
export function backendAddressProblem(address: string): string | undefined {
  const what = `Backend address ${q(address)}`;
  // Stage variables stand for host parts or ports; `1` is a plausible value for both.
  // Any value will do to see whether the rest is a usable URL.
  const concrete = fillStageVariables(address, Object.fromEntries(stageVariableReferences(address).map((name) => [name, '1']))).text;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(concrete);
  if (!scheme) return `${what} must start with http:// or https://, e.g. \`http://api.example.com:8080\`.`;
  if (!/^https?$/i.test(scheme[1])) return `${what} uses scheme ${q(scheme[1])}; use http:// or https://.`;

  const rest = address.slice(address.indexOf('://') + 3);
  const extra = rest.search(/[/?]/);
  if (extra >= 0) {
    return `${what} must hold only scheme, host and port; move ${q(rest.slice(extra))} into the backend path (or remove it).`;
  }
  const authority = concrete.slice(scheme[0].length);
  if (authority.includes('@')) return `${what} must not hold a user name or password.`;
  const { host, port } = splitHostPort(authority);
  if (!isHost(host)) return `${what} has an invalid host ${q(host)}.`;
  if (port !== undefined && !isPort(port)) return `${what} has an invalid port ${q(port)}; use 1 to 65535.`;
  return undefined;
}

/**
 * Every `#name#` a served snapshot uses must be defined for the stage it is served in, or the
 * gateway cannot build the backend URL there.
 */
export const checkServedStageVariables: ProjectRule = (context, report) => {
  for (const site of context.served) {
    const { backend } = site.api;
    if (backend.type !== 'HTTP') continue;
    const { group: groupName, stage, api } = site.deployment;
    const group = context.groups.get(groupName);
    if (!group) continue;
    const defined = group.stageVariables[stage] ?? {};
    for (const [field, text] of [['address', backend.address], ['path', backend.path]] as const) {
      const missing = new Set(stageVariableReferences(text).filter((name) => STAGE_VARIABLE_NAME.test(name) && !Object.hasOwn(defined, name)));
      for (const name of missing) {
        report(
          [...site.at, 'backend', field],
          `API ${q(api)} is deployed to ${stage}, where its backend ${field} ${q(text)} uses stage variable \`#${name}#\`, ` +
            `but group ${q(groupName)} defines no ${q(name)} for ${stage}. Add it to the group's stageVariables.${stage}.`,
        );
      }
    }
  }
};
