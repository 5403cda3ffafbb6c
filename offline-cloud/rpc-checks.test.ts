import { describe, expect, it } from 'vitest';
import { createNonceStore } from '../shared/security/nonce-store';
import { authenticate, TIMESTAMP_TOLERANCE_MS } from './rpc-checks';
import { signRpc } from './rpc-signature';
import type { SimAccount } from './sim-accounts';
import { commonParams, rpcTimestamp } from './testing/sim-requests';

const ACCOUNT: SimAccount = { accessKeyId: 'LTAI5tRpcChecksTest0000', accessKeySecret: 'rpc-checks-secret', accountId: '1000000000000099', label: 'test' };
const ACCOUNTS = new Map([[ACCOUNT.accessKeyId, ACCOUNT]]);
const T = Date.parse('2026-01-01T00:00:00Z');
const MINUTE = 60_000;

/** A DescribeVpcs call signed with the account's secret, as pop-core signs RPC v1.0. */
function signedCall(timestamp: number, nonce: string): Record<string, string> {
  const params = commonParams('Vpc', 'DescribeVpcs', { RegionId: 'cn-hangzhou', Timestamp: rpcTimestamp(timestamp), SignatureNonce: nonce }, ACCOUNT);
  return { ...params, Signature: signRpc('GET', params, ACCOUNT.accessKeySecret) };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('SignatureNonce window of the offline cloud', () => {
  it('refuses a nonce as long as its Timestamp is accepted (its Timestamp + 15 minutes), however many calls came between', () => {
    const nonces = createNonceStore();
    // A caller whose clock runs 10 minutes ahead: its call stays acceptable until T + 25 minutes.
    const ahead = signedCall(T + 10 * MINUTE, 'nonce-ahead');
    expect(codeOf(() => authenticate('GET', ahead, { accounts: ACCOUNTS, nonces, now: T }))).toBeUndefined();
    for (let i = 0; i < 1_000; i++) nonces.seen(`${ACCOUNT.accessKeyId}\nother-${i}`, T + i, T + i + TIMESTAMP_TOLERANCE_MS);
    const lastMoment = T + 10 * MINUTE + TIMESTAMP_TOLERANCE_MS;
    expect(codeOf(() => authenticate('GET', ahead, { accounts: ACCOUNTS, nonces, now: lastMoment }))).toBe('SignatureNonceUsed');
    expect(codeOf(() => authenticate('GET', ahead, { accounts: ACCOUNTS, nonces, now: lastMoment + 1000 }))).toBe('InvalidTimeStamp.Expired');
  });
});
