/**
 * A mock body whose declared type is JSON must be JSON (docs/alibaba-data-plane.md, "Backends":
 * whether the cloud checks a MockResult against its type is not confirmed; checking it is our
 * choice, so a mock never answers `Content-Type: application/json` with a body clients cannot parse).
 */
import type { Api, MockBackend } from '../schema';
import { jsonSyntaxError } from './json-syntax';
import { q, reportAt } from './report';
import type { ApiRule } from './report';

/** `application/json`, `application/problem+json`, any parameters after `;`. */
function isJsonMediaType(value: string): boolean {
  const type = value.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^[a-z]+\/[^\s/]+\+json$/.test(type);
}

/**
 * Why the body is taken for JSON, or undefined when it is not: the mock's own Content-Type header
 * decides; without one, the API's declared result type (result.type JSON) does.
 */
export function declaredJson(api: Api, backend: MockBackend): string | undefined {
  const header = backend.headers.find((h) => h.name.trim().toLowerCase() === 'content-type');
  if (header) return isJsonMediaType(header.value) ? `its Content-Type header is ${q(header.value.trim())}` : undefined;
  return api.result?.type === 'JSON' ? 'the API declares its result type JSON' : undefined;
}

export const checkMockJson: ApiRule = (site, report) => {
  const { backend } = site.api;
  // An empty body (a 204, say) sends nothing to parse.
  if (backend.type !== 'MOCK' || backend.body.trim() === '') return;
  const why = declaredJson(site.api, backend);
  if (!why) return;
  const error = jsonSyntaxError(backend.body);
  if (!error) return;
  reportAt(
    site,
    report,
    ['backend', 'body'],
    `Mock body is not valid JSON, though ${why}: at line ${error.line}, column ${error.column} of the body, ${error.reason}. ` +
      'Fix the JSON, or declare another Content-Type.',
  );
};
