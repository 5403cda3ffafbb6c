/** Creates a group: name (checked as typed), description and base path. */
import { useEffect, useState } from 'react';
import TextField from '@mui/material/TextField';
import { basePathProblem } from '../../../shared/model/base-path';
import type { Project } from '../../../shared/model/schema';
import { useProjectStore } from '../../data/project-store';
import { NewNamedDialog } from '../common/new-named-dialog';
import { addGroup } from './group-edits';

export function NewGroupDialog({ open, project, onClose, onCreated }: { open: boolean; project: Project; onClose: () => void; onCreated: (name: string) => void }) {
  const edit = useProjectStore((s) => s.edit);
  const [basePath, setBasePath] = useState('/');
  useEffect(() => {
    if (open) setBasePath('/');
  }, [open]);
  const problem = basePathProblem(basePath);
  const basePathError = problem === undefined ? undefined : `The base path ${problem}.`;
  return (
    <NewNamedDialog
      open={open}
      title="New group"
      kind="group"
      taken={project.groups.map((g) => g.name)}
      baseName="new_group"
      createLabel="Create group"
      blocked={basePathError}
      onClose={onClose}
      onCreate={(name, description) => {
        edit(`Create group ${name}`, (p) => addGroup(p, { name, description, basePath, stageVariables: {} }));
        onCreated(name);
      }}
    >
      <TextField
        label="Base path"
        value={basePath}
        onChange={(e) => setBasePath(e.target.value)}
        error={basePathError !== undefined}
        helperText={basePathError ?? 'Prefix of every API path of this group; / for none.'}
      />
    </NewNamedDialog>
  );
}
