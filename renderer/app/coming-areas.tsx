/**
 * The areas whose host services arrive with later work: each page says what will be there and
 * what to use today. No sample data: nothing here pretends to run.
 */
import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { PageHeader } from '../components/page-header';

function ComingArea({ title, summary, today, children }: { title: string; summary: string; today: ReactNode; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      <PageHeader title={title} subtitle={summary} />
      <Box sx={{ px: 3, pb: 3, maxWidth: 820 }}>
        <Alert severity="info" sx={{ mb: 2 }}>
          Not in this version yet. {today}
        </Alert>
        <Paper variant="outlined" sx={{ p: 2.5 }}>
          <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
            What will be here
          </Typography>
          <Typography variant="body2" component="div" sx={{ '& li': { mb: 0.5 } }}>
            {children}
          </Typography>
        </Paper>
      </Box>
    </Box>
  );
}

export function GatewaysPage() {
  return (
    <ComingArea
      title="Gateways"
      summary="Buy and manage dedicated gateway instances."
      today={<>Today, buy dedicated instances in the Alibaba Cloud console; nothing here creates or bills anything.</>}
    >
      <ul>
        <li>A purchase wizard that checks each rule live: edition and the free private IPs it needs, zones, VPC subnet, security group, EIP, quota.</li>
        <li>Submission with an idempotency token, so a retry never buys twice; progress as the instance comes up.</li>
        <li>Change or delete an instance, with the consequences spelled out first.</li>
      </ul>
    </ComingArea>
  );
}
