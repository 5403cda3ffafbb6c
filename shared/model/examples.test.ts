/**
 * The example projects are part of the product (the tutorial, scripts and docs depend on their
 * values): they must validate clean, and the quickstart's contract values must not drift.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAlias, parse, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import { EVIDENCE_LABELS, GATEWAY_CHOICES, GATEWAY_ERRORS } from '../gateway/cloud-behaviour';
import { parseProjectText, parseSecretsText, secretValuesOf, serializeProject } from '../project-file';
import { formatPath } from './problems';
import { Project as ProjectSchema, SecretsFile, STAGES } from './schema';
import type { Api, Project, Stage } from './schema';
import { findApi, servedApis } from './stages';
import { validateProject } from './validate';

const examples = new URL('../../examples/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, examples), 'utf8');
const readDoc = (name: string) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8');

/** The validated project; throws with every problem listed, so a failure says what to fix. */
function loadProject(name: string): Project {
  const { project, problems } = validateProject(parse(read(name)));
  if (!project || problems.length > 0) {
    throw new Error(`examples/${name} has problems:\n${problems.map((p) => `  ${formatPath(p.path)}: ${p.message}`).join('\n')}`);
  }
  return project;
}

const loadSecrets = (name: string) => SecretsFile.parse(parse(read(name)));

const served = (project: Project, stage: Stage) => servedApis(project, stage).map((api) => api.name).sort();

describe.each(['quickstart', 'petstore'])('examples/%s', (example) => {
  it('validates with no problems', () => {
    expect(() => loadProject(`${example}.apigw.yaml`)).not.toThrow();
  });

  it('uses no YAML anchors or aliases (a snapshot must not follow the working copy)', () => {
    const doc = parseDocument(read(`${example}.apigw.yaml`));
    let aliases = 0;
    visit(doc, { Node: (_, node) => void (isAlias(node) && aliases++) });
    expect(aliases).toBe(0);
  });

  it('loads as a project file, holds none of its secrets, and saves back byte for byte', () => {
    const secrets = parseSecretsText(read(`${example}.secrets.yaml`), `${example}.secrets.yaml`);
    expect(secrets.problems).toEqual([]);
    const text = read(`${example}.apigw.yaml`);
    const loaded = parseProjectText(text, `${example}.apigw.yaml`, { knownSecrets: secretValuesOf(secrets.secrets) });
    expect(loaded.problems).toEqual([]);
    // If the saver's style changes, run `apigw-studio format` on the example (and, for the pet
    // store, make scripts/build-petstore-deployments.ts print the same style).
    expect(serializeProject(loaded.project!, loaded.document)).toBe(text);
  });

  it('has a secrets file whose apps are the project apps', () => {
    const project = loadProject(`${example}.apigw.yaml`);
    const secrets = loadSecrets(`${example}.secrets.yaml`);
    expect(Object.keys(secrets.apps).sort()).toEqual(project.apps.map((app) => app.name).sort());
  });
});

