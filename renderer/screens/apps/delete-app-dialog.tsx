/**
 * Deleting an app removes what refers to it (authorizations, special limits, IP control items
 * limited to it) in one edit, and its credentials at the host, which undo cannot bring back.
 */
import { useMemo } from 'react';
import Typography from '@mui/material/Typography';
import type { Project } from '../../../shared/model/schema';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { deleteAppCredentials, messageOf } from '../../data/credentials';
import { useProjectStore } from '../../data/project-store';
import { useUiStore } from '../../data/ui-store';
import { appDependents, removeApp } from './app-edits';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function DeleteAppDialog({ open, project, app, hasCredentials, onClose }: { open: boolean; project: Project; app: string; hasCredentials: boolean; onClose: () => void }) {
  const edit = useProjectStore((s) => s.edit);
  const select = useUiStore((s) => s.select);
  const notify = useUiStore((s) => s.notify);
  const d = useMemo(() => appDependents(project, app), [project, app]);

  const confirm = async () => {
    edit(`Delete app ${app}`, (p) => removeApp(p, app));
    select(undefined);
    onClose();
    try {
      await deleteAppCredentials(app);
      notify(`App ${app} deleted with its credentials. Save to write the project file.`, 'success');
    } catch (e) {
      notify(`App ${app} was deleted from the design, but its credentials could not be deleted: ${messageOf(e)}. Remove them from the secrets file by hand.`, 'warning');
    }
  };
  return (
    <ConfirmDialog
      open={open}
      title={`Delete app ${app}?`}
      confirmLabel="Delete app"
      destructive
      typedConfirmation={hasCredentials ? app : undefined}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <Typography variant="body2" sx={{ mb: 1 }}>
        These go with it:
      </Typography>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        <li>
          <Typography variant="body2">
            {d.authorizations.length === 0
              ? 'no authorizations'
              : `${plural(d.authorizations.length, 'authorization')}: ${d.authorizations.map((a) => `${a.api} in ${a.stage}`).join(', ')}`}
          </Typography>
        </li>
        <li>
          <Typography variant="body2">
            {d.specials.length === 0 ? 'no special limits' : `${plural(d.specials.length, 'special limit')} in throttling policies ${[...new Set(d.specials.map((s) => s.policy))].join(', ')}`}
          </Typography>
        </li>
        {d.ipItems.map((item) => (
          <li key={item.plugin}>
            <Typography variant="body2">
              {item.emptied
                ? `IP control plug-in ${item.plugin}, whose only ${item.count === 1 ? 'item is' : 'items are'} limited to this app`
                : `${plural(item.count, 'item')} of IP control plug-in ${item.plugin} limited to this app`}
            </Typography>
          </li>
        ))}
        <li>
          <Typography variant="body2">
            {hasCredentials ? 'its AppKey/AppSecret and AppCode, deleted from the secrets file at once' : 'no credentials'}
          </Typography>
        </li>
      </ul>
      <Typography variant="body2" sx={{ mt: 1.5 }}>
        Undo restores the app and its authorizations, but not its credentials: callers would need newly generated ones.
      </Typography>
    </ConfirmDialog>
  );
}
