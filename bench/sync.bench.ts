// Sync at scale against the offline cloud: a generated project of 1,000 APIs in 10 groups (stage
// variables in every stage, a throttling policy bound in RELEASE, an app authorized on a tenth of
// the APIs, a CORS plug-in, every API deployed to RELEASE). For the first apply, a no-change plan
// (warm cache, and cold: a fresh machine), and a one-API change (plan + apply), it prints the
// OpenAPI calls (counted with the client's onCall hook, retries included) by action, and the wall
// time as a ratio to the same number of bare DescribeRegions calls measured in the same run.
// Run: npm run bench:sync   (about a minute)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Api, Project } from '../shared/model/schema';
import { PROJECT_FORMAT } from '../shared/model/schema';
import { deployApi } from '../shared/model/stages';
import { planChanges } from '../shared/sync/plan-types';
import { type CloudClient, createCloudClient } from '../host/cloud/client';
import { startCloudSim } from '../offline-cloud/cloud-sim';
import { DEMO_ACCOUNT } from '../offline-cloud/sim-accounts';
import { apply } from '../host/sync/apply';
import { planAgainstCloud } from '../host/sync/plan-cloud';
import { PullCache } from '../host/sync/pull-cache';
import { projectFileRecorder } from '../host/sync/recorder';
import { loadProject, saveProject } from '../host/workspace/project-store';

const GROUPS = 10;
const APIS_PER_GROUP = 100;
const KEY = 'endpoint/cn-hangzhou';
const BASELINE_CALLS = 300;

function generateProject(): Project {
  const groups = Array.from({ length: GROUPS }, (_, g) => ({
    name: `bench_group_${g}`,
    basePath: '/',
    stageVariables: { TEST: { backendPort: '18080' }, PRE: { backendPort: '18081' }, RELEASE: { backendPort: '18082' } },
  }));
  const apis: Api[] = groups.flatMap((group, g) =>
    Array.from({ length: APIS_PER_GROUP }, (_, a): Api => ({
      name: `api_${g}_${a}`,
      group: group.name,
      description: `Generated API ${a} of group ${g}.`,
      visibility: 'PRIVATE',
      request: { protocols: ['HTTP', 'HTTPS'], method: a % 2 ? 'POST' : 'GET', path: `/things/${a}/[id]`, mode: 'MAPPING' },
      parameters: [{ name: 'id', location: 'PATH', type: 'Long', required: true }],
      backend:
        a % 3 === 0
          ? { type: 'MOCK', statusCode: 200, body: `{"api":${a}}`, headers: [{ name: 'Content-Type', value: 'application/json' }] }
          : { type: 'HTTP', address: 'http://127.0.0.1:#backendPort#', path: `/things/${a}/[id]`, method: a % 2 ? 'POST' : 'GET', timeout: 5000, contentType: { category: 'CLIENT' } },
      serviceParameters: [],
      constantParameters: [],
      systemParameters: [{ name: 'CaRequestId', serviceParameter: 'X-Request-Id', location: 'HEAD' }],
      auth: a % 10 === 0 ? { type: 'APP', signatureMethods: ['HmacSHA256'], appCodeAuthType: 'DEFAULT', forceNonceCheck: false } : { type: 'ANONYMOUS' },
      errorCodes: [],
    })),
  );
  let project: Project = {
    format: PROJECT_FORMAT,
    name: 'sync-bench',
    groups,
    apis,
    deployments: [],
    throttlingPolicies: [{ name: 'bench_limit', unit: 'SECOND', apiDefault: 100, specials: [], bindings: apis.map((api) => ({ group: api.group, api: api.name, stage: 'RELEASE' as const })) }],
    apps: [{ name: 'bench_caller' }],
    authorizations: apis.filter((api) => api.auth.type === 'APP').map((api) => ({ app: 'bench_caller', group: api.group, api: api.name, stage: 'RELEASE' as const })),
    plugins: [{ name: 'bench_cors', type: 'cors', cors: { allowOrigins: ['*'], allowMethods: ['GET', 'POST'], allowHeaders: [], exposeHeaders: [], allowCredentials: false, maxAge: 600 }, bindings: apis.slice(0, 50).map((api) => ({ group: api.group, api: api.name, stage: 'RELEASE' as const })) }],
    cloud: {},
  };
  for (const api of apis) project = deployApi(project, { group: api.group, api: api.name }, 'RELEASE', { at: '2026-11-23T09:00:00.000Z' });
  return project;
}

