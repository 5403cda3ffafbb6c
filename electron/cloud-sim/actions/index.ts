/** Every action module the offline cloud serves. Add a product area: one module, one line here. */
import type { ActionModule } from '../action-registry';
import { cloudApiApiActions } from './cloudapi-apis';
import { cloudApiAppActions } from './cloudapi-apps';
import { cloudApiAuthorizationActions } from './cloudapi-authorizations';
import { cloudApiDeploymentActions } from './cloudapi-deployments';
import { cloudApiGroupActions } from './cloudapi-groups';
import { cloudApiPluginActions } from './cloudapi-plugins';
import { cloudApiRegionActions } from './cloudapi-regions';
import { cloudApiSwaggerActions } from './cloudapi-swagger';
import { cloudApiThrottlingActions } from './cloudapi-throttling';
import { ecsSecurityGroupActions } from './ecs-security-groups';
import { vpcNetworkActions } from './vpc-network';

export const DEFAULT_ACTION_MODULES: readonly ActionModule[] = [
  cloudApiRegionActions,
  cloudApiGroupActions,
  cloudApiApiActions,
  cloudApiDeploymentActions,
  cloudApiThrottlingActions,
  cloudApiAppActions,
  cloudApiAuthorizationActions,
  cloudApiPluginActions,
  cloudApiSwaggerActions,
  vpcNetworkActions,
  ecsSecurityGroupActions,
];
