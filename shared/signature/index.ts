/** Alibaba API Gateway app signatures: one implementation for the gateway, debugger and CLI. */
export { bytesToBase64, base64ToBytes } from './base64';
export { constantTimeEqual } from './constant-time';
export { contentMd5, contentMd5Matches } from './content-md5';
export { DEFAULT_SIGNATURE_METHOD, isSignatureMethod, pureJsHmac, signature, type HmacFunction, type SignatureMethod } from './hmac';
export { formatSignatureMismatchMessage, parseServerStringToSign } from './mismatch-message';
export { signRequest, type ParamsInput, type SignRequestInput, type SignedRequest } from './sign';
export { buildStringToSign, isFormContentType, parseSignedHeaderNames, type SignableRequest } from './string-to-sign';
export { encodeUrlEncoded, parseUrlEncoded, type Pairs, type ParseUrlEncodedResult, type UrlEncodedError } from './url-encoded';
export { verifySignature, type SignatureComputation, type VerifySignatureInput, type VerifySignatureResult } from './verify';
