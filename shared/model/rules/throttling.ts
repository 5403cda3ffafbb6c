/**
 * Throttling limits (docs/alibaba-data-plane.md, "Throttling"): an app belongs to one user and
 * every call counts toward the API limit, so the limits must be in order appDefault ≤ userDefault ≤
 * apiDefault.
 */
import type { ProjectRule } from './context';
import { q } from './report';

const ORDER_RULE = 'The limits must be in order appDefault ≤ userDefault ≤ apiDefault, because an app belongs to one user and every call also counts toward the API limit.';

export const checkThrottlingLimits: ProjectRule = ({ project }, report) => {
  project.throttlingPolicies.forEach((policy, i) => {
    const at = (...rest: (string | number)[]) => ['throttlingPolicies', i, ...rest];
    const what = `Throttling policy ${q(policy.name)}`;
    const { appDefault, userDefault, apiDefault } = policy;

    if (appDefault !== undefined && userDefault !== undefined && appDefault > userDefault) {
      report(at('appDefault'), `${what} allows ${appDefault} calls per app (appDefault) but only ${userDefault} per user (userDefault). ${ORDER_RULE}`);
    } else if (appDefault !== undefined && userDefault === undefined && appDefault > apiDefault) {
      report(at('appDefault'), `${what} allows ${appDefault} calls per app (appDefault) but only ${apiDefault} per API (apiDefault). ${ORDER_RULE}`);
    }
    if (userDefault !== undefined && userDefault > apiDefault) {
      report(at('userDefault'), `${what} allows ${userDefault} calls per user (userDefault) but only ${apiDefault} per API (apiDefault). ${ORDER_RULE}`);
    }

    const seen = new Map<string, number>();
    policy.specials.forEach((special, k) => {
      if (special.limit > apiDefault) {
        report(
          at('specials', k, 'limit'),
          `${what} gives ${special.type} ${q(special.key)} a limit of ${special.limit}, above the API limit ${apiDefault} (apiDefault), ` +
            'which still applies. Lower the special limit or raise apiDefault.',
        );
      }
      const key = `${special.type}:${special.key}`;
      const earlier = seen.get(key);
      if (earlier === undefined) seen.set(key, k);
      else {
        report(
          at('specials', k, 'key'),
          `${what} has two special limits for ${special.type} ${q(special.key)} (first at specials[${earlier}]). Keep one.`,
        );
      }
    });
  });
};
