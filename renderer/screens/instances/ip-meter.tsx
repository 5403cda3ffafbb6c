/** A subnet's free private IPs against what the edition takes from it: red when too few. */
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';

export function IpMeter({ free, needed, label }: { free: number; needed: number; label: string }) {
  const enough = free >= needed;
  // The bar fills with the need, against the free IPs (capped): full and red when it does not fit.
  const value = free === 0 ? 100 : Math.min(100, Math.round((needed / free) * 100));
  return (
    <Box aria-label={label} role="meter" aria-valuemin={0} aria-valuemax={free} aria-valuenow={needed} data-enough={enough} sx={{ minWidth: 220 }}>
      <LinearProgress variant="determinate" value={enough ? value : 100} color={enough ? 'success' : 'error'} sx={{ height: 8, borderRadius: 4 }} />
      <Typography variant="caption" sx={{ color: enough ? 'text.secondary' : 'error.main', fontWeight: enough ? 400 : 600 }}>
        {enough ? `${free} free IPs; the gateway takes ${needed}` : `Only ${free} free IP${free === 1 ? '' : 's'}; the gateway needs ${needed}`}
      </Typography>
    </Box>
  );
}
