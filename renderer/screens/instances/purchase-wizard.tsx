/**
 * Buying a dedicated gateway: region and zones, name, edition, billing, network, maintenance
 * window, and a review that shows the price estimate and lists exactly the parameters the
 * purchase sends (CreateInstance, then ModifyInstanceAttribute for the window) with every
 * finding. The rules (shared/purchase) run on each change against what the region offers, so each
 * check shows as it changes (blockers once the buyer has worked on a step); the host runs them
 * again before it buys. Buy asks for confirmation with the estimate and the account billed
 * (docs/gateways.md, "Prices (an estimate)"). One token per wizard, kept in a disclosure:
 * pressing Buy again after a failure never buys a second gateway. There is no EIP or bandwidth
 * to choose: Alibaba Cloud's instances have none, and Internet access is each API group's
 * setting (docs/gateways.md).
 */
import { useEffect, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepButton from '@mui/material/StepButton';
import Stepper from '@mui/material/Stepper';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  DEFAULT_HTTPS_POLICY,
  DEFAULT_MAINTENANCE_WINDOW,
  EDITIONS,
  HTTPS_POLICIES,
  INSTANCE_SPECS,
  type PurchaseContext,
  type PurchaseRequest,
  PRICE_SOURCE,
  type PriceEstimate,
  WEB_PORTS,
  blockersOf,
  checkPurchase,
  chosenSpec,
  createInstanceParams,
  estimatePrice,
  estimateText,
  formatCount,
  formatUsd,
  internetAccess,
  maintenanceParams,
  ruleText,
  specLabel,
  wireForm,
} from '../../../shared/purchase';
import type { CloudConnectionView } from '../../../shared/ipc/cloud-views';
import { useCloudStore } from '../../data/cloud-store';
import { toHostError } from '../../data/host-error';
import { useInstancesStore } from '../../data/instances-store';
import { EditionCards } from './edition-cards';
import { FindingsList } from './findings-list';
import { IpMeter } from './ip-meter';
import { UtcTimeField } from './utc-time-field';
import {
  NO_PROGRESS,
  WIZARD_STEPS,
  type WizardProgress,
  type WizardStepId,
  initialRequest,
  neededIps,
  shownFindings,
  sortedZones,
  stepNeedsAttention,
  subnetsOf,
  withEdition,
  withVpc,
  withZones,
  zoneHint,
  zoneRoom,
} from './wizard-steps';

type Edit = (recipe: (request: PurchaseRequest) => PurchaseRequest) => void;

