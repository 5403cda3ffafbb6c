/** Every action module the offline cloud serves. Add a product area: one module, one line here. */
import type { ActionModule } from '../action-registry';
import { cloudApiApiActions } from './cloudapi-apis';
import { cloudApiAppActions } from './cloudapi-apps';
import { cloudApiAuthorizationActions } from './cloudapi-authorizations';
import { cloudApiDeploymentActions } from './cloudapi-deployments';
import { cloudApiGroupNetworkActions } from './cloudapi-group-network';
import { cloudApiGroupActions } from './cloudapi-groups';
import { type InstanceActionOptions, cloudApiInstanceActions } from './cloudapi-instances';
import { cloudApiPluginActions } from './cloudapi-plugins';
import { cloudApiRegionActions } from './cloudapi-regions';
import { cloudApiSwaggerActions } from './cloudapi-swagger';
import { cloudApiThrottlingActions } from './cloudapi-throttling';
import { ecsSecurityGroupActions } from './ecs-security-groups';
import { vpcNetworkActions } from './vpc-network';

/** Settings of the built-in modules (CloudSimOptions passes them on). */
export interface ActionModuleOptions {
  /** How long a dedicated instance stays CREATING, MODIFYING or DELETING (default DEFAULT_INSTANCE_DELAY_MS). */
  instanceDelayMs?: InstanceActionOptions['delayMs'];
}

export const defaultActionModules = (options: ActionModuleOptions = {}): readonly ActionModule[] => [
  cloudApiRegionActions,
  cloudApiGroupActions,
  cloudApiGroupNetworkActions,
  cloudApiApiActions,
  cloudApiDeploymentActions,
  cloudApiThrottlingActions,
  cloudApiAppActions,
  cloudApiAuthorizationActions,
  cloudApiPluginActions,
  cloudApiSwaggerActions,
  cloudApiInstanceActions({ delayMs: options.instanceDelayMs }),
  vpcNetworkActions,
  ecsSecurityGroupActions,
];

export const DEFAULT_ACTION_MODULES: readonly ActionModule[] = defaultActionModules();
