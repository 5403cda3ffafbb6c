/**
 * A group's BasePath in front of its APIs' request paths, the one rule every part uses: the local
 * gateway's routes, the debugger's URL and snippets, the OpenAPI export and import, the console's
 * addresses, and the model's validation. Alibaba's data plane serves an API only at BasePath +
 * RequestPath (BasePath `/test`, API `/nameid` → callers call `/test/nameid`; `/nameid` alone gets
 * `I404NF`): docs/local-gateway.md, "Base path".
 */

/**
 * What goes in front of every request path: `/` → ``, `/v1` → `/v1`, `/v2/` → `/v2`. A trailing
 * `/` is dropped, so `/v2/` (the cloud's own example) and `/pets` make `/v2/pets`, not `/v2//pets`
 * (GATEWAY_CHOICES.basePathTrailingSlash).
 */
export function basePathPrefix(basePath: string): string {
  return basePath.replace(/\/+$/, '');
}

/** The path callers call for an API: BasePath `/v1` and request path `/hello` → `/v1/hello`. */
export function callPath(basePath: string, requestPath: string): string {
  return basePathPrefix(basePath) + requestPath;
}

/**
 * The request path inside a called path (the inverse of callPath): `/v1/hello` under BasePath
 * `/v1` → `/hello`; undefined when the path is not under the BasePath (`/hello`, `/v10/hello`).
 */
export function pathUnderBasePath(basePath: string, path: string): string | undefined {
  const prefix = basePathPrefix(basePath);
  if (prefix === '') return path.startsWith('/') ? path : undefined;
  return path.startsWith(prefix) && path.charAt(prefix.length) === '/' ? path.slice(prefix.length) : undefined;
}

/**
 * What is wrong with a BasePath, as the end of a sentence ("must start with `/`…"), or undefined.
 * The cloud documents only examples (`/`, `/v2/`); we accept a literal path: segments without the
 * request-path syntax `[name]` and `*` (a BasePath is no pattern), and without `?`, `#`, `%`,
 * spaces or control characters, which a prefix matched against the decoded path cannot hold as is.
 */
export function basePathProblem(basePath: string): string | undefined {
  if (!basePath.startsWith('/')) return 'must start with `/`, e.g. `/v1`';
  const prefix = basePathPrefix(basePath);
  if (prefix.includes('//')) return 'has an empty segment (`//`); remove the extra `/`';
  const bad = /[[\]*?#%\s\p{Cc}]/u.exec(prefix);
  if (bad) {
    const shown = /[\s\p{Cc}]/u.test(bad[0]) ? 'a space or control character' : `\`${bad[0]}\``;
    return `holds ${shown}; use a literal path of letters, digits and characters like \`-\`, \`_\`, \`.\`, e.g. \`/v1\``;
  }
  return undefined;
}
