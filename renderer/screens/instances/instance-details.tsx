/**
 * One dedicated gateway: what it is (spec and its limits, network, outbound address, maintenance
 * window, bound groups), what may be changed (what ModifyInstanceAttribute and ModifyInstanceSpec
 * take, checked by the same rules as a purchase), and deleting it with a typed confirmation that
 * lists the groups bound to it. It has no EIP or bandwidth to show or change: Internet access is
 * each API group's setting (docs/gateways.md). Values are shown in the wizard's words: the VPC,
 * subnets and security group by name (ids beside them), billing as "Pay-as-you-go" with its price
 * estimate (docs/gateways.md, "Prices (an estimate)"), times in the reader's zone.
 */
import { useEffect, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ArrowBack from '@mui/icons-material/ArrowBack';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import type { ReactNode } from 'react';
import type { InstanceView } from '../../../shared/ipc/instance-views';
import { DEFAULT_MAINTENANCE_WINDOW, type InstanceChange, SPEC_IDS, blockersOf, checkModify, editionOfSpec, estimatePrice, estimateText, formatCount, specById } from '../../../shared/purchase';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { PageHeader } from '../../components/page-header';
import { toHostError } from '../../data/host-error';
import { useInstancesStore } from '../../data/instances-store';
import { useUiStore } from '../../data/ui-store';
import { FindingsList } from './findings-list';
import { chargeTypeLabel, instanceTimeLabel, securityGroupName, vSwitchName, vpcName } from './instance-facts';
import { StatusChip } from './status-chip';
import { UtcTimeField } from './utc-time-field';

/** A name with its id after it, quieter: how the wizard showed the same thing. */
function Named({ name, id }: { name: string | undefined; id: string }) {
  if (!id) return <>—</>;
  return (
    <>
      {name ?? id}
      {name && (
        <Box component="span" sx={{ color: 'text.secondary', fontFamily: 'monospace', fontSize: 12, ml: 1, whiteSpace: 'nowrap' }}>
          {id}
        </Box>
      )}
    </>
  );
}

export function InstanceDetails({ instance, onBack }: { instance: InstanceView; onBack: () => void }) {
  const remove = useInstancesStore((s) => s.remove);
  const context = useInstancesStore((s) => s.context);
  const loadContext = useInstancesStore((s) => s.loadContext);
  const notify = useUiStore((s) => s.notify);
  // Names of the VPC, subnets and security group come from the region's lists.
  useEffect(() => {
    if (!context) void loadContext();
  }, [context, loadContext]);
  const [modifying, setModifying] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const spec = specById(instance.spec);
  const running = instance.status === 'RUNNING';
  const billing = chargeTypeLabel(instance.chargeType);
  const hourly = instance.chargeType === 'PayAsYouGo' || instance.chargeType === 'PostPaid' ? estimatePrice(instance.region, instance.spec, { kind: 'payAsYouGo' }) : undefined;
  const subnets = Object.entries(instance.subnets).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  const rows: [string, ReactNode][] = [
    ['Instance id', <Box component="span" sx={{ fontFamily: 'monospace' }}>{instance.instanceId}</Box>],
    ['Edition and spec', `${editionOfSpec(instance.spec)?.label ?? '?'} · ${instance.spec}`],
    ...(spec
      ? ([
          ['Limits', `${formatCount(spec.maxRps)} requests/s, ${formatCount(spec.maxConnections)} connections, outbound up to ${spec.maxOutboundBandwidthMbps} Mbit/s`],
          ['SLA', spec.sla],
        ] as [string, ReactNode][])
      : []),
    ['Description', instance.description ?? '—'],
    ['VPC', <Named name={vpcName(context, instance.vpcId)} id={instance.vpcId} />],
    [
      'Subnets',
      subnets.length === 0
        ? '—'
        : subnets.map(([zone, vSwitch]) => (
            <Box key={zone}>
              {zone}: <Named name={vSwitchName(context, vSwitch)} id={vSwitch} />
            </Box>
          )),
    ],
    ['Security group', <Named name={securityGroupName(context, instance.securityGroupId)} id={instance.securityGroupId} />],
    ['Internet access', 'Set per API group (Groups → Internet access), not on the gateway'],
    ['Outbound public address', instance.internetEgressAddress ?? '—'],
    ['Maintenance window', instance.maintenance ? `${instance.maintenance.start.replace('Z', '')} to ${instance.maintenance.end.replace('Z', '')} UTC` : '—'],
    ['Billing', hourly?.known ? `${billing}, ${estimateText(hourly)} (estimate)` : billing],
    ['Created', <span title={instance.createdTime ? `${instance.createdTime} as the cloud reports it, read as UTC` : undefined}>{instanceTimeLabel(instance.createdTime)}</span>],
  ];
  return (
    <>
      <PageHeader
        before={
          <Button size="small" startIcon={<ArrowBack />} onClick={onBack} sx={{ mb: 1 }}>
            All gateways
          </Button>
        }
        title={instance.name}
        subtitle={<StatusChip status={instance.status} />}
        actions={
          <>
            <Button startIcon={<EditOutlined />} onClick={() => setModifying(true)} disabled={!running}>
              Change…
            </Button>
            <Button color="error" startIcon={<DeleteOutline />} onClick={() => setDeleting(true)} disabled={instance.status === 'DELETING'}>
              Delete…
            </Button>
          </>
        }
      />
      <Stack spacing={2} sx={{ px: 3, pb: 3, maxWidth: 980 }}>
        {!running && <Alert severity="info">Changes wait until the gateway is RUNNING (it is {instance.status ?? 'in an unknown state'}).</Alert>}
        <Paper variant="outlined">
          <Table size="small" aria-label="Gateway details">
            <TableBody>
              {rows.map(([label, value]) => (
                <TableRow key={label}>
                  <TableCell component="th" scope="row" sx={{ width: 220 }}>
                    {label}
                  </TableCell>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>{value}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
        <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Bound API groups">
          <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
            API groups on this gateway
          </Typography>
          {instance.groups.length === 0 ? (
            <Typography variant="body2">None.</Typography>
          ) : (
            instance.groups.map((group) => (
              <Typography key={group.id} variant="body2">
                {group.name} <Box component="span" sx={{ color: 'text.secondary', fontFamily: 'monospace' }}>{group.id}</Box>
              </Typography>
            ))
          )}
        </Paper>
      </Stack>
      {modifying && <ModifyDialog instance={instance} onClose={() => setModifying(false)} />}
      <ConfirmDialog
        open={deleting}
        title={`Delete ${instance.name}?`}
        confirmLabel="Delete the gateway"
        destructive
        typedConfirmation={instance.name}
        onClose={() => setDeleting(false)}
        onConfirm={() => {
          setDeleting(false);
          remove(instance.instanceId, instance.name).then(
            () => {
              notify(`Deleting ${instance.name}: its subnets get their IPs back once it is gone.`, 'info');
              onBack();
            },
            (error: unknown) => notify(`${instance.name} was not deleted: ${toHostError(error).message}`, 'error'),
          );
        }}
      >
        {instance.groups.length > 0 ? (
          <Alert severity="warning" sx={{ mb: 1.5 }} aria-label="Bound groups warning">
            {instance.groups.length} API group{instance.groups.length === 1 ? ' is' : 's are'} bound to this gateway: {instance.groups.map((group) => group.name).join(', ')}. The cloud refuses to delete it until they are moved or deleted, and
            their callers would stop being answered.
          </Alert>
        ) : null}
        <Typography variant="body2" sx={{ mb: 1 }}>
          The gateway stops answering and its billing ends; this cannot be undone. Type its name to confirm.
        </Typography>
      </ConfirmDialog>
    </>
  );
}

/** What may change: name, description, maintenance window, spec (ModifyInstanceAttribute, ModifyInstanceSpec). */
function ModifyDialog({ instance, onClose }: { instance: InstanceView; onClose: () => void }) {
  const context = useInstancesStore((s) => s.context);
  const loadContext = useInstancesStore((s) => s.loadContext);
  const modify = useInstancesStore((s) => s.modify);
  const notify = useUiStore((s) => s.notify);
  const [change, setChange] = useState<InstanceChange>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [token] = useState(() => crypto.randomUUID());
  // Free IPs change: check the change against the region as it is now.
  useEffect(() => {
    void loadContext();
  }, [loadContext]);
  const findings = useMemo(() => (context ? checkModify(instance, change, context) : []), [instance, change, context]);
  const blocked = blockersOf(findings).length > 0 || Object.keys(change).length === 0;
  const set = (patch: InstanceChange) => setChange((current) => ({ ...current, ...patch }));
  const window = change.maintenance ?? instance.maintenance ?? DEFAULT_MAINTENANCE_WINDOW;
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="modify-title">
      <DialogTitle id="modify-title">Change {instance.name}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField label="Name" value={change.name ?? instance.name} onChange={(e) => set({ name: e.target.value })} />
          <TextField label="Description" value={change.description ?? instance.description ?? ''} onChange={(e) => set({ description: e.target.value })} />
          <Stack direction="row" spacing={2}>
            <UtcTimeField label="Maintenance starts (UTC)" value={window.start} onChange={(start) => set({ maintenance: { ...window, start } })} width={260} />
            <UtcTimeField label="Maintenance ends (UTC)" value={window.end} onChange={(end) => set({ maintenance: { ...window, end } })} width={260} />
          </Stack>
          <TextField select label="Spec" value={change.spec ?? instance.spec} onChange={(e) => set({ spec: e.target.value })} helperText="A larger spec needs more free IPs in each subnet; a smaller one lowers the limits.">
            {SPEC_IDS.map((id) => (
              <MenuItem key={id} value={id}>
                {editionOfSpec(id)?.label} · {id}
              </MenuItem>
            ))}
          </TextField>
          <FindingsList findings={findings} label="Findings of the change" />
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={blocked || saving}
          onClick={() => {
            setSaving(true);
            setError(undefined);
            modify(instance.instanceId, change, token).then(
              () => {
                notify(`Changed ${instance.name}.`, 'success');
                onClose();
              },
              (failure: unknown) => {
                setSaving(false);
                setError(toHostError(failure).message);
              },
            );
          }}
        >
          {saving ? 'Saving…' : 'Save changes'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
