/**
 * Names Alibaba Cloud refuses — a project file from an older version, whose rules allowed `-`
 * (`demo-hello-api`) — and the one step that fixes them all: a banner over the content and a button
 * in the problems list open a dialog that lists each rename before it is made. The renames
 * (shared/model/name-fixes.ts) carry every reference and the cloud ids, and are one edit that undo
 * takes back; the apps' credentials follow at the host (the UI never sees a secret).
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { appRenames, fixNames, nameFixes } from '../../shared/model/name-fixes';
import { NAME_RULES } from '../../shared/model/names';
import type { Rename } from '../../shared/model/rename';
import { ConfirmDialog } from '../components/confirm-dialog';
import { messageOf, renameAppCredentials } from '../data/credentials';
import { useProjectStore } from '../data/project-store';
import { type Selection, useUiStore } from '../data/ui-store';
import { MONO } from './theme';

const useRenameDialog = create<{ open: boolean; show(): void; hide(): void }>()((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}));

/** The renames that would fix every refused name of the open design. */
export function useNameFixes(): Rename[] {
  const working = useProjectStore((s) => s.working);
  return useMemo(() => (working ? nameFixes(working) : []), [working]);
}

export function renameNamesLabel(count: number): string {
  return `Rename ${count === 1 ? '1 name' : `${count} names`} to what Alibaba Cloud accepts`;
}

/** The button that opens the dialog (the problems list shows one). */
export function RenameNamesButton({ onClick }: { onClick?: () => void }) {
  const fixes = useNameFixes();
  const show = useRenameDialog((s) => s.show);
  if (fixes.length === 0) return null;
  return (
    <Button
      size="small"
      variant="outlined"
      onClick={() => {
        onClick?.();
        show();
      }}
    >
      {renameNamesLabel(fixes.length)}
    </Button>
  );
}

/** Across the top of the content area while the design has names the cloud refuses that can be fixed. */
export function CloudNamesBanner() {
  const fixes = useNameFixes();
  const show = useRenameDialog((s) => s.show);
  if (fixes.length === 0) return null;
  const examples = fixes.slice(0, 3).map((fix) => fix.from);
  return (
    <Alert
      severity="warning"
      square
      aria-label="Names Alibaba Cloud refuses"
      action={
        <Button color="inherit" onClick={show} sx={{ whiteSpace: 'nowrap' }}>
          {renameNamesLabel(fixes.length)}
        </Button>
      }
      sx={{ py: 0, flexShrink: 0, alignItems: 'center' }}
    >
      {fixes.length === 1 ? 'A name' : `${fixes.length} names`} in this project {fixes.length === 1 ? 'is' : 'are'} refused by Alibaba Cloud (
      {examples.map((name, i) => (
        <span key={name}>
          {i > 0 && ', '}
          <code>{name}</code>
        </span>
      ))}
      {fixes.length > examples.length ? '…' : ''}), so a sync would fail. Renaming keeps every reference and the cloud ids.
    </Alert>
  );
}

function what(fix: Rename): string {
  return fix.kind === 'api' ? `API in ${fix.group}` : NAME_RULES[fix.kind].label;
}

/** The selection after the renames, so the open editor follows its object. */
function renamedSelection(selection: Selection | undefined, fixes: readonly Rename[]): Selection | undefined {
  if (!selection) return selection;
  const rename = (kind: Rename['kind'], name: string, group?: string) => fixes.find((fix) => fix.kind === kind && fix.from === name && (kind !== 'api' || fix.group === group))?.to ?? name;
  switch (selection.kind) {
    case 'group':
      return { ...selection, group: rename('group', selection.group) };
    case 'api':
    case 'deployment': {
      const group = rename('group', selection.group);
      return { ...selection, group, api: rename('api', selection.api, group) };
    }
    case 'throttlingPolicy':
      return { ...selection, name: rename('throttlingPolicy', selection.name) };
    case 'app':
      return { ...selection, name: rename('app', selection.name) };
    case 'plugin':
      return { ...selection, name: rename('plugin', selection.name) };
    default:
      return selection;
  }
}

/** Lists the renames and makes them: credentials first (nothing is renamed if that fails), then the one edit. */
export function RenameNamesDialog() {
  const open = useRenameDialog((s) => s.open);
  const hide = useRenameDialog((s) => s.hide);
  const fixes = useNameFixes();
  const edit = useProjectStore((s) => s.edit);
  const notify = useUiStore((s) => s.notify);
  const select = useUiStore((s) => s.select);

  const apply = async () => {
    hide();
    const working = useProjectStore.getState().working;
    if (!working) return;
    const chosen = nameFixes(working);
    if (chosen.length === 0) return;
    const apps = appRenames(chosen);
    try {
      await renameAppCredentials(apps);
    } catch (error) {
      notify(`Nothing was renamed: the credentials of ${apps.map((a) => a.from).join(', ')} could not be renamed in the secrets file (${messageOf(error)}).`, 'error');
      return;
    }
    const back = apps.map(({ from, to }) => ({ from: to, to: from }));
    const follow = (step: string, renames: { from: string; to: string }[]) => () => {
      renameAppCredentials(renames).catch((error: unknown) =>
        notify(`The design was ${step}, but the apps' credentials could not follow (${messageOf(error)}): rename them in the secrets file by hand.`, 'warning'),
      );
    };
    edit(renameNamesLabel(chosen.length), (p) => fixNames(p, chosen), apps.length > 0 ? { effect: { undo: follow('undone', back), redo: follow('redone', apps) } } : undefined);
    select(renamedSelection(useUiStore.getState().selection, chosen));
    notify(`Renamed ${chosen.length === 1 ? '1 name' : `${chosen.length} names`}${apps.length > 0 ? ' and the credentials of the renamed apps' : ''}. Save to write the project file; the next sync renames the same objects in the cloud.`, 'success');
  };

  return (
    <ConfirmDialog open={open && fixes.length > 0} title="Rename the names Alibaba Cloud refuses" confirmLabel={`Rename ${fixes.length === 1 ? '1 name' : `${fixes.length} names`}`} onConfirm={() => void apply()} onClose={hide}>
      <Typography variant="body2" sx={{ mb: 1.5 }}>
        Alibaba Cloud accepts no <code>-</code> in these names (and the other rules listed under each problem). Each gets the name below:
      </Typography>
      <Table size="small" aria-label="Renames">
        <TableHead>
          <TableRow>
            <TableCell>What</TableCell>
            <TableCell>Name now</TableCell>
            <TableCell>New name</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {fixes.map((fix) => (
            <TableRow key={`${fix.kind}/${fix.group ?? ''}/${fix.from}`}>
              <TableCell>{what(fix)}</TableCell>
              <TableCell sx={{ fontFamily: MONO, fontSize: '0.8rem' }}>{fix.from}</TableCell>
              <TableCell sx={{ fontFamily: MONO, fontSize: '0.8rem' }}>{fix.to}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2" sx={{ mt: 1.5 }}>
        Every reference follows: APIs&apos; groups, stage histories, authorizations, throttling and plug-in bindings. The cloud ids sync recorded move to the new names, so the next sync renames the same cloud
        objects instead of creating new ones. Apps&apos; credentials are renamed in the secrets file at once. Undo takes it all back.
      </Typography>
    </ConfirmDialog>
  );
}
