/**
 * Rules for a gateway's own attributes, the same at purchase and on change: name, description,
 * maintenance window, HTTPS policy, billing.
 */
import { type Finding, blocker, info } from './findings';
import type { Billing, MaintenanceWindow } from './types';

/** Terraform's rule for InstanceName (docs/alibaba-openapi.md, "Dedicated instances"). */
export const INSTANCE_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
/** No source gives a length for InstanceName; 50 is our choice, the limit of the gateway's other names. */
export const INSTANCE_NAME_MAX_LENGTH = 50;
/** CreateInstance has no description; ours stays in the project, limited like groups' and APIs' (180). */
export const INSTANCE_DESCRIPTION_MAX_LENGTH = 180;

/** Values seen in the cloud (docs/alibaba-openapi.md, "Dedicated instances"); the first is what the app sends when none is chosen. */
export const HTTPS_POLICIES = ['HTTPS2_TLS1_0', 'HTTPS2_TLS1_2', 'HTTPS1_1_TLS1_0'] as const;
export const DEFAULT_HTTPS_POLICY = HTTPS_POLICIES[0];

/**
 * The window a new gateway gets until someone sets one (CreateInstance takes none:
 * docs/alibaba-openapi.md, "Dedicated instances"). The cloud's own default is not documented; this
 * is the pair of DescribeInstances' examples, our choice.
 */
export const DEFAULT_MAINTENANCE_WINDOW: MaintenanceWindow = { start: '22:00Z', end: '01:00Z' };

const MAINTENANCE_TIME = /^([01]\d|2[0-3]):[0-5]\dZ$/;

/** Subscription lengths CreateInstance accepts per PricingCycle (docs/alibaba-openapi.md, "Dedicated instances"). */
export const SUBSCRIPTION_LIMITS = { month: 9, year: 3 } as const;

export function checkName(name: string, label: string): Finding[] {
  const length = [...name].length;
  if (length === 0) return [blocker('NAME_MISSING', 'name', `Give the gateway a name: 1 to ${INSTANCE_NAME_MAX_LENGTH} letters, digits, _ or -.`)];
  if (length > INSTANCE_NAME_MAX_LENGTH) {
    return [blocker('NAME_TOO_LONG', 'name', `The name of ${label} has ${length} characters; at most ${INSTANCE_NAME_MAX_LENGTH} are allowed. Shorten it.`)];
  }
  if (!INSTANCE_NAME_PATTERN.test(name)) {
    const bad = [...name].find((ch) => !INSTANCE_NAME_PATTERN.test(ch));
    return [blocker('NAME_INVALID', 'name', `The name "${name}" contains "${bad}", which is not allowed. Use only letters A-Z and a-z, digits, _ and -.`)];
  }
  return [];
}

export function checkDescription(description: string | undefined, label: string): Finding[] {
  const length = [...(description ?? '')].length;
  if (length <= INSTANCE_DESCRIPTION_MAX_LENGTH) return [];
  return [blocker('DESCRIPTION_TOO_LONG', 'description', `The description of ${label} has ${length} characters; at most ${INSTANCE_DESCRIPTION_MAX_LENGTH} are allowed. Shorten it.`)];
}

/** A window must be two well-formed `HH:mmZ` times that differ. Absent: `whenAbsent` (the purchase says the default applies). */
export function checkMaintenance(window: MaintenanceWindow | undefined, whenAbsent: 'explain' | 'silent'): Finding[] {
  if (!window) {
    if (whenAbsent === 'silent') return [];
    const { start, end } = DEFAULT_MAINTENANCE_WINDOW;
    return [info('MAINTENANCE_DEFAULT', 'maintenance', `No maintenance window chosen: the gateway gets ${start} to ${end} (UTC). It can be changed once the gateway is running.`)];
  }
  const bad = (['start', 'end'] as const).filter((end) => !MAINTENANCE_TIME.test(window[end]));
  if (bad.length > 0) {
    const which = bad.map((end) => `${end} "${window[end]}"`).join(' and ');
    return [blocker('MAINTENANCE_INVALID', 'maintenance', `The maintenance window's ${which} is not a UTC time of the form HH:mmZ, e.g. 22:00Z.`)];
  }
  if (window.start === window.end) {
    return [blocker('MAINTENANCE_EMPTY', 'maintenance', `The maintenance window starts and ends at ${window.start}; choose an end time after the start, e.g. ${window.start} to ${addHours(window.start, 3)}.`)];
  }
  return [];
}

function addHours(time: string, hours: number): string {
  const hour = (Number(time.slice(0, 2)) + hours) % 24;
  return `${String(hour).padStart(2, '0')}${time.slice(2)}`;
}

export function checkHttpsPolicy(policy: string | undefined): Finding[] {
  if (policy === undefined || (HTTPS_POLICIES as readonly string[]).includes(policy)) return [];
  return [blocker('HTTPS_POLICY_UNKNOWN', 'httpsPolicy', `The HTTPS policy "${policy}" is not one the gateway offers; choose one of ${HTTPS_POLICIES.join(', ')}.`)];
}

export function checkBilling(billing: Billing): Finding[] {
  if (billing.kind === 'payAsYouGo') return [];
  const max = SUBSCRIPTION_LIMITS[billing.cycle];
  if (Number.isInteger(billing.duration) && billing.duration >= 1 && billing.duration <= max) return [];
  const unit = billing.cycle === 'month' ? 'months' : 'years';
  return [blocker('BILLING_DURATION_INVALID', 'billing', `A subscription by the ${billing.cycle} lasts 1 to ${max} ${unit}, not ${billing.duration}.`)];
}
