import { describe, expect, it } from 'vitest';
import { saveNotice, savedWithProblems } from './save-outcome';

describe('save notice', () => {
  it('says Saved only for a project without problems', () => {
    expect(saveNotice('shop.apigw.yaml', 0)).toEqual({ message: 'Saved shop.apigw.yaml.', severity: 'success' });
  });

  it('says how many problems were saved and that the gateway keeps the last valid version', () => {
    expect(saveNotice('shop.apigw.yaml', 2)).toEqual({
      message: 'Saved with 2 problems — the gateway keeps serving the last valid version. The Problems list shows where.',
      severity: 'warning',
    });
    expect(savedWithProblems(1)).toBe('Saved with 1 problem — the gateway keeps serving the last valid version.');
  });
});
