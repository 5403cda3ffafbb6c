import { describe, expect, it } from 'vitest';
import { mergeDesignTexts } from './design-merge';

const BASE = ['# The shop.', 'format: apigw-studio/v1', 'name: shop', 'groups:', '  - name: orders # the only group', 'apps:', '  - name: web_app', '  - name: ops_app', ''].join('\n');

describe('mergeDesignTexts', () => {
  it('takes what each side added, changed or removed, keeping our comments and order', () => {
    const ours = BASE.replace('  - name: ops_app\n', '  - name: ops_app\n  - name: partner_app\n');
    const theirs = BASE.replace('  - name: web_app\n', '').replace('name: shop\n', 'name: shop\ndescription: Orders.\n');
    expect(mergeDesignTexts(BASE, ours, theirs)).toEqual({
      text: ['# The shop.', 'format: apigw-studio/v1', 'name: shop', 'description: Orders.', 'groups:', '  - name: orders # the only group', 'apps:', '  - name: ops_app', '  - name: partner_app', ''].join('\n'),
      conflicts: [],
    });
  });

  it('calls an object removed on one side and changed on the other a conflict, never a silent choice', () => {
    const ours = BASE.replace('  - name: web_app\n', '  - name: web_app\n    description: The shop.\n');
    const theirs = BASE.replace('  - name: web_app\n', '');
    expect(mergeDesignTexts(BASE, ours, theirs)).toEqual({ conflicts: ['apps web_app: changed here, removed on the other branch'] });
    expect(mergeDesignTexts(BASE, 'name: [', theirs).conflicts[0]).toMatch(/^ours: invalid YAML/);
  });
});
