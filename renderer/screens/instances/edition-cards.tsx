/**
 * The four editions as cards: the specs behind each, their limits (a range for an edition of
 * several specs, such as Platinum's five), the free IPs it takes per subnet, and what its
 * smallest spec costs in the region (an estimate: docs/gateways.md, "Prices (an estimate)").
 */
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { EDITIONS, EDITION_IDS, type Edition, type EditionId, INSTANCE_SPECS, type InstanceSpec, formatCount, formatUsd, specPrice } from '../../../shared/purchase';

/** `20,000` for one spec, `20,000 to 60,000` across an edition's specs. */
export function editionRange(edition: Edition, pick: (spec: InstanceSpec) => number): string {
  const values = edition.specs.map((id) => pick(INSTANCE_SPECS[id]));
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? formatCount(low) : `${formatCount(low)} to ${formatCount(high)}`;
}

/** "from about US$0.87 an hour in cn-hangzhou", or that no price is recorded. */
export function editionPriceText(edition: Edition, region: string): string {
  const listed = edition.specs.map((id) => specPrice(region, id)?.price.perHour).filter((value): value is number => value !== undefined);
  if (listed.length === 0) return `No published price in ${region}`;
  const lowest = Math.min(...listed);
  return `${edition.specs.length > 1 ? 'From about' : 'About'} ${formatUsd(lowest)} an hour in ${region}`;
}

export function EditionCards({ value, region, onChange }: { value: EditionId | undefined; region: string; onChange: (edition: EditionId) => void }) {
  return (
    // Four across where there is room for them (1200 px and wider), two by two below: cards never squeeze their numbers.
    <Box role="radiogroup" aria-label="Edition" sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(4, 1fr)' } }}>
      {EDITION_IDS.map((id) => {
        const edition = EDITIONS[id];
        const selected = value === id;
        const several = edition.specs.length > 1;
        return (
          <Card key={id} variant="outlined" sx={{ minWidth: 0, borderColor: selected ? 'primary.main' : undefined, borderWidth: selected ? 2 : 1 }}>
            <CardActionArea role="radio" aria-checked={selected} aria-label={edition.label} onClick={() => onChange(id)} sx={{ height: '100%', alignItems: 'flex-start', display: 'flex' }}>
              <CardContent sx={{ width: '100%' }}>
                <Typography variant="h3" component="div">
                  {edition.label}
                </Typography>
                <Typography variant="caption" component="div" sx={{ fontFamily: 'monospace', color: 'text.secondary', mb: 1, overflowWrap: 'anywhere' }}>
                  {several ? `${edition.specs[0]}–${edition.specs[edition.specs.length - 1].split('.').pop()}` : edition.specs[0]}
                </Typography>
                <Typography variant="body2">{editionRange(edition, (spec) => spec.maxRps)} requests/s</Typography>
                <Typography variant="body2">{editionRange(edition, (spec) => spec.maxConnections)} connections</Typography>
                <Typography variant="body2">Outbound up to {editionRange(edition, (spec) => spec.maxOutboundBandwidthMbps)} Mbit/s</Typography>
                <Typography variant="body2">SLA {INSTANCE_SPECS[edition.specs[0]].sla}{several ? ` · ${edition.specs.length} sizes` : ''}</Typography>
                <Typography variant="body2" sx={{ mt: 1, fontWeight: 600 }}>
                  Needs {edition.ipsPerSubnet} free IPs in each subnet
                </Typography>
                <Typography variant="caption" component="div" sx={{ mt: 0.5, color: 'text.secondary' }}>
                  {editionPriceText(edition, region)} (estimate)
                </Typography>
              </CardContent>
            </CardActionArea>
          </Card>
        );
      })}
    </Box>
  );
}
