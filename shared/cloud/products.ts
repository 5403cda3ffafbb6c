/**
 * The three OpenAPI products the app calls (docs/alibaba-openapi.md,
 * "Products, versions and endpoints"): their API versions, regional endpoints, idempotency-token
 * parameter and the actions that declare it. The client and the offline cloud both read this table,
 * so a version or host lives in one place.
 */

export type CloudProduct = 'CloudAPI' | 'Vpc' | 'Ecs';

export interface ProductInfo {
  product: CloudProduct;
  version: string;
  /** The first label of the regional host: `{prefix}.{regionId}.aliyuncs.com`. */
  hostPrefix: string;
  /** Whether the actions declare `RegionId` (VPC and ECS do; CloudAPI picks the region by host). */
  takesRegionId: boolean;
  /** The request field that carries a client idempotency token. */
  tokenParam: string;
}

export const PRODUCTS: Record<CloudProduct, ProductInfo> = {
  CloudAPI: { product: 'CloudAPI', version: '2016-07-14', hostPrefix: 'apigateway', takesRegionId: false, tokenParam: 'Token' },
  Vpc: { product: 'Vpc', version: '2016-04-28', hostPrefix: 'vpc', takesRegionId: true, tokenParam: 'ClientToken' },
  Ecs: { product: 'Ecs', version: '2014-05-26', hostPrefix: 'ecs', takesRegionId: true, tokenParam: 'ClientToken' },
};

export const CLOUD_PRODUCTS = Object.keys(PRODUCTS) as CloudProduct[];

export function isCloudProduct(value: string): value is CloudProduct {
  return Object.hasOwn(PRODUCTS, value);
}

/** The product whose API version this is; versions of the three products are distinct. */
export function productForVersion(version: string): CloudProduct | undefined {
  return CLOUD_PRODUCTS.find((product) => PRODUCTS[product].version === version);
}

/** `apigateway.cn-hangzhou.aliyuncs.com` and the like. */
export function regionalHost(product: CloudProduct, regionId: string): string {
  return `${PRODUCTS[product].hostPrefix}.${regionId}.aliyuncs.com`;
}

/** The region named by a regional host, e.g. `vpc.cn-shanghai.aliyuncs.com` → `cn-shanghai`. */
export function regionFromHost(host: string): string | undefined {
  const name = host.replace(/:\d+$/, '').toLowerCase();
  for (const info of Object.values(PRODUCTS)) {
    const match = new RegExp(`^${info.hostPrefix}(?:-vpc)?\\.([a-z0-9-]+)\\.aliyuncs\\.com$`).exec(name);
    if (match) return match[1];
  }
  return undefined;
}

/**
 * The actions whose request model declares the idempotency field (docs/sync.md "Idempotency
 * tokens"): CloudAPI's five below, none of the VPC and ECS actions the app calls. Only these may
 * carry a token, and only for these does a token make a resend safe; every other create has none.
 */
const TOKEN_ACTIONS: Record<CloudProduct, ReadonlySet<string>> = {
  CloudAPI: new Set(['CreateInstance', 'ModifyInstanceSpec', 'ModifyInstanceAttribute', 'ModifyInstanceVpcAttributeForConsole', 'ModifyVpcAccessAndUpdateApis']),
  Vpc: new Set(),
  Ecs: new Set(),
};

export function declaresToken(product: CloudProduct, action: string): boolean {
  return TOKEN_ACTIONS[product].has(action);
}

/** Actions that only read: safe to repeat whatever happened to an earlier attempt. */
export function isReadAction(action: string): boolean {
  return /^(Describe|List|Query|Get|Check)[A-Z]/.test(action);
}
