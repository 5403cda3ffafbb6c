/** Findings of the purchase rules as a person reads them: blockers first, each with its level. */
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import type { Finding } from '../../../shared/purchase';

const ORDER = { blocker: 0, warning: 1, info: 2 } as const;
const SEVERITY = { blocker: 'error', warning: 'warning', info: 'info' } as const;
const WORD = { blocker: 'Blocks the purchase', warning: 'Warning', info: 'Note' } as const;

export function FindingsList({ findings, label }: { findings: readonly Finding[]; label: string }) {
  if (findings.length === 0) return null;
  const sorted = [...findings].sort((a, b) => ORDER[a.level] - ORDER[b.level]);
  return (
    <Stack spacing={1} aria-label={label} role="list">
      {sorted.map((finding) => (
        <Alert key={`${finding.code}:${finding.field}:${finding.message}`} severity={SEVERITY[finding.level]} role="listitem" aria-label={`${WORD[finding.level]}: ${finding.message}`} sx={{ py: 0 }}>
          <strong>{WORD[finding.level]}:</strong> {finding.message}
        </Alert>
      ))}
    </Stack>
  );
}
