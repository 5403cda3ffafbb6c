/**
 * Faults on demand, for tests of retries and error handling: "answer the 2nd DescribeVpcs with
 * Throttling.User", "make every CreateApi take 300 ms longer", "carry out the next CreateApi and
 * lose its answer". Calls are counted per rule from the moment it was added, after
 * authentication, so a refused request does not count.
 */
import { type CloudProduct, isCloudProduct } from '../shared/cloud/products';
import { SimError, simErrors, statusForCode } from './sim-errors';

export interface FaultRule {
  /** Any product when absent. */
  product?: CloudProduct;
  /** The action name, or '*' for every action. */
  action: string;
  /** The first call that gets the fault, counting from 1 (default 1). */
  nth?: number;
  /** How many calls from the nth on get it (default 1), or 'always'. */
  times?: number | 'always';
  /**
   * The error to answer (default Throttling.User); false for latency alone. A code the cloud is
   * known to send comes with its message and status (CLOUD_FAULTS) unless they are given.
   */
  error?: { code: string; message?: string; status?: number } | false;
  /** Added before answering (with afterWork: after the call was carried out, so a client's timeout loses the answer). */
  latencyMs?: number;
  /**
   * Close the connection instead of answering (the client sees it reset, with no answer); the
   * error is not used. With afterWork the call is carried out first: a lost answer.
   */
  noAnswer?: boolean;
  /**
   * Carry the call out, then answer the error (or none, with noAnswer): the answer is lost or
   * wrong, not the work. Default false: the call is refused (or dropped) before anything happens.
   */
  afterWork?: boolean;
}

export interface FaultDecision {
  latencyMs: number;
  error?: SimError;
  /** Close the connection without an answer. */
  noAnswer?: boolean;
  /** The latency, error or lost answer come after the call was carried out. */
  afterWork?: boolean;
}

/**
 * Codes the cloud sends that tests inject, with the cloud's message and status when a rule gives
 * none: RepeatedCommit's is from Alibaba's error-code table, ConcurrencyLockTimeout's status and
 * message are chosen (docs/offline-cloud.md "Fault injection").
 */
const CLOUD_FAULTS: Readonly<Record<string, { message: string; status: number }>> = {
  RepeatedCommit: { message: 'Resubmit request.', status: 400 },
  ConcurrencyLockTimeout: { message: 'Another operation holds the lock on this resource; try again later.', status: 400 },
};

interface ActiveRule {
  id: string;
  rule: FaultRule;
  seen: number;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];
  private counter = 0;

  constructor(rules: FaultRule[] = []) {
    for (const rule of rules) this.add(rule);
  }

  add(rule: FaultRule): string {
    const problem = faultRuleProblem(rule);
    if (problem) throw new Error(`fault rule: ${problem}`);
    const id = `fault-${++this.counter}`;
    this.rules.push({ id, rule, seen: 0 });
    return id;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((active) => active.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  list(): { id: string; rule: FaultRule; seen: number }[] {
    return this.rules.map(({ id, rule, seen }) => ({ id, rule, seen }));
  }

  /** Counts this call against every matching rule and says what to do to it. */
  decide(product: CloudProduct, action: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    for (const active of this.rules) {
      const { rule } = active;
      if ((rule.product && rule.product !== product) || (rule.action !== '*' && rule.action !== action)) continue;
      const call = ++active.seen;
      const first = rule.nth ?? 1;
      const times = rule.times ?? 1;
      if (call < first || (times !== 'always' && call >= first + times)) continue;
      decision.latencyMs += rule.latencyMs ?? 0;
      if (rule.afterWork) decision.afterWork = true;
      if (rule.noAnswer) decision.noAnswer = true;
      else if (!decision.error && rule.error !== false) decision.error = errorFor(rule);
    }
    return decision;
  }
}

function errorFor(rule: FaultRule): SimError {
  if (!rule.error) return simErrors.throttled();
  const { code, message, status } = rule.error;
  const known = CLOUD_FAULTS[code];
  return new SimError(code, message ?? known?.message ?? `Injected fault: ${code}.`, status ?? known?.status ?? statusForCode(code));
}

/** Checks a rule that came over HTTP; undefined when it is fine. */
export function faultRuleProblem(rule: unknown): string | undefined {
  if (typeof rule !== 'object' || rule === null) return 'expected an object';
  const r = rule as Record<string, unknown>;
  if (typeof r.action !== 'string' || !r.action) return 'action is required (an action name or "*")';
  if (r.product !== undefined && !(typeof r.product === 'string' && isCloudProduct(r.product))) return 'product must be CloudAPI, Vpc or Ecs';
  if (r.nth !== undefined && !(Number.isInteger(r.nth) && (r.nth as number) >= 1)) return 'nth must be an integer from 1';
  if (r.times !== undefined && r.times !== 'always' && !(Number.isInteger(r.times) && (r.times as number) >= 1)) return 'times must be an integer from 1 or "always"';
  if (r.afterWork !== undefined && typeof r.afterWork !== 'boolean') return 'afterWork must be true or false';
  if (r.noAnswer !== undefined && typeof r.noAnswer !== 'boolean') return 'noAnswer must be true or false';
  if (r.latencyMs !== undefined && !(typeof r.latencyMs === 'number' && r.latencyMs >= 0 && r.latencyMs <= 120_000)) return 'latencyMs must be from 0 to 120000';
  if (r.error !== undefined && r.error !== false) {
    const error = r.error as Record<string, unknown>;
    if (typeof error !== 'object' || error === null || typeof error.code !== 'string' || !/^[A-Za-z][\w.]*$/.test(error.code)) return 'error.code must be an error code such as Throttling.User';
    if (error.status !== undefined && !(Number.isInteger(error.status) && (error.status as number) >= 400 && (error.status as number) <= 599)) return 'error.status must be from 400 to 599';
  }
  return undefined;
}
