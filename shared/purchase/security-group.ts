/**
 * Whether a security group lets the Internet reach a port, decided the way ECS decides it: of the
 * inbound rules that match (protocol TCP or ALL, port in range, from 0.0.0.0/0), the one with the
 * smallest priority number wins, and at equal priority Drop wins over Accept. Nothing matching
 * means closed (inbound is denied by default).
 */
import type { SecurityGroupInfo, SecurityGroupRule } from './types';

export const ANYWHERE = '0.0.0.0/0';
/** What a public gateway must let in: HTTP and HTTPS. */
export const WEB_PORTS = [80, 443] as const;

export interface PortVerdict {
  port: number;
  open: boolean;
  /** The rule that decides, when one matches. */
  decidedBy?: SecurityGroupRule;
  /** What to do when closed, naming the exact rule to add or remove. */
  advice?: string;
}

function priorityOf(rule: SecurityGroupRule): number {
  return rule.priority ?? 1;
}

function isDrop(rule: SecurityGroupRule): boolean {
  return rule.policy.toLowerCase() === 'drop';
}

function covers(rule: SecurityGroupRule, port: number): boolean {
  const protocol = rule.protocol.toUpperCase();
  if (protocol === 'ALL') return true;
  if (protocol !== 'TCP') return false;
  const match = /^(-?\d+)\/(-?\d+)$/.exec(rule.portRange.trim());
  if (!match) return false;
  const [start, end] = [Number(match[1]), Number(match[2])];
  return start === -1 || (start <= port && port <= end);
}

/** `TCP 443/443 from 0.0.0.0/0, Accept` — the words the wizard and ECS's console use for a rule. */
export function ruleText(rule: SecurityGroupRule): string {
  const policy = isDrop(rule) ? 'Drop' : 'Accept';
  return `${rule.protocol.toUpperCase()} ${rule.portRange} from ${rule.sourceCidr}, ${policy}`;
}

/** The rule that would let the Internet in on `port`. */
export function openingRule(port: number, priority = 1): SecurityGroupRule {
  return { direction: 'ingress', protocol: 'TCP', portRange: `${port}/${port}`, sourceCidr: ANYWHERE, policy: 'Accept', priority };
}

export function internetAccess(group: SecurityGroupInfo, port: number): PortVerdict {
  const matching = group.rules.filter((rule) => (rule.direction ?? 'ingress') === 'ingress' && rule.sourceCidr.trim() === ANYWHERE && covers(rule, port));
  const decidedBy = [...matching].sort((a, b) => priorityOf(a) - priorityOf(b) || Number(isDrop(b)) - Number(isDrop(a)))[0];
  if (decidedBy && !isDrop(decidedBy)) return { port, open: true, decidedBy };
  if (!decidedBy) return { port, open: false, advice: `add inbound rule: ${ruleText(openingRule(port))}` };
  const priority = priorityOf(decidedBy);
  const remove = `inbound rule ${ruleText(decidedBy)} (priority ${priority}) shuts it`;
  // Priority 1 is the first; a Drop there cannot be outranked, only removed.
  const advice =
    priority > 1
      ? `${remove}: remove it, or add inbound rule: ${ruleText(openingRule(port))} with priority ${priority - 1} or lower`
      : `${remove}: remove it, then add inbound rule: ${ruleText(openingRule(port))}`;
  return { port, open: false, decidedBy, advice };
}
