/**
 * The mark next to an X-Ca-Error-Code: "documented by Alibaba" or "our choice, not confirmed", as
 * the gateway's behaviour table records it (shared/gateway/cloud-behaviour.ts), with a tooltip
 * naming the docs row that gives the source. Nothing for a code the local gateway never gives.
 */
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { errorEvidence } from '../../../shared/gateway/cloud-behaviour';

export function ErrorEvidenceChip({ code }: { code: string | undefined }) {
  const evidence = errorEvidence(code);
  if (code === undefined || evidence === undefined) return null;
  const documented = evidence.evidence === 'documented';
  const why = documented
    ? `Alibaba's published pages give ${code}, its status and its message. Source: ${evidence.docsRow}.`
    : `Alibaba's pages we could read do not confirm ${code}: the local gateway answers this way by our choice. Why: ${evidence.docsRow}.`;
  return (
    <Tooltip title={why} describeChild>
      <Chip
        size="small"
        variant="outlined"
        color={documented ? 'success' : 'warning'}
        label={evidence.label}
        // Focusable so that keyboard users reach the tooltip too.
        tabIndex={0}
        aria-label={`${code}: ${evidence.label}`}
        sx={{ height: 20, fontSize: '0.7rem', fontFamily: 'inherit', verticalAlign: 'middle' }}
      />
    </Tooltip>
  );
}
