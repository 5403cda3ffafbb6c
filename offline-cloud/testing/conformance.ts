/**
 * For the conformance tests: records what an offline cloud received and answered (its
 * `onExchange` hook) and checks each exchange against the official SDK models, read fresh from the
 * installed packages by sdk-model-reader.ts (the reading the offline cloud's own table comes from):
 * (i) every parameter the client sent is declared by the action's request model, (ii) every
 * parameter the offline cloud looked for is declared, (iii) every field of a success answer is
 * declared by the response model, with its type and list wrapper. An action the SDK has no
 * model for fails (i), whatever was sent.
 */
import type { CloudProduct } from '../../shared/cloud/products';
import type { SimExchange } from '../cloud-sim';
import { paramProblems, responseProblems } from '../sdk-models';
import type { SdkActionModel } from '../sdk-model-types';
import { readActionModel } from './sdk-model-reader';

/** Chosen (docs/offline-cloud.md): CloudAPI's region selector on the offline cloud's one URL; pop-core sends it only there. */
const OFFLINE_ONLY: Partial<Record<CloudProduct, ReadonlySet<string>>> = { CloudAPI: new Set(['RegionId']) };

export class ExchangeLog {
  readonly exchanges: SimExchange[] = [];
  readonly record = (exchange: SimExchange): void => {
    this.exchanges.push(exchange);
  };

  /** The exchanges of one action, in order. */
  of(action: string): SimExchange[] {
    return this.exchanges.filter((exchange) => exchange.action === action);
  }

  /** Every product/action seen, e.g. `CloudAPI CreateApiGroup`. */
  actions(): string[] {
    return [...new Set(this.exchanges.filter((e) => e.product && e.action).map((e) => `${e.product} ${e.action}`))].sort();
  }

  /** One line per problem, `Product Action: what`, deduplicated; empty when every exchange conforms. */
  problems(): string[] {
    const lines = new Set<string>();
    for (const exchange of this.exchanges) for (const line of exchangeProblems(exchange)) lines.add(line);
    return [...lines].sort();
  }
}

const models = new Map<string, SdkActionModel | undefined>();

function modelOf(product: CloudProduct, action: string): SdkActionModel | undefined {
  const key = `${product} ${action}`;
  if (!models.has(key)) models.set(key, readActionModel(product, action));
  return models.get(key);
}

export function exchangeProblems(exchange: SimExchange): string[] {
  const { product, action } = exchange;
  if (!product || !action) return [];
  const where = `${product} ${action}`;
  const model = modelOf(product, action);
  if (!model) return [`${where}: the official SDK has no ${action}Request model, so no parameter of it is declared`];
  const problems: string[] = [];
  const offlineOnly = OFFLINE_ONLY[product] ?? new Set<string>();
  const sent = Object.fromEntries(Object.entries(exchange.params).filter(([name]) => !offlineOnly.has(name) || Object.hasOwn(model.params, name)));
  const params = paramProblems(model, sent);
  for (const { name, why } of params.undeclared) problems.push(`${where}: sends ${name}, undeclared (${why})`);
  for (const name of params.missing) problems.push(`${where}: leaves out the required ${name}`);
  for (const { name, why } of params.badType) problems.push(`${where}: sends ${name} of the wrong type (${why})`);
  for (const name of exchange.undeclaredReads) problems.push(`${where}: the offline cloud reads ${name}, which ${model.request} does not declare`);
  if (exchange.status >= 200 && exchange.status < 300) {
    for (const problem of responseProblems(model, exchange.body)) problems.push(`${where}: answers ${problem}`);
  }
  return problems;
}
