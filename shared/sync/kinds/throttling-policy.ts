/**
 * Throttling policies (docs/alibaba-openapi.md "Throttling policies"). Their specials are written
 * with calls of their own (AddTrafficSpecialControl, DeleteTrafficSpecialControl), and an APP
 * special names its app by id, so apps come first.
 */
import type { ThrottlingPolicy } from '../../model/schema';
import { canonicalPolicy, cloudPolicy } from '../canonical';
import { type AppIds, policyToParams, specialsFromCloud, specialsToCloud } from '../cloud-mapping';
import type { CloudRecord } from '../cloud-values';
import type { CloudCall, SyncKind } from './kind';

export const throttlingPolicyKind: SyncKind<'throttlingPolicy', ThrottlingPolicy> = {
  kind: 'throttlingPolicy',
  noun: 'throttling policy',
  cloudNoun: 'throttling policy',
  needs: ['app'],
  design: (project) => project.throttlingPolicies,
  name: (policy) => policy.name,
  ref: (key) => ({ policy: key }),
  ids: 'throttlingPolicies',
  snapshot: 'throttlingPolicies',
  cloud: {
    list: { action: 'DescribeTrafficControls', path: 'TrafficControls.TrafficControl', idField: 'TrafficControlId', nameField: 'TrafficControlName', nameFilter: 'TrafficControlName', pageSize: 100 },
    create: { action: 'CreateTrafficControl', idField: 'TrafficControlId' },
    modify: 'ModifyTrafficControl',
    delete: 'DeleteTrafficControl',
    idParam: 'TrafficControlId',
    notFound: ['NotFoundTrafficControl'],
  },
  toParams: policyToParams,
  designFields: canonicalPolicy,
  cloudFields: (item, _policy, apps) => ({ fields: cloudPolicy(item, apps) }),
  parts: { paths: ['specials'], calls: specialCalls },
};

/** Makes the cloud's specials of a policy the design's: delete the extra ones, add or change the rest. */
function specialCalls(id: string, cloudItem: CloudRecord | undefined, policy: ThrottlingPolicy, apps: AppIds): CloudCall[] {
  const cloud = cloudItem ? specialsFromCloud(cloudItem) : [];
  const wanted = specialsToCloud(policy, apps);
  const calls: CloudCall[] = [];
  for (const special of cloud) {
    if (!wanted.some((want) => want.SpecialType === special.SpecialType && want.SpecialKey === special.SpecialKey)) {
      calls.push({ action: 'DeleteTrafficSpecialControl', params: { TrafficControlId: id, SpecialType: special.SpecialType, SpecialKey: special.SpecialKey }, tolerate: ['NotFoundTrafficSpecialControl'] });
    }
  }
  for (const special of wanted) {
    const same = cloud.some((have) => have.SpecialType === special.SpecialType && have.SpecialKey === special.SpecialKey && have.TrafficValue === special.TrafficValue);
    if (!same) calls.push({ action: 'AddTrafficSpecialControl', params: { TrafficControlId: id, ...special } });
  }
  return calls;
}
