/** What every snippet is made from, and the pieces they share. */
import type { PreparedCall } from '../ipc/contract';
import type { SignatureMethod } from '../signature/hmac';

export const APP_SECRET_PLACEHOLDER = '<APP_SECRET>';
export const APP_CODE_PLACEHOLDER = '<APP_CODE>';

export type SnippetAuth =
  | { kind: 'anonymous' }
  /** The AppCode (or its placeholder) is already in the prepared call's header or query. */
  | { kind: 'appCode'; inQuery: boolean; placeholder: boolean }
  | {
      kind: 'signature';
      appKey: string;
      /** The secret, or APP_SECRET_PLACEHOLDER. */
      appSecret: string;
      signatureMethod: SignatureMethod;
      /** X-Ca-Signature-Headers of the call. */
      signedHeaderNames: string[];
      /** Content-MD5 was computed by the signer (not given by the user). */
      computedContentMd5: boolean;
      /** Headers signed, then removed before sending (as a proxy might). */
      dropped: [string, string][];
      /** Fixed values the user chose; fresh ones are computed otherwise. */
      fixedTimestamp?: number;
      fixedNonce?: string;
    };

export interface SnippetInput {
  prepared: PreparedCall;
  stage: string;
  auth: SnippetAuth;
}


/** What the snippet does, in one line for its header comment. */
export function describeCall(input: SnippetInput): string {
  const { prepared, auth } = input;
  const how =
    auth.kind === 'anonymous' ? 'without authentication' :
    auth.kind === 'appCode' ? `with the app's AppCode in the ${auth.inQuery ? 'query' : 'Authorization header'}` :
    `signed with AppKey ${auth.appKey} (${auth.signatureMethod})`;
  return `${prepared.method} ${prepared.url}, stage ${input.stage}, ${how}.`;
}

/** The headers a signing snippet starts from: all but the per-call ones, with the dropped ones back. */
export function headersBeforeSigning(input: SnippetInput, perCall: Set<string>): [string, string][] {
  const auth = input.auth;
  const computed = new Set(perCall);
  if (auth.kind === 'signature' && auth.computedContentMd5) computed.add('content-md5');
  const base = input.prepared.headers.filter(([name]) => !computed.has(name.toLowerCase()));
  return auth.kind === 'signature' ? [...base, ...auth.dropped] : base;
}
