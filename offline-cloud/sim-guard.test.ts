/**
 * The offline cloud attacked as the security review did (issue 13): a web page posting a form
 * signed with the public demo keys, a DNS-rebinding page (a foreign Host), /_sim/ without its
 * token, and files other users could read. Each attack is shown failing, beside the same request
 * made legitimately succeeding, so a guard that goes missing fails the test.
 */
import { request } from 'node:http';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CloudSim, startCloudSim } from './cloud-sim';
import { signRpc } from './rpc-signature';
import { DEMO_ACCOUNT } from './sim-accounts';
import { ADMIN_FILE_NAME, STATE_FILE_NAME, readAdminFile } from './sim-data-dir';
import { ADMIN_TOKEN_HEADER } from './sim-guard';
import { commonParams, popCore } from './testing/sim-requests';

interface RawAnswer {
  status: number;
  text: string;
  body: Record<string, unknown>;
}

/** A request with exactly these headers (fetch would not let a test choose Host). */
function send(sim: CloudSim, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<RawAnswer> {
  const headers = { host: `127.0.0.1:${sim.port}`, ...options.headers };
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port: sim.port, method: options.method ?? 'GET', path: options.path ?? '/', headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text, body: JSON.parse(text) as Record<string, unknown> }));
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** A CreateApp form signed with the demo keys: what any web page can build, the keys being public. */
function signedCreateApp(appName: string): string {
  const params = commonParams('CloudAPI', 'CreateApp', { AppName: appName, RegionId: 'cn-hangzhou' });
  return new URLSearchParams({ ...params, Signature: signRpc('POST', params, DEMO_ACCOUNT.accessKeySecret) }).toString();
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function appNames(sim: CloudSim): Promise<string[]> {
  const answer = await popCore(sim, 'CloudAPI').request<{ Apps: { AppItem: { AppName: string }[] } }>('DescribeApps', { RegionId: 'cn-hangzhou' });
  return answer.Apps.AppItem.map((app) => app.AppName);
}

function modeOf(path: string): Promise<number> {
  return stat(path).then((found) => found.mode & 0o777);
}

let sim: CloudSim | undefined;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apigw-sim-guard-'));
});
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('web pages', () => {
  beforeEach(async () => {
    sim = await startCloudSim();
  });

  it('refuses a cross-site form POST signed with the demo keys, and it creates nothing', async () => {
    const attack = await send(sim!, {
      method: 'POST',
      headers: { ...FORM, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' },
      body: signedCreateApp('planted_by_a_page'),
    });
    expect(attack.status).toBe(403);
    expect(Object.keys(attack.body)).toEqual(['RequestId', 'Message', 'Recommend', 'HostId', 'Code']);
    expect(attack.body.Code).toBe('Forbidden.Browser');
    expect(attack.body.Message).toBe(
      'The offline cloud serves SDKs and CLIs, not web pages: this request came from a browser (Origin http://evil.example) and was refused. Call it with pop-core, an Alibaba Cloud SDK or the CLI.',
    );
    expect(await appNames(sim!)).not.toContain('planted_by_a_page');

    // The same form from a client on this machine is served: only the browser's marks made the difference.
    const fromCli = await send(sim!, { method: 'POST', headers: FORM, body: signedCreateApp('made_by_a_cli') });
    expect(fromCli.status).toBe(200);
    expect(await appNames(sim!)).toEqual(['made_by_a_cli']);
  });

  it('refuses a browser by Sec-Fetch-Site alone (a GET from an <img> or a link), and by Origin alone', async () => {
    const crossSite = await send(sim!, { method: 'POST', headers: { ...FORM, 'sec-fetch-site': 'cross-site' }, body: signedCreateApp('by_sec_fetch') });
    expect([crossSite.status, crossSite.body.Code]).toEqual([403, 'Forbidden.Browser']);
    expect(crossSite.body.Message).toContain('(Sec-Fetch-Site cross-site)');
    const sameSite = await send(sim!, { method: 'POST', headers: { ...FORM, 'sec-fetch-site': 'same-site' }, body: signedCreateApp('by_same_site') });
    expect([sameSite.status, sameSite.body.Code]).toEqual([403, 'Forbidden.Browser']);
    const sameOrigin = await send(sim!, { method: 'POST', headers: { ...FORM, origin: `http://127.0.0.1:${sim!.port}` }, body: signedCreateApp('by_origin') });
    expect([sameOrigin.status, sameOrigin.body.Code]).toEqual([403, 'Forbidden.Browser']);
    expect(await appNames(sim!)).toEqual([]);

    // Typed in the address bar (Sec-Fetch-Site none) is not a page's doing.
    const typed = await send(sim!, { method: 'POST', headers: { ...FORM, 'sec-fetch-site': 'none' }, body: signedCreateApp('typed_by_hand') });
    expect(typed.status).toBe(200);
  });
});

describe('the Host header (DNS rebinding)', () => {
  beforeEach(async () => {
    sim = await startCloudSim();
  });

  it('refuses a foreign Host on the RPC endpoint, in the RPC error shape, and serves localhost and 127.0.0.1', async () => {
    const rebound = await send(sim!, { method: 'POST', headers: { ...FORM, host: `evil.example:${sim!.port}` }, body: signedCreateApp('via_rebinding') });
    expect(rebound.status).toBe(403);
    expect(Object.keys(rebound.body)).toEqual(['RequestId', 'Message', 'Recommend', 'HostId', 'Code']);
    expect(rebound.body.Code).toBe('Forbidden.Host');
    expect(rebound.body.Message).toBe(
      `The offline cloud answers only requests whose Host header is 127.0.0.1:${sim!.port} or localhost:${sim!.port}, not "evil.example:${sim!.port}". Point the client at http://127.0.0.1:${sim!.port}.`,
    );
    const otherPort = await send(sim!, { method: 'POST', headers: { ...FORM, host: `127.0.0.1:${sim!.port + 1}` }, body: signedCreateApp('via_other_port') });
    expect([otherPort.status, otherPort.body.Code]).toEqual([403, 'Forbidden.Host']);
    expect(await appNames(sim!)).toEqual([]);

    const viaLocalhost = await send(sim!, { method: 'POST', headers: { ...FORM, host: `localhost:${sim!.port}` }, body: signedCreateApp('via_localhost') });
    expect(viaLocalhost.status).toBe(200);
    expect(await appNames(sim!)).toEqual(['via_localhost']);
  });

  it('refuses a foreign Host on /_sim/ even with the admin token', async () => {
    const admin = { [ADMIN_TOKEN_HEADER]: sim!.adminToken };
    const rebound = await send(sim!, { path: '/_sim/health', headers: { ...admin, host: `evil.example:${sim!.port}` } });
    expect([rebound.status, rebound.body.Code]).toEqual([403, 'Forbidden.Host']);
    expect(rebound.text).not.toContain(DEMO_ACCOUNT.accessKeyId);
    expect((await send(sim!, { path: '/_sim/health', headers: { ...admin, host: `localhost:${sim!.port}` } })).status).toBe(200);
  });
});

describe('the admin API /_sim/', () => {
  beforeEach(async () => {
    sim = await startCloudSim();
  });

  const routes: [string, string, string?][] = [
    ['GET', '/_sim/health'],
    ['GET', '/_sim/faults'],
    ['POST', '/_sim/faults', JSON.stringify({ action: '*', times: 'always' })],
    ['DELETE', '/_sim/faults'],
    ['DELETE', '/_sim/faults/some-id'],
    ['GET', '/_sim/calls'],
    ['DELETE', '/_sim/calls'],
    ['GET', '/_sim/no-such-route'],
  ];

  it.each(routes)('refuses %s %s without the token or with a wrong one', async (method, path, body) => {
    await popCore(sim!, 'CloudAPI').request('DescribeRegions', {});
    const headers: Record<string, string> = body ? { 'content-type': 'application/json' } : {};
    const without = await send(sim!, { method, path, headers, body });
    expect(without.status).toBe(403);
    expect(without.body).toEqual({
      Code: 'Forbidden.AdminToken',
      Message: `/_sim/ needs the admin token in the X-Sim-Admin-Token header: apigw-studio cloud-sim prints it at start (Admin token:) and keeps it in ${ADMIN_FILE_NAME} in its data dir while it runs.`,
    });
    const wrong = await send(sim!, { method, path, headers: { ...headers, [ADMIN_TOKEN_HEADER]: `${sim!.adminToken.slice(0, -1)}x` }, body });
    expect([wrong.status, wrong.body.Code]).toEqual([403, 'Forbidden.AdminToken']);
    expect(wrong.body.Message).toMatch(/^The X-Sim-Admin-Token header is not this start's admin token: /);
    // Nothing was changed or shown.
    expect(sim!.faults.list()).toEqual([]);
    expect(sim!.calls).toHaveLength(1);
  });

  it('does not show the health listing (AccessKeyIds) without the token; shows it with the token', async () => {
    const without = await send(sim!, { path: '/_sim/health' });
    expect(without.status).toBe(403);
    expect(without.text).not.toContain(DEMO_ACCOUNT.accessKeyId);
    const withToken = await send(sim!, { path: '/_sim/health', headers: { [ADMIN_TOKEN_HEADER]: sim!.adminToken } });
    expect(withToken.status).toBe(200);
    expect(withToken.body.accounts).toEqual([{ accessKeyId: DEMO_ACCOUNT.accessKeyId, accountId: DEMO_ACCOUNT.accountId, label: 'demo' }]);
  });

  it('takes a fault rule with the token, and the rule works', async () => {
    const added = await send(sim!, {
      method: 'POST',
      path: '/_sim/faults',
      headers: { 'content-type': 'application/json', [ADMIN_TOKEN_HEADER]: sim!.adminToken },
      body: JSON.stringify({ product: 'CloudAPI', action: 'DescribeRegions', error: { code: 'ServiceUnavailable' } }),
    });
    expect(added.status).toBe(201);
    await expect(popCore(sim!, 'CloudAPI').request('DescribeRegions', {})).rejects.toMatchObject({ code: 'ServiceUnavailable' });
  });

  it('has a new token at every start', async () => {
    const first = sim!.adminToken;
    const second = await startCloudSim();
    try {
      expect(second.adminToken).toMatch(/^[\w-]{43}$/);
      expect(second.adminToken).not.toBe(first);
      expect((await send(second, { path: '/_sim/health', headers: { [ADMIN_TOKEN_HEADER]: first } })).status).toBe(403);
    } finally {
      await second.close();
    }
  });
});

describe.skipIf(process.platform === 'win32')('the files (issue 13: AppSecret and AppCode readable by other users)', () => {
  it('creates the data dir 0700 and its files 0600, and removes the admin file when it stops', async () => {
    const dataDir = join(dir, 'made', 'here');
    sim = await startCloudSim({ dataDir });
    await popCore(sim, 'CloudAPI').request('CreateApp', { AppName: 'secret_holder', RegionId: 'cn-hangzhou' }, { method: 'POST' });
    expect(await readFile(join(dataDir, STATE_FILE_NAME), 'utf8')).toContain('"AppSecret"');
    expect(await modeOf(dataDir)).toBe(0o700);
    expect(await modeOf(join(dataDir, STATE_FILE_NAME))).toBe(0o600);
    expect(await modeOf(join(dataDir, ADMIN_FILE_NAME))).toBe(0o600);
    expect(await readAdminFile(dataDir)).toEqual({ url: sim.url, adminToken: sim.adminToken });

    await sim.close();
    sim = undefined;
    expect(await readAdminFile(dataDir)).toBeUndefined();
  });

  it('tightens an existing 0755 data dir and 0644 files at start, and leaves files it does not own alone', async () => {
    sim = await startCloudSim({ dataDir: dir });
    await sim.close();
    sim = undefined;
    await chmod(dir, 0o755);
    await chmod(join(dir, STATE_FILE_NAME), 0o644);
    await writeFile(join(dir, `${STATE_FILE_NAME}.bak`), '{}', { mode: 0o644 });
    await writeFile(join(dir, 'notes.txt'), 'the user\'s own', { mode: 0o644 });
    await chmod(join(dir, 'notes.txt'), 0o644);

    sim = await startCloudSim({ dataDir: dir });
    expect(await modeOf(dir)).toBe(0o700);
    expect(await modeOf(join(dir, STATE_FILE_NAME))).toBe(0o600);
    expect(await modeOf(join(dir, `${STATE_FILE_NAME}.bak`))).toBe(0o600);
    expect(await modeOf(join(dir, 'notes.txt'))).toBe(0o644);

    // A save replaces the state file through a temp file born 0600; the result stays 0600.
    await popCore(sim, 'CloudAPI').request('CreateApp', { AppName: 'after_tightening', RegionId: 'cn-hangzhou' }, { method: 'POST' });
    expect(await modeOf(join(dir, STATE_FILE_NAME))).toBe(0o600);
  });
});
