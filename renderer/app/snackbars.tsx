/** Shows the ui-store's notices one at a time; errors stay until closed. */
import { useEffect } from 'react';
import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useProjectStore } from '../data/project-store';
import { useUiStore } from '../data/ui-store';

export function Snackbars() {
  const notice = useUiStore((s) => s.notices[0]);
  const dismiss = useUiStore((s) => s.dismiss);
  const notify = useUiStore((s) => s.notify);
  // What the project's files said as the host opened or saved them (an older file split into
  // design and state, state that disagrees with the design): once per answer from the host.
  const file = useProjectStore((s) => s.file);
  useEffect(() => {
    for (const text of file?.notices ?? []) notify(text, 'info');
  }, [file, notify]);
  if (!notice) return null;
  const close = () => dismiss(notice.id);
  return (
    <Snackbar
      key={notice.id}
      open
      autoHideDuration={notice.severity === 'error' ? null : 5000}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') close();
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      sx={{ bottom: { xs: 40, sm: 40 } }}
    >
      <Alert severity={notice.severity} variant="filled" onClose={close} sx={{ maxWidth: 640 }}>
        {notice.message}
      </Alert>
    </Snackbar>
  );
}
