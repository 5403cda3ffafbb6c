/**
 * The sync job running now, or the last one, where the user started it (Sync or Stages tab):
 * its progress, cancel, and retry (asking for the typed confirmation when the retry deletes).
 */
import { useState } from 'react';
import Typography from '@mui/material/Typography';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { jobOfConnection, useCloudStore } from '../../data/cloud-store';
import { useProjectStore } from '../../data/project-store';
import { JobPanel } from './job-panel';

export function CurrentJob() {
  const job = useCloudStore((s) => jobOfConnection(s.job, s.connection));
  const cancel = useCloudStore((s) => s.cancel);
  const retry = useCloudStore((s) => s.retry);
  const projectName = useProjectStore((s) => s.working?.name ?? '');
  const [hidden, setHidden] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  if (!job || job.id === hidden) return null;
  return (
    <>
      <JobPanel key={job.id} job={job} onCancel={() => void cancel()} onRetry={() => (job.retry?.prune ? setConfirming(true) : void retry())} onDismiss={() => setHidden(job.id)} />
      <ConfirmDialog
        open={confirming}
        title="Retry, deleting in the cloud?"
        confirmLabel="Retry and delete"
        destructive
        typedConfirmation={projectName}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void retry(projectName);
        }}
      >
        <Typography variant="body2" sx={{ mb: 1 }}>
          The retry plans again with deletions on: objects the design dropped are deleted in the cloud, and cannot be brought back by undo. Type the project&apos;s name to confirm.
        </Typography>
      </ConfirmDialog>
    </>
  );
}
