/** An instance's status as DescribeInstances gives it (RUNNING, CREATING, MODIFYING, DELETING…), with a spinner while it changes. */
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';

export function StatusChip({ status }: { status?: string }) {
  const color = status === 'RUNNING' ? 'success' : status === 'DELETING' ? 'error' : 'info';
  return <Chip size="small" label={status ?? 'unknown'} color={color} icon={status && status !== 'RUNNING' ? <CircularProgress size={12} color="inherit" /> : undefined} />;
}
