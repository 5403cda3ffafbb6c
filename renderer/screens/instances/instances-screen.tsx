/**
 * The Gateways area: the region's dedicated instances (of the cloud in force), purchases on
 * their way, one instance's details with what may be changed, and the purchase wizard.
 */
import { useEffect } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import AddCircleOutline from '@mui/icons-material/AddCircleOutlineOutlined';
import Refresh from '@mui/icons-material/Refresh';
import type { InstanceView, PurchaseProgress } from '../../../shared/ipc/instance-views';
import { editionOfSpec } from '../../../shared/purchase';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { useCloudStore } from '../../data/cloud-store';
import { useInstancesStore } from '../../data/instances-store';
import { toHostError } from '../../data/host-error';
import { useUiStore } from '../../data/ui-store';
import { InstanceDetails } from './instance-details';
import { PurchaseWizardLoader } from './purchase-wizard';
import { StatusChip } from './status-chip';

type Mode = { kind: 'list' } | { kind: 'buy' } | { kind: 'details'; instanceId: string };

export function InstancesScreen() {
  const view = useInstancesStore((s) => s.view);
  const loading = useInstancesStore((s) => s.loading);
  const error = useInstancesStore((s) => s.error);
  const load = useInstancesStore((s) => s.load);
  const connection = useCloudStore((s) => s.connection);
  // The wizard and a gateway's details are part of the address (#/instances/buy, #/instances/<id>).
  const selection = useUiStore((s) => s.selection);
  const select = useUiStore((s) => s.select);
  const mode: Mode = selection?.kind === 'purchase' ? { kind: 'buy' } : selection?.kind === 'instance' ? { kind: 'details', instanceId: selection.instanceId } : { kind: 'list' };
  const setMode = (next: Mode) =>
    select(next.kind === 'buy' ? { kind: 'purchase' } : next.kind === 'details' ? { kind: 'instance', instanceId: next.instanceId } : undefined);

  useEffect(() => {
    void load();
  }, [load]);

  if (mode.kind === 'buy') {
    return (
      <Box component="section" aria-label="Gateways">
        <PageHeader title="Buy a dedicated gateway" subtitle="Every check runs as you choose; nothing is bought before you press Buy on the review." />
        <Box sx={{ px: 3, pb: 3 }}>
          <PurchaseWizardLoader onClose={() => setMode({ kind: 'list' })} onBought={() => setMode({ kind: 'list' })} />
        </Box>
      </Box>
    );
  }
  const selected = mode.kind === 'details' ? view?.instances.find((instance) => instance.instanceId === mode.instanceId) : undefined;
  if (mode.kind === 'details' && selected) {
    return (
      <Box component="section" aria-label="Gateways">
        <InstanceDetails instance={selected} onBack={() => setMode({ kind: 'list' })} />
      </Box>
    );
  }

  const quotaFull = view !== undefined && view.quota.used >= view.quota.limit;
  const where = connection ? (connection.mode === 'demo' ? 'the offline cloud (demo)' : `profile ${connection.label}`) : 'the cloud';
  return (
    <Box component="section" aria-label="Gateways">
      <PageHeader
        title="Gateways"
        subtitle={view ? `Dedicated gateways in ${view.region}, in ${where}: ${view.quota.used} of ${view.quota.limit} allowed.` : `Dedicated gateways in ${where}.`}
        actions={
          <>
            <Button startIcon={loading ? <CircularProgress size={16} /> : <Refresh />} onClick={() => void load()} disabled={loading}>
              Refresh
            </Button>
            <Button variant="contained" startIcon={<AddCircleOutline />} onClick={() => setMode({ kind: 'buy' })}>
              Buy a gateway
            </Button>
          </>
        }
      />
      <Stack spacing={2} sx={{ px: 3, pb: 3 }}>
        {error && <Alert severity="error">Could not read the gateways: {error}</Alert>}
        {quotaFull && (
          <Alert severity="warning">
            This region has {view.quota.used} dedicated gateways, the most an account may have ({view.quota.limit}). Delete one, or ask Alibaba Cloud for a higher quota, before buying another.
          </Alert>
        )}
        {view && view.purchases.length > 0 && <Purchases purchases={view.purchases} />}
        {view && view.instances.length === 0 && <EmptyState title="No gateways in this region yet">Buy a dedicated gateway to serve API groups with their own capacity, network and SLA.</EmptyState>}
        {view && view.instances.length > 0 && <InstanceTable instances={view.instances} onOpen={(instanceId) => setMode({ kind: 'details', instanceId })} />}
      </Stack>
    </Box>
  );
}

