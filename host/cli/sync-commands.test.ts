/** pull, plan, apply, deploy and rollback on the command line, against a real offline cloud. */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deployApi } from '../../shared/model/stages';
import { type CloudSim, startCloudSim } from '../../offline-cloud/cloud-sim';
import { DEMO_ACCOUNT } from '../../offline-cloud/sim-accounts';
import { startRecordingEndpoint } from '../cloud/testing/recording-endpoint';
import { profileVaultName } from '../sync/connection';
import { FileVault } from '../vault/file-vault';
import { loadProject, saveProject } from '../workspace/project-store';
import type { CliIo } from './cli-io';
import { runCli } from './main';
import { isolateCredentialEnv } from './testing/credential-env';

isolateCredentialEnv();

let sim: CloudSim;
let dir: string;
beforeEach(async () => {
  sim = await startCloudSim();
  dir = await mkdtemp(join(tmpdir(), 'apigw-sync-cli-'));
  for (const name of ['quickstart.apigw.yaml', 'quickstart.secrets.yaml']) await copyFile(new URL(`../../examples/${name}`, import.meta.url), join(dir, name));
});
afterEach(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line), cwd: dir };
  const code = await runCli(args, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const at = () => ['--endpoint', sim.url, '--region', 'cn-hangzhou', '--data', join(dir, 'data')];
const quickstart = () => ['--project', 'quickstart.apigw.yaml', ...at()];

describe('apigw-studio plan and apply', () => {
  it('plans, refuses to apply unasked without a terminal, applies with --yes, then has nothing to do', async () => {
    const first = await cli('plan', ...quickstart(), '--detailed-exitcode');
    expect(first.code).toBe(2);
    expect(first.stderr).toBe(`apigw-studio plan: no cloud credentials given: using the offline cloud's demo account (${DEMO_ACCOUNT.accessKeyId}) at ${sim.url}`);
    expect(first.stdout).toContain('Plan for quickstart.apigw.yaml in cn-hangzhou (recorded as endpoint/cn-hangzhou):');
    expect(first.stdout).toMatch(/^\+ create group demo_hello_api {2}\(new group in the design\)$/m);
    expect(first.stdout).toContain('Plan: 19 to add, 0 to change, 0 to remove.');

    const refused = await cli('apply', ...quickstart());
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('not changing the cloud without a confirmation, and there is no terminal to ask on; run it again with --yes');
    expect(sim.calls.filter((call) => call.action?.startsWith('Create'))).toEqual([]);

    const applied = await cli('apply', ...quickstart(), '--yes');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/^done \+ create api demo_hello_api\/hello/m);
    expect(applied.stdout).toContain('Applied 19 changes; the cloud ids are recorded in quickstart.state/cloud/endpoint/cn-hangzhou.yaml.');

    const again = await cli('plan', ...quickstart(), '--detailed-exitcode');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes: the cloud matches the design.');
    const json = JSON.parse((await cli('plan', ...quickstart(), '--json')).stdout) as { changes: number; profileKey: string };
    expect(json).toMatchObject({ changes: 0, profileKey: 'endpoint/cn-hangzhou' });

    const path = join(dir, 'quickstart.apigw.yaml');
    await writeFile(path, (await readFile(path, 'utf8')).replace('backendPort: "18080"\n      PRE', 'backendPort: "19090"\n      PRE'));
    const changed = await cli('plan', ...quickstart());
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain('~ update stageVariable demo_hello_api @TEST: backendPort  (changed in the design or in the cloud)\n      value: "18080" → "19090"');
    expect(changed.stdout).toContain('Plan: 0 to add, 1 to change, 0 to remove.');
  });

  it('deploys a stage and rolls an API back', async () => {
    expect((await cli('apply', ...quickstart(), '--yes')).code).toBe(0);
    const path = join(dir, 'quickstart.apigw.yaml');
    const loaded = await loadProject(path);
    const edited = { ...loaded.project!, apis: loaded.project!.apis.map((api) => (api.name === 'hello' ? { ...api, description: 'Version two' } : api)) };
    await saveProject(path, deployApi(edited, { group: 'demo_hello_api', api: 'hello' }, 'TEST', { at: '2026-11-24T00:00:00.000Z' }), { document: loaded.document });

    const deployed = await cli('deploy', ...quickstart(), '--stage', 'test', '--yes');
    expect(deployed.code).toBe(0);
    expect(deployed.stdout).toContain('+ deploy deployment demo_hello_api/hello @TEST');
    expect(deployed.stdout).not.toContain('update api');

    const rolled = await cli('rollback', ...quickstart(), '--stage', 'TEST', '--api', 'demo_hello_api/hello', '--yes');
    expect(rolled.code).toBe(0);
    expect(rolled.stderr).toContain('quickstart.apigw.yaml now records demo_hello_api/hello in TEST serving version 1 again.');
    expect(sim.calls.map((call) => call.action)).toContain('SwitchApi');
    const history = (await loadProject(path)).project!.deployments.find((d) => d.api === 'hello' && d.stage === 'TEST')!.history;
    expect(history.map((record) => [record.version, record.rollbackOf])).toEqual([
      [1, undefined],
      [2, undefined],
      [3, 1],
    ]);
    expect((await cli('rollback', ...quickstart(), '--stage', 'TEST', '--api', 'demo_hello_api/nope', '--yes')).stderr).toContain('Cannot roll demo_hello_api/nope back in TEST: it has no earlier deployment to serve again.');
  });

  it('pulls the cloud into a new project that plans clean, and previews a merge into an existing one', async () => {
    expect((await cli('apply', ...quickstart(), '--yes')).code).toBe(0);
    const pulled = await cli('pull', '--project', 'from-cloud.apigw.yaml', ...at());
    expect(pulled.code).toBe(0);
    expect(pulled.stdout).toBe('Wrote from-cloud.apigw.yaml: 4 APIs in 1 group, 1 throttling policy, 1 app, 0 plug-ins, ids recorded as endpoint/cn-hangzhou.');
    expect((await cli('plan', '--project', 'from-cloud.apigw.yaml', ...at(), '--detailed-exitcode')).code).toBe(0);

    const path = join(dir, 'quickstart.apigw.yaml');
    await writeFile(path, (await readFile(path, 'utf8')).replace('Says hello to an authorized app.', 'Edited here.'));
    const preview = await cli('pull', ...quickstart());
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('~ api demo_hello_api/secure_hello\n      description: "Edited here." → "Says hello to an authorized app."');
    expect(preview.stdout).toContain('run again with --merge to make them');
    expect(await readFile(path, 'utf8')).toContain('Edited here.');
    expect((await cli('pull', ...quickstart(), '--merge')).code).toBe(0);
    expect(await readFile(path, 'utf8')).not.toContain('Edited here.');
  });
});

