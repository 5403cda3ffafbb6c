import { describe, expect, it } from 'vitest';
import { linePart, markSegments, stringToSignLines } from './signature-lines';

describe('signature lines', () => {
  it('marks the differing characters of a line along its ranges', () => {
    expect(markSegments('x-proxy-drop:1', [[13, 14]])).toEqual([
      { text: 'x-proxy-drop:', marked: false },
      { text: '1', marked: true },
    ]);
    expect(markSegments('abcdef', [[4, 9], [0, 2], [1, 3]])).toEqual([
      { text: 'abc', marked: true },
      { text: 'd', marked: false },
      { text: 'ef', marked: true },
    ]);
    expect(markSegments('same', [])).toEqual([{ text: 'same', marked: false }]);
    expect(markSegments('', [[0, 1]])).toEqual([{ text: '', marked: false }]);
  });

  it('names the parts of a StringToSign by position', () => {
    const lines = stringToSignLines('GET\napplication/json\n\n\n\nx-ca-key:1\n/hello');
    expect(lines).toHaveLength(7);
    expect(lines.map((_, i) => linePart(i, lines.length))).toEqual(['HTTP method', 'Accept', 'Content-MD5', 'Content-Type', 'Date', 'Signed header', 'Path and parameters']);
  });
});
