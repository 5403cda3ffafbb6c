/**
 * Start-up marks of the desktop app's main process: `performance.mark('agw:main:<step>')` at each
 * step, so they show in a profile, and a one-line summary in milliseconds since the process started
 * (Node's time origin) for whoever asked for it (APIGW_STUDIO_STARTUP_LOG=1).
 */
export const STARTUP_STEPS = ['main-start', 'app-ready', 'services-ready', 'window-created', 'window-shown', 'gateway-listening'] as const;
export type StartupStep = (typeof STARTUP_STEPS)[number];

/** The steps after which the summary is reported: the window has painted, the gateway listens. */
const REPORTED_AFTER: ReadonlySet<StartupStep> = new Set(['window-shown', 'gateway-listening']);

export interface StartupTiming {
  step: StartupStep;
  /** Milliseconds since the process started. */
  ms: number;
}

/** The part of `performance` the marks use (a fake in tests). */
export interface MarkTimeline {
  mark(name: string): { startTime: number };
}

export class StartupMarks {
  private readonly timings: StartupTiming[] = [];

  constructor(
    private readonly report?: (line: string) => void,
    private readonly perf: MarkTimeline = performance,
  ) {}

  /** Marks a step once; later calls for the same step (a second window, a gateway restart) are ignored. */
  mark(step: StartupStep): void {
    if (this.timings.some((timing) => timing.step === step)) return;
    const entry = this.perf.mark(`agw:main:${step}`);
    this.timings.push({ step, ms: Math.round(entry.startTime) });
    if (REPORTED_AFTER.has(step)) this.report?.(this.summary());
  }

  list(): StartupTiming[] {
    return [...this.timings];
  }

  summary(): string {
    return `start-up: ${this.timings.map((timing) => `${timing.step} ${timing.ms} ms`).join(', ')}`;
  }
}