describe('apigw-studio sync errors', () => {
  it('says what is missing with exit 2', async () => {
    expect(await cli('plan', '--project', 'quickstart.apigw.yaml')).toMatchObject({ code: 2, stderr: 'apigw-studio plan: which region? give --region R, e.g. --region cn-hangzhou' });
    expect(await cli('plan', '--region', 'cn-hangzhou')).toMatchObject({ code: 2, stderr: 'apigw-studio plan: which project? give --project F' });
    const none = await cli('plan', '--project', 'quickstart.apigw.yaml', '--region', 'cn-hangzhou', '--data', join(dir, 'data'));
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no cloud credentials: give --profile P/);
    const noProfile = await cli('plan', ...quickstart(), '--profile', 'prod');
    expect(noProfile.code).toBe(2);
    expect(noProfile.stderr).toContain(`no cloud profile "prod" in ${join(dir, 'data', 'vault-file.json')}`);
    expect((await cli('plan', '--project', 'missing.apigw.yaml', ...at())).code).toBe(2);
    expect((await cli('deploy', ...quickstart())).stderr).toBe('apigw-studio deploy: which stage? give --stage TEST, PRE or RELEASE');
  });

  it('a wrong secret (from the vault or the environment) is a clear error and changes nothing', async () => {
    const vault = new FileVault({ dataDir: join(dir, 'data') });
    await vault.set(profileVaultName('prod'), JSON.stringify({ accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: 'wrong-secret', endpoint: sim.url }));
    const before = await readFile(join(dir, 'quickstart.apigw.yaml'), 'utf8');
    const fromVault = await cli('apply', ...quickstart(), '--profile', 'prod', '--yes');
    expect(fromVault.code).toBe(1);
    expect(fromVault.stderr).toContain('SignatureDoesNotMatch');
    expect(fromVault.stderr).toContain('Check the AccessKeySecret of the cloud profile.');

    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = DEMO_ACCOUNT.accessKeyId;
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'also-wrong';
    const fromEnv = await cli('plan', ...quickstart(), '--detailed-exitcode');
    expect(fromEnv.code).toBe(1);
    expect(fromEnv.stderr).toContain('SignatureDoesNotMatch');
    expect(await readFile(join(dir, 'quickstart.apigw.yaml'), 'utf8')).toBe(before);
    expect(sim.calls.filter((call) => call.status === 200)).toEqual([]);
  });

  it('sends a profile\'s secret only to the endpoint it was saved for, and never over http:// to another computer', async () => {
    const attacker = await startRecordingEndpoint();
    try {
      const vault = new FileVault({ dataDir: join(dir, 'data') });
      await vault.set(profileVaultName('prod'), JSON.stringify({ accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret, endpoint: sim.url }));
      const data = ['--data', join(dir, 'data'), '--region', 'cn-hangzhou'];
      const elsewhere = await cli('plan', '--project', 'quickstart.apigw.yaml', ...data, '--profile', 'prod', '--endpoint', attacker.url);
      expect(elsewhere.code).toBe(2);
      expect(elsewhere.stderr).toBe(
        `apigw-studio plan: the cloud profile "prod" was saved for ${sim.url}, not ${attacker.url}, and a saved secret is only sent to the endpoint it was saved for: give --endpoint ${sim.url}, or save the profile again with that endpoint (Settings in the console)`,
      );
      // Without --endpoint it would go to Alibaba Cloud's own endpoint: another place too.
      const alibaba = await cli('gateway', 'list', ...data, '--profile', 'prod');
      expect(alibaba.code).toBe(2);
      expect(alibaba.stderr).toContain(`was saved for ${sim.url}, not Alibaba Cloud's own endpoint`);
      expect(attacker.received).toEqual([]);
      expect((await cli('plan', ...quickstart(), '--profile', 'prod')).code).toBe(0);

      // An entry that records no endpoint (the documented hand-written form) is for Alibaba Cloud's own.
      await vault.set(profileVaultName('hand'), JSON.stringify({ accessKeyId: DEMO_ACCOUNT.accessKeyId, accessKeySecret: DEMO_ACCOUNT.accessKeySecret }));
      const hand = await cli('plan', '--project', 'quickstart.apigw.yaml', ...data, '--profile', 'hand', '--endpoint', attacker.url);
      expect(hand).toMatchObject({ code: 2, stderr: expect.stringContaining("saved for Alibaba Cloud's own endpoint, not") });
      expect(hand.stderr).toContain('leave out --endpoint');
      expect(attacker.received).toEqual([]);

      const clear = await cli('plan', '--project', 'quickstart.apigw.yaml', ...data, '--endpoint', 'http://example.com');
      expect(clear).toEqual({
        code: 2,
        stdout: '',
        stderr: 'apigw-studio plan: --endpoint http://example.com: http:// would send signed requests in the clear; use https://, or http:// only for a local emulator on 127.0.0.1.',
      });
    } finally {
      await attacker.close();
    }
  });
});
