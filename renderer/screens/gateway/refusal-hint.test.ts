import { describe, expect, it } from 'vitest';
import { backendAddressOf, refusalHint } from './refusal-hint';

describe('refusalHint', () => {
  it('says a D504CO means no backend at the address, and how to start one there', () => {
    const message = 'Backend service connect failed `Connection refused 127.0.0.1:18080`';
    expect(backendAddressOf(message)).toBe('127.0.0.1:18080');
    const hint = refusalHint({ errorCode: 'D504CO', errorMessage: message });
    expect(hint?.meaning).toContain('could not reach the API\u2019s HTTP backend at 127.0.0.1:18080');
    expect(hint?.command).toBe('python3 -m http.server 18080 --bind 127.0.0.1');
  });

  it('says an I404DO names no group, with the Host and the name-to-host rule', () => {
    const hint = refusalHint({ errorCode: 'I404DO', host: '127.0.0.1:4720' });
    expect(hint?.meaning).toContain('`127.0.0.1:4720` names no group');
    expect(hint?.action).toContain('`<group>.localhost:<port>`');
    expect(hint?.action).toContain('(Group on 127.0.0.1)');
  });

  it('says why 127.0.0.1 reached the group of an I404NF, and nothing for codes without a hint', () => {
    expect(refusalHint({ errorCode: 'I404NF', group: 'shop', stage: 'TEST', groupBy: 'default-group' })?.action).toContain("127.0.0.1, which answers the project's default group");
    expect(refusalHint({ errorCode: 'A403IS' })).toBeUndefined();
    expect(refusalHint({})).toBeUndefined();
  });
});