describe('examples/quickstart contract', () => {
  const project = loadProject('quickstart.apigw.yaml');
  const ref = (api: string) => ({ group: 'demo_hello_api', api });
  const api = (name: string) => findApi(project, ref(name))!;

  it('names the project and the group, with backendPort 18080 in every stage', () => {
    expect(project.format).toBe('apigw-studio/v1');
    expect(project.name).toBe('quickstart');
    expect(project.groups.map((g) => g.name)).toEqual(['demo_hello_api']);
    expect(project.groups[0].description).toBeTruthy();
    for (const stage of STAGES) expect(project.groups[0].stageVariables[stage]).toEqual({ backendPort: '18080' });
  });

  it('has the four routes', () => {
    const routes = project.apis.map((a) => [a.name, a.group, a.request.method, a.request.path]);
    expect(routes).toEqual([
      ['hello', 'demo_hello_api', 'GET', '/hello'],
      ['secure_hello', 'demo_hello_api', 'GET', '/secure/hello'],
      ['limited', 'demo_hello_api', 'GET', '/limited'],
      ['get_user', 'demo_hello_api', 'GET', '/users/[id]'],
    ]);
  });

  it('answers /hello anonymously from a mock with the tutorial body', () => {
    expect(api('hello').auth).toEqual({ type: 'ANONYMOUS' });
    expect(api('hello').backend).toEqual({
      type: 'MOCK',
      statusCode: 200,
      body: '{"message":"Hello from Alibaba Cloud API Gateway"}',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
    });
  });

  it('protects /secure/hello with app auth, AppCode in the header', () => {
    expect(api('secure_hello').auth).toMatchObject({ type: 'APP', appCodeAuthType: 'HEADER' });
    const backend = api('secure_hello').backend;
    expect(backend.type).toBe('MOCK');
    expect(() => JSON.parse(backend.type === 'MOCK' ? backend.body : '')).not.toThrow();
  });

  it('serves /limited anonymously from a mock', () => {
    expect(api('limited').auth).toEqual({ type: 'ANONYMOUS' });
    expect(api('limited').backend.type).toBe('MOCK');
  });

  it('sends /users/[id] to the HTTP backend on #backendPort#', () => {
    const getUser = api('get_user');
    expect(getUser.auth).toEqual({ type: 'ANONYMOUS' });
    expect(getUser.parameters).toMatchObject([{ name: 'id', location: 'PATH', type: 'String', required: true }]);
    expect(getUser.backend).toMatchObject({ type: 'HTTP', address: 'http://127.0.0.1:#backendPort#', path: '/users/[id]', method: 'GET' });
  });

  it('deploys version 1 of each API, as a full copy of the working copy, to the right stages', () => {
    expect(served(project, 'TEST')).toEqual(['get_user', 'hello', 'secure_hello']);
    expect(served(project, 'PRE')).toEqual([]);
    expect(served(project, 'RELEASE')).toEqual(['hello', 'limited', 'secure_hello']);
    for (const deployment of project.deployments) {
      expect(deployment.history).toHaveLength(1);
      const [record] = deployment.history;
      expect(record.version).toBe(1);
      expect(record.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(record.description).toBeTruthy();
      expect(record.definition).toEqual<Api>(api(deployment.api));
    }
  });

  it('throttles /limited in RELEASE to 2 calls per second', () => {
    expect(project.throttlingPolicies).toMatchObject([
      { name: 'demo_low_qps', unit: 'SECOND', apiDefault: 2, bindings: [{ ...ref('limited'), stage: 'RELEASE' }] },
    ]);
  });

  it('authorizes demo_caller_app on secure_hello in TEST and RELEASE', () => {
    expect(project.apps.map((a) => a.name)).toEqual(['demo_caller_app']);
    expect(project.authorizations.map(({ app, group, api: name, stage }) => ({ app, group, api: name, stage }))).toEqual([
      { app: 'demo_caller_app', ...ref('secure_hello'), stage: 'TEST' },
      { app: 'demo_caller_app', ...ref('secure_hello'), stage: 'RELEASE' },
    ]);
  });

  it('has the documented demo credentials (appKey a quoted string)', () => {
    expect(loadSecrets('quickstart.secrets.yaml')).toEqual({
      apps: {
        'demo_caller_app': {
          keys: [{ appKey: '204000001', appSecret: 'quickstartSecret0123456789abcdef' }],
          appCodes: ['quickstartAppCode0123456789abcdef'],
        },
      },
    });
  });
});

describe('examples/petstore covers the format', () => {
  const project = loadProject('petstore.apigw.yaml');
  const allApis = [...project.apis, ...project.deployments.flatMap((d) => d.history.flatMap((r) => (r.definition ? [r.definition] : [])))];
  const used = <T>(pick: (api: Api) => T[]) => new Set(allApis.flatMap(pick));
  const appAuth = (api: Api) => (api.auth.type === 'APP' ? [api.auth] : []);

  it('uses every parameter location and type, and every constraint', () => {
    expect(used((a) => a.parameters.map((p) => p.location))).toEqual(new Set(['PATH', 'QUERY', 'HEAD', 'BODY']));
    expect(used((a) => a.parameters.map((p) => p.type))).toEqual(new Set(['String', 'Int', 'Long', 'Float', 'Double', 'Boolean']));
    for (const field of ['default', 'min', 'max', 'minLength', 'maxLength', 'regex', 'enum', 'demo', 'description'] as const) {
      expect(project.apis.some((a) => a.parameters.some((p) => p[field] !== undefined)), field).toBe(true);
    }
  });

  it('uses every request mode, body format, protocol set and backend kind', () => {
    expect(used((a) => [a.request.mode])).toEqual(new Set(['MAPPING', 'MAPPING_PASSTHROUGH', 'PASSTHROUGH']));
    expect(used((a) => (a.request.bodyFormat ? [a.request.bodyFormat] : []))).toEqual(new Set(['FORM', 'STREAM']));
    expect(used((a) => [a.request.protocols.join(',')])).toEqual(new Set(['HTTP', 'HTTPS', 'HTTP,HTTPS']));
    expect(used((a) => [a.backend.type])).toEqual(new Set(['MOCK', 'HTTP']));
    expect(used((a) => (a.backend.type === 'HTTP' ? [a.backend.contentType.category] : []))).toEqual(new Set(['CLIENT', 'DEFAULT', 'CUSTOM']));
    const http = project.apis.flatMap((a) => (a.backend.type === 'HTTP' ? [a.backend] : []));
    expect(http.some((b) => b.address.includes('#'))).toBe(true);
    expect(http.some((b) => b.path.includes('#'))).toBe(true);
  });

  it('maps parameters to other names and locations, and adds constant and system parameters', () => {
    expect(used((a) => a.serviceParameters.map((s) => s.type))).toEqual(new Set(['STRING', 'NUMBER', 'BOOLEAN']));
    const moved = project.apis.some((a) =>
      a.serviceParameters.some((s) => a.parameters.find((p) => p.name === s.requestParameter)?.location !== s.location),
    );
    expect(moved).toBe(true);
    expect(used((a) => a.constantParameters.map((c) => c.location))).toEqual(new Set(['HEAD', 'QUERY', 'BODY']));
    expect(used((a) => a.systemParameters.map((s) => s.location))).toEqual(new Set(['HEAD', 'QUERY', 'BODY']));
  });

  it('uses every auth option, result type, and error codes', () => {
    expect(used((a) => [a.auth.type])).toEqual(new Set(['ANONYMOUS', 'APP']));
    expect(used((a) => appAuth(a).map((auth) => auth.appCodeAuthType))).toEqual(new Set(['DEFAULT', 'DISABLE', 'HEADER', 'HEADER_QUERY']));
    expect(used((a) => appAuth(a).flatMap((auth) => auth.signatureMethods))).toEqual(new Set(['HmacSHA256', 'HmacSHA1']));
    expect(used((a) => appAuth(a).map((auth) => auth.forceNonceCheck))).toEqual(new Set([true, false]));
    expect(used((a) => (a.result ? [a.result.type] : []))).toEqual(new Set(['JSON', 'TEXT', 'BINARY', 'XML', 'HTML', 'PASSTHROUGH']));
    expect(project.apis.some((a) => a.result?.sample && a.result.failSample && a.errorCodes.length > 0)).toBe(true);
  });

  it('has histories in every stage, with a rollback and an abolishment', () => {
    for (const stage of STAGES) expect(served(project, stage).length, stage).toBeGreaterThan(0);
    const records = project.deployments.flatMap((d) => d.history);
    expect(records.some((r) => r.rollbackOf !== undefined)).toBe(true);
    expect(records.some((r) => r.definition === undefined)).toBe(true);
    expect(Math.max(...project.deployments.map((d) => d.history.length))).toBeGreaterThanOrEqual(3);
  });

  it('throttles, authorizes with an expiry, and binds both plug-in kinds', () => {
    const policies = project.throttlingPolicies;
    expect(policies.some((p) => p.userDefault !== undefined && p.appDefault !== undefined)).toBe(true);
    expect(new Set(policies.flatMap((p) => p.specials.map((s) => s.type)))).toEqual(new Set(['APP', 'USER']));
    expect(policies.filter((p) => p.bindings.length > 0).length).toBeGreaterThanOrEqual(2);
    expect(project.apps.length).toBeGreaterThanOrEqual(2);
    expect(project.authorizations.some((a) => a.expiresAt !== undefined)).toBe(true);

    const ipControl = project.plugins.find((p) => p.type === 'ipControl');
    expect(ipControl?.type === 'ipControl' && ipControl.ipControl.type).toBe('ALLOW');
    const items = ipControl?.type === 'ipControl' ? ipControl.ipControl.items : [];
    expect(items.some((item) => item.app !== undefined)).toBe(true);
    expect(items.flatMap((item) => item.blocks).some((block) => block.includes(':') && block.includes('/'))).toBe(true);
    expect(project.plugins.map((p) => p.type).sort()).toEqual(['cors', 'ipControl']);
    for (const plugin of project.plugins) expect(plugin.bindings.length, plugin.name).toBeGreaterThan(0);
  });

  it('records cloud ids for one profile and region', () => {
    const [key, ids] = Object.entries(project.cloud)[0];
    expect(key).toMatch(/^[^/]+\/[a-z]+-[a-z0-9-]+$/);
    expect(Object.keys(ids.apis)).toHaveLength(project.apis.length);
  });
});

/** Every object key the schema allows, at any depth (zod's definitions walked by hand). */
function schemaKeys(schema: z.core.$ZodType, into = new Set<string>()): Set<string> {
  const def = schema._zod.def as unknown as {
    type: string;
    shape?: Record<string, z.core.$ZodType>;
    element?: z.core.$ZodType;
    valueType?: z.core.$ZodType;
    innerType?: z.core.$ZodType;
    options?: z.core.$ZodType[];
    in?: z.core.$ZodType;
  };
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    into.add(key);
    schemaKeys(field, into);
  }
  for (const inner of [def.element, def.valueType, def.innerType, def.in, ...(def.options ?? [])]) if (inner) schemaKeys(inner, into);
  return into;
}

