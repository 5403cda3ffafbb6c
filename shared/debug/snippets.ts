/**
 * Code that makes the same call as the debugger: curl, Node (the official aliyun-api-gateway
 * SDK where it can), Python (requests + hmac) and Java (java.net.http + javax.crypto.Mac). Pure:
 * the host prepares the call and decides whether the secret goes in or a placeholder does.
 */
import type { CallSnippets } from '../ipc/contract';
import { curlSnippet } from './snippet-curl';
import type { SnippetInput } from './snippet-input';
import { javaSnippet } from './snippet-java';
import { nodeSnippet } from './snippet-node';
import { pythonSnippet } from './snippet-python';

export { APP_CODE_PLACEHOLDER, APP_SECRET_PLACEHOLDER, type SnippetAuth, type SnippetInput } from './snippet-input';

export function buildSnippets(input: SnippetInput): CallSnippets {
  return { curl: curlSnippet(input), node: nodeSnippet(input), python: pythonSnippet(input), java: javaSnippet(input) };
}
