/** The editor of one plug-in: name, description, its type's settings, and bindings. */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import type { ApiStageRef, Plugin, Project } from '../../../shared/model/schema';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Section } from '../../components/section';
import { ModelDraftText, ModelText } from '../../components/model-controls';
import { fieldId } from '../../data/fields';
import { useProjectStore } from '../../data/project-store';
import { useUiStore } from '../../data/ui-store';
import { BindingsSection } from '../common/bindings-table';
import { DetailHeader } from '../common/master-detail';
import { nameCheck, nameSuggestion } from '../common/name-check';
import { sameRef } from '../common/named-edits';
import { CorsEditor } from './cors-editor';
import { IpControlEditor } from './ip-control-editor';
import { PLUGIN_TYPE_LABEL, removePlugin, renamePlugin, updatePlugin } from './plugin-edits';

export function PluginEditor({ project, index }: { project: Project; index: number }) {
  const plugin = project.plugins[index];
  const edit = useProjectStore((s) => s.edit);
  const select = useUiStore((s) => s.select);
  const [deleting, setDeleting] = useState(false);
  const at = (...rest: (string | number)[]) => ['plugins', index, ...rest];
  const others = project.plugins.filter((p) => p !== plugin).map((p) => p.name);
  const change = (label: string, fn: (p: Plugin) => Plugin, merge?: string) => edit(label, (p) => updatePlugin(p, plugin.name, fn), merge ? { merge } : undefined);

  const check = (ref: ApiStageRef) => {
    if (plugin.bindings.some((b) => sameRef(b, ref))) return `This plug-in is already bound to ${ref.api} in ${ref.stage}.`;
    const other = project.plugins.find((p) => p !== plugin && p.type === plugin.type && p.bindings.some((b) => sameRef(b, ref)));
    if (other) return `${ref.api} in ${ref.stage} already has ${PLUGIN_TYPE_LABEL[plugin.type]} plug-in ${other.name}; an API takes one plug-in of each type per stage.`;
    return undefined;
  };

  return (
    <Box>
      <DetailHeader
        title={plugin.name}
        tags={<Chip label={PLUGIN_TYPE_LABEL[plugin.type]} variant="outlined" />}
        actions={
          <Button color="error" variant="outlined" startIcon={<DeleteOutlined />} onClick={() => setDeleting(true)}>
            Delete plug-in
          </Button>
        }
      />
      <Stack spacing={2} sx={{ mb: 1 }}>
        <ModelDraftText
          path={at('name')}
          label="Name"
          required
          value={plugin.name}
          check={nameCheck('plugin', others)}
          suggest={nameSuggestion('plugin', others)}
          onCommit={(name) => {
            edit(`Rename plug-in ${plugin.name} to ${name}`, (p) => renamePlugin(p, plugin.name, name));
            select({ kind: 'plugin', name });
          }}
        />
        <ModelText
          path={at('description')}
          label="Description"
          value={plugin.description ?? ''}
          multiline
          onChange={(v) => change('Edit plug-in description', (p) => ({ ...p, description: v === '' ? undefined : v }), fieldId(at('description')))}
        />
      </Stack>
      <Section title="Settings">
        {plugin.type === 'ipControl' ? (
          <IpControlEditor
            project={project}
            index={index}
            config={plugin.ipControl}
            onChange={(label, fn, merge) => change(label, (p) => (p.type === 'ipControl' ? { ...p, ipControl: fn(p.ipControl) } : p), merge)}
          />
        ) : (
          <CorsEditor index={index} config={plugin.cors} onChange={(label, fn, merge) => change(label, (p) => (p.type === 'cors' ? { ...p, cors: fn(p.cors) } : p), merge)} />
        )}
      </Section>
      <BindingsSection
        project={project}
        path={at('bindings')}
        bindings={plugin.bindings}
        name={plugin.name}
        owner={`plug-in ${plugin.name}`}
        description="The APIs this plug-in applies to, each in one stage."
        emptyText="Not bound to any API yet: the plug-in has no effect until it is bound."
        check={check}
        onBind={(ref) => change(`Bind plug-in ${plugin.name} to ${ref.api} in ${ref.stage}`, (p) => ({ ...p, bindings: [...p.bindings, ref] }))}
        onRemove={(k) => change(`Unbind plug-in ${plugin.name}`, (p) => ({ ...p, bindings: p.bindings.filter((_, j) => j !== k) }))}
      />
      <ConfirmDialog
        open={deleting}
        title={`Delete plug-in ${plugin.name}?`}
        confirmLabel="Delete plug-in"
        destructive
        onClose={() => setDeleting(false)}
        onConfirm={() => {
          edit(`Delete plug-in ${plugin.name}`, (p) => removePlugin(p, plugin.name));
          setDeleting(false);
          select(undefined);
        }}
      >
        <Typography variant="body2">
          {plugin.bindings.length > 0
            ? `Its ${plugin.bindings.length} binding${plugin.bindings.length === 1 ? '' : 's'} go with it, and those APIs no longer get its ${PLUGIN_TYPE_LABEL[plugin.type]}. `
            : 'It is not bound to any API. '}
          Undo brings it back.
        </Typography>
      </ConfirmDialog>
    </Box>
  );
}