describe('the docs keep up with the code', () => {
  it('docs/project-file.md names every field of the schema', () => {
    // Every identifier inside a code span, so `contentType.category` counts for both keys.
    const named = new Set([...readDoc('project-file.md').matchAll(/`([^`\n]+)`/g)].flatMap((m) => m[1].match(/[A-Za-z]+/g) ?? []));
    const missing = [...schemaKeys(ProjectSchema), ...schemaKeys(SecretsFile)].filter((key) => !named.has(key));
    expect(missing).toEqual([]);
  });

  it('docs/local-gateway.md lists every error code with its status and evidence, and a source page for each documented one', () => {
    const doc = readDoc('local-gateway.md');
    const rows = [...doc.matchAll(/^\| `([A-Z]\d{3}[A-Z]{2})` \| (\d{3}) \| [^|]* \| ([^|]*) \| ([^|]*) \| [^|]* \|$/gm)];
    const listed = Object.fromEntries(rows.map((m) => [m[1], `${m[2]} ${m[3]}`]));
    const expected = Object.fromEntries(Object.entries(GATEWAY_ERRORS).map(([code, spec]) => [code, `${spec.status} ${EVIDENCE_LABELS[spec.evidence]}`]));
    expect(listed).toEqual(expected);
    // A documented row names the Alibaba page it was read on; a choice says what it rests on instead.
    for (const [, code, , evidence, source] of rows) {
      const cites = /\]\(https:\/\/[a-z.]*(alibabacloud\.com|aliyun\.com)\//.test(source);
      if (evidence === EVIDENCE_LABELS.documented) expect(cites, `${code}: ${source}`).toBe(true);
      else expect(source.trim(), code).not.toBe('');
    }
  });

  it('docs/local-gateway.md lists every gateway choice', () => {
    const doc = readDoc('local-gateway.md');
    const listed = [...doc.matchAll(/^\| `([a-zA-Z]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(GATEWAY_CHOICES).sort());
  });
});
