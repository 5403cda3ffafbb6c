/** Shows the ui-store's notices one at a time; errors stay until closed. */
import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useUiStore } from '../data/ui-store';

export function Snackbars() {
  const notice = useUiStore((s) => s.notices[0]);
  const dismiss = useUiStore((s) => s.dismiss);
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
