/** Server side: checks X-Ca-Signature of an incoming request (the local gateway's app auth). */
import { constantTimeEqual } from './constant-time';
import { DEFAULT_SIGNATURE_METHOD, isSignatureMethod, signature, type HmacFunction, type SignatureMethod } from './hmac';
import { formatSignatureMismatchMessage } from './mismatch-message';
import { buildStringToSign, parseSignedHeaderNames, type SignableRequest } from './string-to-sign';

export interface VerifySignatureInput {
  request: SignableRequest;
  /** The AppSecret of the app named by X-Ca-Key (the caller looks the app up first). */
  secret: string;
  /** The API's AllowSignatureMethod. */
  allowedMethods: readonly SignatureMethod[];
  /** The HMAC to use; default the pure-JS one (a Node host passes node:crypto's, which is faster). */
  hmac?: HmacFunction;
}

/** What the server computed; `expectedSignature` is for logs and tests, never for the response. */
export interface SignatureComputation {
  signatureMethod: SignatureMethod;
  /** Names from X-Ca-Signature-Headers, as the client wrote them. */
  signedHeaderNames: string[];
  stringToSign: string;
  expectedSignature: string;
}

export type VerifySignatureResult =
  | ({ ok: true } & SignatureComputation)
  | ({ ok: false; reason: 'mismatch'; message: string } & SignatureComputation)
  | { ok: false; reason: 'missing-signature' | 'method-not-allowed'; message: string; signatureMethod: string };

/**
 * Verifies the app signature of a request. `message` is the text for X-Ca-Error-Message; for a
 * mismatch it carries the server's StringToSign exactly as the cloud does. Timestamp, nonce,
 * AppKey and Content-MD5 checks are the caller's: they need a clock, a nonce store and the body.
 */
export function verifySignature({ request, secret, allowedMethods, hmac }: VerifySignatureInput): VerifySignatureResult {
  const headers = request.headers;
  const given = headers['x-ca-signature'];
  if (given === undefined || given === '') {
    return { ok: false, reason: 'missing-signature', message: 'Empty Signature', signatureMethod: headers['x-ca-signature-method'] || DEFAULT_SIGNATURE_METHOD };
  }

  const requestedMethod = headers['x-ca-signature-method'] || DEFAULT_SIGNATURE_METHOD;
  if (!isSignatureMethod(requestedMethod) || !allowedMethods.includes(requestedMethod)) {
    return {
      ok: false,
      reason: 'method-not-allowed',
      message: `Invalid Signature Method: ${requestedMethod} is not allowed for this API (allowed: ${allowedMethods.join(', ')})`,
      signatureMethod: requestedMethod,
    };
  }

  const signedHeaderNames = parseSignedHeaderNames(headers['x-ca-signature-headers']);
  const stringToSign = buildStringToSign(request, signedHeaderNames);
  const expectedSignature = signature(stringToSign, secret, requestedMethod, hmac);
  const computation: SignatureComputation = { signatureMethod: requestedMethod, signedHeaderNames, stringToSign, expectedSignature };
  if (constantTimeEqual(given, expectedSignature)) return { ok: true, ...computation };
  return { ok: false, reason: 'mismatch', message: formatSignatureMismatchMessage(stringToSign), ...computation };
}
