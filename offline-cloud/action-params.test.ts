import { describe, expect, it } from 'vitest';
import { ActionParams, pageOf, tokenPageOf } from './action-params';
import { rpcParams } from './rpc-request';

describe('ActionParams', () => {
  it('turns RepeatLists back into lists, in index order, nested as sent', () => {
    const params = new ActionParams({
      'Tag.2.Key': 'team',
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'dev test',
      'Tag.10.Key': 'tenth',
      'ResourceId.1': 'a',
      'ResourceId.2': 'b',
      'X.1.Sub.1': 'p',
      'X.1.Sub.2': 'q',
      Other: 'x',
    });
    expect(params.repeatList('Tag')).toEqual([{ Key: 'env', Value: 'dev test' }, { Key: 'team' }, { Key: 'tenth' }]);
    expect(params.repeatList('ResourceId')).toEqual(['a', 'b']);
    expect(params.repeatList('X')).toEqual([{ Sub: ['p', 'q'] }]);
    expect(params.repeatList('Missing')).toEqual([]);
  });

  it('keeps hostile names as data', () => {
    const params = new ActionParams(rpcParams(new URLSearchParams('__proto__=x&Tag.1.__proto__.polluted=yes&Tag.1=a'), ''));
    expect(params.repeatList('Tag')).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(params.string('__proto__')).toBe('x');
  });

  it('reads typed values with the cloud errors', () => {
    const params = new ActionParams({ N: '12', Bad: '1.5', B: 'TRUE', Empty: '' });
    expect(params.int('N', { max: 50 })).toBe(12);
    expect(() => params.int('Bad')).toThrow(expect.objectContaining({ code: 'InvalidParameter' }));
    expect(() => params.int('N', { max: 10 })).toThrow(/from -?\d+ to 10/);
    expect(params.bool('B')).toBe(true);
    expect(params.string('Empty')).toBeUndefined();
    expect(() => params.required('Empty')).toThrow(expect.objectContaining({ code: 'MissingEmpty', status: 400 }));
  });

  it('pages both ways', () => {
    const items = Array.from({ length: 7 }, (_, index) => index);
    expect(pageOf(items, new ActionParams({ PageNumber: '3', PageSize: '3' }), 50)).toEqual({ PageNumber: 3, PageSize: 3, TotalCount: 7, items: [6] });
    const first = tokenPageOf(items, new ActionParams({ MaxResults: '5' }), { max: 100, fallback: 10 });
    expect(first.items).toEqual([0, 1, 2, 3, 4]);
    const second = tokenPageOf(items, new ActionParams({ MaxResults: '5', NextToken: first.NextToken }), { max: 100, fallback: 10 });
    expect(second).toMatchObject({ items: [5, 6], NextToken: '' });
  });
});
