/**
 * Buying and changing dedicated gateways: editions and specs, the rules a purchase or change
 * must pass (as Findings), and CreateInstance's parameters. Pure; the wizard and the offline
 * cloud both call it.
 */
export {
  EDITIONS,
  EDITION_IDS,
  INSTANCE_SPECS,
  SPEC_IDS,
  type Edition,
  type EditionId,
  type InstanceSpec,
  type InstanceSpecId,
  editionOfSpec,
  formatCount,
  isEditionId,
  isSpecId,
  specById,
  specLabel,
  specRank,
} from './editions';
export { type Finding, type FindingCode, type FindingField, type FindingLevel, blockersOf, findingsFor, hasBlockers } from './findings';
export type {
  Billing,
  ExistingInstance,
  InstanceChange,
  MaintenanceWindow,
  NetworkContext,
  PurchaseContext,
  PurchaseRequest,
  SecurityGroupInfo,
  SecurityGroupRule,
  VSwitchInfo,
  VpcInfo,
} from './types';
export {
  DEFAULT_HTTPS_POLICY,
  DEFAULT_MAINTENANCE_WINDOW,
  HTTPS_POLICIES,
  INSTANCE_DESCRIPTION_MAX_LENGTH,
  INSTANCE_NAME_MAX_LENGTH,
  INSTANCE_NAME_PATTERN,
  SUBSCRIPTION_LIMITS,
} from './attributes';
export { INSTANCE_CIDRS, cidrsOverlap, defaultInstanceCidr } from './network';
export { ANYWHERE, WEB_PORTS, type PortVerdict, internetAccess, openingRule, ruleText } from './security-group';
export { singleZonesOf, singleZonesOfAll } from './zones';
export { DEFAULT_INSTANCE_QUOTA, checkPurchase } from './check-purchase';
export { checkModify } from './check-modify';
export { type DeletedInstance, checkDelete } from './check-delete';
export {
  CREATE_INSTANCE_FIELDS,
  DELETE_INSTANCE_FIELDS,
  DESCRIBE_INSTANCES_FIELDS,
  MODIFY_INSTANCE_ATTRIBUTE_FIELDS,
  MODIFY_INSTANCE_SPEC_FIELDS,
  TO_CONNECT_VPC_IP_BLOCK_FIELDS,
  VPC_CONNECT,
  ZONE_ENTRY_FIELDS,
  type CreateInstanceField,
  type CreateInstanceParamValue,
  type CreateInstanceParams,
  type ModifyInstanceAttributeField,
  createInstanceParams,
  declaredCreateInstanceParams,
  instanceAttributeParams,
  maintenanceParams,
  wireForm,
} from './create-instance-params';
export { chosenSpec, specChangeAction } from './spec-choice';
export {
  HOURS_PER_MONTH,
  PRICE_GROUPS,
  PRICE_SOURCE,
  type PriceEstimate,
  type PriceGroup,
  type SpecPrice,
  estimatePrice,
  estimateText,
  formatUsd,
  specPrice,
} from './prices';
