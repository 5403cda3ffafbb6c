/**
 * An app's credentials as the host shows them: AppKeys, secrets masked until the person asks to
 * see one (then hidden again after 30 s), AppCodes masked. Secrets live only in this component's
 * state while shown, never in a store.
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AutorenewOutlined from '@mui/icons-material/AutorenewOutlined';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import VisibilityOffOutlined from '@mui/icons-material/VisibilityOffOutlined';
import VisibilityOutlined from '@mui/icons-material/VisibilityOutlined';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { VisuallyHidden } from '../../components/visually-hidden';
import { messageOf, revealAppSecret } from '../../data/credentials';
import type { CredentialsState } from '../../data/credentials';
import { useUiStore } from '../../data/ui-store';
import { MONO } from '../../app/theme';

/** How long a revealed secret stays on screen. */
export const REVEAL_SECONDS = 30;
const MASK = '••••••••••••••••';

export function CredentialsPanel({ app, credentials }: { app: string; credentials: CredentialsState }) {
  const { view, loading, error } = credentials;
  const [rotating, setRotating] = useState<string>();
  const keys = view?.keys ?? [];

  return (
    <Box>
      {loading && <LinearProgress aria-label="Loading credentials" sx={{ mb: 1 }} />}
      {error && (
        <Alert severity="error" sx={{ mb: 1 }} action={<Button onClick={credentials.reload}>Retry</Button>}>
          {error}
        </Alert>
      )}
      {view && keys.length === 0 && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
            No credentials yet. Generate an AppKey/AppSecret pair and an AppCode to call this app's authorized APIs. They are kept in the secrets file beside the
            project, never in the project file.
          </Typography>
          <Button variant="contained" startIcon={<KeyOutlined />} disabled={loading} onClick={() => void credentials.generate()}>
            Generate credentials
          </Button>
        </Stack>
      )}
      {keys.length > 0 && (
        <Table size="small" aria-label={`Credentials of ${app}`} sx={{ tableLayout: 'fixed' }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: '30%' }}>AppKey</TableCell>
              <TableCell>AppSecret</TableCell>
              <TableCell align="right" sx={{ width: 150 }}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {keys.map((k) => (
              <KeyRow key={k.appKey} app={app} appKey={k.appKey} onRotate={() => setRotating(k.appKey)} generation={view} />
            ))}
          </TableBody>
        </Table>
      )}
      {view && view.appCodes.length > 0 && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="subtitle2" component="h4">
            AppCode
          </Typography>
          {view.appCodes.map((code) => (
            <Typography key={code} variant="body2" sx={{ fontFamily: MONO }} aria-label="AppCode (masked)">
              {code}
            </Typography>
          ))}
          <Typography variant="caption" color="text.secondary">
            Send it as <code>Authorization: APPCODE …</code> to APIs that allow AppCode. Shown masked; the full code is in the secrets file.
          </Typography>
        </Box>
      )}
      <ConfirmDialog
        open={rotating !== undefined}
        title={`Rotate the secret of ${rotating}?`}
        confirmLabel="Rotate secret"
        destructive
        onClose={() => setRotating(undefined)}
        onConfirm={() => {
          const key = rotating!;
          setRotating(undefined);
          void credentials.rotate(key);
        }}
      >
        <Typography variant="body2">
          A new AppSecret replaces the current one at once; the AppKey stays. Every caller that signs with the old secret is refused until it is updated with the new
          one.
        </Typography>
      </ConfirmDialog>
    </Box>
  );
}

function KeyRow({ app, appKey, onRotate, generation }: { app: string; appKey: string; onRotate: () => void; generation: unknown }) {
  const notify = useUiStore((s) => s.notify);
  const [secret, setSecret] = useState<string>();
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [busy, setBusy] = useState(false);

  // A rotation gives a new secret: forget the one shown.
  useEffect(() => setSecret(undefined), [generation]);
  useEffect(() => {
    if (secret === undefined) return;
    setSecondsLeft(REVEAL_SECONDS);
    const started = Date.now();
    const timer = setInterval(() => {
      const left = REVEAL_SECONDS - Math.floor((Date.now() - started) / 1000);
      if (left <= 0) setSecret(undefined);
      else setSecondsLeft(left);
    }, 1000);
    return () => clearInterval(timer);
  }, [secret]);

  const fetchSecret = async (): Promise<string | undefined> => {
    setBusy(true);
    try {
      return await revealAppSecret(app, appKey);
    } catch (e) {
      notify(`Could not read the secret of ${appKey}: ${messageOf(e)}`, 'error');
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  const copy = async (label: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      notify(`${label} copied to the clipboard.`, 'success');
    } catch (e) {
      notify(`Could not copy the ${label}: ${messageOf(e)}. Select the text and copy it by hand.`, 'error');
    }
  };

  return (
    <TableRow>
      <TableCell sx={{ fontFamily: MONO, overflow: 'hidden', textOverflow: 'ellipsis' }} title={appKey}>
        {appKey}
        <Tooltip title="Copy AppKey">
          <IconButton aria-label={`Copy AppKey ${appKey}`} onClick={() => void copy('AppKey', appKey)} sx={{ ml: 0.5 }}>
            <ContentCopyOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
      </TableCell>
      <TableCell sx={{ overflow: 'hidden' }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0 }}>
          <Typography
            variant="body2"
            component="span"
            aria-label={secret ? `AppSecret of ${appKey}` : `AppSecret of ${appKey} (hidden)`}
            sx={{ fontFamily: MONO, minWidth: 0, overflowWrap: 'anywhere', whiteSpace: secret ? 'normal' : 'nowrap', userSelect: secret ? 'all' : 'none' }}
          >
            {secret ?? MASK}
          </Typography>
          {secret ? (
            <Tooltip title="Hide the secret now">
              <IconButton aria-label={`Hide AppSecret of ${appKey}`} onClick={() => setSecret(undefined)}>
                <VisibilityOffOutlined fontSize="small" />
              </IconButton>
            </Tooltip>
          ) : (
            <Button
              size="small"
              startIcon={<VisibilityOutlined />}
              disabled={busy}
              aria-label={`Show AppSecret of ${appKey}`}
              onClick={async () => {
                const value = await fetchSecret();
                if (value !== undefined) setSecret(value);
              }}
            >
              Show
            </Button>
          )}
          <Tooltip title="Copy AppSecret">
            <IconButton
              aria-label={`Copy AppSecret of ${appKey}`}
              disabled={busy}
              onClick={async () => {
                const value = secret ?? (await fetchSecret());
                if (value !== undefined) await copy('AppSecret', value);
              }}
            >
              <ContentCopyOutlined fontSize="small" />
            </IconButton>
          </Tooltip>
        </Box>
        {secret && (
          <Typography variant="caption" color="text.secondary" aria-live="polite">
            Hides in {secondsLeft} s
          </Typography>
        )}
      </TableCell>
      <TableCell align="right">
        <Button size="small" startIcon={<AutorenewOutlined />} onClick={onRotate} aria-label={`Rotate secret of ${appKey}`} sx={{ whiteSpace: 'nowrap' }}>
          Rotate secret
        </Button>
      </TableCell>
    </TableRow>
  );
}