interface Run {
  label: string;
  calls: Map<string, number>;
  ms: number;
  lines: number;
}

function counter(): { client: (cache?: unknown) => CloudClient; calls: Map<string, number>; reset(): void } {
  const calls = new Map<string, number>();
  let made: CloudClient | undefined;
  return {
    calls,
    reset: () => calls.clear(),
    client: () => (made ??= createCloudClient({ region: 'cn-hangzhou', endpoint: sim.url, credentials: DEMO_ACCOUNT, timeoutMs: 30_000, onCall: (event) => calls.set(event.action, (calls.get(event.action) ?? 0) + 1) })),
  };
}

const sim = await startCloudSim();
const dir = mkdtempSync(path.join(os.tmpdir(), 'apigw-sync-bench-'));
const file = path.join(dir, 'bench.apigw.yaml');
const runs: Run[] = [];
const count = counter();
const client = count.client();

async function measure(label: string, work: () => Promise<number>): Promise<void> {
  count.reset();
  const started = performance.now();
  const lines = await work();
  runs.push({ label, calls: new Map(count.calls), ms: performance.now() - started, lines });
}

try {
  // Baseline: bare signed round trips to the same server, one after another.
  const baselineStarted = performance.now();
  for (let i = 0; i < BASELINE_CALLS; i++) await client.call('CloudAPI', 'DescribeRegions');
  const perCall = (performance.now() - baselineStarted) / BASELINE_CALLS;

  await saveProject(file, generateProject());
  const cache = PullCache.memory();
  const planAndApply = async () => {
    const recorder = await projectFileRecorder(file, KEY);
    const { plan, snapshot } = await planAgainstCloud(client, recorder.project, KEY, { cache });
    const result = await apply({ client, plan, snapshot, recorder, cache });
    if (!result.ok) throw result.failed?.error;
    return planChanges(plan).length;
  };
  const planOnly = (planCache: PullCache) => async () => {
    const recorder = await projectFileRecorder(file, KEY);
    return planChanges((await planAgainstCloud(client, recorder.project, KEY, { cache: planCache })).plan).length;
  };

  await measure('first apply (plan + apply)', planAndApply);
  await measure('no-change plan, warm cache', planOnly(cache));
  await measure('no-change plan, cold cache', planOnly(PullCache.memory()));
  const loaded = await loadProject(file);
  const changed = { ...loaded.project!, apis: loaded.project!.apis.map((api) => (api.name === 'api_4_42' ? { ...api, description: 'Changed once.' } : api)) };
  await saveProject(file, changed, { document: loaded.document });
  await measure('one-API change (plan + apply)', planAndApply);
  await measure('no-change plan after it', planOnly(cache));

  console.log(`Sync of ${GROUPS * APIS_PER_GROUP} APIs in ${GROUPS} groups against the offline cloud (in-process, in memory).`);
  console.log(`Baseline: a bare DescribeRegions round trip took ${perCall.toFixed(2)} ms (mean of ${BASELINE_CALLS}).\n`);
  console.log(`${'run'.padEnd(32)} ${'lines'.padStart(6)} ${'calls'.padStart(6)} ${'wall s'.padStart(8)} ${'wall / (calls x baseline)'.padStart(26)}`);
  for (const run of runs) {
    const total = [...run.calls.values()].reduce((a, b) => a + b, 0);
    const ratio = run.ms / (Math.max(total, 1) * perCall);
    console.log(`${run.label.padEnd(32)} ${String(run.lines).padStart(6)} ${String(total).padStart(6)} ${(run.ms / 1000).toFixed(2).padStart(8)} ${ratio.toFixed(2).padStart(26)}`);
  }
  for (const run of runs) {
    const byAction = [...run.calls].sort((a, b) => b[1] - a[1]).map(([action, n]) => `${action} ${n}`).join(', ');
    console.log(`\n${run.label}: ${byAction}`);
  }
  console.log('\nA ratio below 1 means apply overlapped calls (4 in flight); above 1, time went to planning and saving the project file.');
} finally {
  client.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
}
