/**
 * What a refusal means and what to do, for the answers a newcomer meets first: a Host that names
 * no group (I404DO), no backend at the API's address (D504CO), a backend too slow (D504TO), no API
 * at this path in this stage (I404NF). Shown under the call in the access log's detail and in the
 * debugger's answer; the codes' rows are docs/local-gateway.md, "Error codes".
 */
import { OWN_ADDRESS_REASONS, type OwnAddressReason } from '../../../shared/gateway/local-hosts';

export interface RefusalFacts {
  errorCode?: string;
  errorMessage?: string;
  host?: string;
  stage?: string;
  group?: string;
  groupBy?: OwnAddressReason;
}

export interface RefusalHint {
  /** One sentence: what the answer means. */
  meaning: string;
  /** What to do about it. */
  action: string;
  /** A command to copy, when there is one. */
  command?: string;
}

/** The backend address in D504CO's message (``Backend service connect failed `Connection refused 127.0.0.1:18080` ``). */
export function backendAddressOf(message: string | undefined): string | undefined {
  return /`[^`]*?\s(\[?[\w.:-]+\]?:\d+)`$/.exec(message ?? '')?.[1];
}

export function refusalHint(facts: RefusalFacts): RefusalHint | undefined {
  switch (facts.errorCode) {
    case 'I404DO':
      return {
        meaning: `The Host ${facts.host ? `\`${facts.host}\`` : '(none was sent)'} names no group of this project, so no API was looked for.`,
        action:
          'Call a group at its own host, `<group>.localhost:<port>` (Group addresses lists them), or choose the group that answers on 127.0.0.1 ' +
          '(Group on 127.0.0.1). Without that choice, 127.0.0.1 answers only a project with one group.',
      };
    case 'D504CO': {
      const address = backendAddressOf(facts.errorMessage);
      const port = address ? /:(\d+)$/.exec(address)?.[1] : undefined;
      return {
        meaning: `The gateway is working: it could not reach the API\u2019s HTTP backend${address ? ` at ${address}` : ''}, because nothing answers there.`,
        action: `Start the backend${address ? ` on ${address}` : ''}. To try the API without one, any web server on that port will do; its answer then comes back unchanged.`,
        ...(port ? { command: `python3 -m http.server ${port} --bind 127.0.0.1` } : {}),
      };
    }
    case 'D504TO':
      return {
        meaning: 'The backend accepted the call but did not answer within the API\u2019s timeout.',
        action: 'Make the backend answer sooner, or raise the API\u2019s backend timeout (Backend tab) and deploy again.',
      };
    case 'I404NF':
      return {
        meaning: `No API ${facts.group ? `of group ${facts.group} ` : ''}is deployed${facts.stage ? ` in ${facts.stage}` : ''} for this method and path.`,
        action:
          'Check the path (with the group\u2019s base path) and the method, deploy the API to this stage, or send another stage in X-Ca-Stage (RELEASE when none is sent).' +
          (facts.groupBy ? ` The call went to 127.0.0.1, which answers ${OWN_ADDRESS_REASONS[facts.groupBy]}.` : ''),
      };
    default:
      return undefined;
  }
}
