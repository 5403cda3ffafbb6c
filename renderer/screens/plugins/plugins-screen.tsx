/**
 * Plug-ins: IP access control (allow or refuse callers by address) and CORS (answers to browsers'
 * cross-origin requests), each bound to APIs per stage.
 */
import { useState } from 'react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ExtensionOutlined from '@mui/icons-material/ExtensionOutlined';
import type { Plugin } from '../../../shared/model/schema';
import { useProjectStore } from '../../data/project-store';
import { useUiStore } from '../../data/ui-store';
import { ListDetailScreen } from '../common/master-detail';
import type { Column } from '../common/master-detail';
import { indexesWithProblems } from '../common/name-check';
import { NewNamedDialog } from '../common/new-named-dialog';
import { PluginEditor } from './plugin-editor';
import { PLUGIN_TYPE_LABEL, newPlugin } from './plugin-edits';

export function PluginsScreen() {
  const project = useProjectStore((s) => s.working);
  const problems = useProjectStore((s) => s.problems);
  const edit = useProjectStore((s) => s.edit);
  const selection = useUiStore((s) => s.selection);
  const select = useUiStore((s) => s.select);
  const [creating, setCreating] = useState(false);
  const [type, setType] = useState<Plugin['type']>('ipControl');

  if (!project) return null;
  const plugins = project.plugins;
  const selected = selection?.kind === 'plugin' ? selection.name : plugins[0]?.name;
  const index = plugins.findIndex((p) => p.name === selected);
  const withProblems = indexesWithProblems(problems, 'plugins');
  const columns: Column<Plugin>[] = [
    { header: 'Name', cell: (p) => <span title={p.name}>{p.name}</span>, width: '45%' },
    { header: 'Type', cell: (p) => PLUGIN_TYPE_LABEL[p.type] },
    { header: 'Bound', cell: (p) => p.bindings.length, align: 'right', width: 64 },
  ];

  return (
    <ListDetailScreen
      title="Plug-ins"
      subtitle="IP access control allows or refuses callers by address; CORS lets web pages on other origins call the APIs. Bind each plug-in to APIs per stage."
      newLabel="New plug-in"
      onNew={() => setCreating(true)}
      empty={{ title: 'No plug-ins yet', icon: <ExtensionOutlined />, text: 'Create an IP access control or CORS plug-in, then bind it to APIs in a stage.' }}
      table={{
        label: 'Plug-ins',
        items: plugins,
        columns,
        keyOf: (p) => p.name,
        selected,
        onSelect: (name) => select({ kind: 'plugin', name }),
        hasProblem: (p) => withProblems.has(plugins.indexOf(p)),
      }}
      detail={index >= 0 ? <PluginEditor key={plugins[index].name} project={project} index={index} /> : undefined}
      nothingSelected="Select a plug-in to edit its settings and bindings."
    >
      <NewNamedDialog
        open={creating}
        title="New plug-in"
        kind="plugin"
        taken={plugins.map((p) => p.name)}
        baseName={type === 'cors' ? 'new_cors' : 'new_ip_control'}
        createLabel="Create plug-in"
        onClose={() => setCreating(false)}
        onCreate={(name, description) => {
          edit(`Create plug-in ${name}`, (p) => ({ ...p, plugins: [...p.plugins, { ...newPlugin(type, name), description }] }));
          setCreating(false);
          select({ kind: 'plugin', name });
        }}
      >
        <TextField select label="Type" value={type} onChange={(e) => setType(e.target.value as Plugin['type'])}>
          <MenuItem value="ipControl">IP access control</MenuItem>
          <MenuItem value="cors">CORS</MenuItem>
        </TextField>
      </NewNamedDialog>
    </ListDetailScreen>
  );
}