export function PurchaseWizard({ context, onClose, onBought }: { context: PurchaseContext; onClose: () => void; onBought: () => void }) {
  const buy = useInstancesStore((s) => s.buy);
  const connection = useCloudStore((s) => s.connection);
  const loadConnection = useCloudStore((s) => s.loadConnection);
  const [request, setRequest] = useState<PurchaseRequest>(() => initialRequest(context));
  const [stepId, setStepId] = useState<WizardStepId>('basics');
  const [progress, setProgress] = useState<WizardProgress>(NO_PROGRESS);
  const [confirming, setConfirming] = useState(false);
  // One purchase, one token: a Buy pressed again after a lost answer gets the same gateway back.
  const [token] = useState(() => crypto.randomUUID());
  const [buying, setBuying] = useState(false);
  const [buyError, setBuyError] = useState<string>();
  const findings = useMemo(() => checkPurchase(request, context), [request, context]);
  const estimate = useMemo(() => estimatePrice(context.region, chosenSpec(request, [])?.id, request.billing), [context.region, request]);
  const index = WIZARD_STEPS.findIndex((step) => step.id === stepId);
  const step = WIZARD_STEPS[index];
  const blockers = blockersOf(findings);
  // The confirmation names the account billed: what the connection in force knows of it.
  useEffect(() => {
    if (!connection) void loadConnection();
  }, [connection, loadConnection]);
  const edit: Edit = (recipe) => {
    setRequest((current) => recipe(current));
    setProgress((current) => (current.edited.has(stepId) ? current : { ...current, edited: new Set([...current.edited, stepId]) }));
  };
  const goTo = (next: WizardStepId) => {
    setProgress((current) => ({ ...current, left: new Set([...current.left, stepId]) }));
    setStepId(next);
  };

  const submit = async () => {
    setConfirming(false);
    setBuying(true);
    setBuyError(undefined);
    try {
      await buy(request, token);
      onBought();
    } catch (error) {
      const failure = toHostError(error);
      setBuyError(failure.message);
      // The host checked against the region as it is now: check against that too.
      if (failure.code === 'BLOCKED') void useInstancesStore.getState().loadContext();
    } finally {
      setBuying(false);
    }
  };

  return (
    <Box component="section" aria-label="Buy a gateway">
      <Stepper nonLinear activeStep={index} sx={{ mb: 3 }}>
        {WIZARD_STEPS.map((candidate) => {
          const blocked = stepNeedsAttention(candidate, findings, progress);
          return (
            <Step key={candidate.id} completed={false}>
              <StepButton onClick={() => goTo(candidate.id)} aria-label={`${candidate.label}${blocked ? ' (needs attention)' : ''}`} optional={blocked ? <Typography variant="caption" color="error">Needs attention</Typography> : undefined}>
                {candidate.label}
              </StepButton>
            </Step>
          );
        })}
      </Stepper>
      <Paper variant="outlined" sx={{ p: 3, mb: 2 }}>
        {stepId === 'basics' && <BasicsStep request={request} context={context} edit={edit} />}
        {stepId === 'edition' && <EditionStep request={request} context={context} edit={edit} />}
        {stepId === 'billing' && <BillingStep request={request} edit={edit} />}
        {stepId === 'network' && <NetworkStep request={request} context={context} edit={edit} />}
        {stepId === 'maintenance' && <MaintenanceStep request={request} edit={edit} />}
        {stepId === 'review' && <ReviewStep request={request} context={context} token={token} estimate={estimate} />}
        <Box sx={{ mt: 2 }}>
          <FindingsList findings={shownFindings(step, findings, progress)} label={stepId === 'review' ? 'Every finding' : `Findings of ${step.label}`} />
        </Box>
      </Paper>
      {buyError && (
        <Alert severity="error" sx={{ mb: 2 }}>
          The purchase was not made: {buyError} Buying again is safe: it uses the same token, so at most one gateway is bought.
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button onClick={onClose} disabled={buying}>
          Cancel
        </Button>
        <Box sx={{ flex: 1 }} />
        <Button disabled={index === 0} onClick={() => goTo(WIZARD_STEPS[index - 1].id)}>
          Back
        </Button>
        {stepId !== 'review' ? (
          <Button variant="contained" onClick={() => goTo(WIZARD_STEPS[index + 1].id)}>
            Next
          </Button>
        ) : (
          <Button variant="contained" disabled={blockers.length > 0 || buying} onClick={() => setConfirming(true)}>
            {buying ? 'Buying…' : 'Buy…'}
          </Button>
        )}
      </Stack>
      {confirming && (
        <ConfirmPurchase
          specId={chosenSpec(request, [])?.id ?? ''}
          name={request.name}
          region={context.region}
          zones={request.zones}
          estimate={estimate}
          connection={connection}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void submit()}
        />
      )}
      {stepId === 'review' && blockers.length > 0 && (
        <Typography variant="body2" color="error" sx={{ mt: 1, textAlign: 'right' }} aria-label="Why Buy is disabled">
          Buy stays off until {blockers.length === 1 ? 'this is' : `these ${blockers.length} are`} settled: {blockers.map((blocker) => blocker.message).join(' ')}
        </Typography>
      )}
    </Box>
  );
}

function BasicsStep({ request, context, edit }: { request: PurchaseRequest; context: PurchaseContext; edit: Edit }) {
  const needed = neededIps(request);
  const vpc = context.vpcs.find((candidate) => candidate.id === request.vpcId);
  const vpcLabel = vpc ? (vpc.name ?? vpc.id) : 'the VPC';
  const spec = chosenSpec(request, []);
  return (
    <Stack spacing={2.5} sx={{ maxWidth: 640 }}>
      <TextField label="Region" value={context.region} disabled helperText="The region of the cloud profile in use (Settings → Cloud)." />
      <TextField label="Name" value={request.name} onChange={(e) => edit((r) => ({ ...r, name: e.target.value }))} helperText="Letters, digits, _ and -; up to 50 characters." required />
      <TextField label="Description" value={request.description ?? ''} onChange={(e) => edit((r) => ({ ...r, description: e.target.value || undefined }))} multiline minRows={2} />
      <Box>
        <Typography variant="h3" component="h3" sx={{ mb: 0.5 }}>
          Zones
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
          The gateway runs in each zone chosen; two or more keep it answering when one zone fails. It takes {needed} free IPs from a subnet in each zone
          {spec ? ` (${EDITIONS[spec.edition].label})` : ''}; the hints are for VPC {vpcLabel}. The edition and the VPC can change in the next steps.
        </Typography>
        <FormGroup role="group" aria-label="Zones" sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', columnGap: 2 }}>
          {sortedZones(context.zones).map((zone) => {
            const room = zoneRoom(context, request.vpcId, zone, needed);
            const fits = room.fitting > 0;
            return (
            <FormControlLabel
              key={zone}
              sx={{ alignItems: 'flex-start', mr: 0, mb: 0.5 }}
              label={
                <Box sx={{ pt: 1.1 }}>
                  <Box component="span" sx={{ display: 'block', lineHeight: 1.2 }}>
                    {zone}
                  </Box>
                  <Typography variant="caption" sx={{ color: fits ? 'success.main' : 'text.secondary' }} data-fits={fits}>
                    {fits ? '✓ ' : ''}
                    {zoneHint(room, vpcLabel)}
                  </Typography>
                </Box>
              }
              control={
                <Checkbox
                  checked={request.zones.includes(zone)}
                  onChange={(e) => edit((r) => withZones(r, e.target.checked ? [...r.zones, zone] : r.zones.filter((z) => z !== zone), context))}
                  slotProps={{ input: { 'aria-label': zone } }}
                />
              }
            />
            );
          })}
        </FormGroup>
      </Box>
    </Stack>
  );
}

/** The edition, and for one with several specs (platinum), which of them. */
function EditionStep({ request, context, edit }: { request: PurchaseRequest; context: PurchaseContext; edit: Edit }) {
  const edition = request.edition ? EDITIONS[request.edition] : undefined;
  return (
    <Stack spacing={2}>
      <EditionCards value={request.edition} region={context.region} onChange={(id) => edit((r) => withEdition(r, id, undefined, context))} />
      {edition && edition.specs.length > 1 && (
        <TextField
          select
          label="Size"
          value={chosenSpec(request, [])?.id ?? edition.specs[0]}
          onChange={(e) => edit((r) => withEdition(r, edition.id, e.target.value, context))}
          sx={{ maxWidth: 640 }}
          helperText={`${edition.label} comes in ${edition.specs.length} sizes; each takes ${edition.ipsPerSubnet} free IPs per subnet.`}
        >
          {edition.specs.map((id) => {
            const hourly = estimatePrice(context.region, id, { kind: 'payAsYouGo' });
            return (
              <MenuItem key={id} value={id}>
                {id}: {formatCount(INSTANCE_SPECS[id].maxRps)} requests/s, {formatCount(INSTANCE_SPECS[id].maxConnections)} connections
                {hourly.known ? `, about ${formatUsd(hourly.perHour ?? 0)}/hour` : ''}
              </MenuItem>
            );
          })}
        </TextField>
      )}
    </Stack>
  );
}

function BillingStep({ request, edit }: { request: PurchaseRequest; edit: Edit }) {
  const billing = request.billing;
  return (
    <Stack spacing={2} sx={{ maxWidth: 520 }}>
      <RadioGroup
        aria-label="Billing"
        value={billing.kind}
        onChange={(e) => edit((r) => ({ ...r, billing: e.target.value === 'subscription' ? { kind: 'subscription', duration: 1, cycle: 'month' } : { kind: 'payAsYouGo' } }))}
      >
        <FormControlLabel value="payAsYouGo" control={<Radio />} label="Pay-as-you-go: billed by the hour, delete any time" />
        <FormControlLabel value="subscription" control={<Radio />} label="Subscription: paid in advance for a term" />
      </RadioGroup>
      {billing.kind === 'subscription' && (
        <Stack direction="row" spacing={2}>
          <TextField
            label="Duration"
            type="number"
            value={billing.duration}
            onChange={(e) => edit((r) => ({ ...r, billing: { ...billing, duration: Number(e.target.value) } }))}
            helperText={billing.cycle === 'month' ? '1 to 9 months' : '1 to 3 years'}
            sx={{ width: 160 }}
          />
          <TextField select label="Cycle" value={billing.cycle} onChange={(e) => edit((r) => ({ ...r, billing: { ...billing, cycle: e.target.value as 'month' | 'year' } }))} sx={{ width: 160 }}>
            <MenuItem value="month">Months</MenuItem>
            <MenuItem value="year">Years</MenuItem>
          </TextField>
        </Stack>
      )}
    </Stack>
  );
}

function NetworkStep({ request, context, edit }: { request: PurchaseRequest; context: PurchaseContext; edit: Edit }) {
  // The spec the rules judge (undefined while the choice names none; the findings say why).
  const spec = chosenSpec(request, []);
  const needed = spec ? EDITIONS[spec.edition].ipsPerSubnet : 0;
  const groups = context.securityGroups.filter((group) => group.vpcId === request.vpcId);
  const group = context.securityGroups.find((candidate) => candidate.id === request.securityGroupId);
  return (
    <Stack spacing={3}>
      <TextField select label="VPC" value={request.vpcId} onChange={(e) => edit((r) => withVpc(r, e.target.value, context))} sx={{ maxWidth: 520 }} helperText="A gateway's VPC can never change after purchase.">
        {context.vpcs.map((vpc) => (
          <MenuItem key={vpc.id} value={vpc.id}>
            {vpc.name ?? vpc.id} ({vpc.cidr}) · {vpc.id}
          </MenuItem>
        ))}
      </TextField>
      <Box>
        <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
          A subnet (vSwitch) in each zone
        </Typography>
        {request.zones.length === 0 && <Typography variant="body2">Choose zones first (Region and zones).</Typography>}
        <Stack spacing={1.5}>
          {request.zones.map((zone) => {
            const options = subnetsOf(context, request.vpcId, zone);
            const chosen = options.find((vSwitch) => vSwitch.id === request.subnets[zone]);
            return (
              <Stack key={zone} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <TextField
                  select
                  label={`Subnet in ${zone}`}
                  value={request.subnets[zone] ?? ''}
                  onChange={(e) => edit((r) => ({ ...r, subnets: { ...r.subnets, [zone]: e.target.value } }))}
                  sx={{ width: 480, maxWidth: '100%' }}
                  helperText={
                    options.length === 0
                      ? 'This VPC has no subnet in this zone.'
                      : !chosen && !options.some((vSwitch) => vSwitch.availableIpCount >= needed)
                        ? `No subnet here has ${needed} free IPs: choose another zone or VPC.`
                        : undefined
                  }
                >
                  {options.map((vSwitch) => (
                    <MenuItem key={vSwitch.id} value={vSwitch.id}>
                      {vSwitch.name ?? vSwitch.id} ({vSwitch.cidr}) · {vSwitch.availableIpCount} free{vSwitch.availableIpCount < needed ? ' · too small' : ''}
                    </MenuItem>
                  ))}
                </TextField>
                {chosen && <IpMeter free={chosen.availableIpCount} needed={needed} label={`Free IPs in ${zone}`} />}
              </Stack>
            );
          })}
        </Stack>
      </Box>
      <Box>
        <TextField select label="Security group" value={request.securityGroupId} onChange={(e) => edit((r) => ({ ...r, securityGroupId: e.target.value }))} sx={{ width: 520 }}>
          {groups.map((candidate) => (
            <MenuItem key={candidate.id} value={candidate.id}>
              {candidate.name ?? candidate.id} · {candidate.id}
            </MenuItem>
          ))}
        </TextField>
        {group && (
          <Table size="small" aria-label="Inbound rules that matter" sx={{ mt: 1, maxWidth: 720 }}>
            <TableBody>
              {WEB_PORTS.map((port) => {
                const verdict = internetAccess(group, port);
                return (
                  <TableRow key={port}>
                    <TableCell sx={{ width: 200 }}>Port {port} from the Internet</TableCell>
                    <TableCell sx={{ width: 90 }}>
                      <Chip size="small" label={verdict.open ? 'Open' : 'Closed'} color={verdict.open ? 'success' : 'default'} />
                    </TableCell>
                    <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{verdict.decidedBy ? ruleText(verdict.decidedBy) : 'no rule lets it in'}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Box>
      <Box component="section" aria-label="Internet access">
        <Typography variant="h3" component="h3" sx={{ mb: 0.5 }}>
          Internet access
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1, maxWidth: 720 }}>
          Alibaba Cloud sells no EIP or bandwidth with a dedicated gateway. Whether an API group answers callers on the Internet is that group&apos;s own setting (Groups → Internet access);
          outbound Internet traffic comes with the spec{spec ? `, up to ${spec.maxOutboundBandwidthMbps} Mbit/s for ${spec.id}` : ''}.
        </Typography>
        <FormControlLabel
          control={<Switch checked={request.publicGroups === true} onChange={(e) => edit((r) => ({ ...r, publicGroups: e.target.checked }))} />}
          label="Some API groups on this gateway will take calls from the Internet: check that the security group lets TCP 80 and 443 in (not sent)"
        />
      </Box>
    </Stack>
  );
}

function MaintenanceStep({ request, edit }: { request: PurchaseRequest; edit: Edit }) {
  const window = request.maintenance;
  return (
    <Stack spacing={2} sx={{ maxWidth: 560 }}>
      <Typography variant="body2">
        Upgrades and repairs happen in this window (UTC). It is set right after the gateway starts running; without one, the default {DEFAULT_MAINTENANCE_WINDOW.start.replace('Z', '')} to {DEFAULT_MAINTENANCE_WINDOW.end.replace('Z', '')} UTC applies.
      </Typography>
      <FormControlLabel
        control={<Switch checked={window !== undefined} onChange={(e) => edit((r) => ({ ...r, maintenance: e.target.checked ? { ...DEFAULT_MAINTENANCE_WINDOW } : undefined }))} />}
        label="Choose a maintenance window"
      />
      {window && (
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <UtcTimeField label="Starts (UTC)" value={window.start} onChange={(start) => edit((r) => ({ ...r, maintenance: { ...window, start } }))} />
          <UtcTimeField label="Ends (UTC)" value={window.end} onChange={(end) => edit((r) => ({ ...r, maintenance: { ...window, end } }))} />
        </Stack>
      )}
      <TextField select label="HTTPS policy" value={request.httpsPolicy ?? DEFAULT_HTTPS_POLICY} onChange={(e) => edit((r) => ({ ...r, httpsPolicy: e.target.value }))} sx={{ width: 260 }}>
        {HTTPS_POLICIES.map((policy) => (
          <MenuItem key={policy} value={policy}>
            {policy}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}

/** What a parameter's value stands for, in the words of the steps before. */
function meaningOf(name: string, value: string, context: PurchaseContext): string {
  const field = name.split('.').pop() ?? name;
  if (name === 'InstanceSpec') return specLabel(value);
  if (name === 'InstanceType') return value === 'vpc_connect' ? 'VPC integration: the gateway joins your VPC' : '';
  if (name === 'ChargeType') return value === 'PostPaid' ? 'pay-as-you-go' : 'subscription';
  if (name === 'AutoPay') return 'the subscription is paid at once, so the gateway is built without a console step';
  if (name === 'InstanceCidr') return "the gateway's own address range";
  if (name === 'UserVpcId') {
    const vpc = context.vpcs.find((candidate) => candidate.id === value);
    return vpc ? `${vpc.name ?? vpc.id} (${vpc.cidr})` : '';
  }
  if (field === 'VSwitchId') {
    const vSwitch = context.vSwitches.find((candidate) => candidate.id === value);
    return vSwitch ? `${vSwitch.name ?? vSwitch.id}, ${vSwitch.availableIpCount} free IPs` : '';
  }
  if (field === 'SecurityGroupId') return context.securityGroups.find((candidate) => candidate.id === value)?.name ?? '';
  if (name === 'MaintainStartTime' || name === 'MaintainEndTime') return 'UTC';
  return '';
}

function CallTable({ label, rows, context }: { label: string; rows: [string, string][]; context: PurchaseContext }) {
  return (
    <Table size="small" aria-label={label} sx={{ maxWidth: 900, mb: 2, tableLayout: 'fixed' }}>
      <TableBody>
        {rows.map(([name, value]) => {
          const meaning = meaningOf(name, value, context);
          return (
            <TableRow key={name}>
              <TableCell component="th" scope="row" sx={{ width: 340, fontFamily: 'monospace', fontSize: 12, whiteSpace: 'nowrap' }}>
                {name}
              </TableCell>
              <TableCell>
                <Box sx={{ fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere' }}>{value}</Box>
                {meaning && (
                  <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
                    {meaning}
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** The estimate, its basis and its source; "no published price" where the table has none. */
function PriceSummary({ estimate, region }: { estimate: PriceEstimate; region: string }) {
  return (
    <Alert severity={estimate.known ? 'info' : 'warning'} icon={false} sx={{ mb: 2, maxWidth: 900 }} role="region" aria-label="Price estimate">
      <Typography variant="h3" component="h3" sx={{ mb: 0.5 }}>
        Price estimate
      </Typography>
      {estimate.known ? (
        estimate.billing === 'payAsYouGo' ? (
          <Typography variant="body1">
            <strong>{formatUsd(estimate.perHour ?? 0)}</strong> an hour, about <strong>{formatUsd(estimate.perMonth ?? 0)}</strong> a month (730 hours), while the gateway exists.
          </Typography>
        ) : (
          <Typography variant="body1">
            <strong>{formatUsd(estimate.term ?? 0)}</strong> for {estimate.termLabel}, paid when the gateway is bought.
          </Typography>
        )
      ) : (
        <Typography variant="body1">No published price: {estimate.reason}</Typography>
      )}
      <Typography variant="caption" component="div" sx={{ mt: 0.5 }}>
        {estimate.known ? `Alibaba Cloud's list price for ${region} (${estimate.group}) in USD, ` : ''}
        as read on {PRICE_SOURCE.read} from{' '}
        <a href={PRICE_SOURCE.url} target="_blank" rel="noreferrer">
          the Dedicated instances page
        </a>
        . An estimate: no discounts or taxes, and outbound Internet traffic is billed apart by the GB.
      </Typography>
    </Alert>
  );
}

/** The price estimate, then exactly what the purchase sends, name for name, as the host will send it; the token in a disclosure. */
function ReviewStep({ request, context, token, estimate }: { request: PurchaseRequest; context: PurchaseContext; token: string; estimate: PriceEstimate }) {
  const create = wireForm(createInstanceParams(request, context.vSwitches));
  const window = request.maintenance ? wireForm({ InstanceId: '(the new gateway)', ...maintenanceParams(request.maintenance) }) : [];
  return (
    <Box>
      <PriceSummary estimate={estimate} region={context.region} />
      <Typography variant="h3" component="h3" sx={{ mb: 0.5 }}>
        Sent now: CreateInstance, in {context.region}
      </Typography>
      <CallTable label="CreateInstance parameters" rows={create} context={context} />
      <Box component="details" sx={{ mb: 2, maxWidth: 900, '& summary': { cursor: 'pointer', color: 'text.secondary', typography: 'body2' } }}>
        <summary>Purchase token (sent with CreateInstance as Token)</summary>
        <Typography variant="body2" sx={{ mt: 1 }}>
          One token per purchase: pressing Buy again after a failure or a lost answer never buys a second gateway.
        </Typography>
        <CallTable label="Purchase token" rows={[['Token', token]]} context={context} />
      </Box>
      <Typography variant="h3" component="h3" sx={{ mb: 0.5 }}>
        Sent once the gateway is RUNNING: ModifyInstanceAttribute
      </Typography>
      {window.length > 0 ? (
        <CallTable label="ModifyInstanceAttribute parameters" rows={window} context={context} />
      ) : (
        <Typography variant="body2" sx={{ mb: 2 }}>
          Nothing: no maintenance window was chosen, so the cloud&apos;s default applies ({DEFAULT_MAINTENANCE_WINDOW.start} to {DEFAULT_MAINTENANCE_WINDOW.end} in the offline cloud).
        </Typography>
      )}
      <Typography variant="body2" sx={{ color: 'text.secondary', maxWidth: 900 }} aria-label="Not sent">
        Not sent, because no parameter takes it: {request.description ? 'the description (the app keeps it) and ' : ''}Internet access, which each API group sets for itself (Groups → Internet access).
      </Typography>
    </Box>
  );
}

/** Who pays, as far as the connection in force knows: the profile and its masked AccessKeyId, or the offline cloud's demo account. */
function accountText(connection: CloudConnectionView | undefined): string {
  if (!connection) return 'the account of the cloud connection in force (not read yet)';
  if (connection.mode === 'demo') return `the offline cloud's demo account (AccessKeyId ${connection.accessKeyId}): demo mode, nothing is really billed`;
  return `the account of profile ${connection.label} (AccessKeyId ${connection.accessKeyId})`;
}

/** The last word before money is spent: what is bought, where, for about how much, billed to whom. */
function ConfirmPurchase(props: {
  specId: string;
  name: string;
  region: string;
  zones: string[];
  estimate: PriceEstimate;
  connection: CloudConnectionView | undefined;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { specId, name, region, zones, estimate, connection, onCancel, onConfirm } = props;
  const price = estimate.known ? `for ${estimateText(estimate)}` : '(no published price: see the buy page in Alibaba Cloud\'s console)';
  return (
    <Dialog open onClose={onCancel} maxWidth="sm" fullWidth aria-labelledby="confirm-purchase-title">
      <DialogTitle id="confirm-purchase-title">Buy {specId} in {region}?</DialogTitle>
      <DialogContent>
        <Typography variant="body1" sx={{ mb: 1.5 }} aria-label="What is bought">
          Buy {specId} in {region} {price} — this is billed to {accountText(connection)}.
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          Gateway {name || '(no name)'} in {zones.length === 1 ? 'zone' : 'zones'} {zones.join(', ') || '—'}. The price is an estimate from Alibaba Cloud&apos;s list prices
          (read {PRICE_SOURCE.read}); outbound Internet traffic is billed apart. {estimate.known && estimate.billing === 'payAsYouGo' ? 'Billing runs until the gateway is deleted.' : ''}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button variant="contained" onClick={onConfirm}>
          Buy {specId}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Loads the region's offer, then shows the wizard. */
export function PurchaseWizardLoader({ onClose, onBought }: { onClose: () => void; onBought: () => void }) {
  const context = useInstancesStore((s) => s.context);
  const contextError = useInstancesStore((s) => s.contextError);
  const loadContext = useInstancesStore((s) => s.loadContext);
  // A purchase is checked against the region as it is now: drop what an earlier wizard read.
  useEffect(() => {
    useInstancesStore.setState({ context: undefined, contextError: undefined });
  }, []);
  // Read when missing: on opening, and after a change of cloud profile dropped it.
  useEffect(() => {
    if (!context) void loadContext();
  }, [context, loadContext]);
  if (contextError) return <Alert severity="error">Could not read what the region offers: {contextError}</Alert>;
  if (!context) return <Typography variant="body2">Reading the region&apos;s zones, networks and quota…</Typography>;
  return <PurchaseWizard context={context} onClose={onClose} onBought={onBought} />;
}
