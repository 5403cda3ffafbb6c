/**
 * Group addresses: where each group of the project answers on the local gateway, per stage, with
 * copy buttons and a curl line; the name→host rule; and which group the gateway's own address
 * (127.0.0.1) reaches, chosen here and kept in the design file (docs/local-gateway.md, "Groups and hosts").
 */
import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { OWN_ADDRESS_REASONS } from '../../../shared/gateway/local-hosts';
import type { Project } from '../../../shared/model/schema';
import { MONO } from '../../app/theme';
import { useGatewayStore } from '../../data/gateway-store';
import { useProjectStore } from '../../data/project-store';
import { useCopyText } from './copy-text';
import { groupAddresses, type GroupAddress } from './group-addresses';

const NO_DEFAULT = '';

function CopyButton({ label, what, text, disabled }: { label: string; what: string; text: string; disabled: boolean }) {
  const copy = useCopyText();
  return (
    <Tooltip title={disabled ? 'Start the gateway to copy it with its port' : `Copy the ${what}`}>
      <span>
        <IconButton aria-label={label} disabled={disabled} onClick={() => void copy(what[0].toUpperCase() + what.slice(1), text)} sx={{ p: 0.5 }}>
          <ContentCopyOutlined sx={{ fontSize: 16 }} />
        </IconButton>
      </span>
    </Tooltip>
  );
}

const codeSx = { fontFamily: MONO, fontSize: '0.8rem', overflowWrap: 'anywhere', minWidth: 0 } as const;

