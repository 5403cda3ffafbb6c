/** The answer to the last call: status, timing, request id, the signature comparison on a mismatch, headers and body. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { DebugResult } from '../../../../shared/ipc/contract';
import { MONO } from '../../../app/theme';
import { CodeEditor } from '../../../components/code-editor';
import type { CodeLanguage } from '../../../components/code-editor';
import { useGatewayStore } from '../../../data/gateway-store';
import { ErrorEvidenceChip } from '../error-evidence-chip';
import { RefusalHintBox } from '../refusal-hint-box';
import { formatLatency, statusColor } from '../log-format';
import { HeadersTable } from './headers-table';
import { SignatureCompare } from './signature-compare';

/** The body as shown: JSON pretty-printed, base64 left alone with a note. */
export function displayBody(body: string, encoding: 'utf8' | 'base64', contentType: string | undefined): { text: string; language: CodeLanguage } {
  if (encoding === 'base64') return { text: body, language: 'plaintext' };
  const json = /json/i.test(contentType ?? '') || /^\s*[[{]/.test(body);
  if (json) {
    try {
      return { text: JSON.stringify(JSON.parse(body), null, 2), language: 'json' };
    } catch {
      // Not valid JSON after all: shown as it came.
    }
  }
  if (/xml/i.test(contentType ?? '')) return { text: body, language: 'xml' };
  if (/html/i.test(contentType ?? '')) return { text: body, language: 'html' };
  return { text: body, language: 'plaintext' };
}

export function headerValue(headers: [string, string][], name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

/** The Host the call went with: the header the host set, else the URL's. */
function hostSent(prepared: DebugResult['prepared']): string | undefined {
  const header = headerValue(prepared.headers, 'host');
  if (header !== undefined) return header;
  try {
    return new URL(prepared.url).host;
  } catch {
    return undefined;
  }
}

export function ResultView({ result }: { result?: DebugResult }) {
  const showRequest = useGatewayStore((s) => s.showRequest);
  if (!result) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary', p: 1 }}>
        Send the call to see the gateway&apos;s answer here: status, headers, body and timing. Preview shows the exact request first.
      </Typography>
    );
  }
  if (result.failure) {
    return (
      <Alert severity="error" aria-label="Call failed">
        {result.failure}
      </Alert>
    );
  }
  const response = result.response;
  if (!response) return null;
  const body = displayBody(response.body, response.bodyEncoding, headerValue(response.headers, 'content-type'));
  return (
    <Box component="section" aria-label="Response">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', flexWrap: 'wrap', mb: 1.5, rowGap: 0.5 }}>
        <Typography aria-label="Response status" sx={{ fontFamily: MONO, fontWeight: 700, fontSize: '1.25rem', color: statusColor(response.status) }}>
          {response.status}
        </Typography>
        {response.errorCode && (
          <Typography aria-label="Error code" sx={{ fontFamily: MONO, fontWeight: 600, color: 'error.main' }}>
            {response.errorCode}
          </Typography>
        )}
        <ErrorEvidenceChip code={response.errorCode} />
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          in {formatLatency(response.timeMs)}
        </Typography>
        {response.requestId && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            Request id{' '}
            <Link component="button" aria-label={`Show request ${response.requestId} in the access log`} onClick={() => showRequest(response.requestId!)} sx={{ fontFamily: MONO, fontSize: '0.8rem', verticalAlign: 'baseline' }}>
              {response.requestId}
            </Link>
          </Typography>
        )}
      </Stack>
      {response.errorMessage && !result.signature && (
        <Alert severity={response.status >= 500 ? 'error' : 'warning'} sx={{ mb: 1.5, fontFamily: MONO, fontSize: '0.8rem', overflowWrap: 'anywhere' }}>
          {response.errorMessage}
        </Alert>
      )}
      <RefusalHintBox facts={{ errorCode: response.errorCode, errorMessage: response.errorMessage, host: hostSent(result.prepared) }} />
      {result.signature && <SignatureCompare comparison={result.signature} />}
      <Typography variant="h3" component="h3" sx={{ mb: 0.75 }}>
        Body
        {response.bodyEncoding === 'base64' && (
          <Typography component="span" variant="caption" sx={{ ml: 1, color: 'text.secondary' }}>
            binary, shown as base64
          </Typography>
        )}
      </Typography>
      {body.text === '' ? (
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
          (empty body)
        </Typography>
      ) : (
        <Box sx={{ mb: 2 }}>
          <CodeEditor key={body.text} language={body.language} value={body.text} readOnly ariaLabel="Response body" height={Math.min(320, 40 + body.text.split('\n').length * 19)} />
        </Box>
      )}
      <Typography variant="h3" component="h3" sx={{ mb: 0.75 }}>
        Headers
      </Typography>
      <HeadersTable label="Response headers" headers={response.headers} />
    </Box>
  );
}
