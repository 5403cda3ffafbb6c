/**
 * ModifyApiGroupNetworkPolicy (docs/offline-cloud.md, "The API Gateway (CloudAPI)", its network
 * policy row): where an API group answers, read exactly as the SDK model
 * ModifyApiGroupNetworkPolicyRequest declares it: GroupId (required), the booleans InternetEnable,
 * InternetIPV6Enable, InnerDomainEnable, VpcIntranetEnable, VpcSlbIntranetEnable, and HttpsPolicy.
 * Internet access is switched here, per group; a dedicated instance has no EIP or bandwidth of its
 * own.
 *
 * The policy is kept on the group. DescribeApiGroup shows the switches its response model has a
 * field for (networkPolicyView); InternetEnable has none in any CloudAPI response model, so no
 * read answers it (the app remembers what sync set, docs/sync.md).
 */
import { HTTPS_POLICIES } from '../../shared/purchase';
import { type ActionModule, write } from '../action-registry';
import { gatewayErrors } from './gateway-errors';
import { type GroupNetworkPolicy, type GroupRecord, findGroup, gatewayState } from './gateway-state';
import { nextModifiedTime } from './gateway-values';

const SWITCHES = ['InternetEnable', 'InternetIPV6Enable', 'InnerDomainEnable', 'VpcIntranetEnable', 'VpcSlbIntranetEnable'] as const;

/** What a group answers with before any policy was set: the HTTPS policy every group reports (cloudapi-groups.ts). */
export const DEFAULT_GROUP_HTTPS_POLICY = 'HTTPS2_TLS1_0';

/**
 * DescribeApiGroup's fields that follow the policy. EMULATOR CHOICE (docs/offline-cloud.md): the
 * VPC domain and the self-calling domain are named as the model's examples name them
 * (`<GroupId>-<region>-vpc.alicloudapi.com`, `…-intranet.alicloudapi.com`) while switched on and
 * empty otherwise; DisableInnerDomain is true once InnerDomainEnable was set false; Ipv6Status
 * is BIND with InternetIPV6Enable, else UNBIND (the model's example).
 */
export function networkPolicyView(group: GroupRecord, regionId: string) {
  const policy = group.NetworkPolicy ?? {};
  return {
    HttpsPolicy: policy.HttpsPolicy ?? DEFAULT_GROUP_HTTPS_POLICY,
    VpcDomain: policy.VpcIntranetEnable ? `${group.GroupId}-${regionId}-vpc.alicloudapi.com` : '',
    VpcSlbIntranetDomain: policy.VpcSlbIntranetEnable ? `${group.GroupId}-${regionId}-intranet.alicloudapi.com` : '',
    DisableInnerDomain: policy.InnerDomainEnable === false,
    Ipv6Status: policy.InternetIPV6Enable ? 'BIND' : 'UNBIND',
  };
}

export const cloudApiGroupNetworkActions: ActionModule = {
  product: 'CloudAPI',
  actions: {
    /** A setting: sent again, it changes nothing more. Switches left out stay as they were. */
    ModifyApiGroupNetworkPolicy: write((context) => {
      const { params } = context;
      const group = findGroup(gatewayState(context), params.required('GroupId'));
      const change: GroupNetworkPolicy = {};
      for (const name of SWITCHES) {
        const value = params.bool(name);
        if (value !== undefined) change[name] = value;
      }
      const httpsPolicy = params.string('HttpsPolicy');
      if (httpsPolicy !== undefined) {
        if (!(HTTPS_POLICIES as readonly string[]).includes(httpsPolicy)) throw gatewayErrors.invalid('HttpsPolicy', `"${httpsPolicy}" is not one of ${HTTPS_POLICIES.join(', ')}`);
        change.HttpsPolicy = httpsPolicy;
      }
      group.NetworkPolicy = { ...group.NetworkPolicy, ...change };
      group.ModifiedTime = nextModifiedTime(context.now, group.ModifiedTime);
      return {};
    }),
  },
};
