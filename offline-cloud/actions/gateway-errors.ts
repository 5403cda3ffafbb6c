/**
 * The API Gateway's refusals. NotFoundApiGroup, NotFoundApi, NotFoundApp, NotFoundAuthorization and
 * NotFoundStage are the cloud's codes (docs/alibaba-openapi.md, "Error answers"); the others are
 * chosen in the same style and listed in docs/offline-cloud.md. Bad values use the offline cloud's
 * InvalidParameter.
 */
import { SimError, simErrors } from '../sim-errors';

/** Chosen: the statuses are not confirmed (docs/alibaba-openapi.md, "Error answers"); a missing thing is 404. */
const NOT_FOUND_STATUS = 404;
const REFUSED_STATUS = 400;

const LABELS: Record<string, string> = {
  ApiGroup: 'API group',
  Api: 'API',
  App: 'app',
  TrafficControl: 'throttling policy',
  Plugin: 'plug-in',
  Stage: 'stage',
  StageVariable: 'stage variable',
  HistoryVersion: 'history version',
  DeployedApi: 'deployed API',
  TrafficSpecialControl: 'special throttling entry',
  Authorization: 'authorization',
};

export const gatewayErrors = {
  /** `NotFound<Thing>`: e.g. NotFoundApi for an ApiId that does not exist (in the group, when one is named). */
  notFound: (thing: string, param: string, value: string, groupId?: string) =>
    new SimError(
      `NotFound${thing}`,
      `The ${LABELS[thing] ?? thing} with ${param} "${value}" does not exist${groupId ? ` in group ${groupId}` : ''} in this region. Check the ${param}, e.g. with the matching Describe action.`,
      NOT_FOUND_STATUS,
    ),
  /** `Duplicate<What>`: a name (or route, key) already taken where it must be unique. */
  duplicate: (what: string, message: string) => new SimError(`Duplicate${what}`, message, REFUSED_STATUS),
  /** Refused because something still depends on the resource (APIs in a group, bindings of a policy). */
  inUse: (code: string, message: string) => new SimError(code, message, REFUSED_STATUS),
  invalid: (param: string, why: string) => simErrors.invalidParameter(param, why),
  /**
   * `Invalid<ParamName>` (the form of docs/alibaba-openapi.md, "Error answers"), 400: a name the
   * cloud's name rule refuses. The exact code the cloud sends for a bad name is not documented:
   * chosen, and listed in docs/offline-cloud.md.
   */
  invalidName: (param: string, name: string, why: string) => new SimError(`Invalid${param}`, `The specified ${param} "${name}" is not valid: ${why}`, REFUSED_STATUS),
  tokenReused: (action: string) =>
    new SimError(
      'IdempotentParameterMismatch',
      `The Token was already used by an earlier ${action} call with different parameters. Send a new Token for a different request.`,
      REFUSED_STATUS,
    ),
};
