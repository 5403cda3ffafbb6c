/**
 * The debugger: pick an API and a stage, fill the call (prefilled from the API's parameters),
 * choose how it authenticates, then Preview or Send it; the answer, the request as sent, code
 * snippets and the history are in tabs on the right.
 */
import { useEffect, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import BookmarkAddOutlined from '@mui/icons-material/BookmarkAddOutlined';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import SendIcon from '@mui/icons-material/Send';
import VisibilityOutlined from '@mui/icons-material/VisibilityOutlined';
import { STAGES } from '../../../../shared/model/schema';
import type { Project, Stage } from '../../../../shared/model/schema';
import { findDeployment, servedRecord } from '../../../../shared/model/stages';
import { EmptyState } from '../../../components/empty-state';
import { debugKey, useDebuggerStore } from '../../../data/debugger';
import { useGatewayStore } from '../../../data/gateway-store';
import { useProjectStore } from '../../../data/project-store';
import { MethodChip } from '../../apis/chips';
import { AuthForm } from './auth-form';
import type { DebugForm } from './debug-form';
import { definitionFor, formProblems, toDebugCall } from './debug-form';
import type { ResultTab } from './debug-form-store';
import { useDebugForm } from './debug-form-store';
import { HistoryPanel } from './history-panel';
import { PreparedView } from './prepared-view';
import { RequestForm } from './request-form';
import { ResultView } from './result-view';
import { SnippetsPanel } from './snippets-panel';

function servedIn(project: Project, ref: { group: string; api: string }, stage: Stage): boolean {
  return servedRecord(findDeployment(project, ref, stage)) !== undefined;
}

/** The stage to debug an API in: the gateway's default stage if it serves the API there, else the first that does. */
function stageFor(project: Project, ref: { group: string; api: string }, preferred: Stage): Stage {
  if (servedIn(project, ref, preferred)) return preferred;
  return STAGES.find((s) => servedIn(project, ref, s)) ?? preferred;
}

/** Starts the form on the API the "Debug" button asked for, or on the first API. */
function useFormTarget(project: Project | undefined): void {
  const target = useDebuggerStore((s) => s.target);
  const defaultStage = useGatewayStore((s) => s.status?.defaultStage ?? 'RELEASE');
  const form = useDebugForm((s) => s.form);
  const choose = useDebugForm((s) => s.choose);
  const appliedTarget = useDebugForm((s) => s.appliedTarget);
  useEffect(() => {
    if (!project) return;
    if (target && target.seq !== appliedTarget) {
      useDebugForm.setState({ appliedTarget: target.seq });
      choose(project, target, target.stage ?? stageFor(project, target, defaultStage));
      const where = target.where;
      if (where) useDebugForm.getState().update((f) => ({ ...f, target: where }));
      return;
    }
    if (!form && project.apis.length > 0) {
      const first = project.apis[0];
      const ref = { group: first.group, api: first.name };
      choose(project, ref, stageFor(project, ref, defaultStage));
    }
  }, [project, target, appliedTarget, form, choose, defaultStage]);
}

function RequestBar({ project, form }: { project: Project; form: DebugForm }) {
  const choose = useDebugForm((s) => s.choose);
  const update = useDebugForm((s) => s.update);
  const apis = project.apis.filter((a) => a.group === form.group);
  const { api, served } = definitionFor(project, form, form.stage);
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 1.5 }}>
      <TextField
        select
        label="Group"
        value={project.groups.some((g) => g.name === form.group) ? form.group : ''}
        onChange={(e) => {
          const first = project.apis.find((a) => a.group === e.target.value);
          if (first) choose(project, { group: first.group, api: first.name }, form.stage);
        }}
        sx={{ width: 170 }}
      >
        {project.groups.map((g) => (
          <MenuItem key={g.name} value={g.name} disabled={!project.apis.some((a) => a.group === g.name)}>
            {g.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField select label="API" value={api ? form.api : ''} onChange={(e) => choose(project, { group: form.group, api: e.target.value }, form.stage)} sx={{ width: 220 }}>
        {apis.map((a) => (
          <MenuItem key={a.name} value={a.name}>
            <Box component="span" sx={{ mr: 1 }}>
              {a.name}
            </Box>
            <MethodChip method={a.request.method} />
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label="Stage"
        value={form.stage}
        onChange={(e) => choose(project, form, e.target.value as Stage)}
        sx={{ width: 140 }}
        helperText={served ? undefined : `Not deployed in ${form.stage}`}
        slotProps={{ formHelperText: { sx: { color: 'warning.dark', mx: 0.5 } } }}
      >
        {STAGES.map((s) => (
          <MenuItem key={s} value={s}>
            {s}
            {!servedIn(project, form, s) && (
              <Typography component="span" variant="caption" sx={{ ml: 1, color: 'text.secondary' }}>
                not deployed
              </Typography>
            )}
          </MenuItem>
        ))}
      </TextField>
      <TextField select label="Method" value={form.method} onChange={(e) => update((f) => ({ ...f, method: e.target.value }))} sx={{ width: 108 }}>
        {['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'].map((m) => (
          <MenuItem key={m} value={m}>
            {m}
          </MenuItem>
        ))}
      </TextField>
      <ToggleButtonGroup exclusive size="small" value={form.target} onChange={(_e, target: DebugForm['target'] | null) => target && update((f) => ({ ...f, target }))} aria-label="Call target" sx={{ height: 37 }}>
        <ToggleButton value="local">Local gateway</ToggleButton>
        <ToggleButton value="cloud" title="The group's address in the cloud the console is connected to (Cloud screen)">
          Cloud
        </ToggleButton>
        <ToggleButton value="url">Custom URL</ToggleButton>
      </ToggleButtonGroup>
      {form.target === 'url' && (
        <TextField label="Base URL" value={form.baseUrl} placeholder="https://your-group-domain.example.com" onChange={(e) => update((f) => ({ ...f, baseUrl: e.target.value }))} sx={{ flex: '1 1 240px' }} />
      )}
    </Stack>
  );
}

function SaveExampleDialog({ open, onClose, onSave, existing }: { open: boolean; onClose: () => void; onSave: (name: string) => void; existing: string[] }) {
  const [name, setName] = useState('');
  useEffect(() => {
    if (open) setName('');
  }, [open]);
  const trimmed = name.trim();
  const replaces = existing.includes(trimmed);
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="save-example-title" maxWidth="xs" fullWidth>
      <DialogTitle id="save-example-title">Save as example</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
          Keeps this form under a name, in this browser. The secret override is not saved.
        </Typography>
        <TextField
          autoFocus
          fullWidth
          label="Example name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          helperText={replaces ? 'An example with this name exists: saving replaces it.' : undefined}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && trimmed) onSave(trimmed);
          }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!trimmed} onClick={() => onSave(trimmed)}>
          {replaces ? 'Replace example' : 'Save example'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function GatewayNotRunning() {
  const status = useGatewayStore((s) => s.status);
  const start = useGatewayStore((s) => s.start);
  const busy = useGatewayStore((s) => s.busy);
  if (!status || status.state === 'listening') return null;
  const restarting = status.state === 'restarting' || status.state === 'starting';
  return (
    <Alert
      severity={restarting ? 'info' : 'warning'}
      action={
        status.state === 'stopped' ? (
          <Button color="inherit" startIcon={<PlayArrowIcon />} disabled={busy !== undefined} onClick={() => void start({ defaultStage: status.defaultStage })}>
            Start gateway
          </Button>
        ) : undefined
      }
    >
      {restarting ? 'The local gateway is starting; calls to it wait until it listens.' : 'The local gateway is not running: start it to call it, or send the call to a custom URL.'}
    </Alert>
  );
}

const RESULT_TABS: { id: ResultTab; label: string }[] = [
  { id: 'response', label: 'Response' },
  { id: 'request', label: 'Request' },
  { id: 'snippets', label: 'Snippets' },
  { id: 'history', label: 'History' },
];

export function DebuggerPanel() {
  const project = useProjectStore((s) => s.working);
  const { form, prepared, result, busy, error, tab, preview, send, setTab, load } = useDebugForm();
  const saveExample = useDebuggerStore((s) => s.saveExample);
  const examples = useDebuggerStore((s) => (form ? s.examples[debugKey(form)] : undefined));
  const historyCount = useDebuggerStore((s) => (form ? (s.history[debugKey(form)]?.length ?? 0) : 0));
  const [saving, setSaving] = useState(false);
  useFormTarget(project);
  const problems = useMemo(() => (form ? formProblems(form) : []), [form]);
  const request = useMemo(() => (form ? toDebugCall(form) : undefined), [form]);

  if (!project || project.apis.length === 0) {
    return <EmptyState title="No APIs to call">Create an API in the APIs area and deploy it to a stage; then call it here through the local gateway.</EmptyState>;
  }
  if (!form || !request) return null;
  const blocked = problems.length > 0;
  const key = debugKey(form);

  return (
    <Box component="section" aria-label="Debugger" sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, gap: 1.5 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <RequestBar project={project} form={form} />
        </Box>
        <Stack direction="row" spacing={1} sx={{ flexShrink: 0, pt: 0.25 }}>
          <Button variant="outlined" startIcon={<VisibilityOutlined />} disabled={busy !== undefined || blocked} onClick={() => void preview()}>
            Preview
          </Button>
          <Button variant="contained" startIcon={<SendIcon />} disabled={busy !== undefined || blocked} onClick={() => void send()} aria-describedby={blocked ? 'debugger-problems' : undefined}>
            {busy === 'send' ? 'Sending…' : 'Send'}
          </Button>
        </Stack>
      </Stack>
      {form.target === 'local' && <GatewayNotRunning />}
      {blocked && (
        <Alert id="debugger-problems" severity="info" sx={{ py: 0 }}>
          {problems.join(' ')}
        </Alert>
      )}
      {error && <Alert severity="error">{error}</Alert>}
      {prepared?.notes?.map((note) => (
        <Alert key={note} severity="warning" aria-label="About this request" sx={{ py: 0 }}>
          {note}
        </Alert>
      ))}
      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(380px, 5fr) minmax(420px, 7fr)', gap: 2, flex: 1, minHeight: 0 }}>
        <Paper variant="outlined" component="section" aria-label="Request" sx={{ overflow: 'auto', p: 2, minHeight: 0 }}>
          <RequestForm form={form} basePath={project.groups.find((g) => g.name === form.group)?.basePath} />
          <AuthForm project={project} form={form} />
        </Paper>
        <Paper variant="outlined" sx={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
          <Stack direction="row" sx={{ alignItems: 'center', borderBottom: 1, borderColor: 'divider', pr: 1 }}>
            <Tabs value={tab} onChange={(_e, v: ResultTab) => setTab(v)} aria-label="Debugger results" sx={{ px: 1, flex: 1 }}>
              {RESULT_TABS.map((t) => (
                <Tab
                  key={t.id}
                  value={t.id}
                  id={`debugger-tab-${t.id}`}
                  aria-controls="debugger-tab-panel"
                  label={
                    t.id === 'history' && historyCount > 0 ? (
                      <Badge badgeContent={historyCount} color="primary" max={99} sx={{ '& .MuiBadge-badge': { right: -12, top: 2 } }}>
                        {t.label}
                      </Badge>
                    ) : (
                      t.label
                    )
                  }
                  sx={t.id === 'history' && historyCount > 0 ? { pr: 3.5 } : undefined}
                />
              ))}
            </Tabs>
            <Button startIcon={<BookmarkAddOutlined />} onClick={() => setSaving(true)}>
              Save as example
            </Button>
          </Stack>
          <Box id="debugger-tab-panel" role="tabpanel" aria-labelledby={`debugger-tab-${tab}`} sx={{ overflow: 'auto', p: 2, flex: 1, minHeight: 0 }}>
            {tab === 'response' && <ResultView result={result} />}
            {tab === 'request' && <PreparedView prepared={prepared} />}
            {tab === 'snippets' && <SnippetsPanel request={request} />}
            {tab === 'history' && <HistoryPanel apiKey={key} busy={busy !== undefined} onLoad={(r) => load(project, r)} onSend={(r) => void send(r)} />}
          </Box>
        </Paper>
      </Box>
      <SaveExampleDialog
        open={saving}
        existing={(examples ?? []).map((e) => e.name)}
        onClose={() => setSaving(false)}
        onSave={(name) => {
          saveExample(key, name, request);
          setSaving(false);
          setTab('history');
        }}
      />
    </Box>
  );
}
