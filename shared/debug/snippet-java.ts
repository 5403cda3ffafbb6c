/**
 * The call in Java 11+ with java.net.http.HttpClient; a signed call computes its signature with
 * javax.crypto.Mac, as docs/alibaba-data-plane.md, "String to sign" describes (TreeMap/TreeSet sort
 * by UTF-16 code unit, like the SDKs).
 */
import { PER_CALL_HEADERS, shapeOf } from './call-shape';
import { commentText, stringLiteral } from './code-literals';
import { APP_CODE_PLACEHOLDER, APP_SECRET_PLACEHOLDER, describeCall, headersBeforeSigning, type SnippetInput } from './snippet-input';

type Signed = Extract<SnippetInput['auth'], { kind: 'signature' }>;

/** Headers java.net.http refuses to set; it sends its own. */
const RESTRICTED = new Set(['host', 'connection', 'content-length', 'expect', 'upgrade']);

export function javaSnippet(input: SnippetInput): string {
  const header = `// ${commentText(describeCall(input))}`;
  const imports = [
    'import java.net.URI;',
    'import java.net.http.HttpClient;',
    'import java.net.http.HttpRequest;',
    'import java.net.http.HttpResponse;',
    'import java.nio.charset.StandardCharsets;',
    'import java.util.*;',
  ];
  const body = input.auth.kind === 'signature' ? signed(input, input.auth) : plain(input);
  if (input.auth.kind === 'signature') imports.push('import java.security.MessageDigest;', 'import javax.crypto.Mac;', 'import javax.crypto.spec.SecretKeySpec;');
  const restricted = input.prepared.headers.filter(([name]) => RESTRICTED.has(name.toLowerCase())).map(([name]) => name);
  const notes = restricted.length > 0 ? [`// java.net.http sets ${restricted.join(', ')} itself (run with -Djdk.httpclient.allowRestrictedHeaders=host to send Host).`] : [];
  return [
    header,
    ...notes,
    ...imports,
    '',
    'public class ApiGatewayCall {',
    '  public static void main(String[] args) throws Exception {',
    ...body.map((line) => (line === '' ? '' : `    ${line}`)),
    '  }',
    '}',
  ].join('\n') + '\n';
}

function headerPuts(headers: [string, string][]): string[] {
  return headers.map(([name, value]) => `headers.put(${stringLiteral(name)}, ${stringLiteral(value)});`);
}

function send(method: string): string[] {
  return [
    'HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))',
    `    .method(${stringLiteral(method)}, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));`,
    `Set<String> restricted = Set.of(${[...RESTRICTED].map(stringLiteral).join(', ')});`,
    'headers.forEach((name, value) -> { if (!restricted.contains(name.toLowerCase())) request.header(name, value); });',
    'HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();',
    'HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());',
    'System.out.println(response.statusCode() + " " + response.headers().firstValue("X-Ca-Error-Message").orElse(""));',
    'System.out.println(response.body());',
  ];
}

function plain(input: SnippetInput): string[] {
  const { prepared } = input;
  const notes = input.auth.kind === 'appCode' && input.auth.placeholder ? [`// Replace ${APP_CODE_PLACEHOLDER} with the app's AppCode.`] : [];
  return [
    ...notes,
    `String url = ${stringLiteral(prepared.url)};`,
    `String body = ${prepared.body === undefined ? 'null' : stringLiteral(prepared.body)};`,
    'Map<String, String> headers = new LinkedHashMap<>();',
    ...headerPuts(prepared.headers),
    '',
    ...send(prepared.method),
  ];
}

function signed(input: SnippetInput, auth: Signed): string[] {
  const { prepared } = input;
  const shape = shapeOf(prepared);
  const pairs = (list: [string, string][]) => `{${list.map(([n, v]) => `{${stringLiteral(n)}, ${stringLiteral(v)}}`).join(', ')}}`;
  const note = auth.appSecret === APP_SECRET_PLACEHOLDER ? "replace with the app's AppSecret; " : '';
  const lines = [
    `String appKey = ${stringLiteral(auth.appKey)};`,
    `String appSecret = ${stringLiteral(auth.appSecret)}; // ${note}keep it out of source control`,
    `String method = ${stringLiteral(prepared.method)};`,
    `String url = ${stringLiteral(prepared.url)};`,
    `String path = ${stringLiteral(shape.path)};`,
    `String[][] query = ${pairs(shape.query)}; // decoded, in wire order`,
    `String[][] form = ${pairs(shape.form ?? [])}; // decoded form fields (signed with a form Content-Type only)`,
    `String body = ${prepared.body === undefined ? 'null' : stringLiteral(prepared.body)};`,
    'Map<String, String> headers = new LinkedHashMap<>();',
    ...headerPuts(headersBeforeSigning(input, PER_CALL_HEADERS).map(([n, v]) => [n.toLowerCase(), v])),
    'headers.put("x-ca-key", appKey);',
    `headers.put("x-ca-timestamp", ${auth.fixedTimestamp !== undefined ? stringLiteral(String(auth.fixedTimestamp)) : 'String.valueOf(System.currentTimeMillis())'});`,
    `headers.put("x-ca-nonce", ${auth.fixedNonce !== undefined ? stringLiteral(auth.fixedNonce) : 'UUID.randomUUID().toString()'});`,
  ];
  if (auth.computedContentMd5) {
    lines.push('headers.put("content-md5", Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8))));');
  }
  lines.push(
    `List<String> signedHeaders = List.of(${auth.signedHeaderNames.map(stringLiteral).join(', ')});`,
    '',
    '// StringToSign: method, Accept, Content-MD5, Content-Type, Date, the signed headers, then the path and parameters',
    '// (decoded, sorted by name, the first value of a name; form fields override the query).',
    'TreeMap<String, String> params = new TreeMap<>();',
    'for (String[] p : query) if (!p[0].isEmpty()) params.putIfAbsent(p[0], p[1]);',
    'Map<String, String> formParams = new LinkedHashMap<>();',
    'for (String[] p : form) if (!p[0].isEmpty()) formParams.putIfAbsent(p[0], p[1]);',
    'params.putAll(formParams);',
    'StringBuilder toSign = new StringBuilder(method).append("\\n");',
    'for (String name : List.of("accept", "content-md5", "content-type", "date")) toSign.append(headers.getOrDefault(name, "")).append("\\n");',
    'for (String name : new TreeSet<>(signedHeaders)) toSign.append(name).append(":").append(headers.getOrDefault(name, "")).append("\\n");',
    'toSign.append(path);',
    'StringJoiner joined = new StringJoiner("&");',
    'params.forEach((name, value) -> joined.add(value.isEmpty() ? name : name + "=" + value));',
    'if (!params.isEmpty()) toSign.append("?").append(joined);',
    `Mac mac = Mac.getInstance(${stringLiteral(auth.signatureMethod)});`,
    `mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ${stringLiteral(auth.signatureMethod)}));`,
    'headers.put("x-ca-signature-headers", String.join(",", signedHeaders));',
    'headers.put("x-ca-signature", Base64.getEncoder().encodeToString(mac.doFinal(toSign.toString().getBytes(StandardCharsets.UTF_8))));',
  );
  for (const [name] of auth.dropped) lines.push(`headers.remove(${stringLiteral(name.toLowerCase())}); // removed after signing, as in the debugger`);
  lines.push('', ...send(prepared.method));
  return lines;
}