function Purchases({ purchases }: { purchases: PurchaseProgress[] }) {
  const retryPurchase = useInstancesStore((s) => s.retryPurchase);
  const notify = useUiStore((s) => s.notify);
  const lookAgain = (purchase: PurchaseProgress) =>
    retryPurchase(purchase.token).catch((error: unknown) => notify(`Could not look at ${purchase.name} again: ${toHostError(error).message}`, 'error'));
  return (
    <Paper variant="outlined" component="section" aria-label="Purchases" sx={{ p: 2 }}>
      <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
        Purchases
      </Typography>
      <Stack spacing={1.5}>
        {purchases.map((purchase) => (
          <Box key={purchase.token} aria-label={`Purchase of ${purchase.name}`}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {purchase.name}
              </Typography>
              {purchase.instanceId && (
                <Typography variant="caption" sx={{ fontFamily: 'monospace', color: 'text.secondary' }}>
                  {purchase.instanceId}
                </Typography>
              )}
              <Chip size="small" label={PURCHASE_STATES[purchase.state].label} color={PURCHASE_STATES[purchase.state].color} />
              {purchase.canRetry && (
                <Button size="small" variant="outlined" onClick={() => void lookAgain(purchase)} title="Sends the recorded purchase again with its own token: the cloud answers with the same gateway if it bought one">
                  Look again
                </Button>
              )}
            </Stack>
            {purchase.state !== 'running' && purchase.state !== 'failed' && <LinearProgress sx={{ my: 0.5 }} aria-label={`Progress of ${purchase.name}`} />}
            <Typography variant="body2" sx={{ color: purchase.state === 'failed' ? 'error.main' : 'text.secondary' }}>
              {purchase.message}
              {purchase.failure && ` ${purchase.failure.code}: ${purchase.failure.message}${purchase.failure.requestId ? ` (request ${purchase.failure.requestId})` : ''}`}
            </Typography>
          </Box>
        ))}
      </Stack>
    </Paper>
  );
}

const PURCHASE_STATES: Record<PurchaseProgress['state'], { label: string; color: 'default' | 'info' | 'success' | 'error' }> = {
  submitting: { label: 'Submitting', color: 'info' },
  creating: { label: 'Creating', color: 'info' },
  configuring: { label: 'Setting the maintenance window', color: 'info' },
  running: { label: 'Running', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
};

function InstanceTable({ instances, onOpen }: { instances: InstanceView[]; onOpen: (instanceId: string) => void }) {
  return (
    <Paper variant="outlined">
      <Table size="small" aria-label="Gateways">
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Edition</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Zones</TableCell>
            <TableCell>Groups</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {instances.map((instance) => {
            const shared = instance.instanceType !== 'VPC_DEDICATED';
            return (
              <TableRow key={instance.instanceId} hover aria-label={instance.name}>
                <TableCell>
                  {shared ? (
                    <Typography variant="body2">{instance.name}</Typography>
                  ) : (
                    <Button size="small" onClick={() => onOpen(instance.instanceId)} sx={{ p: 0, minWidth: 0, textTransform: 'none', fontWeight: 600 }}>
                      {instance.name}
                    </Button>
                  )}
                  <Typography variant="caption" component="div" sx={{ fontFamily: 'monospace', color: 'text.secondary' }}>
                    {instance.instanceId}
                  </Typography>
                </TableCell>
                <TableCell>{shared ? 'Shared (not changeable)' : `${editionOfSpec(instance.spec)?.label ?? '?'} · ${instance.spec}`}</TableCell>
                <TableCell>
                  <StatusChip status={instance.status} />
                </TableCell>
                <TableCell>{Object.keys(instance.subnets).join(', ') || '—'}</TableCell>
                <TableCell>{instance.groups.length}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Paper>
  );
}
