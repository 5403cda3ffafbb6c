/**
 * Settings → Cloud: which cloud the console talks to. Demo mode (the offline cloud on this
 * computer, no account) or one of the saved profiles; add, edit, test, use and delete profiles.
 * What is listed is always the host's answer, read again after every change.
 */
import { Fragment, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import NetworkCheckIcon from '@mui/icons-material/NetworkCheck';
import type { CloudConnectionView, CloudProfileView, ConnectionTestResult } from '../../../shared/ipc/cloud-views';
import type { AppInfo } from '../../../shared/ipc/contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { VisuallyHidden } from '../../components/visually-hidden';
import { useCloudStore } from '../../data/cloud-store';
import { toHostError } from '../../data/host-error';
import { useUiStore } from '../../data/ui-store';
import { appInfo } from '../../data/workspace';
import { MONO } from '../../app/theme';
import { endpointLabel } from './cloud-labels';
import { ConnectionTestAlert } from './connection-test-alert';
import { ProfileDialog } from './profile-dialog';
import { SettingsSection } from './settings-section';
import { VaultAlert } from './vault-alert';

const COLUMNS = 6;
const mono = { fontFamily: MONO, fontSize: '0.8rem' };

type Editing = { kind: 'new' } | { kind: 'edit'; profile: CloudProfileView };

export function CloudProfilesSection() {
  const profiles = useCloudStore((s) => s.profiles);
  const loadProfiles = useCloudStore((s) => s.loadProfiles);
  const deleteProfile = useCloudStore((s) => s.deleteProfile);
  const activate = useCloudStore((s) => s.activate);
  const resetDemo = useCloudStore((s) => s.resetDemo);
  const testConnection = useCloudStore((s) => s.testConnection);
  const notify = useUiStore((s) => s.notify);
  const [loadError, setLoadError] = useState<string>();
  const [vault, setVault] = useState<AppInfo['vault']>();
  const [editing, setEditing] = useState<Editing>();
  const [deleting, setDeleting] = useState<string>();
  const [resetting, setResetting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [tests, setTests] = useState<Record<string, ConnectionTestResult | 'testing'>>({});

  const reload = () => {
    setLoadError(undefined);
    loadProfiles().catch((e: unknown) => setLoadError(toHostError(e).message));
  };
  useEffect(() => {
    reload();
    appInfo().then(
      (info) => setVault(info.vault),
      () => undefined, // About this app reports it; the vault line is just left out here.
    );
  }, []);

  /** Runs a change, reports what the host refused, and reads the list again either way. */
  const run = async (work: () => Promise<void>, done?: string) => {
    setBusy(true);
    try {
      await work();
      if (done) notify(done, 'success');
    } catch (e) {
      notify(toHostError(e).message, 'error');
      reload();
    } finally {
      setBusy(false);
    }
  };

  const test = async (name: string) => {
    setTests((before) => ({ ...before, [name]: 'testing' }));
    let result: ConnectionTestResult;
    try {
      result = await testConnection({ profile: name });
    } catch (e) {
      result = { ok: false, message: toHostError(e).message };
    }
    setTests((before) => ({ ...before, [name]: result }));
  };
  const forgetTest = (name: string) =>
    setTests((before) => {
      const rest = { ...before };
      delete rest[name];
      return rest;
    });

  const list = profiles?.profiles ?? [];
  const active = profiles?.active;
  return (
    <SettingsSection title="Cloud">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', mb: 1.5 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          The Alibaba Cloud account the Cloud screen syncs to. Demo mode needs no account: it uses the offline cloud running on this computer. A profile keeps a
          region, an optional endpoint and an AccessKey pair.
        </Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing({ kind: 'new' })} sx={{ flexShrink: 0 }}>
          Add profile
        </Button>
      </Stack>
      {loadError && (
        <Alert severity="error" sx={{ mb: 1.5 }} action={<Button onClick={reload}>Retry</Button>}>
          Could not read the cloud profiles: {loadError}
        </Alert>
      )}
      <Table aria-label="Cloud profiles" sx={{ tableLayout: 'fixed', '& th, & td': { px: 1 } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: '19%' }}>Name</TableCell>
            <TableCell sx={{ width: '12%' }}>Region</TableCell>
            <TableCell>Endpoint</TableCell>
            <TableCell sx={{ width: '13%' }}>AccessKeyId</TableCell>
            <TableCell sx={{ width: 76 }}>Secret</TableCell>
            <TableCell align="right" sx={{ width: 236 }}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <DemoRow inUse={profiles !== undefined && active === undefined} busy={busy} onUse={() => void run(() => activate(null), 'Now in demo mode: the cloud is the offline cloud on this computer.')} onReset={() => setResetting(true)} />
          {list.map((profile) => {
            const testState = tests[profile.name];
            return (
              <Fragment key={profile.name}>
                <ProfileRow
                  profile={profile}
                  inUse={active === profile.name}
                  busy={busy}
                  testing={testState === 'testing'}
                  onUse={() => void run(() => activate(profile.name), `Now using ${profile.name} (${profile.region}).`)}
                  onEdit={() => setEditing({ kind: 'edit', profile })}
                  onTest={() => void test(profile.name)}
                  onDelete={() => setDeleting(profile.name)}
                />
                {testState !== undefined && (
                  <TableRow>
                    <TableCell colSpan={COLUMNS} sx={{ pt: 0 }}>
                      {testState === 'testing' ? (
                        <Alert severity="info" icon={<CircularProgress size={18} />} aria-label={`Connection test of ${profile.name}`}>
                          Calling DescribeRegions with {profile.name}…
                        </Alert>
                      ) : (
                        <ConnectionTestAlert result={testState} label={`Connection test of ${profile.name}`} onClose={() => forgetTest(profile.name)} />
                      )}
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
      {profiles && list.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
          No profiles yet. Add one with an AccessKey pair of a RAM user allowed to use API Gateway; the console then syncs to that account.
        </Typography>
      )}
      {vault && (
        <Box sx={{ mt: 2 }}>
          <VaultAlert vault={vault} label="Where AccessKeySecrets are kept" lead="AccessKeySecrets are kept in the vault: " />
        </Box>
      )}

      <ProfileDialog
        open={editing !== undefined}
        editing={editing?.kind === 'edit' ? editing.profile : undefined}
        taken={list.map((profile) => profile.name)}
        onClose={() => setEditing(undefined)}
        onSaved={(name) => {
          const previous = editing?.kind === 'edit' ? editing.profile.name : undefined;
          setEditing(undefined);
          forgetTest(name);
          if (previous) forgetTest(previous);
          notify(previous ? `Saved cloud profile ${name}.` : `Added cloud profile ${name}. Use it to sync to that account.`, 'success');
        }}
      />
      <ConfirmDialog
        open={deleting !== undefined}
        title={`Delete cloud profile ${deleting ?? ''}?`}
        confirmLabel="Delete profile"
        destructive
        onClose={() => setDeleting(undefined)}
        onConfirm={() => {
          const name = deleting!;
          setDeleting(undefined);
          forgetTest(name);
          void run(() => deleteProfile(name), `Deleted cloud profile ${name}.`);
        }}
      >
        <Typography variant="body2" component="div">
          Its AccessKey pair is removed from the vault.
          {deleting === active && ' It is in use: the console goes back to demo mode.'} Nothing in the cloud is deleted, and the project file keeps the cloud ids
          recorded for it.
        </Typography>
      </ConfirmDialog>
      <ConfirmDialog
        open={resetting}
        title="Reset the offline cloud?"
        confirmLabel="Reset demo"
        destructive
        onClose={() => setResetting(false)}
        onConfirm={() => {
          setResetting(false);
          void run(() => resetDemo(), 'The offline cloud is back to its seeded state.');
        }}
      >
        <Typography variant="body2" sx={{ mb: 1 }}>
          The offline cloud goes back to its seeded state: whatever was synced, deployed or bought in it is gone.
        </Typography>
        <Typography variant="body2">
          The open project forgets its demo cloud ids, so the next sync creates everything again. Nothing else is touched: the design, your profiles and real
          clouds stay as they are.
        </Typography>
      </ConfirmDialog>
    </SettingsSection>
  );
}

/**
 * Demo mode's connection, or the last one seen while a profile is in use: the offline cloud keeps
 * running in the host, so its address still tells where demo mode's cloud is.
 */
let lastDemo: CloudConnectionView | undefined;
function useLastDemoConnection(): CloudConnectionView | undefined {
  const connection = useCloudStore((s) => s.connection);
  if (connection?.mode === 'demo') lastDemo = connection;
  return lastDemo;
}

function InUse() {
  return <Chip label="In use" color="success" variant="outlined" sx={{ ml: 1 }} />;
}

function DemoRow({ inUse, busy, onUse, onReset }: { inUse: boolean; busy: boolean; onUse: () => void; onReset: () => void }) {
  const demo = useLastDemoConnection();
  return (
    <TableRow aria-label="Demo mode" selected={inUse}>
      <TableCell>
        <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
            Demo mode
          </Typography>
          {inUse && <InUse />}
        </Box>
        <Typography variant="caption" color="text.secondary">
          Offline cloud, no account
        </Typography>
      </TableCell>
      <TableCell>{demo?.region ?? '—'}</TableCell>
      <TableCell sx={{ overflowWrap: 'anywhere' }}>
        {demo?.demo ? (
          <>
            Offline cloud at{' '}
            <Box component="span" sx={mono} aria-label="Offline cloud endpoint">
              {demo.demo.cloudUrl}
            </Box>
          </>
        ) : (
          <Typography variant="body2" color="text.secondary">
            On this computer; starts when used
          </Typography>
        )}
      </TableCell>
      <TableCell sx={{ ...mono, overflowWrap: 'anywhere' }}>{demo?.accessKeyId ?? '—'}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>Built in</TableCell>
      <TableCell align="right">
        <Stack direction="row" spacing={0.5} sx={{ justifyContent: 'flex-end' }}>
          {!inUse && (
            <Button variant="outlined" disabled={busy} onClick={onUse} sx={{ whiteSpace: 'nowrap' }}>
              Use demo mode
            </Button>
          )}
          <Button color="warning" disabled={busy} onClick={onReset} sx={{ whiteSpace: 'nowrap' }}>
            Reset demo…
          </Button>
        </Stack>
      </TableCell>
    </TableRow>
  );
}

function ProfileRow(props: {
  profile: CloudProfileView;
  inUse: boolean;
  busy: boolean;
  testing: boolean;
  onUse: () => void;
  onEdit: () => void;
  onTest: () => void;
  onDelete: () => void;
}) {
  const { profile, inUse, busy, testing } = props;
  return (
    <TableRow aria-label={`Profile ${profile.name}`} selected={inUse}>
      <TableCell sx={{ overflowWrap: 'anywhere' }}>
        <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
            {profile.name}
          </Typography>
          {inUse && <InUse />}
        </Box>
      </TableCell>
      <TableCell>{profile.region}</TableCell>
      <TableCell sx={{ ...(profile.endpoint ? mono : {}), overflowWrap: 'anywhere' }}>{endpointLabel(profile)}</TableCell>
      <TableCell sx={{ ...mono, overflowWrap: 'anywhere' }}>{profile.accessKeyId}</TableCell>
      <TableCell>
        {profile.secretSet ? (
          'Set'
        ) : (
          <Tooltip title="The vault has no keys for this profile (removed, or saved on another computer). Edit it and type them again.">
            <Typography variant="body2" component="span" color="error">
              Missing
            </Typography>
          </Tooltip>
        )}
      </TableCell>
      <TableCell align="right">
        <Stack direction="row" spacing={0.5} sx={{ justifyContent: 'flex-end', alignItems: 'center' }}>
          {!inUse && (
            <Button variant="outlined" disabled={busy} onClick={props.onUse} aria-label={`Use ${profile.name}`}>
              Use
            </Button>
          )}
          <Tooltip title="Test connection">
            <span>
              <IconButton aria-label={`Test connection of ${profile.name}`} disabled={testing} onClick={props.onTest}>
                <NetworkCheckIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
          <Tooltip title="Edit">
            <span>
              <IconButton aria-label={`Edit ${profile.name}`} disabled={busy} onClick={props.onEdit}>
                <EditOutlinedIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
          <Tooltip title="Delete">
            <span>
              <IconButton aria-label={`Delete ${profile.name}`} disabled={busy} onClick={props.onDelete}>
                <DeleteOutlineIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
        </Stack>
      </TableCell>
    </TableRow>
  );
}