function GroupRow({ address, listening }: { address: GroupAddress; listening: boolean }) {
  const name = address.group;
  return (
    <Box component="li" aria-label={`Group ${name}`} sx={{ py: 1, borderTop: 1, borderColor: 'divider', listStyle: 'none' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
        <Typography sx={{ fontWeight: 600, fontSize: '0.9rem', minWidth: 0, overflowWrap: 'anywhere' }}>{name}</Typography>
        <Typography aria-hidden sx={{ color: 'text.secondary' }}>
          →
        </Typography>
        <Box component="code" aria-label={`Address of ${name}`} sx={{ ...codeSx, color: 'primary.main' }}>
          {address.url}
        </Box>
        <CopyButton label={`Copy address of ${name}`} what={`address of ${name}`} text={address.url} disabled={!listening} />
        {address.ownAddress && (
          <Tooltip title={`127.0.0.1 answers ${OWN_ADDRESS_REASONS[address.ownAddress.by]}`}>
            <Chip
              variant="outlined"
              color="success"
              label={
                <>
                  also <Box component="span" sx={{ fontFamily: MONO }}>{address.ownAddress.url}</Box>
                </>
              }
              aria-label={`${name} also answers on ${address.ownAddress.url}: ${OWN_ADDRESS_REASONS[address.ownAddress.by]}`}
            />
          </Tooltip>
        )}
      </Stack>
      {address.stages.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
          No API of this group is deployed to a stage yet: deploy one (Stages) to call it here.
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, mt: 0.5, p: 0, display: 'grid', gridTemplateColumns: 'auto 1fr auto', columnGap: 1, rowGap: 0.25, alignItems: 'center' }}>
          {address.stages.map((s) => (
            <Box component="li" key={s.stage} aria-label={`${name} in ${s.stage}`} sx={{ display: 'contents' }}>
              <Chip label={s.stage} variant="outlined" sx={{ fontFamily: MONO, fontSize: '0.7rem', height: 20, justifySelf: 'start' }} />
              <Box sx={{ minWidth: 0 }}>
                <Box component="code" aria-label={`curl for ${name} in ${s.stage}`} sx={{ ...codeSx, display: 'block' }}>
                  {s.curl}
                </Box>
                {s.api.signed && (
                  <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                    {s.api.name} needs a signature or AppCode: call it from the Debugger, which signs it.
                  </Typography>
                )}
              </Box>
              <CopyButton label={`Copy curl for ${name} in ${s.stage}`} what={`curl line for ${name} in ${s.stage}`} text={s.curl} disabled={!listening} />
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}

/** "Group on 127.0.0.1": an edit of the design; saved at once unless other edits are pending. */
function DefaultGroupSelect({ working, pending }: { working: Project; pending: boolean }) {
  const edit = useProjectStore((s) => s.edit);
  const save = useProjectStore((s) => s.save);
  const dirty = useProjectStore((s) => s.dirty);
  const names = working.groups.map((g) => g.name);
  const value = working.localGateway?.defaultGroup ?? NO_DEFAULT;
  const onlyGroup = names.length === 1 ? names[0] : undefined;
  const choose = (next: string) => {
    const wasDirty = dirty;
    edit(next === NO_DEFAULT ? 'Clear the group on 127.0.0.1' : `Answer group ${next} on 127.0.0.1`, (p) => {
      const { localGateway, ...rest } = p;
      const { defaultGroup: _dropped, ...settings } = localGateway ?? {};
      const nextSettings = next === NO_DEFAULT ? settings : { ...settings, defaultGroup: next };
      return Object.keys(nextSettings).length > 0 ? { ...rest, localGateway: nextSettings } : rest;
    });
    // Nothing else waits to be saved: save, so the gateway reloads with it now.
    if (!wasDirty) void save();
  };
  return (
    <TextField
      select
      label="Group on 127.0.0.1"
      value={names.includes(value) || value === NO_DEFAULT ? value : NO_DEFAULT}
      onChange={(e) => choose(e.target.value)}
      sx={{ width: 260, flexShrink: 0 }}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true }, htmlInput: pending ? { 'aria-describedby': 'default-group-hint' } : {} }}
    >
      <MenuItem value={NO_DEFAULT}>{onlyGroup ? `${onlyGroup} (only group)` : 'None: answers no group'}</MenuItem>
      {names.map((n) => (
        <MenuItem key={n} value={n}>
          {n}
        </MenuItem>
      ))}
    </TextField>
  );
}

export function GroupAddressesPanel() {
  const status = useGatewayStore((s) => s.status);
  const saved = useProjectStore((s) => s.file?.project);
  const working = useProjectStore((s) => s.working);
  // Open by default beside the log; folded beside the debugger, whose form needs the height. The person's own choice wins.
  const view = useGatewayStore((s) => s.view);
  const [chosen, setOpen] = useState<boolean | undefined>(undefined);
  const open = chosen ?? view === 'log';
  const listening = status?.state === 'listening' && status.url !== undefined;
  const gatewayUrl = listening ? status.url : undefined;
  const addresses = useMemo(() => (saved ? groupAddresses(saved, gatewayUrl) : []), [saved, gatewayUrl]);
  if (!saved || !working || saved.groups.length === 0) return null;
  const pending = (working.localGateway?.defaultGroup ?? NO_DEFAULT) !== (saved.localGateway?.defaultGroup ?? NO_DEFAULT);
  const own = addresses.find((a) => a.ownAddress);
  // The rule shown on one of the project's own groups, one whose name it changes when there is one.
  const example = addresses.find((a) => a.host !== `${a.group}.localhost`) ?? addresses[0];

  return (
    <Paper variant="outlined" component="section" aria-labelledby="group-addresses-title" sx={{ mx: 3, mb: 1.5, px: 2, py: 1 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Tooltip title={open ? 'Hide the addresses' : 'Show the addresses'}>
          <IconButton aria-label={open ? 'Hide addresses' : 'Show addresses'} aria-expanded={open} aria-controls="group-addresses-list" onClick={() => setOpen(!open)} sx={{ ml: -0.75 }}>
            {open ? <ExpandLessIcon fontSize="small" /> : <ExpandMoreIcon fontSize="small" />}
          </IconButton>
        </Tooltip>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography id="group-addresses-title" variant="h3" component="h2">
            Group addresses
            {!open && (
              <Typography component="span" variant="body2" sx={{ color: 'text.secondary', ml: 1 }}>
                {addresses.length} {addresses.length === 1 ? 'group' : 'groups'}
                {own ? `; 127.0.0.1 answers ${own.group}` : ''}
              </Typography>
            )}
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            A group&apos;s host is its name in lower case, <code>_</code> and other characters as <code>-</code>, then <code>.localhost</code>:{' '}
            <code>{example.group}</code> → <code>{example.host}</code>. X-Ca-Stage picks the stage (RELEASE without it).
          </Typography>
        </Box>
        <DefaultGroupSelect working={working} pending={pending} />
      </Stack>
      {pending && (
        <Typography id="default-group-hint" variant="caption" sx={{ display: 'block', color: 'warning.main', mt: 0.5, textAlign: 'right' }}>
          Save the project to apply the group on 127.0.0.1: the gateway serves the saved version.
        </Typography>
      )}
      {open && (
        <Box component="ul" id="group-addresses-list" aria-label="Groups and their addresses" sx={{ m: 0, mt: 0.75, p: 0, maxHeight: 210, overflowY: 'auto' }}>
          {addresses.map((a) => (
            <GroupRow key={a.group} address={a} listening={listening} />
          ))}
        </Box>
      )}
    </Paper>
  );
}
