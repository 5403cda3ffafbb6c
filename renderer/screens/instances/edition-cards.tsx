/** The four editions as cards: the spec behind each, its limits, and the free IPs it takes per subnet. */
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { EDITIONS, EDITION_IDS, type EditionId, INSTANCE_SPECS, formatCount } from '../../../shared/purchase';

export function EditionCards({ value, onChange }: { value: EditionId | undefined; onChange: (edition: EditionId) => void }) {
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} role="radiogroup" aria-label="Edition">
      {EDITION_IDS.map((id) => {
        const edition = EDITIONS[id];
        const spec = INSTANCE_SPECS[edition.specs[0]];
        const selected = value === id;
        return (
          <Card key={id} variant="outlined" sx={{ flex: 1, borderColor: selected ? 'primary.main' : undefined, borderWidth: selected ? 2 : 1 }}>
            <CardActionArea role="radio" aria-checked={selected} aria-label={edition.label} onClick={() => onChange(id)} sx={{ height: '100%' }}>
              <CardContent>
                <Typography variant="h3" component="div">
                  {edition.label}
                </Typography>
                <Typography variant="caption" component="div" sx={{ fontFamily: 'monospace', color: 'text.secondary', mb: 1 }}>
                  {edition.specs.join(', ')}
                </Typography>
                <Typography variant="body2">{formatCount(spec.maxRps)} requests/s</Typography>
                <Typography variant="body2">{formatCount(spec.maxConnections)} connections</Typography>
                <Typography variant="body2">Outbound up to {spec.maxOutboundBandwidthMbps} Mbit/s</Typography>
                <Typography variant="body2">SLA {spec.sla}</Typography>
                <Typography variant="body2" sx={{ mt: 1, fontWeight: 600 }}>
                  Needs {edition.ipsPerSubnet} free IPs in each subnet
                </Typography>
              </CardContent>
            </CardActionArea>
          </Card>
        );
      })}
    </Stack>
  );
}
