/**
 * Groups: the list of API groups, and the selected group's settings (name, description, base
 * path, Internet access, stage variables). Renaming carries every reference along; deleting takes the group's APIs
 * and everything bound to them with it, after a confirmation that lists them.
 */
import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import FolderOutlined from '@mui/icons-material/FolderOutlined';
import { STAGES } from '../../../shared/model/schema';
import type { Group, Project } from '../../../shared/model/schema';
import { Section } from '../../components/section';
import { ModelDraftText, ModelSelect, ModelText } from '../../components/model-controls';
import { fieldId } from '../../data/fields';
import { useProjectStore } from '../../data/project-store';
import { useUiStore } from '../../data/ui-store';
import { MONO } from '../../app/theme';
import { DetailHeader, ListDetailScreen } from '../common/master-detail';
import type { Column } from '../common/master-detail';
import { indexesWithProblems, nameCheck, nameSuggestion } from '../common/name-check';
import { DeleteGroupDialog } from './delete-group-dialog';
import { NewGroupDialog } from './new-group-dialog';
import { StageVariablesTable } from './stage-variables-table';
import { renameGroup, updateGroup } from './group-edits';

export function GroupsScreen() {
  const project = useProjectStore((s) => s.working);
  const problems = useProjectStore((s) => s.problems);
  const selection = useUiStore((s) => s.selection);
  const select = useUiStore((s) => s.select);
  const [creating, setCreating] = useState(false);

  // With nothing selected yet, the first group is shown, so the screen opens on something useful.
  const selected = selection?.kind === 'group' ? selection.group : project?.groups[0]?.name;
  const apiCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const api of project?.apis ?? []) counts.set(api.group, (counts.get(api.group) ?? 0) + 1);
    return counts;
  }, [project?.apis]);

  if (!project) return null;
  const groups = project.groups;
  const index = groups.findIndex((g) => g.name === selected);
  const columns: Column<Group>[] = [
    { header: 'Name', cell: (g) => <span title={g.name}>{g.name}</span>, width: '34%' },
    { header: 'Description', cell: (g) => <span title={g.description}>{g.description ?? '—'}</span> },
    { header: 'Base path', cell: (g) => <span style={{ fontFamily: MONO }}>{g.basePath}</span>, width: 100 },
    { header: 'APIs', cell: (g) => apiCounts.get(g.name) ?? 0, align: 'right', width: 56 },
  ];
  const withProblems = indexesWithProblems(problems, 'groups');

  return (
    <ListDetailScreen
      title="Groups"
      subtitle="An API group holds APIs under one base path. Every group has the stages TEST, PRE and RELEASE, each with its own variables."
      newLabel="New group"
      onNew={() => setCreating(true)}
      empty={{ title: 'No API groups yet', icon: <FolderOutlined />, text: "Create a group first: every API belongs to one, and the group's stages are where APIs are deployed." }}
      table={{
        label: 'API groups',
        items: groups,
        columns,
        keyOf: (g) => g.name,
        selected,
        onSelect: (group) => select({ kind: 'group', group }),
        hasProblem: (g) => withProblems.has(groups.indexOf(g)),
      }}
      detail={index >= 0 ? <GroupEditor key={groups[index].name} project={project} index={index} /> : undefined}
      nothingSelected="Select a group to edit its name, base path and stage variables."
    >
      <NewGroupDialog
        open={creating}
        project={project}
        onClose={() => setCreating(false)}
        onCreated={(group) => {
          setCreating(false);
          select({ kind: 'group', group });
        }}
      />
    </ListDetailScreen>
  );
}

function GroupEditor({ project, index }: { project: Project; index: number }) {
  const group = project.groups[index];
  const edit = useProjectStore((s) => s.edit);
  const select = useUiStore((s) => s.select);
  const [deleting, setDeleting] = useState(false);
  const at = (...rest: (string | number)[]) => ['groups', index, ...rest];
  const others = project.groups.filter((g) => g !== group).map((g) => g.name);
  const apiCount = project.apis.filter((a) => a.group === group.name).length;

  const change = (label: string, field: string, fn: (g: Group) => Group) =>
    edit(label, (p) => updateGroup(p, group.name, fn), { merge: fieldId(at(field)) });

  return (
    <Box>
      <DetailHeader
        title={group.name}
        actions={
          <Button color="error" variant="outlined" startIcon={<DeleteOutlined />} onClick={() => setDeleting(true)}>
            Delete group
          </Button>
        }
      />
      <Stack spacing={2}>
        <ModelDraftText
          path={at('name')}
          label="Name"
          required
          value={group.name}
          check={nameCheck('group', others)}
          suggest={nameSuggestion('group', others)}
          hint={`Renaming updates every reference: ${apiCount} API${apiCount === 1 ? '' : 's'}, their deployments, authorizations, throttling and plug-in bindings, and the cloud ids sync recorded.`}
          onCommit={(name) => {
            edit(`Rename group ${group.name} to ${name}`, (p) => renameGroup(p, group.name, name));
            select({ kind: 'group', group: name });
          }}
        />
        <ModelText
          path={at('description')}
          label="Description"
          value={group.description ?? ''}
          multiline
          onChange={(v) => change('Edit group description', 'description', (g) => ({ ...g, description: v === '' ? undefined : v }))}
        />
        <ModelText
          path={at('basePath')}
          label="Base path"
          required
          value={group.basePath}
          hint="Prefix of every API path of this group, e.g. /v1. Use / for none."
          onChange={(v) => change('Edit base path', 'basePath', (g) => ({ ...g, basePath: v }))}
        />
        <ModelSelect<InternetChoice>
          path={at('network')}
          label="Internet access"
          value={internetChoice(group)}
          options={INTERNET_CHOICES}
          hint="Whether callers on the Internet reach the group's APIs. Sync sets it with ModifyApiGroupNetworkPolicy (InternetEnable); a dedicated gateway has no EIP of its own."
          onChange={(choice) => change('Edit Internet access', 'network', (g) => withInternet(g, choice))}
        />
      </Stack>
      <Section
        title="Stage variables"
        description={
          <>
            Written as <code>#name#</code> in backend addresses and paths, each stage with its own value (e.g. a backend host per stage).
          </>
        }
      >
        {STAGES.map((stage) => (
          <StageVariablesTable key={stage} groupIndex={index} group={group} stage={stage} />
        ))}
      </Section>
      {apiCount === 0 && (
        <Alert severity="info" sx={{ mt: 3 }}>
          This group has no APIs yet. Add them in APIs, or import an OpenAPI document there.
        </Alert>
      )}
      <DeleteGroupDialog open={deleting} project={project} group={group.name} onClose={() => setDeleting(false)} />
    </Box>
  );
}

type InternetChoice = 'unset' | 'on' | 'off';

const INTERNET_CHOICES: { value: InternetChoice; label: string }[] = [
  { value: 'unset', label: 'As the cloud has it (sync leaves it alone)' },
  { value: 'on', label: 'On: callers on the Internet reach it' },
  { value: 'off', label: 'Off: callers on the Internet do not reach it' },
];

function internetChoice(group: Group): InternetChoice {
  if (!group.network) return 'unset';
  return group.network.internet ? 'on' : 'off';
}

function withInternet(group: Group, choice: InternetChoice): Group {
  const { network: _left, ...rest } = group;
  return choice === 'unset' ? rest : { ...rest, network: { internet: choice === 'on' } };
}
