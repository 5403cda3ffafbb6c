/** Basics: the API's name, group, description and visibility. Renames and moves carry references along. */
import Stack from '@mui/material/Stack';
import { nameHint } from '../../../../shared/model/names';
import type { ApiVisibility } from '../../../../shared/model/schema';
import { ModelDraftText, ModelSelect, ModelText } from '../../../components/model-controls';
import { useProjectStore } from '../../../data/project-store';
import { useUiStore } from '../../../data/ui-store';
import { renameApi } from '../api-edits';
import { nameVerdict } from '../../common/name-check';
import type { TabProps } from './tab-props';

const VISIBILITIES: { value: ApiVisibility; label: string }[] = [
  { value: 'PRIVATE', label: 'PRIVATE — not listed publicly (default)' },
  { value: 'PUBLIC', label: 'PUBLIC — listed in the API Marketplace once in RELEASE' },
];

export function BasicsTab({ api, at, editApi }: TabProps) {
  const project = useProjectStore((s) => s.working);
  const edit = useProjectStore((s) => s.edit);
  const select = useUiStore((s) => s.select);
  const notify = useUiStore((s) => s.notify);
  const groups = project?.groups ?? [];

  const taken = (group: string, name: string) => project?.apis.some((a) => a.group === group && a.name === name && a !== api) ?? false;
  // The other APIs of its group: names are unique per group.
  const others = (project?.apis ?? []).filter((a) => a.group === api.group && a !== api).map((a) => a.name);
  const verdict = nameVerdict('api', others);

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
        check={(name) => verdict(name)?.message}
        suggest={(name) => verdict(name)?.suggestion}
        onCommit={(name) => moveTo(api.group, name, `Rename API ${api.name} to ${name}`)}
        hint={`${nameHint('api')} Stage histories, authorizations, bindings and the cloud ids follow a rename.`}
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
      <ModelSelect
        path={[...at, 'visibility']}
        label="Visibility"
        value={api.visibility}
        options={VISIBILITIES}
        onChange={(visibility) => editApi(`Make API ${api.name} ${visibility}`, (a) => ({ ...a, visibility }))}
        hint="Alibaba Cloud's Visibility, sent by sync. PUBLIC lists the API publicly in the API Marketplace once it is deployed to RELEASE; PRIVATE keeps it off that list. Who may call it is set under Auth either way; the local gateway does not use it."
      />
    </Stack>
  );
}
