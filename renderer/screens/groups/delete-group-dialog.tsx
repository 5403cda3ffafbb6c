/**
 * Deleting a group removes its APIs and everything that points at them, as one edit (undo brings
 * it all back). The dialog lists what goes, and asks for the name when anything depends on it.
 */
import { useMemo } from 'react';
import Typography from '@mui/material/Typography';
import type { Project } from '../../../shared/model/schema';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useProjectStore } from '../../data/project-store';
import { useUiStore } from '../../data/ui-store';
import { dependentCount, groupDependents, removeGroup } from './group-edits';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const listOf = (names: string[], max = 8) => (names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`);

export function DeleteGroupDialog({ open, project, group, onClose }: { open: boolean; project: Project; group: string; onClose: () => void }) {
  const edit = useProjectStore((s) => s.edit);
  const select = useUiStore((s) => s.select);
  const notify = useUiStore((s) => s.notify);
  const d = useMemo(() => groupDependents(project, group), [project, group]);
  const total = dependentCount(d);
  const confirm = () => {
    edit(`Delete group ${group}`, (p) => removeGroup(p, group));
    select(undefined);
    onClose();
    notify(`Group ${group} deleted${total ? ` with ${plural(d.apis.length, 'API')}` : ''}. Undo brings it back; save to write the file.`, 'success');
  };
  return (
    <ConfirmDialog
      open={open}
      title={`Delete group ${group}?`}
      confirmLabel={total ? `Delete group and ${plural(d.apis.length, 'API')}` : 'Delete group'}
      destructive
      typedConfirmation={total ? group : undefined}
      onConfirm={confirm}
      onClose={onClose}
    >
      {total === 0 ? (
        <Typography variant="body2">Nothing uses this group. It is removed from the design; Undo brings it back.</Typography>
      ) : (
        <>
          <Typography variant="body2" sx={{ mb: 1 }}>
            Deleting the group also removes everything that belongs to it:
          </Typography>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {d.apis.length > 0 && (
              <li>
                <Typography variant="body2">
                  {plural(d.apis.length, 'API')}: {listOf(d.apis.map((a) => a.name))}
                </Typography>
              </li>
            )}
            {d.deployments.length > 0 && (
              <li>
                <Typography variant="body2">{plural(d.deployments.length, 'stage history', 'stage histories')} (what TEST, PRE and RELEASE serve, with every version)</Typography>
              </li>
            )}
            {d.authorizations.length > 0 && (
              <li>
                <Typography variant="body2">
                  {plural(d.authorizations.length, 'authorization')} of apps: {listOf([...new Set(d.authorizations.map((a) => a.app))])}
                </Typography>
              </li>
            )}
            {d.throttlingBindings.length > 0 && (
              <li>
                <Typography variant="body2">
                  {plural(d.throttlingBindings.length, 'throttling policy binding')} ({listOf([...new Set(d.throttlingBindings.map((b) => b.policy))])}); the policies stay
                </Typography>
              </li>
            )}
            {d.pluginBindings.length > 0 && (
              <li>
                <Typography variant="body2">
                  {plural(d.pluginBindings.length, 'plug-in binding')} ({listOf([...new Set(d.pluginBindings.map((b) => b.plugin))])}); the plug-ins stay
                </Typography>
              </li>
            )}
          </ul>
          <Typography variant="body2" sx={{ mt: 1.5 }}>
            Undo brings it all back until you close the project. The cloud is not touched: a sync plan lists the group's deletion as its own line before anything is removed there.
          </Typography>
        </>
      )}
    </ConfirmDialog>
  );
}
