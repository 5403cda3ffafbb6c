// Stale state of demo mode: the guide's third step is ticked once a call in the cloud answered,
// the banner's invitation to sync stops after the sync, and an ended job of another cloud is not shown.
import { describe, expect, it } from 'vitest';
import type { CloudConnectionView, SyncJobView } from '../../shared/ipc/cloud-views';
import { makeProject } from '../../shared/model/test-fixtures';
import { jobOfConnection } from './cloud-store';
import type { HistoryEntry } from './debugger';
import { demoProgress } from './demo-progress';

const demo: CloudConnectionView = { mode: 'demo', label: 'Demo', region: 'cn-hangzhou', endpoint: '127.0.0.1:1', accessKeyId: 'LTAI****', profileKey: 'demo/cn-hangzhou' };
const profile: CloudConnectionView = { ...demo, mode: 'profile', label: 'work', profileKey: 'work/cn-hangzhou' };
const synced = makeProject({ cloud: { 'demo/cn-hangzhou': { syncedAt: '2024-05-01T10:00:00.000Z', groups: {}, apis: {}, apps: {}, throttlingPolicies: {}, plugins: {} } } } as never);

function call(kind: 'cloud' | 'local', status: number | undefined): HistoryEntry {
  return { id: '1', at: '2024-05-01T10:05:00.000Z', status, request: { target: { kind }, stage: 'RELEASE', method: 'GET', path: '/hello', query: [], headers: [], body: { kind: 'none' }, auth: { kind: 'anonymous' }, dropAfterSigning: [] } };
}

describe('demo progress', () => {
  it('is nothing before a plan', () => {
    expect(demoProgress(makeProject(), demo, undefined, {})).toEqual({ planned: false, synced: false, called: false });
  });

  it('counts a sync as planned and synced; a call answered by the cloud ticks the last step', () => {
    expect(demoProgress(synced, demo, undefined, {})).toEqual({ planned: true, synced: true, called: false });
    expect(demoProgress(synced, demo, undefined, { 'g/a': [call('local', 200)] }).called).toBe(false);
    expect(demoProgress(synced, demo, undefined, { 'g/a': [call('cloud', undefined)] }).called).toBe(false);
    expect(demoProgress(synced, demo, undefined, { 'g/a': [call('local', 200), call('cloud', 404)] }).called).toBe(true);
  });

  it('reads the sync of the cloud in force only', () => {
    expect(demoProgress(synced, profile, undefined, {}).synced).toBe(false);
  });
});

describe('the job shown', () => {
  const job = (state: SyncJobView['state'], profileKey: string): SyncJobView => ({ id: 'j', title: 'Apply 3 changes', kind: 'apply', state, cancelling: false, startedAt: '', profileKey, total: 3, done: 3, steps: [] });

  it('keeps an ended job of the cloud in force, drops one of another cloud, always shows a running one', () => {
    expect(jobOfConnection(job('done', demo.profileKey), demo)?.state).toBe('done');
    expect(jobOfConnection(job('done', demo.profileKey), profile)).toBeUndefined();
    expect(jobOfConnection(job('running', demo.profileKey), profile)?.state).toBe('running');
    expect(jobOfConnection(undefined, demo)).toBeUndefined();
  });
});
