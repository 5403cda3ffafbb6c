import { describe, expect, it } from 'vitest';
import type { CloudConnectionView, CloudProfileView } from '../../../shared/ipc/cloud-views';
import { connectionLabel, endpointLabel, failureAdvice } from './cloud-labels';
import { type ProfileForm, emptyProfileForm, endpointChanged, profileFormOf, profileInputOf, profileProblems, testDraftOf, testProblems } from './profile-form';

const valid: ProfileForm = { name: 'prod-hz', region: 'cn-hangzhou', endpoint: '', accessKeyId: 'LTAI5tExample0001', accessKeySecret: 'secret-1' };
const saved: CloudProfileView = { name: 'prod-hz', region: 'cn-hangzhou', accessKeyId: 'LTAI****0001', secretSet: true };

describe('profileProblems', () => {
  it('has none for a complete new profile, with or without an endpoint', () => {
    expect(profileProblems(valid, { taken: [] })).toEqual({});
    expect(profileProblems({ ...valid, endpoint: 'http://127.0.0.1:8080' }, { taken: [] })).toEqual({});
  });

  it('asks for every field of an empty new profile except the endpoint', () => {
    const problems = profileProblems(emptyProfileForm(), { taken: [] });
    expect(Object.keys(problems).sort()).toEqual(['accessKeyId', 'accessKeySecret', 'name', 'region']);
    expect(problems.name).toMatch(/Type a name/);
    expect(problems.region).toMatch(/cn-hangzhou/);
  });

  it("uses the contract's rules for name and region", () => {
    expect(profileProblems({ ...valid, name: 'no spaces' }, { taken: [] }).name).toMatch(/1 to 64 letters, digits/);
    expect(profileProblems({ ...valid, name: 'a'.repeat(65) }, { taken: [] }).name).toMatch(/1 to 64/);
    expect(profileProblems({ ...valid, name: 'a.b_c-1' }, { taken: [] }).name).toBeUndefined();
    expect(profileProblems({ ...valid, region: 'Hangzhou' }, { taken: [] }).region).toBe('A region id looks like cn-hangzhou.');
    expect(profileProblems({ ...valid, region: 'ap-southeast-1' }, { taken: [] }).region).toBeUndefined();
  });

  it('refuses an endpoint that is not an http(s) URL', () => {
    expect(profileProblems({ ...valid, endpoint: 'apigateway.aliyuncs.com' }, { taken: [] }).endpoint).toMatch(/starting with https:\/\//);
    expect(profileProblems({ ...valid, endpoint: 'ftp://example.com' }, { taken: [] }).endpoint).toMatch(/leave it empty for Alibaba Cloud/);
  });

  it("refuses http:// to another computer with the contract's reason, while the URL is typed", () => {
    expect(profileProblems({ ...valid, endpoint: 'http://example.com' }, { taken: [] }).endpoint).toBe(
      'http:// would send signed requests in the clear; use https://, or http:// only for a local emulator on 127.0.0.1.',
    );
    expect(profileProblems({ ...valid, endpoint: 'https://example.com' }, { taken: [] })).toEqual({});
    expect(profileProblems({ ...valid, endpoint: 'http://localhost:9100' }, { taken: [] })).toEqual({});
  });

  it('refuses the name of another saved profile, but not the one being edited', () => {
    expect(profileProblems(valid, { taken: ['prod-hz'] }).name).toMatch(/exists already/);
    expect(profileProblems(valid, { taken: ['prod-hz'], editing: saved })).toEqual({});
    expect(profileProblems({ ...valid, name: 'other' }, { taken: ['prod-hz', 'other'], editing: saved }).name).toMatch(/exists already/);
  });

  it('keeps the saved keys when editing: an empty AccessKeyId or secret is left out, so the host keeps the saved one', () => {
    const form = profileFormOf(saved);
    expect(form).toEqual({ name: 'prod-hz', region: 'cn-hangzhou', endpoint: '', accessKeyId: '', accessKeySecret: '' });
    expect(profileProblems(form, { taken: ['prod-hz'], editing: saved })).toEqual({});
    expect(profileInputOf(form, 'prod-hz')).toEqual({ name: 'prod-hz', previousName: 'prod-hz', region: 'cn-hangzhou' });
    expect(profileProblems({ ...form, accessKeyId: 'LTAI5tExample0001' }, { taken: ['prod-hz'], editing: saved })).toEqual({});
  });

  it('says the secret must be typed again once the endpoint of a saved profile was edited', () => {
    const onEmulator: CloudProfileView = { ...saved, endpoint: 'http://127.0.0.1:9100' };
    const context = { taken: ['prod-hz'], editing: onEmulator };
    expect(endpointChanged(profileFormOf(onEmulator), context)).toBe(false);
    expect(endpointChanged({ ...profileFormOf(onEmulator), endpoint: 'http://127.0.0.1:9100/' }, context)).toBe(false);
    expect(endpointChanged({ ...profileFormOf(onEmulator), endpoint: 'https://proxy.example.com' }, context)).toBe(true);
    expect(endpointChanged({ ...profileFormOf(onEmulator), endpoint: '' }, context)).toBe(true);
    expect(endpointChanged({ ...profileFormOf(onEmulator), name: 'renamed' }, context)).toBe(false);
    expect(endpointChanged({ ...valid, endpoint: 'https://proxy.example.com' }, { taken: [] })).toBe(false);
  });

  it('limits the keys to what the host accepts', () => {
    expect(profileProblems({ ...valid, accessKeyId: 'x'.repeat(129) }, { taken: [] }).accessKeyId).toMatch(/at most 128/);
    expect(profileProblems({ ...valid, accessKeySecret: 'x'.repeat(257) }, { taken: [] }).accessKeySecret).toMatch(/at most 256/);
  });
});

describe('profileInputOf', () => {
  it('trims, leaves out an empty endpoint and an empty secret, and names the profile before a rename', () => {
    expect(profileInputOf({ ...valid, name: ' prod-hz ', endpoint: '  ', accessKeySecret: '' }, 'old')).toEqual({
      name: 'prod-hz',
      previousName: 'old',
      region: 'cn-hangzhou',
      accessKeyId: 'LTAI5tExample0001',
    });
    expect(profileInputOf({ ...valid, endpoint: ' http://127.0.0.1:9 ' })).toEqual({ ...valid, endpoint: 'http://127.0.0.1:9' });
  });

  it('keeps a secret exactly as typed (spaces may be part of it)', () => {
    expect(profileInputOf({ ...valid, accessKeySecret: ' s ' }).accessKeySecret).toBe(' s ');
  });
});

describe('connection test', () => {
  it('needs no valid name, and sends none when the name is not valid', () => {
    const form = { ...valid, name: 'not valid!' };
    expect(testProblems(form, { taken: [] })).toEqual({});
    expect(testDraftOf(form, { taken: [] })).toEqual({ region: 'cn-hangzhou', accessKeyId: 'LTAI5tExample0001', accessKeySecret: 'secret-1' });
  });

  it('sends previousName when editing so the host can use the saved secret', () => {
    const form = profileFormOf(saved);
    expect(testProblems(form, { taken: ['prod-hz'], editing: saved })).toEqual({});
    expect(testDraftOf(form, { taken: ['prod-hz'], editing: saved })).toEqual({ name: 'prod-hz', previousName: 'prod-hz', region: 'cn-hangzhou' });
    expect(testDraftOf({ ...form, accessKeyId: 'LTAI5tExample0001' }, { taken: ['prod-hz'], editing: saved })).toMatchObject({ accessKeyId: 'LTAI5tExample0001' });
  });

  it('needs the region, the AccessKeyId and, for a new profile, the secret', () => {
    expect(Object.keys(testProblems(emptyProfileForm(), { taken: [] })).sort()).toEqual(['accessKeyId', 'accessKeySecret', 'region']);
  });
});

describe('labels', () => {
  const demo: CloudConnectionView = { mode: 'demo', label: 'Demo', region: 'cn-hangzhou', endpoint: 'http://127.0.0.1:1', accessKeyId: 'LTAI****01', profileKey: 'demo/cn-hangzhou' };

  it('names demo mode and a profile with its region', () => {
    expect(connectionLabel(demo)).toBe('Demo (offline cloud)');
    expect(connectionLabel({ ...demo, mode: 'profile', label: 'prod-hz', region: 'cn-shanghai' })).toBe('prod-hz · cn-shanghai');
  });

  it('calls a profile without an endpoint Alibaba Cloud', () => {
    expect(endpointLabel({})).toBe('Alibaba Cloud');
    expect(endpointLabel({ endpoint: 'http://127.0.0.1:9' })).toBe('http://127.0.0.1:9');
  });
});

describe('failureAdvice', () => {
  const failure = { code: 'SignatureDoesNotMatch', message: 'Specified signature is not matched.', requestId: 'R-1', action: 'CloudAPI DescribeRegions' };
  const message = 'Could not connect: CloudAPI DescribeRegions at http://127.0.0.1:9 failed: SignatureDoesNotMatch: Specified signature is not matched. (RequestId R-1). Check the AccessKeySecret of the cloud profile.';

  it("prefers the failure's own advice", () => {
    expect(failureAdvice({ ok: false, message, failure: { ...failure, advice: 'Do this.' } })).toBe('Do this.');
  });

  it("takes the sentence after the request id from the host's message", () => {
    expect(failureAdvice({ ok: false, message, failure })).toBe('Check the AccessKeySecret of the cloud profile.');
  });

  it('takes the sentence after the cloud message when there is no request id, and gives none when it finds no place', () => {
    const noId = { ...failure, requestId: undefined };
    expect(failureAdvice({ ok: false, message: 'Could not connect: x failed: E: Specified signature is not matched.. Try again.', failure: noId })).toBe('Try again.');
    expect(failureAdvice({ ok: false, message: 'Something else', failure })).toBeUndefined();
    expect(failureAdvice({ ok: false, message: 'no failure' })).toBeUndefined();
  });
});
