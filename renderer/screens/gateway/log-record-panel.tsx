/** One call of the access log, every field of its record, in a side panel. */
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import { MONO } from '../../app/theme';
import type { LogEntry } from '../../data/gateway-store';
import { isThrottled } from '../../data/gateway-store';
import { useCopyText } from './copy-text';
import { ErrorEvidenceChip } from './error-evidence-chip';
import { formatLatency } from './log-format';
import { RefusalHintBox } from './refusal-hint-box';
import { OWN_ADDRESS_REASONS } from '../../../shared/gateway/local-hosts';

function fieldsOf(entry: LogEntry): [label: string, value: string | undefined][] {
  return [
    ['Time', entry.time],
    ['Request id', entry.requestId],
    ['Method', entry.method],
    ['Path', entry.path],
    ['Host', entry.host],
    ['Group', entry.group],
    ...(entry.groupBy ? ([['Group chosen by', `127.0.0.1: ${OWN_ADDRESS_REASONS[entry.groupBy]}`]] as [string, string][]) : []),
    ['API', entry.api],
    ['Stage', entry.stage],
    ['App', entry.app],
    ['Status', String(entry.status)],
    ['Error code', entry.errorCode],
    ['Error message', entry.errorMessage],
    ['Latency', formatLatency(entry.latencyMs)],
    ['Backend latency', entry.backendLatencyMs === undefined ? undefined : formatLatency(entry.backendLatencyMs)],
    ['Client IP', entry.clientIp],
  ];
}

export function LogRecordPanel({ entry, onClose }: { entry?: LogEntry; onClose: () => void }) {
  const copy = useCopyText();
  return (
    <Drawer anchor="right" open={entry !== undefined} onClose={onClose} slotProps={{ paper: { role: 'dialog', 'aria-labelledby': 'log-record-title', sx: { width: 420, maxWidth: '90vw' } } }}>
      {entry && (
        <Box sx={{ p: 2.5 }}>
          <Stack direction="row" sx={{ alignItems: 'center', mb: 2 }}>
            <Typography id="log-record-title" variant="h2" sx={{ flex: 1 }}>
              {entry.method} {entry.path} → {entry.status}
            </Typography>
            <IconButton aria-label="Close" onClick={onClose}>
              <CloseIcon fontSize="small" />
            </IconButton>
          </Stack>
          {isThrottled(entry) && (
            <Typography variant="body2" sx={{ mb: 2, color: 'warning.dark' }}>
              Throttled: a throttling policy bound to this API in {entry.stage ?? 'this stage'} refused the call ({entry.errorCode}).
            </Typography>
          )}
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: '130px 1fr', columnGap: 2, rowGap: 1, m: 0, fontSize: '0.85rem' }}>
            {fieldsOf(entry).map(([label, value]) => (
              <Box key={label} sx={{ display: 'contents' }}>
                <Box component="dt" sx={{ color: 'text.secondary' }}>
                  {label}
                </Box>
                <Box component="dd" sx={{ m: 0, fontFamily: MONO, fontSize: '0.8rem', overflowWrap: 'anywhere', color: value ? 'text.primary' : 'text.disabled' }}>
                  {value ?? '—'}
                  {label === 'Error code' && (
                    <Box component="span" sx={{ ml: 1 }}>
                      <ErrorEvidenceChip code={entry.errorCode} />
                    </Box>
                  )}
                  {label === 'Request id' && (
                    <Tooltip title="Copy the request id">
                      <IconButton aria-label="Copy request id" onClick={() => void copy('Request id', entry.requestId)} sx={{ ml: 0.5, p: 0.25 }}>
                        <ContentCopyOutlined sx={{ fontSize: 14 }} />
                      </IconButton>
                    </Tooltip>
                  )}
                </Box>
              </Box>
            ))}
          </Box>
          <RefusalHintBox facts={entry} />
          <Typography variant="caption" sx={{ display: 'block', color: 'text.secondary', mt: 2 }}>
            Of the headers the log keeps only Host; never the query or the body of a call, so no credential reaches it.
          </Typography>
        </Box>
      )}
    </Drawer>
  );
}
