/** The log of past syncs: what ran, against which cloud, how it ended. */
import { useEffect } from 'react';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { EmptyState } from '../../components/empty-state';
import { useCloudStore } from '../../data/cloud-store';

const STATE_COLORS = { done: 'success', failed: 'error', cancelled: 'warning' } as const;

export function HistoryTab() {
  const log = useCloudStore((s) => s.log);
  const loadLog = useCloudStore((s) => s.loadLog);
  useEffect(() => {
    void loadLog();
  }, [loadLog]);
  if (log.length === 0) return <EmptyState title="No syncs yet">Applies, deploys and rollbacks run from this screen are listed here.</EmptyState>;
  return (
    <Paper variant="outlined">
      <Table size="small" aria-label="Sync log">
        <TableHead>
          <TableRow>
            <TableCell>When</TableCell>
            <TableCell>What</TableCell>
            <TableCell>Cloud</TableCell>
            <TableCell>Steps</TableCell>
            <TableCell>Result</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {log.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{new Date(entry.startedAt).toLocaleString()}</TableCell>
              <TableCell>
                {entry.title}
                <Typography variant="caption" component="div" sx={{ color: 'text.secondary', wordBreak: 'break-all' }}>
                  {entry.project}
                </Typography>
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{entry.profileKey}</TableCell>
              <TableCell>
                {entry.done} of {entry.total}
              </TableCell>
              <TableCell>
                <Chip size="small" label={entry.state} color={STATE_COLORS[entry.state]} />
                {entry.failure && (
                  <Typography variant="caption" component="div" sx={{ mt: 0.5 }}>
                    {entry.failure.code}: {entry.failure.message}
                    {entry.failure.requestId && ` (request ${entry.failure.requestId})`}
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
