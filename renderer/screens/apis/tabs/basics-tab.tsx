/** Basics: the API's name, group and description. Renames and moves carry references along. */
import Stack from '@mui/material/Stack';
import { nameProblem } from '../../../../shared/model/names';
import { ModelDraftText, ModelSelect, ModelText } from '../../../components/model-controls';
import { useProjectStore } from '../../../data/project-store';
import { useUiStore } from '../../../data/ui-store';
import { renameApi } from '../api-edits';
import type { TabProps } from './tab-props';

export function BasicsTab({ api, at, editApi }: TabProps) {
  const project = useProjectStore((s) => s.working);
  const edit = useProjectStore((s) => s.edit);
  const select = useUiStore((s) => s.select);
  const notify = useUiStore((s) => s.notify);
  const groups = project?.groups ?? [];

  const taken = (group: string, name: string) => project?.apis.some((a) => a.group === group && a.name === name && a !== api) ?? false;
  const checkName = (name: string) => nameProblem('api', name) ?? (taken(api.group, name) ? `Group ${api.group} already has an API named ${name}. Choose another name.` : undefined);

  const moveTo = (group: string, name: string, label: string) => {
    const ref = { group: api.group, api: api.name };
    edit(label, (p) => renameApi(p, ref, { group, api: name }));
    select({ kind: 'api', group, api: name });
  };
  const groupOptions = groups.map((g) => ({ value: g.name, label: g.name }));
  if (!groups.some((g) => g.name === api.group)) groupOptions.push({ value: api.group, label: `${api.group} (no such group)` });

  return (
    <Stack spacing={2.5} sx={{ maxWidth: 720 }}>
      <ModelDraftText
        path={[...at, 'name']}
        label="Name"
        required
        value={api.name}
        check={checkName}
        onCommit={(name) => moveTo(api.group, name, `Rename API ${api.name} to ${name}`)}
        hint="4 to 50 characters: letters, digits, _ and -, starting with a letter. Stage histories, authorizations and bindings follow a rename."
      />
      <ModelSelect
        path={[...at, 'group']}
        label="Group"
        required
        value={api.group}
        options={groupOptions}
        onChange={(group) => {
          if (taken(group, api.name)) notify(`Not moved: group ${group} already has an API named ${api.name}. Rename one of them first.`, 'error');
          else moveTo(group, api.name, `Move API ${api.name} to group ${group}`);
        }}
        hint="Moving an API to another group moves its stage histories, authorizations and bindings with it; in the cloud it becomes a new API."
      />
      <ModelText
        path={[...at, 'description']}
        label="Description"
        multiline
        minRows={3}
        value={api.description ?? ''}
        onChange={(text) => editApi('Edit API description', (a) => ({ ...a, description: text === '' ? undefined : text }), [...at, 'description'])}
        hint="Up to 180 characters."
      />
    </Stack>
  );
}
