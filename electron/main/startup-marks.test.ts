import { describe, expect, it } from 'vitest';
import { StartupMarks } from './startup-marks';

/** A clock that advances 10 ms per mark, recording the names it was given. */
function fakePerformance() {
  const names: string[] = [];
  let now = 100;
  return {
    names,
    perf: {
      mark: (name: string) => {
        names.push(name);
        now += 10;
        return { startTime: now };
      },
    },
  };
}

describe('StartupMarks', () => {
  it('marks each step once as agw:main:<step>, timed from the process start', () => {
    const { names, perf } = fakePerformance();
    const marks = new StartupMarks(undefined, perf);
    marks.mark('main-start');
    marks.mark('app-ready');
    marks.mark('app-ready');
    expect(names).toEqual(['agw:main:main-start', 'agw:main:app-ready']);
    expect(marks.list()).toEqual([
      { step: 'main-start', ms: 110 },
      { step: 'app-ready', ms: 120 },
    ]);
  });

  it('reports a summary once the window has painted and again once the gateway listens', () => {
    const lines: string[] = [];
    const marks = new StartupMarks((line) => lines.push(line), fakePerformance().perf);
    for (const step of ['main-start', 'app-ready', 'services-ready', 'window-created'] as const) marks.mark(step);
    expect(lines).toEqual([]);
    marks.mark('window-shown');
    marks.mark('gateway-listening');
    marks.mark('gateway-listening');
    expect(lines).toEqual([
      'start-up: main-start 110 ms, app-ready 120 ms, services-ready 130 ms, window-created 140 ms, window-shown 150 ms',
      'start-up: main-start 110 ms, app-ready 120 ms, services-ready 130 ms, window-created 140 ms, window-shown 150 ms, gateway-listening 160 ms',
    ]);
  });

  it('uses the real performance timeline by default', () => {
    const marks = new StartupMarks();
    marks.mark('main-start');
    expect(performance.getEntriesByName('agw:main:main-start')).toHaveLength(1);
    expect(marks.list()[0].ms).toBeGreaterThanOrEqual(0);
  });
});
