import { describe, expect, it } from 'vitest';
import { checkDelete } from './check-delete';

describe('checkDelete', () => {
  it.each([
    { rule: 'a running gateway with nothing on it', status: 'RUNNING', groups: [], codes: [] },
    { rule: 'one being deleted may be asked again', status: 'DELETING', groups: [], codes: [] },
    { rule: 'API groups still on it', status: 'RUNNING', groups: [{ id: 'g1', name: 'orders' }], codes: ['INSTANCE_HAS_GROUPS'], says: ['1 API group: "orders" (g1)', 'DeleteApiGroup'] },
    { rule: 'not running yet', status: 'CREATING', groups: [], codes: ['INSTANCE_BUSY'], says: ['is CREATING', 'wait until it is RUNNING'] },
  ])('$rule', ({ status, groups, codes, says = [] }) => {
    const findings = checkDelete({ instanceId: 'apigateway-cn-1', name: 'gw', status, groups });
    expect(findings.map((finding) => [finding.level, finding.code, finding.field])).toEqual(codes.map((code) => ['blocker', code, 'instance']));
    for (const text of says) expect(findings.map((finding) => finding.message).join(' ')).toContain(text);
  });
});
