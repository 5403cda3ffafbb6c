/**
 * The answer of a connection test: green with the host's sentence; red with the cloud's own code,
 * message and request id (what a support ticket needs); amber when the keys work but the region
 * is not one the cloud offers.
 */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import type { ConnectionTestResult } from '../../../shared/ipc/cloud-views';
import { MONO } from '../../app/theme';
import { failureAdvice } from './cloud-labels';

export function ConnectionTestAlert({ result, label = 'Connection test', onClose }: { result: ConnectionTestResult; label?: string; onClose?: () => void }) {
  if (result.ok) {
    return (
      <Alert severity="success" aria-label={label} onClose={onClose}>
        {result.message}
      </Alert>
    );
  }
  const failure = result.failure;
  if (!failure) {
    return (
      <Alert severity={result.regions ? 'warning' : 'error'} aria-label={label} onClose={onClose}>
        {result.message}
      </Alert>
    );
  }
  const advice = failureAdvice(result);
  return (
    <Alert severity="error" aria-label={label} onClose={onClose} sx={{ '& .MuiAlert-message': { minWidth: 0, flex: 1 } }}>
      <AlertTitle>Could not connect: {failure.code}</AlertTitle>
      {advice && <Box sx={{ mb: 1 }}>{advice}</Box>}
      <Box sx={{ fontSize: '0.75rem', mb: 0.25 }}>The cloud's answer{failure.action ? ` to ${failure.action}` : ''}:</Box>
      <Box
        component="pre"
        sx={{ m: 0, p: 1, maxHeight: 112, overflow: 'auto', fontFamily: MONO, fontSize: '0.72rem', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', bgcolor: 'action.hover', borderRadius: 1 }}
      >
        {failure.message}
      </Box>
      {failure.requestId && (
        <Box sx={{ mt: 0.75, fontSize: '0.75rem' }}>
          Request id{' '}
          <Box component="span" sx={{ fontFamily: MONO, userSelect: 'all' }}>
            {failure.requestId}
          </Box>
        </Box>
      )}
    </Alert>
  );
}
