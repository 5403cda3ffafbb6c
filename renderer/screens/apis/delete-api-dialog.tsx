/** Delete an API: says what references it, and removes those references with it. */
import { useMemo } from 'react';
import Typography from '@mui/material/Typography';
import type { ApiKey } from '../../../shared/model/stages';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useProjectStore } from '../../data/project-store';
import { useUiStore } from '../../data/ui-store';
import { apiReferences, deleteApi, hasReferences } from './api-edits';

function referenceLines(refs: ReturnType<typeof apiReferences>): string[] {
  const lines: string[] = [];
  if (refs.deployments.length) lines.push(`Its stage histories in ${refs.deployments.join(', ')}${refs.served.length ? ` (served now in ${refs.served.join(', ')}: the local gateway stops serving it there)` : ''}.`);
  for (const a of refs.authorizations) lines.push(`The authorization of app ${a.app} in ${a.stage}.`);
  for (const t of refs.throttling) lines.push(`Its binding to throttling policy ${t.policy} in ${t.stage}.`);
  for (const p of refs.plugins) lines.push(`Its binding to plug-in ${p.plugin} in ${p.stage}.`);
  if (refs.cloud.length) lines.push(`Its recorded cloud id in ${refs.cloud.join(', ')} (the next sync plans to delete it in the cloud).`);
  return lines;
}

export function DeleteApiDialog({ open, apiRef, onClose }: { open: boolean; apiRef: ApiKey; onClose: () => void }) {
  const project = useProjectStore((s) => s.working);
  const edit = useProjectStore((s) => s.edit);
  const select = useUiStore((s) => s.select);
  const notify = useUiStore((s) => s.notify);
  const refs = useMemo(() => (open && project ? apiReferences(project, apiRef) : undefined), [open, project, apiRef]);
  const lines = refs ? referenceLines(refs) : [];
  return (
    <ConfirmDialog
      open={open}
      title={`Delete API ${apiRef.api}?`}
      confirmLabel={lines.length ? `Delete the API and ${lines.length === 1 ? 'this reference' : `these ${lines.length} references`}` : 'Delete the API'}
      destructive
      onClose={onClose}
      onConfirm={() => {
        edit(`Delete API ${apiRef.api}`, (p) => deleteApi(p, apiRef));
        onClose();
        select(undefined);
        notify(`Deleted API ${apiRef.api}. Undo brings it back until you save.`, 'info');
      }}
    >
      <Typography variant="body2" sx={{ mb: 1 }}>
        API <strong>{apiRef.api}</strong> of group {apiRef.group} will be removed from the design.
      </Typography>
      {refs && hasReferences(refs) ? (
        <>
          <Typography variant="body2">These reference it and will be removed too, so nothing points at a missing API:</Typography>
          <ul aria-label="References that will be removed">
            {lines.map((line) => (
              <li key={line}>
                <Typography variant="body2">{line}</Typography>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Typography variant="body2">Nothing else references it.</Typography>
      )}
    </ConfirmDialog>
  );
}
