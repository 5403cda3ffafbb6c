/**
 * ImportSwagger and DryRunSwagger (docs/alibaba-openapi.md, "Swagger import"): each operation of a
 * Swagger 2.0 document becomes an API of the group, checked with CreateApi's rules. An API of the
 * group with the same HTTP method and backend path is the same API (the SDK's Overwrite,
 * docs/offline-cloud.md "ImportSwagger"): replaced when Overwrite is true, reported as a failure
 * otherwise. DryRun=true (or DryRunSwagger) answers what would happen and changes nothing.
 */
import { type ActionContext, type ActionModule, read, write } from '../action-registry';
import { ActionParams } from '../action-params';
import { SimError } from '../sim-errors';
import { apiRoute, readApiDefinition } from './api-definition';
import { routeTakenBy } from './cloudapi-apis';
import { type ApiDefinition, type ApiRecord, type JsonObject, findGroup, gatewayState } from './gateway-state';
import { hexId, nextModifiedTime, requiredOneOf, utcTime } from './gateway-values';
import { type SwaggerOperation, readSwagger, swaggerOperations } from './swagger-operations';

interface Outcome {
  success: { ApiUid: string; ApiOperation: 'CREATE' | 'MODIFY'; HttpMethod: string; Path: string; ApiSwagger: string }[];
  failed: { HttpMethod: string; Path: string; ErrorMsg: string }[];
}

/**
 * What makes two APIs "the same" for Overwrite: the request method and the backend path. A mock
 * has no backend path, so its request path stands in (emulator choice, docs/offline-cloud.md).
 */
function overwriteKey(definition: ApiDefinition): string {
  const route = apiRoute(definition);
  const method = route.method.toUpperCase() === 'HEAD' ? 'HEADER' : route.method.toUpperCase();
  const servicePath = definition.ServiceConfig.Mock === 'TRUE' ? undefined : definition.ServiceConfig.ServicePath;
  return `${method} ${typeof servicePath === 'string' ? servicePath : route.path}`;
}

/** Plans (and unless dryRun, applies) the operations in order, so later ones see earlier ones. */
function importOperations(context: ActionContext, groupId: string, operations: SwaggerOperation[], overwrite: boolean, dryRun: boolean): Outcome {
  const state = gatewayState(context);
  const group = findGroup(state, groupId);
  // The group's APIs as they would be after each step; real records only when not a dry run.
  const apis: ApiRecord[] = state.apis.filter((api) => api.GroupId === group.GroupId).map((api) => ({ ...api }));
  const outcome: Outcome = { success: [], failed: [] };
  const now = utcTime(context.now);
  for (const operation of operations) {
    const fail = (ErrorMsg: string) => outcome.failed.push({ HttpMethod: operation.method, Path: operation.path, ErrorMsg });
    let definition;
    try {
      definition = readApiDefinition(new ActionParams(operation.params));
    } catch (error) {
      if (!(error instanceof SimError)) throw error;
      fail(error.message);
      continue;
    }
    const key = overwriteKey(definition);
    const existing = apis.find((api) => overwriteKey(api.Definition) === key);
    if (existing && !overwrite) {
      fail(`api already exists : apiUid ===> ${existing.ApiId}`);
      continue;
    }
    // Another API answering the same calls is refused as CreateApi refuses it.
    const clash = routeTakenBy(apis.filter((api) => api !== existing), definition);
    if (clash) {
      const { method, path } = apiRoute(clash.Definition);
      fail(`api path already exists : ${method} ${path} of apiUid ===> ${clash.ApiId} answers the same calls (path parameter names do not matter to routing)`);
      continue;
    }
    const namesake = apis.find((api) => api.Definition.ApiName === definition.ApiName && api.ApiId !== existing?.ApiId);
    if (namesake) {
      fail(`api name already exists : ${definition.ApiName} (apiUid ===> ${namesake.ApiId}); give the operation another operationId`);
      continue;
    }
    const ApiSwagger = JSON.stringify(operation.source);
    if (existing) {
      existing.Definition = definition;
      if (!dryRun) {
        const record = state.apis.find((api) => api.ApiId === existing.ApiId) as ApiRecord;
        Object.assign(record, { Definition: definition, ModifiedTime: nextModifiedTime(context.now, record.ModifiedTime) });
      }
      outcome.success.push({ ApiUid: existing.ApiId, ApiOperation: 'MODIFY', HttpMethod: operation.method, Path: operation.path, ApiSwagger });
      continue;
    }
    const record: ApiRecord = { ApiId: dryRun ? '' : hexId(), GroupId: group.GroupId, CreatedTime: now, ModifiedTime: now, Tags: [], Definition: definition };
    apis.push(record);
    if (!dryRun) state.apis.push(record);
    outcome.success.push({ ApiUid: record.ApiId, ApiOperation: 'CREATE', HttpMethod: operation.method, Path: operation.path, ApiSwagger });
  }
  return outcome;
}

async function readRequest(context: ActionContext) {
  const { params } = context;
  const groupId = params.required('GroupId');
  findGroup(gatewayState(context), groupId);
  const data = params.required('Data');
  const format = requiredOneOf(params, 'DataFormat', ['json', 'yaml'] as const);
  params.required('Overwrite');
  const overwrite = params.bool('Overwrite') as boolean;
  const globalCondition = params.string('GlobalCondition');
  if (globalCondition !== undefined) params.json('GlobalCondition');
  const document = await readSwagger(data, format);
  return { groupId, overwrite, globalCondition: globalCondition ?? '', operations: swaggerOperations(document) };
}

/** Chosen: no models are stored, so ModelSuccess and ModelFailed are always empty. */
const NO_MODELS = { ModelSuccess: { ApiImportModelSuccess: [] }, ModelFailed: { ApiImportModelFailed: [] } };

export const cloudApiSwaggerActions: ActionModule = {
  product: 'CloudAPI',
  actions: {
    ImportSwagger: write(async (context): Promise<JsonObject> => {
      const request = await readRequest(context);
      const dryRun = context.params.bool('DryRun') ?? false;
      const outcome = importOperations(context, request.groupId, request.operations, request.overwrite, dryRun);
      return {
        Success: { ApiImportSwaggerSuccess: outcome.success.map(({ ApiUid, ApiOperation, HttpMethod, Path }) => ({ ApiUid, ApiOperation, HttpMethod, Path })) },
        Failed: { ApiImportSwaggerFailed: outcome.failed },
        ...NO_MODELS,
      };
    }),

    DryRunSwagger: read(async (context): Promise<JsonObject> => {
      const request = await readRequest(context);
      const outcome = importOperations(context, request.groupId, request.operations, request.overwrite, true);
      return {
        Success: { ApiDryRunSwaggerSuccess: outcome.success },
        Failed: { ApiImportSwaggerFailed: outcome.failed },
        ...NO_MODELS,
        GlobalCondition: request.globalCondition,
      };
    }),
  },
};
